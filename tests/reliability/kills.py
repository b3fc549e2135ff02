"""Seeded kill moments for a ``skylift ... --json`` process, and the kill itself.

A moment is either a time after the process started (which covers start-up, before any event) or
the n-th event of one kind plus a short delay (which reaches the phases a clock would rarely hit:
right after a part, while completing, after a file is done but before the process exits).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from dataclasses import dataclass

#: (event key, highest n) for event moments: keys are "part", "summary" or "state:<label>".
EVENTS = (("part", 5), ("state:running", 3), ("state:completing", 2), ("state:done", 3), ("summary", 3))


@dataclass(frozen=True)
class Moment:
    #: Seconds after start ("clock"), or after the event below.
    delay: float
    event: str = ""
    nth: int = 0

    def __str__(self) -> str:
        if not self.event:
            return f"{self.delay:.3f} s after start"
        return f"{self.delay:.3f} s after {self.event} #{self.nth}"


def moments(rng: random.Random, n: int) -> list[Moment]:
    """A quarter on the clock from start (0 to 1.5 s: start-up is ~0.7 s), the rest after events."""
    out: list[Moment] = []
    for i in range(n):
        if i % 4 == 0:
            out.append(Moment(rng.uniform(0.0, 1.5)))
        else:
            key, top = EVENTS[(i - i // 4 - 1) % len(EVENTS)]
            out.append(Moment(rng.uniform(0.0, 0.12), key, rng.randint(1, top)))
    rng.shuffle(out)
    return out


def _key(event: dict[str, object]) -> str:
    return f"state:{event['state']}" if event["event"] == "state" else str(event["event"])


def kill_at(proc: subprocess.Popen[bytes], moment: Moment) -> tuple[str, bytes]:
    """SIGKILL ``proc`` at ``moment``; returns where it landed (the last event it had printed, or
    that it had exited already) and its stderr."""
    assert proc.stdout is not None
    seen: list[str] = []
    if moment.event:
        count = 0
        for raw in proc.stdout:
            seen.append(_key(json.loads(raw)))
            count += seen[-1] == moment.event
            if count == moment.nth:
                break
    time.sleep(moment.delay)
    exited = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    seen += [_key(json.loads(x)) for x in out.decode().splitlines() if x.startswith("{")]
    if exited:
        return "after exit", err
    if not seen:
        return "before any event", err
    return f"after {seen[-1]}, {seen.count('summary')} file(s) done", err
