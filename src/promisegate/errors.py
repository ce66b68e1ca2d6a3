"""The one exception tree of promisegate, and its mapping to SMTP replies and HTTP statuses.

    PromisegateError
     +-- ConfigError            bad TOML, YAML or JSONL file; carries file and line
     +-- SpoolError             the store could not persist or read a message
     +-- ParseError             a message that cannot be read as RFC 5322
     +-- ExtractionError        the extractor failed on a text
     +-- ContextError           a calendar, deal or ledger lookup failed
     |    +-- CalendarUnavailable
     +-- RuleError              a rule raised while checking
     +-- DeliveryError          upstream refused or could not be reached
     |    +-- TemporaryDeliveryError   4xx / connection: retry later
     |    +-- PermanentDeliveryError   5xx: give up, notify the agent
     +-- ApprovalError          a token is forged, expired, used or not the actor's
     +-- NotFound               no such message / deal / token
"""

from __future__ import annotations


class PromisegateError(Exception):
    """Base of every error promisegate raises on purpose."""


class ConfigError(PromisegateError):
    """A configuration or data file is invalid; names the file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(f"{where}{message}")


class SpoolError(PromisegateError):
    """The durable store failed."""


class ParseError(PromisegateError):
    """The message could not be parsed."""


class ExtractionError(PromisegateError):
    """Commitment or time extraction failed."""


class ContextError(PromisegateError):
    """A context source (calendar, deal, ledger) failed."""


class CalendarUnavailable(ContextError):
    """A calendar could not be read and no fresh-enough copy is cached."""


class RuleError(PromisegateError):
    """A rule raised while checking a message."""


class DeliveryError(PromisegateError):
    """Upstream delivery failed."""

    def __init__(self, message: str, code: int | None = None) -> None:
        self.code = code
        super().__init__(message)


class TemporaryDeliveryError(DeliveryError):
    """Retry later: 4xx reply, timeout or connection failure."""


class PermanentDeliveryError(DeliveryError):
    """Give up: 5xx reply."""


class ApprovalError(PromisegateError):
    """An approval token or action was refused."""


class NotFound(PromisegateError):
    """The thing asked for does not exist."""


def smtp_reply(exc: BaseException) -> str:
    """Map an exception raised while receiving mail to the SMTP reply the client sees."""
    if isinstance(exc, SpoolError):
        return "451 4.3.0 Message not stored, try again later"
    if isinstance(exc, ParseError):
        return f"554 5.6.0 Message could not be parsed: {exc}"
    if isinstance(exc, ApprovalError):
        return f"550 5.7.1 Approval refused: {exc}"
    if isinstance(exc, NotFound):
        return f"550 5.1.1 {exc}"
    return "451 4.3.0 Internal error, try again later"


def http_status(exc: BaseException) -> int:
    """Map an exception raised while serving HTTP to its status code."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, ApprovalError):
        return 403
    if isinstance(exc, ParseError | ConfigError):
        return 400
    if isinstance(exc, SpoolError):
        return 503
    return 500
