"""Each provider preset: its part plan, and the requests its backend really sends.

The request checks capture the outgoing HTTP requests of a real ``S3Backend`` (botocore's
``before-send`` event, after signing and header renames) against moto's in-process S3, and of a
real ``OssBackend`` against the OSS gateway.
"""

from __future__ import annotations

import base64
import hashlib
import threading
import uuid
import zlib
from collections.abc import Iterator

import pytest

from engine.backends.base import ObjectSpec
from engine.backends.oss import OssBackend
from engine.backends.s3 import S3Backend
from engine.body import PartBody
from engine.integrity import digest
from engine.plan import choose_part_size, is_multipart, parts_for
from engine.providers import PROVIDERS, ChecksumMode, Dialect, GiB, KiB, MiB, get_provider
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.oss_gateway import OssGateway, start_moto

S3_PRESETS = [name for name, p in PROVIDERS.items() if p.dialect is Dialect.S3]


def _sizes(size: int, requested: int, provider: str) -> list[int]:
    rules = get_provider(provider).rules
    return [p.size for p in parts_for(size, choose_part_size(size, requested, rules))]


# ---- part plans --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["aws", "minio", "seaweedfs", "s3"])
def test_s3_plan_has_5_mib_minimum_and_5_gib_maximum(name: str) -> None:
    rules = get_provider(name).rules
    assert _sizes(12 * MiB, 1 * MiB, name) == [5 * MiB, 5 * MiB, 2 * MiB]
    assert choose_part_size(100 * GiB, 10 * GiB, rules) == 5 * GiB
    assert is_multipart(6 * GiB, 100 * GiB, rules)


def test_aws_largest_object_is_ten_thousand_5_gib_parts() -> None:
    rules = get_provider("aws").rules
    size = 10_000 * 5 * GiB
    assert len(parts_for(size, choose_part_size(size, 8 * MiB, rules))) == 10_000
    with pytest.raises(Exception, match="largest object"):
        is_multipart(size + 1, 8 * MiB, rules)


def test_r2_all_parts_but_the_last_are_equal() -> None:
    assert get_provider("r2").rules.equal_parts
    for size, requested in ((50 * MiB + 3, 8 * MiB), (300 * GiB, 8 * MiB), (12 * MiB, 1 * MiB)):
        sizes = _sizes(size, requested, "r2")
        assert len(set(sizes[:-1])) <= 1 and sizes[-1] <= sizes[0] and sum(sizes) == size


def test_r2_needs_an_explicit_endpoint() -> None:
    # Its host is account-specific; a placeholder template would send uploads to a bogus host.
    assert get_provider("r2").endpoint_template == ""


def test_us3_parts_are_always_8_mib() -> None:
    for requested in (1 * MiB, 8 * MiB, 64 * MiB):
        assert _sizes(20 * MiB, requested, "us3") == [8 * MiB, 8 * MiB, 4 * MiB]
    assert get_provider("us3").checksum is ChecksumMode.NONE


def test_ks3_part_numbers_ascend_consecutively_from_one() -> None:
    rules = get_provider("ks3").rules
    parts = parts_for(23 * MiB, choose_part_size(23 * MiB, 5 * MiB, rules))
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    assert [p.offset for p in parts] == [sum(q.size for q in parts[:i]) for i in range(len(parts))]


def test_oss_plan_allows_100_kib_parts_and_5_gib() -> None:
    rules = get_provider("oss").rules
    # 100 KB in OSS's sense is 102,400 bytes; below it Complete fails with EntityTooSmall.
    assert choose_part_size(10 * MiB, 100_000, rules) == 100 * KiB
    assert _sizes(700_000, 200_000, "oss") == [200_000, 200_000, 200_000, 100_000]
    assert choose_part_size(60 * GiB, 10 * GiB, rules) == 5 * GiB
    assert rules.max_object == 10_000 * 5 * GiB


@pytest.mark.parametrize(
    ("name", "region", "endpoint"),
    [
        ("aws", "", "https://s3.us-east-1.amazonaws.com"),
        ("ks3", "", "https://ks3-cn-beijing.ksyuncs.com"),
        ("us3", "sh2", "https://s3-cn-sh2.ufileos.com"),
        ("oss", "", "https://oss-cn-hangzhou.aliyuncs.com"),
        ("oss", "cn-shanghai", "https://oss-cn-shanghai.aliyuncs.com"),
    ],
)
def test_endpoint_templates(name: str, region: str, endpoint: str) -> None:
    assert get_provider(name).endpoint_for(region) == endpoint


# ---- what goes on the wire ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server, endpoint = start_moto()
    yield endpoint
    server.stop()


class Captured:
    """Requests as they crossed the wire (a recording proxy in front of moto), whichever path
    (boto3 or the lean PUT) sent them."""

    def __init__(self, proxy: FaultProxy) -> None:
        self.proxy = proxy

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        return self.proxy.requests()

    def matching(self, method: str, fragment: str) -> list[dict[str, str]]:
        return [h for m, url, h in self.requests if m == method and fragment in url]


def _s3_session(name: str, endpoint: str) -> tuple[Captured, list[bytes]]:
    """Create, upload two parts, complete, and put a small object with preset ``name``."""
    prov = get_provider(name)
    proxy = FaultProxy(int(endpoint.rsplit(":", 1)[1]))
    proxy.record = True
    be = S3Backend(prov, proxy.endpoint, "us-east-1", True, "AKIDTEST", "secret")
    cap = Captured(proxy)
    bucket = "p-" + uuid.uuid4().hex[:12]
    be.make_bucket(bucket)
    spec = ObjectSpec(bucket, "obj", "", "STANDARD_IA", {"m": "1"})
    upload_id = be.create_upload(spec)
    blobs = [b"a" * (100 * KiB), b"b" * 1000]
    parts = []
    for n, blob in enumerate(blobs, 1):
        body = PartBody(blob, threading.Event())
        parts.append(be.upload_part(bucket, "obj", upload_id, n, body, digest(blob, prov.checksum)))
    be.complete(bucket, "obj", upload_id, parts)
    small = b"small object"
    be.put_small(
        ObjectSpec(bucket, "small", "", "STANDARD_IA"),
        PartBody(small, threading.Event()),
        digest(small, prov.checksum),
    )
    proxy.close()  # the recording stays readable
    return cap, [*blobs, small]


@pytest.mark.parametrize("name", S3_PRESETS)
def test_s3_presets_send_only_the_checksums_skylift_computed(name: str, moto_endpoint: str) -> None:
    """boto3 >= 1.36 adds its own CRC headers, which many stores reject and which cost a second
    pass over each part; only CRC32 presets send a checksum header, and it is Skylift's."""
    cap, blobs = _s3_session(name, moto_endpoint)
    assert cap.requests
    crc32_mode = get_provider(name).checksum is ChecksumMode.CRC32
    for method, url, headers in cap.requests:
        sent = sorted(
            h for h in headers if h.startswith("x-amz-checksum-") or h == "x-amz-sdk-checksum-algorithm"
        )
        allowed = {"x-amz-checksum-crc32", "x-amz-checksum-algorithm"} if crc32_mode else set()
        assert set(sent) <= allowed, f"{name} {method} {url} sent {sent}"
    if crc32_mode:
        bodies = [*cap.matching("PUT", "partNumber="), *cap.matching("PUT", "/small")]
        want = [base64.b64encode(zlib.crc32(b).to_bytes(4, "big")).decode() for b in blobs]
        assert [h.get("x-amz-checksum-crc32") for h in bodies] == want


@pytest.mark.parametrize("name", S3_PRESETS)
def test_content_md5_follows_the_checksum_mode(name: str, moto_endpoint: str) -> None:
    cap, blobs = _s3_session(name, moto_endpoint)
    parts = cap.matching("PUT", "partNumber=")
    puts = cap.matching("PUT", "/small")
    assert len(parts) == 2 and len(puts) == 1
    sent = [h.get("content-md5") for h in [*parts, *puts]]
    if get_provider(name).checksum is ChecksumMode.MD5:
        assert sent == [base64.b64encode(hashlib.md5(b).digest()).decode() for b in blobs]
    else:
        assert sent == [None, None, None]


@pytest.mark.parametrize("name", S3_PRESETS)
def test_storage_class_header_name(name: str, moto_endpoint: str) -> None:
    cap, _ = _s3_session(name, moto_endpoint)
    header = get_provider(name).storage_class_header
    for headers in [*cap.matching("POST", "?uploads"), *cap.matching("PUT", "/small")]:
        assert headers.get(header) == "STANDARD_IA"
        if header != "x-amz-storage-class":
            assert "x-amz-storage-class" not in headers


def test_ks3_renames_the_storage_class_header(moto_endpoint: str) -> None:
    assert get_provider("ks3").storage_class_header == "x-kss-storage-class"
    cap, _ = _s3_session("ks3", moto_endpoint)
    init = cap.matching("POST", "?uploads")
    assert len(init) == 1
    assert init[0]["x-kss-storage-class"] == "STANDARD_IA"
    assert "x-amz-storage-class" not in init[0]
    # Renamed before signing, so a server that checks signatures sees a consistent request.
    assert "x-kss-storage-class" in init[0]["authorization"]


def test_oss_preset_sends_oss_headers_and_no_md5() -> None:
    gw = OssGateway("id", "secret")
    try:
        prov = get_provider("oss")
        be = OssBackend(prov, gw.endpoint, gw.region, "id", "secret")
        bucket = "p-" + uuid.uuid4().hex[:12]
        be.make_bucket(bucket)
        upload_id = be.create_upload(ObjectSpec(bucket, "obj", "", "IA"))
        blob = b"c" * (100 * KiB)
        be.upload_part(
            bucket, "obj", upload_id, 1, PartBody(blob, threading.Event()), digest(blob, prov.checksum)
        )
        init = [r for r in gw.requests if r.method == "POST" and "uploads" in r.query]
        part = [r for r in gw.requests if r.method == "PUT" and "partNumber" in r.query]
        assert init[0].headers["x-oss-storage-class"] == "IA"
        assert "content-md5" not in part[0].headers
        assert not [h for r in gw.requests for h in r.headers if h.startswith("x-amz-")]
        assert digest(blob, prov.checksum).md5 is None
    finally:
        gw.stop()
