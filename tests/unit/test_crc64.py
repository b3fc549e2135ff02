"""CRC64-ECMA (CRC-64/XZ) on anycrc, against the published vectors, crcmod and oss2's own."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Callable

import oss2.utils
import pytest

from engine import crc64 as crc
from tests.helpers.env import ROOT

SEED = 20261121
SIZES = [0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 255, 4095, 65536, 262_147, 1_000_003]


def _oss2_crc(data: bytes) -> int:
    c = oss2.utils.Crc64()
    c.update(data)
    return int(c.crc)


@pytest.fixture(scope="module")
def crcmod_crc() -> Callable[[bytes], int]:
    # crcmod comes with oss2, so this runs wherever the tests do; C extension or not, its answer
    # is the reference this module replaced.
    crcmod = pytest.importorskip("crcmod")
    fun: Callable[[bytes], int] = crcmod.mkCrcFun(crc.POLY, initCrc=0, rev=True, xorOut=(1 << 64) - 1)
    return fun


def test_check_value() -> None:
    # The published check value of CRC-64/XZ, which is what OSS reports.
    assert crc.crc64(b"123456789") == 0x995DC9BBDF1939FA


def test_empty_input() -> None:
    assert crc.crc64(b"") == 0
    # Continuing over nothing changes nothing.
    assert crc.crc64(b"", 0x995DC9BBDF1939FA) == 0x995DC9BBDF1939FA


def test_continuation_vector() -> None:
    assert crc.crc64(b"56789", crc.crc64(b"1234")) == 0x995DC9BBDF1939FA


def test_combine_vector() -> None:
    check = 0x995DC9BBDF1939FA
    assert crc.combine(crc.crc64(b"1234"), crc.crc64(b"56789"), 5) == check
    assert crc.combine_parts([(crc.crc64(b"123"), 3), (0, 0), (crc.crc64(b"456789"), 6)]) == check
    assert crc.combine(check, 0, 0) == check


@pytest.mark.parametrize("size", SIZES)
def test_matches_crcmod_on_random_data(size: int, crcmod_crc: Callable[[bytes], int]) -> None:
    data = random.Random(SEED + size).randbytes(size)
    assert crc.crc64(data) == crcmod_crc(data)


@pytest.mark.parametrize("size", SIZES)
def test_continuation_matches_crcmod(size: int, crcmod_crc: Callable[[bytes], int]) -> None:
    rng = random.Random(SEED - size)
    a, b = rng.randbytes(size), rng.randbytes(rng.randrange(0, 3000))
    assert crc.crc64(b, crc.crc64(a)) == crc.crc64(a + b) == crcmod_crc(a + b)


@pytest.mark.parametrize("size", [0, 1, 7, 8, 4095, 65536, 1_000_003])
def test_matches_oss2_on_random_data(size: int) -> None:
    data = random.Random(SEED + size).randbytes(size)
    assert crc.crc64(data) == _oss2_crc(data)
    assert crc.crc64(bytearray(data)) == crc.crc64(memoryview(data)) == _oss2_crc(data)


def test_buffers_of_any_shape() -> None:
    data = random.Random(SEED).randbytes(4096)
    want = crc.crc64(data)
    # A slice of a pooled buffer, as engine.body.read_range hands out.
    assert crc.crc64(memoryview(bytearray(b"x" + data + b"y"))[1:-1]) == want
    assert crc.crc64(memoryview(data).cast("b")) == want
    assert crc.crc64(memoryview(data).cast("Q")) == want
    assert crc.crc64(memoryview(data).cast("B", (64, 64))) == want
    # Strided: anycrc alone would read it as if contiguous.
    assert crc.crc64(memoryview(data)[::2]) == crc.crc64(data[::2])


def test_continues_over_chunks() -> None:
    data = random.Random(SEED).randbytes(300_000)
    running = 0
    for i in range(0, len(data), 65_536):
        running = crc.crc64(data[i : i + 65_536], running)
    assert running == crc.crc64(data)


@pytest.mark.parametrize(
    "sizes",
    [
        [1, 1],
        [102_400, 102_400, 17],
        [5, 0, 9],
        [262_144] * 5 + [1],
        [1_000_003, 3],
    ],
)
def test_combine_parts_is_crc_of_concatenation(sizes: list[int]) -> None:
    rng = random.Random(SEED + sum(sizes))
    blobs = [rng.randbytes(n) for n in sizes]
    combined = crc.combine_parts([(crc.crc64(b), len(b)) for b in blobs])
    assert combined == crc.crc64(b"".join(blobs))


def test_combine_agrees_with_oss2() -> None:
    rng = random.Random(SEED)
    for _ in range(20):
        a = rng.randbytes(rng.randrange(0, 5000))
        b = rng.randbytes(rng.randrange(1, 5000))
        mine = crc.combine(crc.crc64(a), crc.crc64(b), len(b))
        assert mine == oss2.utils.Crc64().combine(_oss2_crc(a), _oss2_crc(b), len(b))


def test_combine_detects_a_wrong_part() -> None:
    rng = random.Random(SEED)
    a, b = rng.randbytes(1000), rng.randbytes(1000)
    whole = crc.crc64(a + b)
    assert crc.combine_parts([(crc.crc64(a), 1000), (crc.crc64(b) ^ 1, 1000)]) != whole
    # Sizes matter too: the same CRCs under a wrong length give another answer.
    assert crc.combine_parts([(crc.crc64(a), 1000), (crc.crc64(b), 999)]) != whole


def test_combine_of_large_lengths_matches_oss2() -> None:
    # Lengths of real parts (GiB-scale) without materialising them: compare the operators.
    rng = random.Random(SEED)
    for length in (8 * 1024**2, 5 * 1000**3, 5 * 1024**3 + 1):
        c1, c2 = rng.getrandbits(64), rng.getrandbits(64)
        assert crc.combine(c1, c2, length) == oss2.utils.Crc64().combine(c1, c2, length)


_WITHOUT_CRCMOD_C = """
import importlib.abc, sys

class NoCrcmodC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "crcmod._crcfunext":
            raise ImportError("no C extension (simulated)")
        return None

sys.meta_path.insert(0, NoCrcmodC())
import oss2
from engine.backends import oss
from engine.crc64 import crc64

assert sys.modules["crcmod.crcmod"]._usingExtension is False
assert oss.OSS2_CRC is False
assert crc64(b"123456789") == 0x995DC9BBDF1939FA
print("ok")
"""


def test_works_where_crcmod_has_no_c_extension() -> None:
    # What a Windows or macOS user without a compiler gets: crcmod in pure Python. engine.crc64
    # does not care, and the OSS backend leaves the (then slow) duplicate check in oss2 off.
    proc = subprocess.run(
        [sys.executable, "-c", _WITHOUT_CRCMOD_C], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
