"""What a storage service's error code means to the engine: one table for the S3 and OSS dialects.

The SDK-specific ``classify`` functions (botocore's in s3.py, oss2's in oss.py) and the lean PUT in
s3put.py take the code and HTTP status out of whatever their library raised and ask this module;
it imports no SDK, so each of them can use it without importing another backend.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from engine.backends.base import NoSuchUpload
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.retry import parse_retry_after

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
    # STS, when renewing an assumed role's keys mid-upload
    "InvalidClientTokenId",
    "ExpiredTokenException",
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
#: The server asks for fewer requests: the engine lowers what it sends at once, then recovers.
_THROTTLE = {"SlowDown", "Throttling", "ThrottlingException", "TooManyRequests", "RequestLimitExceeded"}
_SERVER = _THROTTLE | {
    "RequestTimeout",
    "RequestTimeTooSkewed",
    "InternalError",
    "ServiceUnavailable",
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


#: What to do, said after the service's own words (which name the problem, not the fix).
_FIX = {
    ErrorCode.AUTH: "the access key was refused: check the profile's access key id, secret and region "
    "in Profiles, or renew its session token (or the AWS/SSO login it uses), then resume",
    ErrorCode.ACCESS_DENIED: "this key has no permission to do that here: ask for write access to the "
    "bucket, or use a key that has it",
    ErrorCode.NO_SUCH_BUCKET: "create it, or check the bucket name",
}


def tls_problem(text: str, endpoint: str, dialect: str) -> str | None:
    """What went wrong in a TLS handshake, in words with the fix; None if ``text`` is not one."""
    if "WRONG_VERSION_NUMBER" in text or "record layer failure" in text or "unknown protocol" in text:
        return (
            f"{endpoint} does not speak TLS (an https:// endpoint on a plain-HTTP port?): use http:// "
            "in the profile's endpoint, or the service's TLS port"
        )
    if "certificate has expired" in text:
        return (
            f"the certificate of {endpoint} has expired: renew it on the server "
            "(or correct this computer's clock if it is wrong)"
        )
    if "CERTIFICATE_VERIFY_FAILED" in text:
        why = text.partition("certificate verify failed:")[2].partition("(_ssl")[0].strip()
        bundle = "AWS_CA_BUNDLE" if dialect == "S3" else "REQUESTS_CA_BUNDLE"
        return (
            f"the certificate of {endpoint} is not trusted ({why or 'verify failed'}): if the service "
            f"uses its own certificate authority or a self-signed certificate, set {bundle} (or the "
            "CA bundle in the window's network settings) to that certificate's file"
        )
    return None


class PlainHttpError(SkyliftError):
    """An HTTP error with no service error document: whatever answered may not speak S3 or OSS."""

    def __init__(
        self,
        code: ErrorCode,
        detail: str,
        request_id: str,
        status: int,
        throttled: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(code, detail, request_id, throttled=throttled, retry_after=retry_after)
        self.status = status


def classify_code(
    code: str, message: str, status: int, request_id: str = "", retry_after: str | None = None
) -> BaseException:
    """Map a service error to :class:`NoSuchUpload` or a :class:`SkyliftError` with a code;
    ``retry_after`` is the answer's ``Retry-After`` header, if any."""
    if code == "NoSuchUpload":
        return NoSuchUpload(message or code)
    throttled = code in _THROTTLE or status in (429, 503)
    after = parse_retry_after(retry_after)
    if (not code or code == str(status)) and (status >= 500 or status in (405, 429)):
        # No error document, and not a HEAD's bodiless 403/404: a web server, not a storage one?
        plain = ErrorCode.SERVER if status >= 500 or status == 429 else ErrorCode.CONFIG
        detail = f"HTTP {status}: {message}".rstrip(": ")
        return PlainHttpError(plain, detail, request_id, status, throttled, after)
    detail = f"{code or status}: {message}".rstrip(": ")
    kind = ERROR_CODES.get(code)
    # A bad signature comes back as 403 too; it must read as "auth", not "access denied".
    if kind is ErrorCode.AUTH:
        return SkyliftError(kind, f"{detail.rstrip('.')}; {_FIX[kind]}", request_id)
    if status == 403:
        kind = ErrorCode.ACCESS_DENIED
    if kind in _FIX:
        return SkyliftError(kind, f"{detail.rstrip('.')}; {_FIX[kind]}", request_id)
    if kind is None:
        # Unknown codes: a 5xx (or 429, too many requests) is the server's trouble and worth
        # retrying; anything else is not.
        kind = ErrorCode.SERVER if status >= 500 or status == 429 else ErrorCode.CONFIG
    if kind is not ErrorCode.SERVER:
        return SkyliftError(kind, detail, request_id)
    return SkyliftError(kind, detail, request_id, throttled=throttled, retry_after=after)


def _timed_out(exc: BaseException) -> bool:
    """A timeout anywhere in what the SDK wrapped: botocore keeps urllib3's error in ``kwargs``,
    urllib3 keeps the socket's in ``args``."""
    seen: list[object] = [exc]
    for _ in range(12):
        if not seen:
            return False
        e = seen.pop()
        if isinstance(e, TimeoutError):
            return True
        if isinstance(e, BaseException):
            seen += [e.__cause__, e.__context__, *e.args, *getattr(e, "kwargs", {}).values()]
    return False


def network_error(exc: BaseException, text: str = "") -> SkyliftError:
    """A transport failure as a ``network`` error; a silent connection says it timed out."""
    text = text or str(exc)
    if _timed_out(exc):
        return SkyliftError(ErrorCode.NETWORK, f"timed out: the server sent nothing back in time ({text})")
    return SkyliftError(ErrorCode.NETWORK, text)


_answered: set[str] = set()
_answered_lock = threading.Lock()


def _refused(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError) or "Connection refused" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class FirstContact:
    """Until an endpoint has answered once in its protocol (in this process), a refused connection
    or a plain HTTP answer means a wrong endpoint, not a passing fault: it is said at once as a
    ``config`` error instead of being retried for half a minute. After the first answer the same
    failures are the network's or the server's trouble, retried and waited out as ever."""

    def __init__(self, endpoint: str, dialect: str = "S3", wait_for_endpoint: bool = False) -> None:
        self.endpoint = endpoint
        self.dialect = dialect
        #: The window waits for an endpoint that is not up yet (a NAS still booting): a refusal
        #: stays a network error there, with these words; a command line says it and stops.
        self.wait_for_endpoint = wait_for_endpoint

    @property
    def answered(self) -> bool:
        return self.endpoint in _answered

    def _note(self) -> None:
        if not self.answered:
            with _answered_lock:
                _answered.add(self.endpoint)

    @contextlib.contextmanager
    def watch(self) -> Iterator[None]:
        try:
            yield
        except PlainHttpError as exc:
            if not self.answered:
                raise SkyliftError(
                    ErrorCode.CONFIG,
                    f"{self.endpoint} answered HTTP {exc.status} without an {self.dialect} error document: "
                    f"it does not look like an {self.dialect} service; check the endpoint in the profile",
                ) from exc
            raise
        except SkyliftError as exc:
            tls = tls_problem(exc.detail, self.endpoint, self.dialect)
            if tls is not None:  # no retry cures a handshake that fails for these reasons
                raise SkyliftError(ErrorCode.CONFIG, tls) from exc
            if exc.code is ErrorCode.NETWORK:
                if not self.answered and _refused(exc):
                    raise SkyliftError(
                        ErrorCode.NETWORK if self.wait_for_endpoint else ErrorCode.CONFIG,
                        f"nothing is listening at {self.endpoint} (connection refused): check the "
                        "endpoint and port in the profile, or start the service",
                    ) from exc
                raise
            self._note()  # a service error document: this endpoint speaks the protocol
            raise
        except NoSuchUpload:
            self._note()
            raise
        except Interrupted:
            raise
        else:
            self._note()
