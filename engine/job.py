"""Runtime state of one transfer, and the steps that move it forward.

The scheduler (``engine.scheduler``) decides what runs when and holds the lock; the step functions
here do the I/O without it and report back through return values and exceptions.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from engine.backends.base import Backend, NoSuchUpload, ObjectSpec, PartResult, ServerPart
from engine.body import BufferPool, PartBody, composite_crc32, digest, read_range
from engine.clock import Clock
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.plan import PartSpec, parts_for
from engine.providers import ChecksumMode
from engine.ratelimit import TokenBucket
from engine.retry import RetryPolicy
from engine.store import PartRow, Store, TransferRow

log = logging.getLogger("skylift.engine")

#: The local path recorded for uploads read from standard input.
STDIN = "-"


class Phase(enum.Enum):
    PREPARE = 1  # validate the file, find or create the upload, reconcile with the server
    PREPARING = 2
    UPLOADING = 3
    COMPLETING = 4
    IDLE = 5


@dataclass
class Job:
    row: TransferRow
    phase: Phase = Phase.PREPARE
    parts: list[PartSpec] = field(default_factory=list)
    done: dict[int, PartResult] = field(default_factory=dict)
    pending: list[int] = field(default_factory=list)
    tasks: int = 0
    interrupt: threading.Event = field(default_factory=threading.Event)
    cancel_requested: bool = False
    resume_after_pause: bool = False
    #: The process died while completing: the object may already be whole on the server.
    was_completing: bool = False
    error: SkyliftError | None = None
    bytes_sent: int = 0
    bytes_done: int = 0

    @property
    def id(self) -> int:
        return self.row.id

    def spec(self) -> ObjectSpec:
        r = self.row
        return ObjectSpec(r.bucket, r.key, r.content_type, r.storage_class, dict(r.metadata))

    def return_part(self, number: int) -> None:
        bisect.insort(self.pending, number)


@dataclass
class StepContext:
    """What the step functions need besides the job; built once by the engine."""

    store: Store
    backend_for: Callable[[str], Backend]
    limiter: TokenBucket
    retry: RetryPolicy
    clock: Clock
    on_bytes: Callable[[Job, int], None]
    on_unsent: Callable[[Job, int], None]
    buffers: BufferPool = field(default_factory=BufferPool)


def check_file(row: TransferRow) -> None:
    if row.local_path == STDIN:
        raise SkyliftError(
            ErrorCode.STREAM_NOT_RESUMABLE,
            "this upload read standard input, which cannot be read again; upload it anew",
        )
    try:
        st = os.stat(row.local_path)
    except FileNotFoundError:
        raise SkyliftError(ErrorCode.FILE_MISSING, row.local_path) from None
    except OSError as exc:
        raise SkyliftError(ErrorCode.FILE_UNREADABLE, f"{row.local_path}: {exc.strerror}") from None
    if st.st_size != row.size or st.st_mtime_ns != row.mtime_ns:
        raise SkyliftError(
            ErrorCode.FILE_CHANGED,
            f"{row.local_path}: recorded {row.size} bytes, mtime {row.mtime_ns}; "
            f"now {st.st_size} bytes, mtime {st.st_mtime_ns}",
        )


def composite_etag(parts: list[PartResult]) -> str | None:
    """S3's multipart ETag: md5 of the concatenated binary part MD5s, then ``-N``."""
    if not parts or any(not p.checksum or len(p.checksum) != 32 for p in parts):
        return None
    joined = b"".join(bytes.fromhex(p.checksum or "") for p in parts)
    return f"{hashlib.md5(joined).hexdigest()}-{len(parts)}"


def composite_crc32_of(parts: list[PartResult]) -> str | None:
    if not parts or any(not p.checksum for p in parts):
        return None
    return composite_crc32([p.checksum or "" for p in parts])


def expected_etag(backend: Backend, parts: list[PartResult]) -> str | None:
    """The multipart ETag to expect, where it can be computed locally (MD5 mode only)."""
    prov = backend.provider
    if prov.checksum is ChecksumMode.MD5 and prov.composite_etag_md5:
        return composite_etag(parts)
    return None


def part_matches(backend: Backend, row: TransferRow, spec: PartSpec, sp: ServerPart) -> PartResult | None:
    """Prove a server part holds the local bytes when no local row says so (a crash came between
    the server's acknowledgement and the row's write)."""
    mode = backend.provider.checksum
    if mode is ChecksumMode.NONE:
        return None
    data = read_range(row.local_path, spec.offset, spec.size, row.size, row.mtime_ns)
    # Part ETags are the parts' MD5s on S3 (without SSE-KMS) and on OSS: pay for one MD5 here,
    # in the rare recovery path, to prove the bytes; then keep the checksum the mode needs.
    if sp.etag.lower() != hashlib.md5(data).hexdigest():
        return None
    return PartResult(sp.number, sp.etag, sp.size, digest(data, mode).checksum())


def prepare(ctx: StepContext, job: Job) -> None:
    """Validate the local file, find or create the upload, and keep the parts the server holds."""
    row = job.row
    backend = ctx.backend_for(row.profile)
    if row.local_path == STDIN:
        _abort_quietly(backend, row)
    check_file(row)
    job.parts = parts_for(row.size, row.part_size)
    local = ctx.store.parts(row.id)
    server: list[ServerPart] = []
    if row.upload_id is None:
        _new_upload(ctx, backend, job)
    else:
        try:
            server = backend.list_parts(row.bucket, row.key, row.upload_id)
        except NoSuchUpload:
            if _already_complete(backend, job, local):
                job.phase = Phase.COMPLETING
                return
            log.info("transfer %d: upload id gone from the server; starting a new upload", row.id)
            _abort_quietly(backend, row)
            _new_upload(ctx, backend, job)
            local = {}
    by_number = {p.number: p for p in job.parts}
    kept: dict[int, PartResult] = {}
    for sp in server:
        spec = by_number.get(sp.number)
        if spec is None or spec.size != sp.size:
            continue
        mine = local.get(sp.number)
        trusted = mine is not None and (mine.checksum or backend.provider.checksum is ChecksumMode.NONE)
        if mine is not None and mine.etag == sp.etag and mine.size == sp.size and trusted:
            kept[sp.number] = PartResult(sp.number, sp.etag, sp.size, mine.checksum)
        else:
            # No row (a crash came between the server's ack and the row), another ETag, or a row
            # without the checksum the final object check needs: prove it from the file.
            proof = part_matches(backend, row, spec, sp)
            if proof is not None:
                kept[sp.number] = proof
    ctx.store.replace_parts(row.id, [PartRow(p.number, p.size, p.etag, p.checksum) for p in kept.values()])
    job.done = kept
    job.pending = [p.number for p in job.parts if p.number not in kept]
    job.phase = Phase.UPLOADING if job.pending else Phase.COMPLETING


def _new_upload(ctx: StepContext, backend: Backend, job: Job) -> None:
    upload_id = backend.create_upload(job.spec())
    job.row.upload_id = upload_id
    job.row.upload_checksum = backend.provider.checksum.value
    # Durable before any part goes up: an id the checkpoint forgot would leak billed parts.
    ctx.store.update_transfer(job.id, upload_id=upload_id, upload_checksum=job.row.upload_checksum).result()
    ctx.store.replace_parts(job.id, [])


def _abort_quietly(backend: Backend, row: TransferRow) -> None:
    if row.upload_id is None:
        return
    try:
        backend.abort(row.bucket, row.key, row.upload_id)
    except NoSuchUpload:
        pass
    except SkyliftError as exc:
        log.warning("transfer %d: could not abort old upload id: %s", row.id, exc)


def _already_complete(backend: Backend, job: Job, local: dict[int, PartRow]) -> bool:
    """After a crash during Complete: is the object on the server exactly what we would build?"""
    parts = parts_for(job.row.size, job.row.part_size)
    if len(local) != len(parts):
        return False
    results = [PartResult(n, local[n].etag, local[n].size, local[n].checksum) for n in sorted(local)]
    if not object_matches(backend, job.row, results):
        return False
    job.done = {p.number: p for p in results}
    job.pending = []
    job.was_completing = True
    return True


def object_matches(backend: Backend, row: TransferRow, parts: list[PartResult]) -> bool:
    """Does the object under the key prove it was built from exactly these parts?

    Only a checksum the provider itself reports can prove it: S3's composite ETag, or OSS's
    whole-object CRC64. Where neither exists (opaque ETags), the answer is no.
    """
    info = backend.head(row.bucket, row.key)
    if info is None or info.size != row.size or not parts:
        return False
    prov = backend.provider
    if prov.checksum is ChecksumMode.CRC32 and row.upload_checksum == ChecksumMode.CRC32.value:
        return info.checksum is not None and info.checksum == composite_crc32_of(parts)
    if prov.checksum is ChecksumMode.MD5 and prov.composite_etag_md5:
        return info.etag == composite_etag(parts)
    if prov.checksum is ChecksumMode.CRC64 and info.crc64 is not None:
        from engine.crc64 import combine_parts

        if any(not p.checksum for p in parts):
            return False
        return info.crc64 == combine_parts([(int(p.checksum or 0), p.size) for p in parts])
    return False


def upload_part(ctx: StepContext, job: Job, number: int) -> PartResult:
    """Send one part, retrying transient failures with backoff; the caller records the result."""
    row = job.row
    spec = job.parts[number - 1]
    backend = ctx.backend_for(row.profile)
    assert row.upload_id is not None
    buf = ctx.buffers.take(spec.size)
    try:
        data = read_range(row.local_path, spec.offset, spec.size, row.size, row.mtime_ns, buf)
        dg = digest(data, backend.provider.checksum)
        return send_with_retries(
            ctx,
            job,
            data,
            lambda body: backend.upload_part(row.bucket, row.key, row.upload_id or "", number, body, dg),
        )
    finally:
        ctx.buffers.give(buf)


def put_small(ctx: StepContext, job: Job) -> PartResult:
    row = job.row
    backend = ctx.backend_for(row.profile)
    check_file(row)
    spec = job.spec()
    buf = ctx.buffers.take(row.size)
    try:
        data = read_range(row.local_path, 0, row.size, row.size, row.mtime_ns, buf)
        dg = digest(data, backend.provider.checksum)
        return send_with_retries(ctx, job, data, lambda body: backend.put_small(spec, body, dg))
    finally:
        ctx.buffers.give(buf)


def send_with_retries(
    ctx: StepContext,
    job: Job,
    data: bytes | bytearray | memoryview,
    send: Callable[[PartBody], PartResult],
) -> PartResult:
    attempt = 0
    while True:
        if job.interrupt.is_set():
            raise Interrupted()
        sent = 0

        def count(n: int) -> None:
            nonlocal sent
            sent += n
            ctx.on_bytes(job, n)

        body = PartBody(data, job.interrupt, ctx.limiter, count)
        try:
            return send(body)
        except Interrupted:
            ctx.on_unsent(job, sent)
            raise
        except SkyliftError as exc:
            ctx.on_unsent(job, sent)
            attempt += 1
            if exc.code not in (ErrorCode.NETWORK, ErrorCode.SERVER, ErrorCode.INTEGRITY) or (
                attempt > ctx.retry.retries
            ):
                raise
            delay = ctx.retry.delay(attempt)
            log.info("transfer %d: %s; retry %d in %.1f s", job.id, exc, attempt, delay)
            if ctx.clock.wait(job.interrupt, delay):
                raise Interrupted() from None


def complete(ctx: StepContext, job: Job) -> tuple[str, list[PartResult], str | None]:
    """Complete the upload, unless a crash left it complete already.

    Returns the object's ETag, the parts in order and the ETag they should add up to, if the
    provider follows S3's composite rule.
    """
    row = job.row
    backend = ctx.backend_for(row.profile)
    parts = [job.done[p.number] for p in job.parts]
    expected = expected_etag(backend, parts)
    # Some servers still answer ListParts for a completed upload: look before completing again.
    if job.was_completing and object_matches(backend, row, parts):
        info = backend.head(row.bucket, row.key)
        return (info.etag if info else ""), parts, expected
    assert row.upload_id is not None
    try:
        return backend.complete(row.bucket, row.key, row.upload_id, parts), parts, expected
    except NoSuchUpload:
        # A retried Complete whose first answer was lost: the upload is gone because it is whole.
        if not object_matches(backend, row, parts):
            raise
        info = backend.head(row.bucket, row.key)
        return (info.etag if info else ""), parts, expected


def verify(
    backend: Backend, row: TransferRow, parts: list[PartResult], etag: str, expected: str | None
) -> None:
    info = backend.head(row.bucket, row.key)
    if info is None:
        raise SkyliftError(ErrorCode.INTEGRITY, "the object is missing right after Complete")
    if info.size != row.size:
        raise SkyliftError(ErrorCode.INTEGRITY, f"the object has {info.size} bytes, the file {row.size}")
    if expected is not None and (etag != expected or info.etag != expected):
        raise SkyliftError(
            ErrorCode.INTEGRITY,
            f"ETag {info.etag or etag} is not the {expected} computed from the parts sent",
        )
    # Each part's CRC32 was checked by the server as it arrived; the composite proves the whole
    # (order included) where the upload was initiated with the algorithm.
    if backend.provider.checksum is ChecksumMode.CRC32 and row.upload_checksum == "crc32":
        composite = composite_crc32_of(parts)
        if info.checksum is None or info.checksum != composite:
            raise SkyliftError(
                ErrorCode.INTEGRITY,
                f"object checksum {info.checksum} is not the {composite} computed from the parts"
                + (
                    " (this store keeps no CRC32 checksums: use the generic 's3' preset)"
                    if info.checksum is None
                    else ""
                ),
            )
    elif backend.provider.composite_etag_md5 and expected is None:
        # No checksum of our own covers the whole (an upload begun elsewhere, adopted): the part
        # ETags are the parts' MD5s, each proven against the file, so S3's rule still binds them.
        from_etags = composite_etag([PartResult(p.number, p.etag, p.size, p.etag.lower()) for p in parts])
        if from_etags is not None and info.etag != from_etags:
            raise SkyliftError(
                ErrorCode.INTEGRITY, f"ETag {info.etag} is not the {from_etags} its parts add up to"
            )
    if backend.provider.checksum is ChecksumMode.CRC64 and info.crc64 is not None:
        from engine.crc64 import combine_parts

        local = combine_parts([(int(p.checksum or 0), p.size) for p in parts])
        if local != info.crc64:
            raise SkyliftError(ErrorCode.INTEGRITY, f"object CRC64 {info.crc64} is not the local {local}")
