"""Exponential backoff with jitter, per part (oss2 does not retry upload_part by itself)."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    #: Retries after the first attempt (the UFile SDK's ``retrycount``).
    retries: int = 5
    #: First backoff in seconds (``retryinterval``); doubles each time, up to ``cap``.
    interval: float = 1.0
    cap: float = 30.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based): half fixed, half random."""
        r = rng or random
        ceiling = min(self.cap, self.interval * 2 ** (attempt - 1))
        return float(ceiling / 2 + r.uniform(0, ceiling / 2))
