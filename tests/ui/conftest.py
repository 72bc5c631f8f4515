"""Widget tests: fixtures come from tests/conftest.py; this adds what only windows need."""

from __future__ import annotations

import pytest

# The offscreen platform says these on show() and raise(); about the platform, not our code.
_OFFSCREEN_NOISE = "This plugin does not support (propagateSizeHints|raise)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))
