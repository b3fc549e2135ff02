"""CRC64 throughput: Skylift's ``engine.crc64`` against crcmod's C extension.

``python -m bench.crc64_speed`` prints MB/s (10**6 bytes per second) for each on 32 MiB (a
default OSS part) and 256 KiB (one body read) of random bytes, and ours / crcmod's. Each figure is
the best of several rounds, so a busy neighbour on a shared machine costs less of the truth.
crcmod is oss2's dependency, not ours: without it, or without its C extension, only ours is shown.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable

from engine.crc64 import POLY, crc64

MiB = 1024 * 1024
KiB = 1024
SIZES = {"32 MiB": 32 * MiB, "256 KiB": 256 * KiB}

CrcFun = Callable[[bytes], int]


def _crcmod_c() -> CrcFun | None:
    """crcmod's CRC-64/XZ function if its C extension is there, else None."""
    try:
        import crcmod
    except ImportError:
        return None
    if not getattr(sys.modules.get("crcmod.crcmod"), "_usingExtension", False):
        return None  # its pure-Python fallback: not the C speed this compares against
    fun: CrcFun = crcmod.mkCrcFun(POLY, initCrc=0, rev=True, xorOut=(1 << 64) - 1)
    return fun


def _best_mb_s(fun: CrcFun, data: bytes, budget: float, rounds: int) -> float:
    """The best of ``rounds`` timings, each repeating ``fun`` for about ``budget`` seconds."""
    start = time.perf_counter()
    fun(data)
    once = max(time.perf_counter() - start, 1e-7)
    reps = max(1, int(budget / once))
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            fun(data)
        best = min(best, (time.perf_counter() - t0) / reps)
    return len(data) / best / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds per figure (the best counts)")
    ap.add_argument("--budget", type=float, default=0.2, help="seconds per round")
    args = ap.parse_args(argv)

    theirs = _crcmod_c()
    rng = random.Random(64)
    print(f"{'size':>8}  {'engine.crc64 MB/s':>18}  {'crcmod C MB/s':>14}  {'ratio':>7}")
    for label, size in SIZES.items():
        data = rng.randbytes(size)
        if theirs is not None and theirs(data) != crc64(data):
            print(f"{label}: engine.crc64 and crcmod disagree", file=sys.stderr)
            return 1
        ours = _best_mb_s(crc64, data, args.budget, args.rounds)
        if theirs is None:
            print(f"{label:>8}  {ours:18,.0f}  {'(no C crcmod)':>14}  {'-':>7}")
            continue
        ref = _best_mb_s(theirs, data, args.budget, args.rounds)
        print(f"{label:>8}  {ours:18,.0f}  {ref:14,.0f}  {ours / ref:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
