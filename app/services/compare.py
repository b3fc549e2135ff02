"""Is this object the same as this local file? Decided by checksum wherever the server can prove it.

One rule for ``--if-exists skip-same``, ``skylift verify`` and the move option, so the three never
disagree. In order: a size that differs settles it; an object whose ETag is still the one Skylift
recorded when it uploaded and verified this unchanged file is the same (no read, no request); else
the server's own checksums (``engine.fingerprint.claims``) are compared with the file's, each read
of the file cached while its size and mtime hold. Where the server shows no checksum that can
decide, the answer is ``UNPROVEN``: the sizes match and nothing more is known.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass

from engine.backends.base import Backend, ObjectInfo
from engine.digests import Digest, Digests, Made
from engine.fingerprint import Claim, FileChanged, Method, ObjectFacts, claims, local_value
from engine.providers import ChecksumMode
from engine.sources import Source


class Verdict(enum.StrEnum):
    SAME = "same"
    DIFFERENT = "different"
    #: The file is not on the server.
    MISSING = "missing"
    #: An object under the folder's prefix that no local file matches.
    ONLY_ON_SERVER = "only-on-server"
    #: Same size; the server shows no checksum that could decide.
    UNPROVEN = "unproven"
    #: The file changed while it was being read (it is being written): compare it later.
    CHANGED = "changed"
    #: The file cannot be read.
    UNREADABLE = "unreadable"
    #: The server could not be asked (the detail says why).
    FAILED = "failed"


#: How a verdict was reached: a fingerprint method, or one of these.
BY_SIZE = "size"
BY_RECORD = "record"
NOT_COMPARED = ""


@dataclass(frozen=True)
class Comparison:
    key: str
    path: str
    verdict: Verdict
    method: str
    local_size: int | None
    remote_size: int | None
    detail: str = ""

    @property
    def by_checksum(self) -> bool:
        return self.method not in (BY_SIZE, NOT_COMPARED)


class Stopped(Exception):
    """The comparison was asked to stop (the window closed, Ctrl-C)."""


def as_facts(info: ObjectInfo) -> ObjectFacts:
    return ObjectFacts(info.size, info.etag, info.crc64, info.checksum, info.metadata, info.encrypted)


class Comparer:
    """Compares files with objects of one bucket of one profile. Thread-safe: ``skylift verify``
    runs several comparisons at once."""

    def __init__(
        self,
        backend: Backend,
        digests: Digests,
        profile: str,
        bucket: str,
        use_cache: bool = True,
        stop: threading.Event | None = None,
        trust_record: bool = True,
    ) -> None:
        self._backend = backend
        self._digests = digests
        self._profile = profile
        self._bucket = bucket
        self._use_cache = use_cache
        #: False: always ask the server for its checksums (the move option deletes on them).
        self._trust_record = trust_record and use_cache
        self._stop = stop or threading.Event()

    def compare(self, src: Source, listed: ObjectInfo | None, headed: bool = False) -> Comparison:
        """``listed``: the object as a listing showed it (``headed``: as a HEAD did, checksums and
        metadata included), None when there is none."""

        def said(verdict: Verdict, method: str, remote: int | None, detail: str = "") -> Comparison:
            return Comparison(src.key, src.path, verdict, method, src.size, remote, detail)

        if listed is None:
            return said(Verdict.MISSING, NOT_COMPARED, None)
        if listed.size != src.size:
            return said(Verdict.DIFFERENT, BY_SIZE, listed.size)
        if self._trust_record and self._made_unchanged(src, listed.etag):
            return said(Verdict.SAME, BY_RECORD, listed.size)
        try:
            if not headed and self._listed_md5_matches(src, listed.etag):
                return said(Verdict.SAME, Method.MD5.value, listed.size)
        except FileChanged:
            return said(Verdict.CHANGED, NOT_COMPARED, listed.size, "the file changed while it was read")
        except OSError as exc:
            return said(Verdict.UNREADABLE, NOT_COMPARED, listed.size, exc.strerror or str(exc))
        info = listed if headed else self._backend.head(self._bucket, src.key)
        if info is None:
            return said(Verdict.MISSING, NOT_COMPARED, None)
        if info.size != src.size:
            return said(Verdict.DIFFERENT, BY_SIZE, info.size)
        try:
            verdict, method, detail = self._by_checksum(src, info)
            return said(verdict, method, info.size, detail)
        except FileChanged:
            return said(Verdict.CHANGED, NOT_COMPARED, info.size, "the file changed while it was read")
        except OSError as exc:
            return said(Verdict.UNREADABLE, NOT_COMPARED, info.size, exc.strerror or str(exc))

    def _listed_md5_matches(self, src: Source, etag: str) -> bool:
        """A listing's plain ETag is the object's MD5 on these stores unless the server encrypts
        with its own key (then it is random): a match proves the bytes without a HEAD; a
        mismatch proves nothing, and the HEAD's checksums decide."""
        etag = etag.strip('"').lower()
        provider = self._backend.provider
        etag_is_md5 = provider.composite_etag_md5 or provider.checksum is ChecksumMode.CRC64
        if len(etag) != 32 or "-" in etag or not etag_is_md5:
            return False
        return self._local(src, Method.MD5, 0) == etag

    def _made_unchanged(self, src: Source, etag: str) -> bool:
        made = self._digests.made(self._profile, self._bucket, src.key)
        return (
            made is not None
            and bool(etag)
            and made.etag == etag
            and (made.path, made.size, made.mtime_ns) == (src.path, src.size, src.mtime_ns)
        )

    def _by_checksum(self, src: Source, info: ObjectInfo) -> tuple[Verdict, str, str]:
        guessed: list[Claim] = []
        for claim in claims(self._backend.provider, as_facts(info)):
            for part_size in claim.part_sizes:
                if self._local(src, claim.method, part_size) == claim.value:
                    made = Made(src.path, src.size, src.mtime_ns, info.etag)
                    self._digests.record_made(self._profile, self._bucket, src.key, made)
                    return Verdict.SAME, claim.method.value, ""
            if claim.layout_known:
                self._digests.forget_made(self._profile, self._bucket, src.key)
                return Verdict.DIFFERENT, claim.method.value, ""
            guessed.append(claim)
        detail = "the server shows no checksum that can be compared"
        if guessed:
            detail = "the object was uploaded in parts of unknown size: its checksum cannot be recomputed"
        return Verdict.UNPROVEN, BY_SIZE, detail

    def _local(self, src: Source, method: Method, part_size: int) -> str:
        if self._use_cache:
            cached = self._digests.get(src.path, src.size, src.mtime_ns, method, part_size)
            if cached is not None:
                return cached
        value = local_value(src.path, method, part_size, src.size, src.mtime_ns, self._stop.is_set)
        if value is None:
            raise Stopped()
        self._digests.put([Digest(src.path, src.size, src.mtime_ns, method, part_size, value)])
        return value
