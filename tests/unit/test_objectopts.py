"""Object options: parsing, the JSON round trip, customer keys, profile defaults, and the
integrity rules under server-side encryption (where the ETag is no MD5)."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

import pytest

from app.services.uploadopts import apply_default, chosen_from, merge
from engine.backends.base import ObjectSpec
from engine.backends.s3opts import etag_not_md5, key_args, object_headers
from engine.errors import ErrorCode, SkyliftError
from engine.integrity import composite_crc32, composite_etag, verify_object
from engine.objectopts import CustomerKey, CustomerKeys, ObjectOptions, OptionError, parse_pair, parse_sse
from engine.providers import Dialect, get_provider
from engine.redact import redact


def test_round_trip_keeps_only_what_is_set() -> None:
    o = ObjectOptions(cache_control="no-cache", acl="private", tags={"a": "1"}, sse="kms", kms_key_id="k")
    d = o.to_dict()
    assert d == {
        "cache_control": "no-cache",
        "acl": "private",
        "tags": {"a": "1"},
        "sse": "kms",
        "kms_key_id": "k",
    }
    assert ObjectOptions.from_dict(d) == o
    assert ObjectOptions().to_dict() == {} and ObjectOptions.from_dict({}).empty


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("aes256", ("aes256", "")),
        ("kms", ("kms", "")),
        ("kms:arn:aws:kms:k/1", ("kms", "arn:aws:kms:k/1")),
        ("C", ("c", "")),
    ],
)
def test_parse_sse(text: str, want: tuple[str, str]) -> None:
    assert parse_sse(text) == want


@pytest.mark.parametrize("text", ["rot13", "aes256:x", "c:key"])
def test_parse_sse_refuses(text: str) -> None:
    with pytest.raises(OptionError):
        parse_sse(text)


def test_tag_pairs() -> None:
    assert parse_pair("--tag", "k=a=b") == ("k", "a=b")
    with pytest.raises(OptionError, match="KEY=VALUE"):
        parse_pair("--tag", "novalue")
    with pytest.raises(OptionError, match="KEY=VALUE"):
        parse_pair("--tag", "=v")


def test_acl_checked_per_dialect() -> None:
    ObjectOptions(acl="bucket-owner-full-control").check_for(Dialect.S3, True, "S3")
    ObjectOptions(acl="default").check_for(Dialect.OSS, True, "OSS")
    with pytest.raises(OptionError, match="'default' is not one of: private, public-read"):
        ObjectOptions(acl="default").check_for(Dialect.S3, True, "S3")
    with pytest.raises(OptionError, match="SSE-C"):
        ObjectOptions(sse="c", sse_c_md5="x").check_for(Dialect.OSS, True, "OSS")
    with pytest.raises(OptionError, match="no KMS"):
        ObjectOptions(sse="kms").check_for(Dialect.S3, False, "R2")


def test_headers_must_be_one_ascii_line() -> None:
    with pytest.raises(OptionError, match="one line"):
        ObjectOptions(cache_control="a\r\nx-evil: 1")
    with pytest.raises(OptionError, match="ASCII"):
        ObjectOptions(tags={"k": "é"})


def test_customer_key_raw_or_base64_and_never_shown() -> None:
    raw = bytes(range(32))
    b64 = base64.b64encode(raw)
    assert CustomerKey.from_bytes(raw).raw == raw
    k = CustomerKey.from_bytes(b64 + b"\n")
    assert k.raw == raw
    assert k.md5_b64 == base64.b64encode(hashlib.md5(raw).digest()).decode()
    assert b64.decode() not in repr(k) and str(raw) not in repr(k)
    with pytest.raises(OptionError, match="32 raw bytes or their base64"):
        CustomerKey.from_bytes(b"short")
    with pytest.raises(OptionError, match="has 16"):
        CustomerKey.from_bytes(base64.b64encode(raw[:16]))
    keys = CustomerKeys()
    keys.add(k)
    assert keys.get(k.md5_b64) is k and keys.get("other") is None
    # once given to a run, the key's text is masked in anything logged or stored
    assert b64.decode() not in redact(f"echo {b64.decode()}")


def test_spec_repr_hides_the_key() -> None:
    k = CustomerKey(bytes(32))
    spec = ObjectSpec("b", "k", options=ObjectOptions(sse="c", sse_c_md5=k.md5_b64), customer_key=k)
    assert k.b64 not in repr(spec)
    h = object_headers(spec)
    assert h["x-amz-server-side-encryption-customer-key"] == k.b64
    assert h["x-amz-server-side-encryption-customer-key-MD5"] == k.md5_b64
    assert key_args(k)["SSECustomerKeyMD5"] == k.md5_b64


def test_etag_not_md5_under_kms_and_customer_keys_only() -> None:
    assert etag_not_md5({"ServerSideEncryption": "aws:kms"})
    assert etag_not_md5({"x-amz-server-side-encryption-customer-algorithm": "AES256"})
    assert not etag_not_md5({"ServerSideEncryption": "AES256"})
    assert not etag_not_md5({})


def test_flags_merge_over_profile_defaults() -> None:
    defaults: dict[str, object] = {}
    for text in ("cache-control=max-age=60", "tag=team=web", "meta=owner=ops", "sse=kms:k1", "acl=private"):
        defaults = apply_default(defaults, text)
    assert defaults["cache_control"] == "max-age=60" and defaults["kms_key_id"] == "k1"
    merged = merge(
        defaults, {"cache_control": "no-cache", "tags": {"env": "prod"}, "acl": "", "sse": "aes256"}
    )
    c = chosen_from(merged)
    assert c.object.cache_control == "no-cache"
    assert c.object.tags == {"team": "web", "env": "prod"}
    assert c.object.acl == "private"
    assert (c.object.sse, c.object.kms_key_id) == ("aes256", "")
    assert c.metadata == {"owner": "ops"}
    assert "cache_control" not in apply_default(defaults, "cache-control=")
    with pytest.raises(OptionError, match="never kept"):
        apply_default({}, "sse=c")
    with pytest.raises(OptionError, match="'colour'"):
        apply_default({}, "colour=blue")


# ---- integrity under encryption -----------------------------------------------------------------
@dataclass(frozen=True)
class _Part:
    number: int
    etag: str
    size: int
    checksum: str | None


@dataclass(frozen=True)
class _Obj:
    size: int
    etag: str
    crc64: int | None = None
    checksum: str | None = None
    encrypted: bool = False


def _md5_parts() -> list[_Part]:
    datas = [b"a" * 10, b"b" * 5]
    return [
        _Part(i + 1, hashlib.md5(d).hexdigest(), len(d), hashlib.md5(d).hexdigest())
        for i, d in enumerate(datas)
    ]


def test_md5_store_encrypted_object_is_not_judged_by_its_etag() -> None:
    generic = get_provider("s3")
    parts = _md5_parts()
    opaque = "8f3c0e6b1a2d4e5f8f3c0e6b1a2d4e5f-2"
    # Plain: an ETag that is not the composite of the parts is a failure ...
    with pytest.raises(SkyliftError) as plain:
        verify_object(generic, "md5", 15, _Obj(15, opaque), parts, opaque)
    assert plain.value.code is ErrorCode.INTEGRITY
    # ... under SSE-KMS/SSE-C the ETag proves nothing, the server-checked part MD5s do.
    verify_object(generic, "md5", 15, _Obj(15, opaque, encrypted=True), parts, opaque)
    assert composite_etag([p.checksum for p in parts]) != opaque


def test_encrypted_object_still_fails_on_size_and_on_unchecked_parts() -> None:
    generic = get_provider("s3")
    parts = _md5_parts()
    with pytest.raises(SkyliftError, match="14 bytes"):
        verify_object(generic, "md5", 15, _Obj(14, "x", encrypted=True), parts, "x")
    unchecked = [parts[0], _Part(2, parts[1].etag, 5, None)]
    with pytest.raises(SkyliftError, match="no checksum the server checked"):
        verify_object(generic, "md5", 15, _Obj(15, "x", encrypted=True), unchecked, "x")


def test_crc32_store_encrypted_object_is_judged_by_its_composite_checksum() -> None:
    aws = get_provider("aws")
    parts = [_Part(1, "e1", 10, "AAAAAQ=="), _Part(2, "e2", 5, "AAAAAg==")]
    good = composite_crc32(["AAAAAQ==", "AAAAAg=="])
    verify_object(aws, "crc32", 15, _Obj(15, "opaque-2", checksum=good, encrypted=True), parts, "opaque-2")
    with pytest.raises(SkyliftError) as bad:
        verify_object(
            aws, "crc32", 15, _Obj(15, "opaque-2", checksum="AAAAAA==-2", encrypted=True), parts, "x"
        )
    assert bad.value.code is ErrorCode.INTEGRITY
