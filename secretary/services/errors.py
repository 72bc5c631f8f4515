"""A refusal the user should read: str(exc) is a Swedish sentence saying what to do.

`ServiceError` is the same class as the store's `UserFacingError`, the base of `StoreError`:
a change refused because the disk is full or the file is write-protected reaches every
window's `except ServiceError` and is shown as the refusal it is, never as an unexpected error.
"""

from __future__ import annotations

from secretary.store.errors import UserFacingError

ServiceError = UserFacingError


class NotFoundError(ServiceError):
    pass


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ServiceError(message)
