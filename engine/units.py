"""Parsing and printing sizes, rates and ages the way users write them."""

from __future__ import annotations

import math
import re

_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "t": 1000**4,
    "tb": 1000**4,
    "ki": 1024,
    "kib": 1024,
    "mi": 1024**2,
    "mib": 1024**2,
    "gi": 1024**3,
    "gib": 1024**3,
    "ti": 1024**4,
    "tib": 1024**4,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_AGE_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
#: Beyond these a number stops being a size or an age anyone means (and overflows int64 and
#: timedelta): 8 EiB, and 1,000 years.
_MAX_SIZE = 2**63 - 1
_MAX_AGE = 1000 * 365 * 86400


def parse_size(text: str) -> int:
    """``"8MiB"`` -> 8388608. Raises ``ValueError`` with the accepted forms."""
    m = _SIZE.match(text)
    unit = m.group(2).lower() if m else ""
    value = float(m.group(1)) * _UNITS[unit] if m and unit in _UNITS else math.nan
    if not 0 <= value <= _MAX_SIZE:
        raise ValueError(f"not a size: {text!r} (write e.g. 8MiB, 16MB, 1GiB or a byte count)")
    return int(value)


def parse_rate(text: str) -> int | None:
    """``"10MiB/s"`` -> bytes per second; ``"0"``/``"off"`` -> None (unlimited)."""
    t = text.strip().lower()
    if t in ("0", "off", "none", "unlimited"):
        return None
    if t.endswith("/s"):
        t = t[:-2]
    try:
        return parse_size(t)
    except ValueError:
        raise ValueError(f"not a rate: {text!r} (write e.g. 10MiB/s, 500KB/s or off)") from None


def parse_age(text: str) -> float:
    """``"7d"`` -> seconds."""
    m = _AGE.match(text)
    value = float(m.group(1)) * _AGE_UNITS[m.group(2)] if m else math.nan
    if not 0 <= value <= _MAX_AGE:
        raise ValueError(f"not an age: {text!r} (write e.g. 30m, 12h, 7d or 2w)")
    return value


def format_size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    raise AssertionError("unreachable")
