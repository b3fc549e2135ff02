"""A small filesystem of its own for disk-full tests, and a way to fill it.

A tmpfs mounted on a temporary folder needs root (CI runs as root). Without root it would take a
user and mount namespace, but then only processes inside that namespace see the mount, and the
CLI resolves ``SKYLIFT_HOME`` (a ``/proc/PID/root/...`` path resolves back to the outer view), so
the tests skip instead, saying why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


class Unavailable(Exception):
    pass


@contextlib.contextmanager
def small_fs(where: Path, size: str = "8m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise Unavailable(f"mount -t tmpfs failed ({res.stderr.strip() or res.returncode}); needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Write a file into ``folder`` until its filesystem is full, then give back ``leave`` bytes;
    returns the file."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        while True:
            try:
                os.write(fd, chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                if len(chunk) == 1:
                    break
                chunk = chunk[: len(chunk) // 2]
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler
