"""Events the engine reports. Plain dataclasses: the engine never calls Qt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar

from engine.state import State


@dataclass(frozen=True)
class TransferView:
    """What a view shows of one transfer, copied out of its coordinator under its lock."""

    id: int
    profile: str
    local_path: str
    bucket: str
    key: str
    size: int
    state: State
    done: int
    error_code: str = ""
    error_detail: str = ""
    #: Bytes of parts the server acknowledged; ``done`` also counts bytes still in flight, which
    #: a pause takes back, so a view shows both to keep a pause from looking like lost work.
    confirmed: int = 0
    #: The drop it was queued with (0: on its own) and that drop's label.
    batch: int = 0
    batch_label: str = ""


@dataclass(frozen=True)
class Added:
    """Transfers entered this engine (queued, loaded from the checkpoint, or adopted)."""

    views: tuple[TransferView, ...]


@dataclass(frozen=True)
class StateChanged:
    transfer_id: int
    state: State
    error_code: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Progress:
    """``done`` may be negative: bytes of an interrupted or retried part are taken back."""

    transfer_id: int
    done: int
    sent: int


@dataclass(frozen=True)
class PartDone:
    transfer_id: int
    number: int
    size: int


@dataclass(frozen=True)
class Finished:
    """The last word on a transfer in this run."""

    transfer_id: int
    state: State
    bucket: str
    key: str
    size: int
    bytes_sent: int
    parts: int
    etag: str
    error_code: str | None = None
    detail: str | None = None
    #: The move option was asked for: the file is to be deleted once its object is proven.
    move: bool = False


@dataclass(frozen=True)
class Retrying:
    """A request failed and goes again after ``delay`` seconds; ``waiting``: the retries are spent
    and the transfer waits for the network to come back (``--wait-for-network``)."""

    transfer_id: int
    attempt: int
    delay: float
    detail: str
    waiting: bool = False


Event = Added | StateChanged | Progress | PartDone | Finished | Retrying
_E = TypeVar("_E", bound=Event)


class EventSink(Protocol):
    def emit(self, event: Event) -> None: ...


class NullSink:
    def emit(self, event: Event) -> None:
        pass


class ListSink:
    """Collects events; for tests and scripts."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self.events: list[Event] = []

    def emit(self, event: Event) -> None:
        with self._lock:
            self.events.append(event)

    def of(self, kind: type[_E]) -> list[_E]:
        with self._lock:
            return [e for e in self.events if isinstance(e, kind)]
