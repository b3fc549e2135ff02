"""CRC64-ECMA exactly as Aliyun OSS reports it in ``x-oss-hash-crc64ecma``.

Polynomial 0x142F0E1EBA9EA3693, reflected, register initialised to all ones and the result
inverted (crcmod's ``initCrc=0, xorOut=~0``: the parameters oss2's ``utils.Crc64`` uses). This is
CRC-64/XZ; ``crc64(b"123456789") == 0x995DC9BBDF1939FA``.

The per-byte work runs in crcmod's C extension. Its pure-Python fallback manages a few MB/s,
which would make every OSS part CPU-bound, so the fallback is refused outright.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Sequence

import crcmod

POLY = 0x142F0E1EBA9EA3693
_MASK = (1 << 64) - 1
_XOROUT = _MASK

try:
    import crcmod._crcfunext  # its absence is the failure reported below
except ImportError as exc:  # pragma: no cover - depends on how crcmod was installed
    raise ImportError(
        "crcmod's C extension (crcmod._crcfunext) is missing; OSS uploads need it for CRC64. "
        "Reinstall crcmod from a wheel or with a C compiler available: pip install --force-reinstall crcmod"
    ) from exc
if not getattr(sys.modules.get("crcmod.crcmod"), "_usingExtension", False):  # pragma: no cover
    raise ImportError("crcmod loaded without its C extension; refusing the pure-Python CRC64")

_crc_fun = crcmod.mkCrcFun(POLY, initCrc=0, rev=True, xorOut=_XOROUT)


def crc64(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """CRC64-ECMA of ``data``; pass a previous result as ``crc`` to continue over more bytes."""
    return int(_crc_fun(data, crc))


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
