from __future__ import annotations

import threading

import pytest

from engine.body import PartBody
from engine.clock import FakeClock
from engine.errors import Interrupted
from engine.ratelimit import TokenBucket
from engine.retry import RetryPolicy


def test_unlimited_never_waits() -> None:
    clock = FakeClock()
    bucket = TokenBucket(None, clock)
    bucket.acquire(10**9)
    assert clock.waited == []


def test_rate_is_held_over_many_acquisitions() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1_000_000, clock)
    start = clock.monotonic()
    for _ in range(40):
        bucket.acquire(250_000)
    elapsed = clock.monotonic() - start
    # 10 MB at 1 MB/s, less the initial burst allowance (0.25 s worth, at most)
    assert 9.7 <= elapsed <= 10.1


def test_rate_change_applies_to_the_next_bytes() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1_000_000, clock)
    bucket.acquire(1_000_000)
    t0 = clock.monotonic()
    bucket.set_rate(4_000_000)
    bucket.acquire(4_000_000)
    assert clock.monotonic() - t0 == pytest.approx(1.0, abs=0.3)
    bucket.set_rate(None)
    t1 = clock.monotonic()
    bucket.acquire(10**9)
    assert clock.monotonic() == t1


def test_wait_is_interruptible() -> None:
    clock = FakeClock()
    bucket = TokenBucket(1000, clock)
    stop = threading.Event()
    stop.set()
    with pytest.raises(Interrupted):
        bucket.acquire(10_000, stop)


def test_body_raises_on_pause_and_counts_bytes() -> None:
    stop = threading.Event()
    seen: list[int] = []
    body = PartBody(b"x" * 1_000_000, stop, None, seen.append)
    first = body.read(8192)
    assert len(first) >= 8192
    stop.set()
    with pytest.raises(Interrupted):
        body.read(8192)
    assert sum(seen) == len(first)
    body.seek(0)
    assert body.tell() == 0 and len(body) == 1_000_000


def test_backoff_grows_and_is_capped() -> None:
    import random

    policy = RetryPolicy(retries=8, interval=1.0, cap=10.0)
    rng = random.Random(1)
    delays = [policy.delay(n, rng) for n in range(1, 9)]
    assert 0.5 <= delays[0] <= 1.0
    assert 1.0 <= delays[1] <= 2.0
    assert all(5.0 <= d <= 10.0 for d in delays[4:])
