"""Store failures, each with a message in Swedish that a user can act on."""


class StoreError(Exception):
    """A database problem to show the user as it is (str(exc) is the Swedish message)."""


class DatabaseInUseError(StoreError):
    pass


class NewerDatabaseError(StoreError):
    pass


class NotOurDatabaseError(StoreError):
    pass
