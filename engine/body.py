"""Part bodies: read once from disk, hashed in the same pass, sent interruptibly."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from engine.errors import ErrorCode, Interrupted, SkyliftError
from engine.ratelimit import TokenBucket

#: What one ``read()`` hands to the socket: small enough to pause within a fraction of a second
#: and to keep the bandwidth limit smooth, large enough that Python overhead stays negligible.
CHUNK = 256 * 1024


class BufferPool:
    """Reusable part buffers.

    A fresh 32 MiB bytearray per part costs page faults and zeroing (~0.8 CPU-s per GiB here),
    and thread-locals do not help: Qt's pool threads get a new Python thread state per task.
    At most ``keep`` buffers wait for reuse, so memory stays at concurrency x part size.
    """

    def __init__(self, keep: int = 8) -> None:
        self._lock = threading.Lock()
        self._free: list[bytearray] = []
        self._keep = keep

    def take(self, size: int) -> bytearray:
        with self._lock:
            for i, buf in enumerate(self._free):
                if len(buf) >= size:
                    return self._free.pop(i)
        return bytearray(size)

    def give(self, buf: bytearray) -> None:
        with self._lock:
            if len(self._free) < self._keep:
                self._free.append(buf)


def read_range(
    path: str,
    offset: int,
    size: int,
    expect_size: int,
    expect_mtime_ns: int,
    into: bytearray | None = None,
) -> memoryview:
    """Read ``size`` bytes at ``offset``; fail if the file is not the one the checkpoint describes.

    ``into`` is a buffer to fill (from a :class:`BufferPool`); without one a new one is made.
    """
    view = memoryview(into if into is not None else bytearray(size))[:size]
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise SkyliftError(ErrorCode.FILE_MISSING, path) from None
    except OSError as exc:
        raise SkyliftError(ErrorCode.FILE_UNREADABLE, f"{path}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if st.st_size != expect_size or st.st_mtime_ns != expect_mtime_ns:
            raise SkyliftError(ErrorCode.FILE_CHANGED, path)
        got = 0
        while got < size:
            if hasattr(os, "preadv"):
                n = os.preadv(fd, [view[got:]], offset + got)
            else:
                n = _pread_into(fd, view[got:], offset + got)
            if n == 0:
                raise SkyliftError(ErrorCode.FILE_CHANGED, f"{path} is shorter than recorded")
            got += n
    except OSError as exc:
        raise SkyliftError(ErrorCode.FILE_UNREADABLE, f"{path}: {exc.strerror}") from None
    finally:
        os.close(fd)
    return view


def _pread_into(fd: int, view: memoryview, offset: int) -> int:
    data = os.pread(fd, len(view), offset)
    view[: len(data)] = data
    return len(data)


class PartBody:
    """A file-like body over bytes already in memory.

    ``read()`` raises :class:`Interrupted` once ``interrupt`` is set, so a pause stops a part in
    flight; it takes tokens from the shared bandwidth limiter and reports every byte it hands out.
    It may return more than asked for: http.client and urllib3 send whatever a read returns, and
    8 KiB reads would cost more Python overhead than the transfer itself.
    """

    def __init__(
        self,
        data: bytes | bytearray | memoryview,
        interrupt: threading.Event,
        limiter: TokenBucket | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self._view = memoryview(data)
        self._pos = 0
        self._interrupt = interrupt
        self._limiter = limiter
        self._on_bytes = on_bytes
        self.size = len(self._view)

    def __len__(self) -> int:
        return self.size

    def read(self, n: int = -1) -> bytes | memoryview:
        if self._interrupt.is_set():
            raise Interrupted()
        remaining = self.size - self._pos
        if remaining <= 0:
            return b""
        take = remaining if n is None or n < 0 else min(remaining, max(n, CHUNK))
        if self._limiter is not None:
            self._limiter.acquire(take, self._interrupt)
        chunk = self._view[self._pos : self._pos + take]
        self._pos += take
        if self._on_bytes is not None:
            self._on_bytes(take)
        return chunk

    def seek(self, pos: int, whence: int = 0) -> int:
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self.size
        self._pos = max(0, min(pos, self.size))
        return self._pos

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        pass
