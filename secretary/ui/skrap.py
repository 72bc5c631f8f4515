"""Python's cyclic garbage collector kept out of the key presses.

A collection walks every object the collector tracks that is not frozen; with the register,
the open windows and their Qt wrappers that is well over a hundred thousand, and the
collections that fall inside a key press of the live session took a sixth of its time (J in
a roll call on the 61-member KF: 20 ms of CPU with, 17 ms without). What exists once a window
is built lives as long as the window, so it is moved out of the collector's sight
(`gc.freeze`); what a key press makes and drops is still collected as before. Objects that
are frozen and later become garbage are still freed by reference counting, as nearly all are;
only reference cycles among them wait for the program to end.
"""

from __future__ import annotations

import gc


def frys_det_som_finns() -> None:
    """After a window is built: collect once, then freeze what is left."""
    gc.collect()
    gc.freeze()
