"""Benchmark data: random bytes written once per run of the script, warmed before each timed run."""

from __future__ import annotations

import os
from pathlib import Path

from bench.settings import MiB, Workload

_CHUNK = 8 * MiB


def workload_dir(root: Path, wl: Workload) -> Path:
    return root / wl.name


def create(root: Path, wl: Workload) -> list[Path]:
    """The workload's files (``file-NNNN.bin``), created unless already there at the right size.

    Random bytes, so no layer can compress or deduplicate them.
    """
    d = workload_dir(root, wl)
    d.mkdir(parents=True, exist_ok=True)
    paths = [d / f"file-{i:04d}.bin" for i in range(wl.count)]
    for p in paths:
        if p.exists() and p.stat().st_size == wl.size:
            continue
        tmp = p.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            left = wl.size
            while left:
                n = min(left, _CHUNK)
                fh.write(os.urandom(n))
                left -= n
        tmp.replace(p)
    return paths


def warm(paths: list[Path]) -> None:
    """Read every file once: this VM evicts the page cache within minutes (DESIGN §4b), and a
    client that met a cold cache would be charged for the disk, not for itself."""
    buf = bytearray(_CHUNK)
    for p in paths:
        with open(p, "rb", buffering=0) as fh:
            while fh.readinto(buf):
                pass
