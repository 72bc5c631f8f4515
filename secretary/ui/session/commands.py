"""The undo stack of the session window: one command class for every action.

A service action returns an `Andring` (secretary.services.andring): what was done, the state
after it, and the `Atgard` that undoes it. `ActionCommand` keeps that action; undoing runs
it, and the `Andring` it returns holds the way back again, which redo runs. So no command
writes an inverse of its own, and every step hands the window the state to show
(`last`) without reading it again.

The first `redo` happens before the command is pushed (the action was done already), so a
refusal never reaches the stack. A refused undo or redo later on (ServiceError: later events
rest on this one) is caught, kept in `error`, and `undo()` / `redo()` below step the stack
back so its index still matches the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand, QUndoStack

from secretary.services.andring import Andring, Atgard, Ids
from secretary.services.databas import Store
from secretary.services.errors import ServiceError
from secretary.services.session import SattMarkor


@dataclass
class CommandContext:
    """What every command of one session window runs with."""

    store: Store
    meeting_id: int
    ids: Ids = field(default_factory=Ids)

    def run(self, action: Atgard) -> Andring:
        done = action(self.store, self.ids)
        self.ids.apply(done.flyttade)
        return done


class ActionCommand(QUndoCommand):
    def __init__(self, ctx: CommandContext, done: Andring) -> None:
        super().__init__(done.text)
        assert done.undo is not None
        self.ctx = ctx
        self.undo_action: Atgard = done.undo
        self.redo_action: Atgard | None = None
        # What the last undo or redo left, until the window has shown it (`shown`): a stack of
        # a whole meeting's key presses keeps only the actions, not every state and § view.
        self.last: Andring | None = None
        self.error: str | None = None
        self._skip = True  # the first redo() is the push: the action has run already

    @property
    def moves_cursor(self) -> bool:
        """Undoing or redoing it moves to another ärende (a half-entered yrkande asks first)."""
        return isinstance(self.undo_action, SattMarkor)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        assert self.redo_action is not None
        self._guard(self.redo_action, forward=True)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._guard(self.undo_action, forward=False)

    def _guard(self, action: Atgard, *, forward: bool) -> None:
        try:
            done = self.ctx.run(action)
        except ServiceError as exc:
            self.error = str(exc)
            return
        self.last = done
        if done.undo is None:  # nothing to take back after all: the step cannot be repeated
            self.error = "Steget kan inte göras om."
            return
        if forward:
            self.undo_action = done.undo
        else:
            self.redo_action = done.undo


def shown(command: ActionCommand) -> Andring:
    """The state an undo or redo left, handed over once to be shown."""
    assert command.last is not None
    done, command.last = command.last, None
    return done


def push(stack: QUndoStack, ctx: CommandContext, done: Andring) -> ActionCommand | None:
    """Put a done action on the stack; None when it has nothing to undo."""
    if done.undo is None:
        return None
    command = ActionCommand(ctx, done)
    stack.push(command)
    return command


def _step(stack: QUndoStack, forward: bool) -> tuple[ActionCommand | None, str | None]:
    index = stack.index() if forward else stack.index() - 1
    if not 0 <= index < stack.count():
        return None, None
    command = stack.command(index)
    stack.redo() if forward else stack.undo()
    if not isinstance(command, ActionCommand):
        return None, None
    if command.error is None:
        return command, None
    message, command.error = command.error, None
    command._skip = True  # step back without running anything: the database never changed
    stack.undo() if forward else stack.redo()
    return None, message


def undo(stack: QUndoStack) -> tuple[ActionCommand | None, str | None]:
    """Undo one step: the command with its new state, or the Swedish refusal (the stack is
    then unchanged)."""
    return _step(stack, forward=False)


def redo(stack: QUndoStack) -> tuple[ActionCommand | None, str | None]:
    return _step(stack, forward=True)


Step = Callable[[QUndoStack], tuple[ActionCommand | None, str | None]]
