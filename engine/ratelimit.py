"""A token bucket shared by every worker; its rate can change while transfers run."""

from __future__ import annotations

import threading

from engine.clock import Clock, SystemClock
from engine.errors import Interrupted

_NEVER = threading.Event()


class TokenBucket:
    def __init__(
        self, rate: int | None = None, clock: Clock | None = None, burst_seconds: float = 0.25
    ) -> None:
        self._clock = clock or SystemClock()
        self._lock = threading.Lock()
        self._burst_seconds = burst_seconds
        self._rate: int | None = None
        self._tokens = 0.0
        self._last = self._clock.monotonic()
        self.set_rate(rate)

    @property
    def rate(self) -> int | None:
        return self._rate

    def set_rate(self, rate: int | None) -> None:
        """Bytes per second, or None for no limit. Waiting workers see the change within 0.1 s."""
        if rate is not None and rate <= 0:
            rate = None
        with self._lock:
            self._refill()
            self._rate = rate
            if rate is not None:
                self._tokens = min(self._tokens, self._capacity())

    def _capacity(self) -> float:
        assert self._rate is not None
        return max(self._rate * self._burst_seconds, 64 * 1024)

    def _refill(self) -> None:
        now = self._clock.monotonic()
        if self._rate is not None:
            self._tokens = min(self._capacity(), self._tokens + (now - self._last) * self._rate)
        self._last = now

    def _debt_seconds(self) -> float:
        # Less than a byte of debt is rounding noise; waiting it out would spin on nanoseconds.
        if self._rate is None or self._tokens > -1.0:
            return 0.0
        return -self._tokens / self._rate

    def acquire(self, n: int, interrupt: threading.Event | None = None) -> None:
        """Take ``n`` bytes' worth of tokens; wait (interruptibly) until this caller's share is paid.

        Each caller waits for the debt up to and including its own bytes, not for the whole
        bucket's, so concurrent parts leave one after another instead of all at once.
        """
        event = interrupt or _NEVER
        with self._lock:
            if self._rate is None:
                return
            self._refill()
            self._tokens -= n
            deadline = self._clock.monotonic() + self._debt_seconds()
        while True:
            with self._lock:
                if self._rate is None:
                    return
                remaining = deadline - self._clock.monotonic()
            if remaining <= 0:
                return
            if self._clock.wait(event, min(remaining, 0.1)):
                raise Interrupted()
