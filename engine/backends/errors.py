"""What a storage service's error code means to the engine: one table for the S3 and OSS dialects.

The SDK-specific ``classify`` functions (botocore's in s3.py, oss2's in oss.py) and the lean PUT in
s3put.py take the code and HTTP status out of whatever their library raised and ask this module;
it imports no SDK, so each of them can use it without importing another backend.
"""

from __future__ import annotations

from engine.backends.base import NoSuchUpload
from engine.errors import ErrorCode, SkyliftError

# Codes the two dialects spell differently are all listed: a code one service never sends costs
# nothing, and a code missing here would fall through to "config" and stop retries.
_AUTH = {
    "InvalidAccessKeyId",
    "SignatureDoesNotMatch",
    "AuthorizationHeaderMalformed",
    "InvalidToken",
    "ExpiredToken",
    "InvalidSecurity",
    "MissingSecurityHeader",
    # OSS
    "InvalidSecurityToken",
    "SecurityTokenExpired",
    "AccessKeyIdMissing",
    "InvalidArgument.Authorization",
}
_ACCESS_DENIED = {"AccessDenied", "AllAccessDisabled", "Forbidden"}
_INTEGRITY = {
    "BadDigest",
    "InvalidDigest",
    "XAmzContentSHA256Mismatch",
    # OSS
    "CrcCheckFailed",
    "InconsistentError",
}
_CONFIG = {"EntityTooLarge", "EntityTooSmall", "InvalidPart", "InvalidPartOrder", "PartNotSequential"}
_SERVER = {
    "SlowDown",
    "RequestTimeout",
    "RequestTimeTooSkewed",
    "InternalError",
    "ServiceUnavailable",
    "Throttling",
    "ThrottlingException",
    "RequestTimeoutException",
    "OperationAborted",
}

#: Service error code -> the engine's error code (NoSuchUpload is not an error: see classify_code).
ERROR_CODES: dict[str, ErrorCode] = {
    **dict.fromkeys(_AUTH, ErrorCode.AUTH),
    **dict.fromkeys(_ACCESS_DENIED, ErrorCode.ACCESS_DENIED),
    "NoSuchBucket": ErrorCode.NO_SUCH_BUCKET,
    **dict.fromkeys(_INTEGRITY, ErrorCode.INTEGRITY),
    **dict.fromkeys(_CONFIG, ErrorCode.CONFIG),
    **dict.fromkeys(_SERVER, ErrorCode.SERVER),
}


def classify_code(code: str, message: str, status: int, request_id: str = "") -> BaseException:
    """Map a service error to :class:`NoSuchUpload` or a :class:`SkyliftError` with a code."""
    if code == "NoSuchUpload":
        return NoSuchUpload(message or code)
    detail = f"{code or status}: {message}".rstrip(": ")
    kind = ERROR_CODES.get(code)
    # A bad signature comes back as 403 too; it must read as "auth", not "access denied".
    if kind is ErrorCode.AUTH:
        return SkyliftError(kind, detail, request_id)
    if status == 403:
        return SkyliftError(ErrorCode.ACCESS_DENIED, detail, request_id)
    if kind is None:
        # Unknown codes: a 5xx is the server's trouble and worth retrying; anything else is not.
        kind = ErrorCode.SERVER if status >= 500 else ErrorCode.CONFIG
    return SkyliftError(kind, detail, request_id)
