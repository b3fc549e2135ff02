"""CRC64-ECMA exactly as Aliyun OSS reports it in ``x-oss-hash-crc64ecma``.

Polynomial 0x142F0E1EBA9EA3693, reflected, register initialised to all ones and the result
inverted (crcmod's ``initCrc=0, xorOut=~0``: the parameters oss2's ``utils.Crc64`` uses). This is
CRC-64/XZ; ``crc64(b"123456789") == 0x995DC9BBDF1939FA``.

The per-byte work runs in anycrc (zlib licence), which ships abi3 wheels for CPython >= 3.11 on
Linux (manylinux x86_64/aarch64, musllinux), Windows (amd64, arm64) and macOS (x86_64, arm64), so
no user needs a C compiler. It folds with carry-less multiplication (PCLMULQDQ on x86-64, PMULL on
arm64) and falls back to a C table where the CPU has neither. crcmod, which this module used
before, has no wheels: where pip cannot build it, it installs its pure-Python fallback (7.7 MB/s
on the machine below), which this module refused, so a Windows or macOS user without a compiler
could not upload to OSS at all. crcmod still comes with oss2; see engine/backends/oss.py.

``python -m bench.crc64_speed`` on the 2-core x86-64 development VM, shared (load ~3), MB/s; the
range of five runs, each the best of 5 rounds (32 MiB leaves the cache, hence its spread):

    size      engine.crc64 (anycrc)   crcmod C extension   ratio
    32 MiB          5,532 - 9,201              367 - 389   15x - 24x (typically ~21x)
    256 KiB        11,385 - 11,937             368 - 385   ~31x

anycrc's table fallback (``_calc_b``, the same byte-at-a-time loop crcmod's C runs) measured
330-380 MB/s on 32 MiB there, so even a CPU without carry-less multiply keeps crcmod's C speed.
Like crcmod, anycrc holds the GIL while it runs; at these speeds a 32 MiB part holds it ~4 ms
instead of ~90 ms, which leaves the other upload threads more room than before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import anycrc

POLY = 0x142F0E1EBA9EA3693
_MASK = (1 << 64) - 1
_XOROUT = _MASK

# The model's ``init`` is the register's start; the second argument of ``calc`` is, as crcmod's
# is, a finished CRC to continue from (0 starts afresh), which is this module's ``crc``.
# ``check`` makes anycrc verify the check value at import, so a broken build fails loudly here.
_XZ = anycrc.CRC(
    width=64, poly=POLY & _MASK, init=_MASK, refin=True, refout=True, xorout=_XOROUT, check=0x995DC9BBDF1939FA
)


def crc64(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """CRC64-ECMA of ``data``; pass a previous result as ``crc`` to continue over more bytes."""
    if isinstance(data, memoryview) and not (data.c_contiguous and data.ndim == 1 and data.format == "B"):
        # anycrc wants flat unsigned bytes: it refuses other item formats, and it would read a
        # strided view as if it were contiguous (a wrong CRC, not an error), so that one is copied.
        data = data.cast("B") if data.c_contiguous else data.tobytes()
    return int(_XZ.calc(data, crc))


# --- combining: crc(A + B) from crc(A), crc(B) and len(B) ---------------------------------------
#
# zlib's method: appending one zero bit to a message is a linear map on the (reflected) CRC
# register, so appending n zero bytes is a 64x64 matrix over GF(2). Because the register starts
# at ~0 and the result is inverted, crc(A + B) = M(len B) . crc(A) xor crc(B). A matrix is a list
# of 64 column vectors (ints); column i is the image of bit i.

_REV_POLY = int(f"{POLY & _MASK:064b}"[::-1], 2)


def _times(mat: Sequence[int], vec: int) -> int:
    out = 0
    i = 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _compose(a: Sequence[int], b: Sequence[int]) -> list[int]:
    """The matrix of applying ``b`` and then ``a``."""
    return [_times(a, col) for col in b]


@functools.cache
def _zero_bytes_power(k: int) -> tuple[int, ...]:
    """The operator for appending 2**k zero bytes."""
    if k == 0:
        one_bit = [_REV_POLY] + [1 << (i - 1) for i in range(1, 64)]
        m = one_bit
        for _ in range(3):  # 1 -> 2 -> 4 -> 8 zero bits
            m = _compose(m, m)
        return tuple(m)
    half = _zero_bytes_power(k - 1)
    return tuple(_compose(half, half))


@functools.lru_cache(maxsize=64)
def _zero_bytes(n: int) -> tuple[int, ...]:
    """The operator for appending ``n`` zero bytes (cached: parts of a plan share one size)."""
    m: Sequence[int] | None = None
    k = 0
    while n:
        if n & 1:
            p = _zero_bytes_power(k)
            m = p if m is None else _compose(p, m)
        n >>= 1
        k += 1
    assert m is not None
    return tuple(m)


def combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC64 of A + B given ``crc1`` = crc64(A), ``crc2`` = crc64(B) and ``len2`` = len(B)."""
    if len2 <= 0:
        return crc1
    return _times(_zero_bytes(len2), crc1) ^ crc2


def combine_parts(parts: Iterable[tuple[int, int]]) -> int:
    """CRC64 of the concatenation of parts given as ``(crc64, size)`` in order."""
    total = 0
    for crc, size in parts:
        total = combine(total, crc, size)
    return total
