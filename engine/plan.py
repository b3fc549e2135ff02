"""The part plan: how a file of a given size is cut into parts for one provider."""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import ErrorCode, SkyliftError
from engine.providers import MiB, PartRules

DEFAULT_PART_SIZE = 8 * MiB
DEFAULT_THRESHOLD = 8 * MiB


@dataclass(frozen=True)
class PartSpec:
    number: int
    offset: int
    size: int


def choose_part_size(size: int, requested: int, rules: PartRules) -> int:
    """The part size for a multipart upload of ``size`` bytes.

    Starts at the user's size, respects the provider's bounds, and grows (to a whole MiB) until the
    file fits in the provider's part count.
    """
    if rules.fixed_part is not None:
        part = rules.fixed_part
    else:
        part = min(max(requested, rules.min_part), rules.max_part)
        if -(-size // part) > rules.max_parts:
            needed = -(-size // rules.max_parts)
            part = min(-(-needed // MiB) * MiB, rules.max_part)
    if -(-size // part) > rules.max_parts:
        raise SkyliftError(
            ErrorCode.TOO_LARGE,
            f"{size} bytes do not fit in {rules.max_parts} parts of at most {part} bytes",
        )
    return part


def is_multipart(size: int, threshold: int, rules: PartRules) -> bool:
    """Files under the threshold (and any file the provider takes in one PUT) go in one request."""
    if size > rules.max_object:
        raise SkyliftError(
            ErrorCode.TOO_LARGE,
            f"{size} bytes is more than the provider's largest object ({rules.max_object} bytes)",
        )
    return size >= max(threshold, 1) or size > rules.max_single_put


def parts_for(size: int, part_size: int) -> list[PartSpec]:
    """Consecutive parts 1..N; every part ``part_size`` bytes but the last (some stores need both)."""
    if part_size <= 0:
        raise ValueError("part size must be positive")
    parts = []
    offset = 0
    number = 1
    while offset < size:
        n = min(part_size, size - offset)
        parts.append(PartSpec(number, offset, n))
        offset += n
        number += 1
    return parts
