"""Edit dialogs: each saves through one service call and emits ctx.changes."""
