"""The steps that move a transfer forward: restart, prepare, a part, a single PUT, Complete.

Each runs on a worker without the scheduler's lock, does its I/O, and reports back by return
value (or exception); the transfer's coordinator records what it returns.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from engine.backends.base import Backend, NoSuchUpload, ObjectSpec, PartResult, RemoteUpload, ServerPart
from engine.body import BufferPool, PartBody, read_range
from engine.clock import Clock
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.events import Retrying
from engine.fingerprint import META_SHA256
from engine.integrity import digest, object_proven, prove_part, verify_object
from engine.objectopts import NEED_KEY, CustomerKey, CustomerKeys
from engine.plan import PartSpec, choose_part_size, is_multipart, parts_for
from engine.providers import ChecksumMode
from engine.ratelimit import TokenBucket
from engine.retry import Attempts, OnRetry, RetryPolicy, with_retries
from engine.store import StoreError
from engine.transfer import STDIN, Prepared, Transfer

log = logging.getLogger("skylift.engine")
T = TypeVar("T")


@dataclass
class StepContext:
    """What the steps need besides the transfer; built once by the scheduler."""

    backend_for: Callable[[str], Backend]
    limiter: TokenBucket
    retry: RetryPolicy
    clock: Clock
    part_size: Callable[[], int]
    threshold: Callable[[], int]
    #: Re-read the parts the server holds on resume and prove them against the file.
    reprove: Callable[[], bool] = lambda: True
    #: The server said SlowDown (or 503/429): the scheduler lowers the requests in flight.
    on_throttle: Callable[[], None] = lambda: None
    #: A request of a transfer goes again: the scheduler tells the user (a Retrying event).
    on_retry: Callable[[Retrying], None] = lambda e: None

    def retry_hook(self, t: Transfer) -> OnRetry:
        def said(attempt: int, delay: float, exc: SkyliftError, waiting: bool) -> None:
            self.on_retry(Retrying(t.id, attempt, delay, f"{exc.code.value}: {exc.detail}", waiting))

        return said

    buffers: BufferPool = field(default_factory=BufferPool)
    #: SSE-C keys given to this run (memory only).
    keys: CustomerKeys = field(default_factory=CustomerKeys)


def spec_of(ctx: StepContext, t: Transfer) -> ObjectSpec:
    """The transfer's object, with its customer key when it has one; without that key nothing
    about the object can be sent or read, so the transfer stops and keeps its checkpoint."""
    spec = t.spec()
    if not spec.options.uses_customer_key:
        return spec
    key = ctx.keys.get(spec.options.sse_c_md5)
    if key is None:
        detail = NEED_KEY
        if ctx.keys.any():
            detail = (
                f"{NEED_KEY} (the key given is not the one this upload began with, "
                f"whose MD5 is {spec.options.sse_c_md5})"
            )
        raise SkyliftError(ErrorCode.KEY_NEEDED, detail)
    return replace(spec, customer_key=key)


def key_of(ctx: StepContext, t: Transfer) -> CustomerKey | None:
    return spec_of(ctx, t).customer_key


def check_file(t: Transfer) -> None:
    row = t.row
    if row.local_path == STDIN and t.stream is None:
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


def control(ctx: StepContext, t: Transfer, fn: Callable[[], T]) -> T:
    """Retry a control request (create, list, complete, head) through transient failures."""
    return with_retries(
        ctx.retry, ctx.clock, t.interrupt, f"transfer {t.id}", fn, ctx.on_throttle, ctx.retry_hook(t)
    )


def abort_upload(ctx: StepContext, t: Transfer) -> None:
    """Abort ``t``'s multipart upload, retried like any control request. A cancel has set the
    transfer's interrupt already, so the backoff waits on an event of its own."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    try:
        with_retries(
            ctx.retry,
            ctx.clock,
            threading.Event(),
            f"transfer {t.id} abort",
            lambda: backend.abort(row.bucket, row.key, row.upload_id or ""),
            ctx.on_throttle,
            ctx.retry_hook(t),
        )
    except NoSuchUpload:
        pass  # gone already: an earlier attempt whose answer was lost, or a lifecycle rule


# ---- restart ------------------------------------------------------------------------------------
def restart(ctx: StepContext, t: Transfer) -> tuple[int, int, int, bool]:
    """Abort the old upload and plan again from the file as it is now: (size, mtime, part size,
    multipart)."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    if row.upload_id:
        try:
            control(ctx, t, lambda: backend.abort(row.bucket, row.key, row.upload_id or ""))
        except NoSuchUpload:
            pass  # already gone, which is what a restart wants
        except SkyliftError as exc:
            raise SkyliftError(
                exc.code, f"could not abort the old upload: {exc.detail}", exc.request_id
            ) from None
    try:
        st = os.stat(row.local_path)
    except FileNotFoundError:
        raise SkyliftError(ErrorCode.FILE_MISSING, row.local_path) from None
    except OSError as exc:
        raise SkyliftError(ErrorCode.FILE_UNREADABLE, f"{row.local_path}: {exc.strerror}") from None
    rules = backend.provider.rules
    multipart = is_multipart(st.st_size, ctx.threshold(), rules)
    part_size = choose_part_size(st.st_size, ctx.part_size(), rules) if multipart else 0
    return st.st_size, st.st_mtime_ns, part_size, multipart


# ---- prepare ------------------------------------------------------------------------------------
def prepare(ctx: StepContext, t: Transfer, local_parts: Callable[[], dict[int, PartResult]]) -> Prepared:
    """Validate the local file, find or create the upload, and keep the parts the server holds."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    if row.local_path == STDIN:
        _abort_quietly(backend, t)
    check_file(t)
    ckey = key_of(ctx, t)
    parts = parts_for(row.size, row.part_size)
    local = local_parts()
    server: list[ServerPart] = []
    if row.upload_id is None:
        _new_upload(ctx, backend, t)
        local = {}
    else:
        try:
            server = control(
                ctx, t, lambda: backend.list_parts(row.bucket, row.key, row.upload_id or "", ckey)
            )
        except NoSuchUpload:
            if _already_complete(backend, t, parts, local, ckey):
                return Prepared(parts, local, already_complete=True)
            log.info("transfer %d: upload id gone from the server; starting a new upload", row.id)
            _abort_quietly(backend, t)
            _new_upload(ctx, backend, t)
            local = {}
    by_number = {p.number: p for p in parts}
    kept: dict[int, PartResult] = {}
    for sp in server:
        spec = by_number.get(sp.number)
        if spec is None or spec.size != sp.size:
            continue
        mine = local.get(sp.number)
        trusted = mine is not None and (mine.checksum or backend.provider.checksum is ChecksumMode.NONE)
        if mine is not None and mine.etag == sp.etag and trusted:
            if mine.checksum and ctx.reprove():
                _reprove(ctx, t, backend, spec, mine.checksum)
            kept[sp.number] = PartResult(sp.number, sp.etag, sp.size, mine.checksum)
        else:
            # No row (a crash came between the server's ack and the row), another ETag, or a row
            # without the checksum the final object check needs: prove it from the file.
            data = read_range(row.local_path, spec.offset, spec.size, row.size, row.mtime_ns)
            checksum = prove_part(backend.provider, data, sp.etag)
            if checksum is not None:
                kept[sp.number] = PartResult(sp.number, sp.etag, sp.size, checksum)
    return Prepared(parts, kept)


def _reprove(ctx: StepContext, t: Transfer, backend: Backend, spec: PartSpec, checksum: str) -> None:
    """The file still holds the bytes of a part the server has, though only size and time were
    compared so far: a file rewritten in place with its time put back (``cp -p``, ``rsync -t``, a
    restore) would otherwise complete an object of old and new bytes. One checksum pass over what
    is already uploaded (CRC32 ~5 GB/s, CRC64 faster, MD5 ~0.75 GB/s)."""
    if t.interrupt.is_set():
        raise Interrupted()
    row = t.row
    buf = ctx.buffers.take(spec.size)
    try:
        data = read_range(row.local_path, spec.offset, spec.size, row.size, row.mtime_ns, buf)
        now = digest(data, backend.provider.checksum).checksum()
    finally:
        ctx.buffers.give(buf)
    if now != checksum:
        raise SkyliftError(
            ErrorCode.FILE_CHANGED,
            f"{row.local_path}: part {spec.number} (bytes {spec.offset}-{spec.offset + spec.size - 1}) "
            "differs from what was uploaded, though the file's size and time are unchanged; "
            "restart the transfer to upload the file as it is now",
        )


#: How far the server's "initiated" time of an upload Skylift asked for (but could not record) may
#: lie from the local time it asked: clock skew plus the create request's retries. Another client's
#: upload of the same key begun within this window would be taken for ours and aborted; two writers
#: racing for one key lose one object already, so the window trades that for no billed leftovers.
UNRECORDED_WINDOW = timedelta(minutes=10)


def _new_upload(ctx: StepContext, backend: Backend, t: Transfer) -> None:
    _abort_unrecorded(ctx, backend, t)
    t.creating_upload()
    unanswered = False

    def create() -> str:
        nonlocal unanswered
        try:
            return backend.create_upload(spec_of(ctx, t))
        except SkyliftError as exc:
            # A reset after the server made the upload loses its id: the server keeps it, billed.
            unanswered = unanswered or exc.code is ErrorCode.NETWORK
            raise

    began = time.monotonic()
    upload_id = control(ctx, t, create)
    try:
        t.set_upload(upload_id, backend.provider.checksum.value)
    except StoreError:
        # Not durable, so no later run would know of it: abort it now or it stays billed.
        _abort_quietly(backend, t)
        raise
    if unanswered:
        _abort_unanswered(ctx, backend, t, upload_id, time.monotonic() - began)


def _abort_unrecorded(ctx: StepContext, backend: Backend, t: Transfer) -> None:
    """A run that died between the server's answer to "create upload" and the checkpoint row left
    an upload id nobody knows: find it by key and time, and abort it."""
    row = t.row
    if not row.upload_started_at:
        return
    asked = datetime.fromtimestamp(row.upload_started_at / 1e9, UTC)
    _abort_leftovers(ctx, backend, t, asked - UNRECORDED_WINDOW, asked + UNRECORDED_WINDOW)


def _abort_unanswered(ctx: StepContext, backend: Backend, t: Transfer, upload_id: str, took: float) -> None:
    """A Create retried through a network error may have made an upload whose answer was lost:
    look in the seconds our retries took before our own upload began (on the server's clock)."""
    row = t.row
    try:
        uploads = control(ctx, t, lambda: list(backend.list_uploads(row.bucket, row.key)))
    except SkyliftError as exc:
        log.warning("transfer %d: cannot look for uploads left by a lost Create: %s", row.id, exc)
        return
    ours = next((u for u in uploads if u.upload_id == upload_id), None)
    if ours is not None:
        began = _aware(ours.initiated)
        others = [u for u in uploads if u.upload_id != upload_id]
        _abort_leftovers(ctx, backend, t, began - timedelta(seconds=took + 2), began, others)


def _abort_leftovers(
    ctx: StepContext,
    backend: Backend,
    t: Transfer,
    lo: datetime,
    hi: datetime,
    uploads: list[RemoteUpload] | None = None,
) -> None:
    """Abort the uploads of this key begun between ``lo`` and ``hi`` that this transfer does not
    know and that hold no parts. Another client starting this same key then would lose only an
    empty upload, and its next part would say so; leaving ours would bill parts nobody sees.
    Credentials that may upload but not list uploads still upload: a leftover then shows in
    "skylift stale" like any other."""
    row = t.row
    known = t.recorded_upload_ids()
    try:
        if uploads is None:
            uploads = control(ctx, t, lambda: list(backend.list_uploads(row.bucket, row.key)))
        for u in uploads:
            if u.key != row.key or u.upload_id in known or not lo <= _aware(u.initiated) <= hi:
                continue
            if backend.list_parts(row.bucket, row.key, u.upload_id):
                continue
            log.info("transfer %d: aborting upload %s, begun but never recorded", row.id, u.upload_id)
            try:
                backend.abort(row.bucket, row.key, u.upload_id)
            except NoSuchUpload:
                pass
    except (SkyliftError, NoSuchUpload) as exc:
        log.warning("transfer %d: cannot look for an unrecorded upload to abort: %s", row.id, exc)


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _abort_quietly(backend: Backend, t: Transfer) -> None:
    row = t.row
    if row.upload_id is None:
        return
    try:
        backend.abort(row.bucket, row.key, row.upload_id)
    except NoSuchUpload:
        pass
    except SkyliftError as exc:
        log.warning("transfer %d: could not abort old upload id: %s", row.id, exc)


def _already_complete(
    backend: Backend,
    t: Transfer,
    parts: list[PartSpec],
    local: dict[int, PartResult],
    ckey: CustomerKey | None,
) -> bool:
    """After a crash during Complete: is the object on the server exactly what we would build?"""
    if len(local) != len(parts):
        return False
    results = [local[n] for n in sorted(local)]
    return object_proven(
        backend.provider,
        t.row.upload_checksum,
        t.row.size,
        backend.head(t.row.bucket, t.row.key, ckey),
        results,
    )


# ---- parts and single PUTs ------------------------------------------------------------------------
def upload_part(ctx: StepContext, t: Transfer, spec: PartSpec) -> PartResult:
    """Send one part of a file, retrying transient failures with backoff."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    upload_id = row.upload_id or ""
    buf = ctx.buffers.take(spec.size)
    try:
        data = read_range(row.local_path, spec.offset, spec.size, row.size, row.mtime_ns, buf)
        return send_part(ctx, t, backend, upload_id, spec.number, data)
    finally:
        ctx.buffers.give(buf)


def send_part(
    ctx: StepContext,
    t: Transfer,
    backend: Backend,
    upload_id: str,
    number: int,
    data: bytes | bytearray | memoryview,
) -> PartResult:
    row = t.row
    dg = digest(data, backend.provider.checksum)
    ckey = key_of(ctx, t)
    return send_with_retries(
        ctx,
        t,
        data,
        lambda body: backend.upload_part(row.bucket, row.key, upload_id, number, body, dg, ckey),
    )


def put_small(ctx: StepContext, t: Transfer, data: bytes | bytearray | None = None) -> PartResult:
    """One PUT of the whole file (or of a stream's only, short part, given as ``data``)."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    spec = spec_of(ctx, t)
    if data is not None:
        dg = digest(data, backend.provider.checksum)
        return send_with_retries(ctx, t, data, lambda body: backend.put_small(spec, body, dg))
    check_file(t)
    buf = ctx.buffers.take(row.size)
    try:
        view = read_range(row.local_path, 0, row.size, row.size, row.mtime_ns, buf)
        dg = digest(view, backend.provider.checksum)
        # A whole-file SHA-256 any server keeps (as metadata), even where its ETag is no MD5.
        sha = hashlib.sha256(view).hexdigest()
        t.note_sha256(sha)
        spec = replace(spec, metadata={**spec.metadata, META_SHA256: sha})
        return send_with_retries(ctx, t, view, lambda body: backend.put_small(spec, body, dg))
    finally:
        ctx.buffers.give(buf)


def send_with_retries(
    ctx: StepContext,
    t: Transfer,
    data: bytes | bytearray | memoryview,
    send: Callable[[PartBody], PartResult],
) -> PartResult:
    attempts = Attempts(ctx.retry, ctx.clock)
    said = ctx.retry_hook(t)
    while True:
        if t.interrupt.is_set():
            raise Interrupted()
        sent = 0

        def count(n: int) -> None:
            nonlocal sent
            sent += n
            t.count_sent(n)

        body = PartBody(data, t.interrupt, ctx.limiter, count)
        try:
            return send(body)
        except Interrupted:
            t.count_unsent(sent)
            raise
        except SkyliftError as exc:
            t.count_unsent(sent)
            delay = attempts.next_delay(exc, also=frozenset({ErrorCode.INTEGRITY}))
            if delay is None:
                raise
            if exc.throttled:
                ctx.on_throttle()
            log.info("transfer %d: %s; retry %d in %.1f s", t.id, exc, attempts.failed, delay)
            said(attempts.failed, delay, exc, attempts.waiting)
            if ctx.clock.wait(t.interrupt, delay):
                raise Interrupted() from None


# ---- Complete -----------------------------------------------------------------------------------
def complete(ctx: StepContext, t: Transfer, parts: list[PartResult]) -> str:
    """Complete the upload, unless a crash left it complete already; returns the object's ETag."""
    row = t.row
    backend = ctx.backend_for(row.profile)
    spec = spec_of(ctx, t)
    ckey = spec.customer_key

    def proven() -> bool:
        info = backend.head(row.bucket, row.key, ckey)
        return object_proven(backend.provider, row.upload_checksum, row.size, info, parts)

    # Some servers still answer ListParts for a completed upload: look before completing again.
    if t.was_completing and proven():
        info = backend.head(row.bucket, row.key, ckey)
        return info.etag if info else ""
    try:
        return control(
            ctx, t, lambda: backend.complete(row.bucket, row.key, row.upload_id or "", parts, spec)
        )
    except NoSuchUpload:
        # A retried Complete whose first answer was lost: the upload is gone because it is whole.
        if not proven():
            raise SkyliftError(ErrorCode.SERVER, "the upload vanished during Complete") from None
        info = backend.head(row.bucket, row.key, ckey)
        return info.etag if info else ""


def verify(ctx: StepContext, t: Transfer, parts: list[PartResult], etag: str) -> None:
    row = t.row
    backend = ctx.backend_for(row.profile)
    ckey = key_of(ctx, t)
    info = control(ctx, t, lambda: backend.head(row.bucket, row.key, ckey))
    verify_object(backend.provider, row.upload_checksum, row.size, info, parts, etag)
