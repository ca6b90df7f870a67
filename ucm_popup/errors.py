"""Errors that end a command, each with its documented exit code (docs/json-output.md).

Every one carries a single line for the user that names what to fix; ``cli.main`` prints it
to stderr and exits with ``exit_code``.  Nothing else should reach the user as a traceback.
"""

from __future__ import annotations

import enum


class Problem(enum.Enum):
    """What went wrong, for code that chooses advice (the settings dialog): set where the
    error is raised, so that rewording a message never changes the advice given."""

    OTHER = "other"
    TIMED_OUT = "timed-out"  # the server did not answer within the deadline
    CLIENT_REFUSED = "client-refused"  # the OAuth client id/secret
    REFRESH_TOKEN_REFUSED = "refresh-token-refused"  # wrong or revoked
    GRANT_CODE_REFUSED = "grant-code-refused"  # wrong, used or expired
    RATE_LIMITED = "rate-limited"  # HTTP 429: the API's rate or concurrency limit


class UcmPopupError(Exception):
    """Base class: ``str(error)`` is the one line shown to the user, ``kind`` what it is."""

    exit_code = 1

    def __init__(self, message: str, kind: Problem = Problem.OTHER) -> None:
        super().__init__(message)
        self.kind = kind


class SettingsError(UcmPopupError):
    """A usage or settings problem (exit 2)."""

    exit_code = 2


class AuthError(UcmPopupError):
    """The UCM or the CRM refused the credentials (exit 3)."""

    exit_code = 3


class ServiceError(UcmPopupError):
    """A server could not be reached, trusted, refused for load or answered nonsense (exit 4)."""

    exit_code = 4


class CertificateError(ServiceError):
    """The server's certificate is not trusted; ``fingerprint`` is what it presented."""

    def __init__(self, message: str, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


class SubscriptionRefused(ServiceError):
    """The UCM rejected the event subscription (status -9)."""

    def __init__(self, message: str, event_names: list[str]) -> None:
        super().__init__(message)
        self.event_names = event_names
