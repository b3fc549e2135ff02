"""CRC64-ECMA against oss2's own implementation (the one OSS clients trust)."""

from __future__ import annotations

import random
import sys

import oss2.utils
import pytest

from engine import crc64 as crc

SEED = 20261121


def _oss2_crc(data: bytes) -> int:
    c = oss2.utils.Crc64()
    c.update(data)
    return int(c.crc)


def test_check_value() -> None:
    # The published check value of CRC-64/XZ, which is what OSS reports.
    assert crc.crc64(b"123456789") == 0x995DC9BBDF1939FA


def test_uses_the_c_extension() -> None:
    assert sys.modules["crcmod.crcmod"]._usingExtension is True


@pytest.mark.parametrize("size", [0, 1, 7, 8, 4095, 65536, 1_000_003])
def test_matches_oss2_on_random_data(size: int) -> None:
    data = random.Random(SEED + size).randbytes(size)
    assert crc.crc64(data) == _oss2_crc(data)
    assert crc.crc64(bytearray(data)) == crc.crc64(memoryview(data)) == _oss2_crc(data)


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
