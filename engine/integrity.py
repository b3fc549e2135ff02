"""Every checksum rule in one place: part digests, composite checksums, proofs of parts and objects.

Resume, adopt, Complete and the final check all decide with these functions, so a rule that
changes (a provider's checksum quirk, say) changes for every path at once. Values are taken by
shape (``PartLike``, ``ObjectLike``) so the backends can import this module without a cycle.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from engine.errors import ErrorCode, SkyliftError
from engine.providers import ChecksumMode, Provider

log = logging.getLogger("skylift.engine")


class PartLike(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def etag(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def checksum(self) -> str | None: ...


class ObjectLike(Protocol):
    @property
    def size(self) -> int: ...
    @property
    def etag(self) -> str: ...
    @property
    def crc64(self) -> int | None: ...
    @property
    def checksum(self) -> str | None: ...
    @property
    def encrypted(self) -> bool: ...


@dataclass(frozen=True)
class PartDigest:
    md5: bytes | None = None
    crc64: int | None = None
    crc32: int | None = None

    @property
    def md5_hex(self) -> str:
        return self.md5.hex() if self.md5 is not None else ""

    @property
    def crc32_b64(self) -> str:
        return crc32_b64(self.crc32) if self.crc32 is not None else ""

    def checksum(self) -> str | None:
        """The form stored in the checkpoint: hex MD5, base64 CRC32 or decimal CRC64."""
        if self.md5 is not None:
            return self.md5_hex
        if self.crc32 is not None:
            return self.crc32_b64
        if self.crc64 is not None:
            return str(self.crc64)
        return None


def crc32_b64(value: int) -> str:
    return base64.b64encode(value.to_bytes(4, "big")).decode()


def digest(data: bytes | bytearray | memoryview, mode: ChecksumMode) -> PartDigest:
    if mode is ChecksumMode.MD5:
        return PartDigest(md5=hashlib.md5(data).digest())
    if mode is ChecksumMode.CRC32:
        return PartDigest(crc32=zlib.crc32(data))
    if mode is ChecksumMode.CRC64:
        from engine.crc64 import crc64

        return PartDigest(crc64=crc64(data))
    return PartDigest()


def composite_crc32(part_checksums: list[str]) -> str:
    """S3's COMPOSITE CRC32: the CRC32 of the parts' binary CRC32s, then ``-N``."""
    joined = b"".join(base64.b64decode(c) for c in part_checksums)
    return f"{crc32_b64(zlib.crc32(joined))}-{len(part_checksums)}"


def composite_crc32_of(parts: Sequence[PartLike]) -> str | None:
    if not parts or any(not p.checksum for p in parts):
        return None
    return composite_crc32([p.checksum or "" for p in parts])


def composite_etag(md5_hexes: Sequence[str | None]) -> str | None:
    """S3's multipart ETag: md5 of the concatenated binary part MD5s, then ``-N``."""
    if not md5_hexes or any(not m or len(m) != 32 for m in md5_hexes):
        return None
    joined = b"".join(bytes.fromhex(m or "") for m in md5_hexes)
    return f"{hashlib.md5(joined).hexdigest()}-{len(md5_hexes)}"


def combined_crc64(parts: Sequence[PartLike]) -> int | None:
    if not parts or any(not p.checksum for p in parts):
        return None
    from engine.crc64 import combine_parts

    return combine_parts([(int(p.checksum or 0), p.size) for p in parts])


def expected_etag(provider: Provider, parts: Sequence[PartLike]) -> str | None:
    """The multipart ETag to expect, where it can be computed locally (MD5 mode only)."""
    if provider.checksum is ChecksumMode.MD5 and provider.composite_etag_md5:
        return composite_etag([p.checksum for p in parts])
    return None


def md5_proves(data: bytes | bytearray | memoryview, etag: str) -> bool:
    """Does a server part's ETag (its MD5 on S3 without SSE-KMS, and on OSS) match these bytes?"""
    return etag.strip('"').lower() == hashlib.md5(data).hexdigest()


def prove_part(provider: Provider, data: bytes | bytearray | memoryview, etag: str) -> str | None:
    """The checksum to keep for a server part proven to hold ``data``, or None if not proven.

    Used when no local row vouches for the part (a crash came between the server's
    acknowledgement and the row's write): one MD5 here, in the rare recovery path.
    """
    if provider.checksum is ChecksumMode.NONE or not md5_proves(data, etag):
        return None
    return digest(data, provider.checksum).checksum()


def object_proven(
    provider: Provider, upload_checksum: str, size: int, info: ObjectLike | None, parts: Sequence[PartLike]
) -> bool:
    """Does the object under the key prove it was built from exactly these parts?

    Only a checksum the provider itself reports can prove it: S3's composite ETag or CRC32, or
    OSS's whole-object CRC64. Where neither exists (opaque ETags), the answer is no.
    """
    if info is None or info.size != size or not parts:
        return False
    if provider.checksum is ChecksumMode.CRC32 and upload_checksum == ChecksumMode.CRC32.value:
        return info.checksum is not None and info.checksum == composite_crc32_of(parts)
    if provider.checksum is ChecksumMode.MD5 and provider.composite_etag_md5 and not info.encrypted:
        return info.etag == composite_etag([p.checksum for p in parts])
    if provider.checksum is ChecksumMode.CRC64 and info.crc64 is not None:
        return info.crc64 == combined_crc64(parts)
    return False


def verify_object(
    provider: Provider,
    upload_checksum: str,
    size: int,
    info: ObjectLike | None,
    parts: Sequence[PartLike],
    etag: str,
) -> None:
    """After Complete: the object must be whole and built from these parts; else INTEGRITY."""
    if info is None:
        raise SkyliftError(ErrorCode.INTEGRITY, "the object is missing right after Complete")
    if info.size != size:
        raise SkyliftError(ErrorCode.INTEGRITY, f"the object has {info.size} bytes, the file {size}")
    # Under SSE-KMS and SSE-C the ETag is no MD5 of anything local: what proves the object is
    # then the CRC32 composite (where the upload has one), else the Content-MD5 of every part,
    # which the server checked as each arrived and whose ETags Complete named in order.
    expected = None if info.encrypted else expected_etag(provider, parts)
    if expected is not None and (etag != expected or info.etag != expected):
        raise SkyliftError(
            ErrorCode.INTEGRITY,
            f"ETag {info.etag or etag} is not the {expected} computed from the parts sent",
        )
    # Each part's CRC32 was checked by the server as it arrived; the composite proves the whole
    # (order included) where the upload was initiated with the algorithm.
    if provider.checksum is ChecksumMode.CRC32 and upload_checksum == ChecksumMode.CRC32.value:
        composite = composite_crc32_of(parts)
        if info.checksum is None or info.checksum != composite:
            hint = (
                " (this store keeps no CRC32 checksums: use the generic 's3' preset)"
                if info.checksum is None
                else ""
            )
            raise SkyliftError(
                ErrorCode.INTEGRITY,
                f"object checksum {info.checksum} is not the {composite} computed from the parts{hint}",
            )
    elif info.encrypted:
        log.info(
            "encrypted object (%d parts): its ETag is no MD5; proven by each part's Content-MD5%s",
            len(parts),
            ", checked by the server" if provider.checksum is ChecksumMode.MD5 else " (none sent)",
        )
        if provider.checksum is ChecksumMode.MD5 and any(not p.checksum for p in parts):
            raise SkyliftError(
                ErrorCode.INTEGRITY,
                "the object is encrypted (its ETag is no MD5) and some parts carry no checksum "
                "the server checked; upload it again",
            )
    elif provider.composite_etag_md5 and expected is None:
        # No checksum of our own covers the whole (an upload begun elsewhere, adopted): the part
        # ETags are the parts' MD5s, each proven against the file, so S3's rule still binds them.
        from_etags = composite_etag([p.etag.strip('"').lower() for p in parts])
        if from_etags is not None and info.etag != from_etags:
            raise SkyliftError(
                ErrorCode.INTEGRITY, f"ETag {info.etag} is not the {from_etags} its parts add up to"
            )
    if provider.checksum is ChecksumMode.CRC64 and info.crc64 is not None:
        local = combined_crc64(parts)
        if local != info.crc64:
            raise SkyliftError(ErrorCode.INTEGRITY, f"object CRC64 {info.crc64} is not the local {local}")
