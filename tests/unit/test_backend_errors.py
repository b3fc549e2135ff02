"""The one error table both backends (and the lean PUT) classify service codes with."""

from __future__ import annotations

import pytest

from engine.backends.base import ListsPrefixes, NoSuchUpload, SupportsLifecycle
from engine.backends.errors import classify_code
from engine.backends.oss import OssBackend
from engine.backends.s3 import S3Backend
from engine.errors import ErrorCode, SkyliftError
from engine.providers import get_provider


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("SignatureDoesNotMatch", 403, ErrorCode.AUTH),
        ("InvalidSecurityToken", 403, ErrorCode.AUTH),  # OSS's spelling
        ("AccessDenied", 403, ErrorCode.ACCESS_DENIED),
        ("Whatever", 403, ErrorCode.ACCESS_DENIED),
        ("NoSuchBucket", 404, ErrorCode.NO_SUCH_BUCKET),
        ("BadDigest", 400, ErrorCode.INTEGRITY),
        ("CrcCheckFailed", 400, ErrorCode.INTEGRITY),
        ("PartNotSequential", 400, ErrorCode.CONFIG),
        ("SlowDown", 503, ErrorCode.SERVER),
        ("RequestTimeout", 400, ErrorCode.SERVER),
        ("Unheard", 502, ErrorCode.SERVER),
        ("Unheard", 400, ErrorCode.CONFIG),
    ],
)
def test_service_codes_map_to_engine_codes(code: str, status: int, expected: ErrorCode) -> None:
    err = classify_code(code, "msg", status, "rid")
    assert isinstance(err, SkyliftError)
    assert err.code == expected
    # The service's words first; auth, permission and bucket errors add what to do.
    assert err.detail == f"{code}: msg" or err.detail.startswith(f"{code}: msg; "), err.detail


def test_no_such_upload_is_its_own_exception() -> None:
    assert isinstance(classify_code("NoSuchUpload", "", 404), NoSuchUpload)


def test_backends_declare_their_optional_abilities() -> None:
    s3 = S3Backend(get_provider("minio"), "http://127.0.0.1:9", "us-east-1", True, "id", "secret")
    oss = OssBackend(get_provider("oss"), "", "cn-hangzhou", "id", "secret")
    assert isinstance(s3, SupportsLifecycle) and isinstance(s3, ListsPrefixes)
    assert isinstance(oss, SupportsLifecycle) and not isinstance(oss, ListsPrefixes)
