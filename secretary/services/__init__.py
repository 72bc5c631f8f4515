"""Use cases: one function per thing a user does, in one unit of work. The UI's only door."""
