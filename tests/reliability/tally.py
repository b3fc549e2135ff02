"""What the reliability suite tried and what it lost, said in one line at the end of the run.

Tests record what they tried (``tried``) and every loss they saw (``lost``) before asserting, so a
failing case is counted even though its test stops at the assert. The conftest prints the line and
fails the session if any loss is counted.
"""

from __future__ import annotations

import threading
from collections import Counter

TRIED = ("faults", "bad inputs")
LOSSES = (
    "corrupt objects",
    "lost checkpoints",
    "leaked upload ids",
    "tracebacks",
    "secret hits",
)


class Tally:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        #: One line per loss: what it was and in which case.
        self.found: list[str] = []

    def tried(self, kind: str, n: int = 1) -> None:
        assert kind in TRIED, kind
        with self._lock:
            self.counts[kind] += n

    def lost(self, kind: str, case: str, what: str) -> None:
        assert kind in LOSSES, kind
        with self._lock:
            self.counts[kind] += 1
            self.found.append(f"{kind} in {case}: {what}")

    def dump(self) -> dict[str, object]:
        with self._lock:
            return {"counts": dict(self.counts), "found": list(self.found)}

    def merge(self, data: dict[str, object]) -> None:
        """Add another process's tally (a pytest-xdist worker's) to this one."""
        counts = data.get("counts", {})
        found = data.get("found", [])
        assert isinstance(counts, dict) and isinstance(found, list)
        with self._lock:
            self.counts.update({str(k): int(v) for k, v in counts.items()})
            self.found += [str(x) for x in found]

    @property
    def active(self) -> bool:
        return any(self.counts[k] for k in (*TRIED, *LOSSES))

    @property
    def clean(self) -> bool:
        return not any(self.counts[k] for k in LOSSES)

    def line(self) -> str:
        said = [f"{self.counts[k]} {k}" for k in (*TRIED, *LOSSES)]
        return "reliability: " + ", ".join(said)


TALLY = Tally()
