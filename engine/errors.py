"""Error codes the engine reports; ``ui/`` and the CLI turn them into words."""

from __future__ import annotations

import enum


class ErrorCode(enum.StrEnum):
    FILE_CHANGED = "file_changed"
    FILE_MISSING = "file_missing"
    FILE_UNREADABLE = "file_unreadable"
    NETWORK = "network"
    AUTH = "auth"
    NO_SUCH_BUCKET = "no_such_bucket"
    ACCESS_DENIED = "access_denied"
    SERVER = "server"
    INTEGRITY = "integrity"
    TOO_LARGE = "too_large"
    STREAM_NOT_RESUMABLE = "stream_not_resumable"
    ABORT_FAILED = "abort_failed"
    CONFIG = "config"
    INTERNAL = "internal"
    #: The checkpoint database cannot be written (disk full, read-only): stopped, not lost.
    CHECKPOINT = "checkpoint"
    #: The upload is encrypted with a customer key (SSE-C) this run was not given.
    KEY_NEEDED = "key_needed"


#: Errors that a plain resume may cure; the others need the user to act first.
RETRYABLE = frozenset(
    {ErrorCode.NETWORK, ErrorCode.SERVER, ErrorCode.INTEGRITY, ErrorCode.INTERNAL, ErrorCode.CHECKPOINT}
)


class SkyliftError(Exception):
    """An error with a code the UI can translate and a detail for logs and tooltips."""

    def __init__(
        self,
        code: ErrorCode,
        detail: str = "",
        request_id: str = "",
        *,
        throttled: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail
        self.request_id = request_id
        #: The server asked for fewer requests (SlowDown, 503, 429): the engine sends less at once.
        self.throttled = throttled
        #: Seconds the server's ``Retry-After`` asked for, if it said.
        self.retry_after = retry_after


class Interrupted(Exception):
    """Raised from a part body's ``read()`` when its transfer is paused or cancelled.

    A plain ``Exception`` on purpose: urllib3 and botocore retry ``OSError``s and HTTP errors, and
    they must not retry this.
    """
