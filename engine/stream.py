"""Uploads from a stream of unknown length (standard input).

Parts are buffered up to the part size and sent as they fill, at most ``concurrency`` at once, so
memory stays at concurrency x part size. A stream cannot be read twice, so such an upload cannot
resume after a crash: the checkpoint records it so the next start aborts its parts and says so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import BinaryIO

from engine.backends.base import NoSuchUpload, PartResult
from engine.body import digest
from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.job import Job, StepContext, expected_etag, send_with_retries, verify
from engine.providers import PartRules
from engine.store import PartRow


def read_full(stream: BinaryIO, n: int) -> bytearray:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def upload_stream(
    ctx: StepContext,
    job: Job,
    stream: BinaryIO,
    submit: Callable[[Callable[[], None]], object],
    concurrency: int,
    rules: PartRules,
) -> tuple[str, int, int]:
    """Send the stream; returns (etag, size, parts). ``job.row`` names bucket, key, part size."""
    row = job.row
    backend = ctx.backend_for(row.profile)
    mode = backend.provider.checksum
    part_size = row.part_size
    first = read_full(stream, part_size)
    if len(first) < part_size:
        res = send_with_retries(
            ctx, job, first, lambda body: backend.put_small(job.spec(), body, digest(first, mode))
        )
        return res.etag, len(first), 0
    upload_id = backend.create_upload(job.spec())
    row.upload_id = upload_id
    row.upload_checksum = backend.provider.checksum.value
    ctx.store.update_transfer(job.id, upload_id=upload_id, upload_checksum=row.upload_checksum).result()
    slots = threading.Semaphore(concurrency)
    lock = threading.Lock()
    results: dict[int, PartResult] = {}
    errors: list[BaseException] = []
    all_done = threading.Condition(lock)
    running = 0

    def send(number: int, data: bytearray) -> None:
        nonlocal running
        try:
            dg = digest(data, mode)
            res = send_with_retries(
                ctx,
                job,
                data,
                lambda body: backend.upload_part(row.bucket, row.key, upload_id, number, body, dg),
            )
            ctx.store.add_part(job.id, PartRow(number, res.size, res.etag, res.checksum))
            with lock:
                results[number] = res
        except BaseException as exc:
            with lock:
                errors.append(exc)
            job.interrupt.set()
        finally:
            slots.release()
            with lock:
                running -= 1
                all_done.notify_all()

    number, size, data = 0, 0, first
    try:
        while data:
            number += 1
            if number > rules.max_parts:
                raise SkyliftError(
                    ErrorCode.TOO_LARGE,
                    f"the stream needs more than "
                    f"{rules.max_parts} parts of {part_size} bytes; pass a larger "
                    "--part-size",
                )
            size += len(data)
            while not slots.acquire(timeout=0.2):
                if job.interrupt.is_set():
                    raise Interrupted()
            if job.interrupt.is_set():
                slots.release()
                raise Interrupted()
            with lock:
                running += 1
            submit(lambda n=number, d=data: send(n, d))  # type: ignore[misc]
            data = read_full(stream, part_size)
        with lock:
            all_done.wait_for(lambda: running == 0)
        if errors:
            raise errors[0]
        parts = [results[n] for n in sorted(results)]
        etag = backend.complete(row.bucket, row.key, upload_id, parts)
    except BaseException:
        job.interrupt.set()
        with lock:
            all_done.wait_for(lambda: running == 0)
        try:
            backend.abort(row.bucket, row.key, upload_id)
        except (NoSuchUpload, SkyliftError):
            pass
        raise
    row.size = size
    expected = expected_etag(backend, parts)
    verify(backend, row, parts, etag, expected)
    return etag, size, len(parts)
