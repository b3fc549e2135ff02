from __future__ import annotations

import pytest

from engine.errors import SkyliftError
from engine.plan import DEFAULT_PART_SIZE, choose_part_size, is_multipart, parts_for
from engine.providers import GiB, MiB, TiB, get_provider

S3 = get_provider("seaweedfs").rules
OSS = get_provider("oss").rules
US3 = get_provider("us3").rules


def test_zero_bytes_is_one_put_with_no_parts() -> None:
    assert not is_multipart(0, DEFAULT_PART_SIZE, S3)
    assert parts_for(0, DEFAULT_PART_SIZE) == []


def test_threshold_is_inclusive() -> None:
    assert not is_multipart(8 * MiB - 1, 8 * MiB, S3)
    assert is_multipart(8 * MiB, 8 * MiB, S3)


def test_parts_cover_the_file_exactly_and_only_the_last_is_short() -> None:
    size = 3 * 8 * MiB + 5
    parts = parts_for(size, 8 * MiB)
    assert [p.number for p in parts] == [1, 2, 3, 4]
    assert sum(p.size for p in parts) == size
    assert all(p.size == 8 * MiB for p in parts[:-1]) and parts[-1].size == 5
    assert [p.offset for p in parts] == [0, 8 * MiB, 16 * MiB, 24 * MiB]


def test_part_size_grows_to_fit_ten_thousand_parts() -> None:
    size = 200 * GiB
    part = choose_part_size(size, 8 * MiB, S3)
    assert part % MiB == 0
    assert len(parts_for(size, part)) <= 10_000
    assert len(parts_for(size, part - MiB)) > 10_000


def test_exactly_ten_thousand_parts_keeps_the_requested_size() -> None:
    assert choose_part_size(10_000 * 8 * MiB, 8 * MiB, S3) == 8 * MiB
    assert choose_part_size(10_000 * 8 * MiB + 1, 8 * MiB, S3) == 9 * MiB


def test_provider_minimum_and_maximum() -> None:
    assert choose_part_size(100 * MiB, 1 * MiB, S3) == 5 * MiB
    assert choose_part_size(100 * MiB, 200 * 1000, OSS) == 200 * 1000
    assert choose_part_size(100 * MiB, 50 * 1000, OSS) == OSS.min_part
    assert choose_part_size(100 * MiB, 10 * GiB, S3) == 5 * GiB


def test_fixed_part_size_provider_ignores_the_request() -> None:
    assert choose_part_size(1 * GiB, 64 * MiB, US3) == 8 * MiB
    with pytest.raises(SkyliftError) as err:
        choose_part_size(10_001 * 8 * MiB, 8 * MiB, US3)
    assert err.value.code.value == "too_large"


def test_too_large_for_the_provider() -> None:
    with pytest.raises(SkyliftError):
        is_multipart(6 * TiB, 8 * MiB, S3)


def test_single_put_limit_forces_multipart() -> None:
    assert is_multipart(6 * GiB, 100 * GiB, S3)
