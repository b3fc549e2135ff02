"""Backoff rules: Retry-After, waiting for the network, and what a server's throttle looks like."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from engine.backends.errors import classify_code
from engine.clock import FakeClock
from engine.errors import ErrorCode, SkyliftError
from engine.retry import NETWORK_POLL, Attempts, RetryPolicy, parse_retry_after


def test_retry_after_is_read_as_seconds_or_a_date() -> None:
    assert parse_retry_after("7") == 7.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    got = parse_retry_after(later)
    assert got is not None and 80 < got <= 90
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_slowdown_and_429_are_throttles_that_carry_retry_after() -> None:
    slow = classify_code("SlowDown", "Please reduce your request rate.", 503, "r1", "3")
    assert isinstance(slow, SkyliftError)
    assert (slow.code, slow.throttled, slow.retry_after) == (ErrorCode.SERVER, True, 3.0)
    many = classify_code("", "", 429)
    assert isinstance(many, SkyliftError)
    assert (many.code, many.throttled) == (ErrorCode.SERVER, True)
    internal = classify_code("InternalError", "", 500)
    assert isinstance(internal, SkyliftError) and not internal.throttled


def test_the_backoff_is_never_shorter_than_the_server_asked() -> None:
    policy = RetryPolicy(retries=3, interval=0.1)
    exc = SkyliftError(ErrorCode.SERVER, "SlowDown", retry_after=4.0)
    assert all(policy.backoff(n, exc) >= 4.0 for n in range(1, 4))
    huge = SkyliftError(ErrorCode.SERVER, "SlowDown", retry_after=86400.0)
    assert policy.backoff(1, huge) == 300.0


def test_network_failures_are_waited_out_for_the_patience_and_no_longer() -> None:
    clock = FakeClock()
    attempts = Attempts(RetryPolicy(retries=2, interval=1.0, patience=60.0), clock)
    down = SkyliftError(ErrorCode.NETWORK, "connection refused")
    delays = []
    while (d := attempts.next_delay(down)) is not None:
        delays.append(d)
        clock.now += d
    assert len(delays) > 3, "the retries alone would have given up after 2"
    assert all(d <= NETWORK_POLL for d in delays[2:])
    assert 60.0 <= sum(delays) < 60.0 + NETWORK_POLL + 1


def test_patience_is_for_the_network_only() -> None:
    attempts = Attempts(RetryPolicy(retries=1, patience=math.inf), FakeClock())
    boom = SkyliftError(ErrorCode.SERVER, "InternalError")
    assert attempts.next_delay(boom) is not None
    assert attempts.next_delay(boom) is None
    assert (
        Attempts(RetryPolicy(patience=math.inf), FakeClock()).next_delay(SkyliftError(ErrorCode.AUTH)) is None
    )
