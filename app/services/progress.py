"""A lock-protected accumulator of engine events, drained by a timer (GUI) or a loop (CLI).

Workers call ``emit`` for every chunk they send; the consumer sees one merged update per
transfer per drain instead of thousands of per-byte signals.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from engine.events import Added, Event, Finished, PartDone, Progress, Retrying, StateChanged, TransferView


@dataclass
class Drained:
    added: list[TransferView] = field(default_factory=list)
    states: list[StateChanged] = field(default_factory=list)
    #: transfer id -> (bytes done delta, bytes sent delta)
    progress: dict[int, tuple[int, int]] = field(default_factory=dict)
    finished: list[Finished] = field(default_factory=list)
    parts: int = 0
    part_events: list[PartDone] = field(default_factory=list)
    retries: list[Retrying] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.added or self.states or self.progress or self.finished or self.parts)


class ProgressAccumulator:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cur = Drained()

    def emit(self, event: Event) -> None:
        with self._lock:
            cur = self._cur
            if isinstance(event, Progress):
                done, sent = cur.progress.get(event.transfer_id, (0, 0))
                cur.progress[event.transfer_id] = (done + event.done, sent + event.sent)
            elif isinstance(event, StateChanged):
                cur.states.append(event)
            elif isinstance(event, Added):
                cur.added.extend(event.views)
            elif isinstance(event, Finished):
                cur.finished.append(event)
            elif isinstance(event, PartDone):
                cur.parts += 1
                cur.part_events.append(event)
            elif isinstance(event, Retrying):
                cur.retries.append(event)

    def drain(self) -> Drained:
        with self._lock:
            out, self._cur = self._cur, Drained()
        return out
