"""A refusal the user should read: str(exc) is a Swedish sentence saying what to do."""

from __future__ import annotations


class ServiceError(Exception):
    pass


class NotFoundError(ServiceError):
    pass


def require(condition: bool, message: str) -> None:
    if not condition:
        raise ServiceError(message)
