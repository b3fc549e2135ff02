"""What an object on the server can prove about its bytes, and the same value for a local file.

A ``Claim`` is one checksum the server shows for an object (a Skylift SHA-256 in its metadata, a
CRC32 or CRC64 it computed, an ETag that is an MD5) with the part layout needed to recompute it.
``local_value`` computes the same value from a file, reading it once. Whole-object checksums
need no layout; composite ones (``...-N``) do: Skylift records its part size in the object's
metadata, and for objects other tools made the usual part sizes are tried (a guess can prove
two are the same, never that they differ).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import io
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from engine.providers import ChecksumMode, MiB, Provider

#: Object metadata (``x-amz-meta-*`` / ``x-oss-meta-*``) Skylift writes at upload.
META_SHA256 = "skylift-sha256"
META_PART_SIZE = "skylift-part-size"

#: Part sizes other tools use by default (aws cli/boto3 8 MiB, rclone 5 MiB, s5cmd 50 MiB, ...).
USUAL_PART_SIZES = (8 * MiB, 5 * MiB, 16 * MiB, 10 * MiB, 15 * MiB, 32 * MiB, 50 * MiB, 64 * MiB, 100 * MiB)

_READ = 4 * MiB


class Method(enum.StrEnum):
    SHA256 = "sha256"
    CRC32 = "crc32"
    CRC32_PARTS = "crc32-parts"
    CRC64 = "crc64"
    MD5 = "md5"
    MD5_PARTS = "md5-parts"

    @property
    def per_part(self) -> bool:
        return self in (Method.CRC32_PARTS, Method.MD5_PARTS)


@dataclass(frozen=True)
class ObjectFacts:
    """What a HEAD says about an object, as the fingerprint rules need it."""

    size: int
    etag: str
    crc64: int | None = None
    checksum: str | None = None
    metadata: dict[str, str] | None = None
    #: The server encrypts with a key it manages or the client gave (the ETag is then no MD5).
    encrypted: bool = False


@dataclass(frozen=True)
class Claim:
    method: Method
    value: str
    #: Part sizes to try, in order; 0 for a whole-object value.
    part_sizes: tuple[int, ...] = (0,)
    #: The layout is the one the object was made with (else a guess: a mismatch proves nothing).
    layout_known: bool = True


def _parts_of(value: str) -> int | None:
    head, dash, n = value.rpartition("-")
    return int(n) if dash and head and n.isdigit() and int(n) > 0 else None


def _layouts(size: int, parts: int, meta: dict[str, str]) -> tuple[tuple[int, ...], bool]:
    recorded = meta.get(META_PART_SIZE, "")
    if recorded.isdigit() and int(recorded) > 0:
        return (int(recorded),), True
    fits = tuple(p for p in USUAL_PART_SIZES if -(-size // p) == parts)
    # Any layout with equal parts: the smallest size that gives N parts is one more candidate.
    even = -(-size // parts) if parts else 0
    if even and even not in fits:
        fits += (even,)
    return fits, False


def claims(provider: Provider, obj: ObjectFacts) -> list[Claim]:
    """The server's checksums for ``obj``, strongest first (empty: it can prove nothing)."""
    meta = obj.metadata or {}
    out: list[Claim] = []
    sha = meta.get(META_SHA256, "").lower()
    if len(sha) == 64:
        out.append(Claim(Method.SHA256, sha))
    if obj.checksum:
        n = _parts_of(obj.checksum)
        if n is None:
            out.append(Claim(Method.CRC32, obj.checksum))
        else:
            sizes, known = _layouts(obj.size, n, meta)
            if sizes:
                out.append(Claim(Method.CRC32_PARTS, obj.checksum, sizes, known))
    if obj.crc64 is not None:
        out.append(Claim(Method.CRC64, str(obj.crc64)))
    etag = obj.etag.strip('"').lower()
    etag_is_md5 = provider.composite_etag_md5 or provider.checksum is ChecksumMode.CRC64
    if etag_is_md5 and not obj.encrypted and etag:
        n = _parts_of(etag)
        if n is None and len(etag) == 32:
            out.append(Claim(Method.MD5, etag))
        elif n is not None and provider.composite_etag_md5:
            sizes, known = _layouts(obj.size, n, meta)
            if sizes:
                out.append(Claim(Method.MD5_PARTS, etag, sizes, known))
    return out


class _Crc32:
    def __init__(self) -> None:
        self.crc = 0

    def update(self, data: bytes | memoryview) -> None:
        self.crc = zlib.crc32(data, self.crc)

    def result(self) -> str:
        return base64.b64encode(self.crc.to_bytes(4, "big")).decode()


class _Crc64:
    def __init__(self) -> None:
        self.crc = 0

    def update(self, data: bytes | memoryview) -> None:
        from engine.crc64 import crc64

        self.crc = crc64(data, self.crc)

    def result(self) -> str:
        return str(self.crc)


class _Hash:
    def __init__(self, name: str) -> None:
        self.h = hashlib.new(name)

    def update(self, data: bytes | memoryview) -> None:
        self.h.update(data)

    def result(self) -> str:
        return self.h.hexdigest()


def _whole(method: Method) -> _Crc32 | _Crc64 | _Hash:
    if method is Method.SHA256:
        return _Hash("sha256")
    if method in (Method.MD5, Method.MD5_PARTS):
        return _Hash("md5")
    if method in (Method.CRC32, Method.CRC32_PARTS):
        return _Crc32()
    return _Crc64()


class FileChanged(Exception):
    """The file is not the size or age it had when it was listed: it is being written."""


def local_value(
    path: str,
    method: Method,
    part_size: int,
    size: int,
    mtime_ns: int,
    stop: Callable[[], bool] | None = None,
) -> str | None:
    """``method``'s value for the file, read once; None when ``stop`` said to give up.

    Raises ``FileChanged`` when the file is not ``size`` bytes modified at ``mtime_ns`` (before or
    after the read), ``OSError`` when it cannot be read."""
    with open(path, "rb", buffering=0) as f:
        st = os.fstat(f.fileno())
        if st.st_size != size or st.st_mtime_ns != mtime_ns:
            raise FileChanged(path)
        value: str | None
        if not method.per_part:
            h = _whole(method)
            while chunk := f.read(_READ):
                if stop is not None and stop():
                    return None
                h.update(chunk)
            value = h.result()
        else:
            value = _per_part(f, method, part_size, stop)
            if value is None:
                return None
        st = os.fstat(f.fileno())
        if st.st_size != size or st.st_mtime_ns != mtime_ns:
            raise FileChanged(path)
    return value


def _per_part(f: io.RawIOBase, method: Method, part_size: int, stop: Callable[[], bool] | None) -> str | None:
    joined = bytearray()
    count = 0
    while True:
        h = _whole(method)
        left = part_size
        got = 0
        while left > 0:
            chunk = f.read(min(_READ, left))
            if not chunk:
                break
            if stop is not None and stop():
                return None
            h.update(chunk)
            left -= len(chunk)
            got += len(chunk)
        if got == 0 and count > 0:
            break
        count += 1
        if isinstance(h, _Hash):
            joined += h.h.digest()
        elif isinstance(h, _Crc32):
            joined += h.crc.to_bytes(4, "big")
        if got < part_size:
            break
    if method is Method.MD5_PARTS:
        return f"{hashlib.md5(joined).hexdigest()}-{count}"
    return f"{base64.b64encode(zlib.crc32(joined).to_bytes(4, 'big')).decode()}-{count}"
