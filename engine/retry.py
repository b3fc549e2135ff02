"""Exponential backoff with jitter (oss2 does not retry upload_part by itself), honouring a
server's ``Retry-After``; and the one retry loop every control request goes through."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TypeVar

from engine.clock import Clock
from engine.errors import ErrorCode, Interrupted, SkyliftError

log = logging.getLogger("skylift.engine")
T = TypeVar("T")

#: Failures that a later attempt may not meet.
TRANSIENT = frozenset({ErrorCode.NETWORK, ErrorCode.SERVER})
#: Longest ``Retry-After`` honoured as given; a server asking for hours gets this and a retry.
MAX_RETRY_AFTER = 300.0


@dataclass(frozen=True)
class RetryPolicy:
    #: Retries after the first attempt (the UFile SDK's ``retrycount``).
    retries: int = 5
    #: First backoff in seconds (``retryinterval``); doubles each time, up to ``cap``.
    interval: float = 1.0
    cap: float = 30.0
    #: Seconds to keep waiting for an unreachable network once the retries are spent
    #: (``--wait-for-network``); 0 gives up with the retries, ``math.inf`` never does.
    patience: float = 0.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1-based): half fixed, half random."""
        r = rng or random
        ceiling = min(self.cap, self.interval * 2 ** (attempt - 1))
        return float(ceiling / 2 + r.uniform(0, ceiling / 2))

    def backoff(self, attempt: int, exc: SkyliftError) -> float:
        """The delay before retry ``attempt`` after ``exc``: never shorter than the server asked."""
        asked = min(exc.retry_after, MAX_RETRY_AFTER) if exc.retry_after is not None else 0.0
        return max(self.delay(attempt), asked)


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date (RFC 9110 10.2.3); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


#: While waiting for the network, look again this often (it may be back any second).
NETWORK_POLL = 5.0


class Attempts:
    """The retries of one request: how many failed, since when, and how long to wait next."""

    def __init__(self, policy: RetryPolicy, clock: Clock) -> None:
        self.policy = policy
        self.clock = clock
        self.failed = 0
        self._first: float | None = None
        #: Past the retries, waiting for the network to come back.
        self.waiting = False

    def next_delay(self, exc: SkyliftError, also: frozenset[ErrorCode] = frozenset()) -> float | None:
        """Seconds to wait before trying again after ``exc``; None to give up and raise it."""
        self.failed += 1
        now = self.clock.monotonic()
        if self._first is None:
            self._first = now
        if exc.code not in TRANSIENT and exc.code not in also:
            return None
        self.waiting = self.failed > self.policy.retries
        if self.waiting and not (exc.code is ErrorCode.NETWORK and now - self._first < self.policy.patience):
            return None
        delay = self.policy.backoff(self.failed, exc)
        return min(delay, NETWORK_POLL) if self.waiting else delay


#: Told of every retry: (attempt number, seconds until it, the failure, waiting for the network?).
OnRetry = Callable[[int, float, SkyliftError, bool], None]


def with_retries(
    policy: RetryPolicy,
    clock: Clock,
    stop: threading.Event,
    label: str,
    fn: Callable[[], T],
    on_throttle: Callable[[], None] | None = None,
    on_retry: OnRetry | None = None,
) -> T:
    """``fn()``, retried through transient failures; ``stop`` set during a backoff raises
    :class:`Interrupted`."""
    attempts = Attempts(policy, clock)
    while True:
        try:
            return fn()
        except SkyliftError as exc:
            delay = attempts.next_delay(exc)
            if delay is None:
                raise
            if exc.throttled and on_throttle is not None:
                on_throttle()
            log.info("%s: %s; retry %d in %.1f s", label, exc, attempts.failed, delay)
            if on_retry is not None:
                on_retry(attempts.failed, delay, exc, attempts.waiting)
            if clock.wait(stop, delay):
                raise Interrupted() from None
