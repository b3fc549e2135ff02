"""Steps for a source of unknown length that cannot be read twice (standard input).

The scheduler runs a stream like any transfer: a start step reads the first part (a short stream
is one PUT), then each part task reads the next part in order and sends it, so memory stays at
concurrency x part size. A stream cannot resume after a crash: the checkpoint records it, and the
next start aborts its parts and says so.
"""

from __future__ import annotations

from typing import BinaryIO

from engine.backends.base import PartResult
from engine.errors import ErrorCode, SkyliftError
from engine.steps import StepContext, control, put_small, spec_of
from engine.transfer import Transfer


def read_full(stream: BinaryIO, n: int) -> bytearray:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def start_stream(ctx: StepContext, t: Transfer) -> tuple[bytearray, PartResult] | None:
    """Read the first part; a shorter one is the whole stream, sent in one PUT (returned).

    Otherwise the multipart upload is created (durably recorded) and the part kept for sending.
    """
    st = t.stream
    assert st is not None
    row = t.row
    first = read_full(st.source, row.part_size)
    if len(first) < row.part_size:
        st.eof = True
        st.size = len(first)
        return first, put_small(ctx, t, first)
    backend = ctx.backend_for(row.profile)
    upload_id = control(ctx, t, lambda: backend.create_upload(spec_of(ctx, t)))
    t.set_upload(upload_id, backend.provider.checksum.value)
    st.first = first
    return None


def next_chunk(ctx: StepContext, t: Transfer) -> tuple[int, bytearray] | None:
    """The next part number and its bytes, read in order; None at the end of the stream."""
    st = t.stream
    assert st is not None
    rules = ctx.backend_for(t.row.profile).provider.rules
    with st.read_lock:
        if st.eof:
            return None
        if st.first is not None:
            data, st.first = st.first, None
        else:
            data = read_full(st.source, t.row.part_size)
        if not data:
            st.eof = True
            return None
        number = st.next_number
        if number > rules.max_parts:
            raise SkyliftError(
                ErrorCode.TOO_LARGE,
                f"the stream needs more than {rules.max_parts} parts of {t.row.part_size} bytes; "
                "pass a larger --part-size",
            )
        st.next_number += 1
        st.size += len(data)
        if len(data) < t.row.part_size:
            st.eof = True
        t.add_stream_part(number, len(data))
        return number, data
