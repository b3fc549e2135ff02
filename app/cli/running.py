"""What every CLI command that runs transfers shares: exit codes, the Ctrl-C handler, the wait loop.

Its own module so the command modules (commands, stale) import it rather than each other.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType

from app.cli.output import Reporter
from app.services.core import AppCore
from app.services.progress import ProgressAccumulator
from app.services.uploadopts import applied
from engine.errors import ErrorCode
from engine.events import TransferView
from engine.state import State

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Some transfers were left alone: another live Skylift process holds them.
EXIT_HELD = 3
#: Ctrl-C waits this long for requests in flight to stop; then the process leaves them (a stalled
#: link can hold a socket for minutes) with every checkpoint as it was.
PAUSE_GRACE = 1.0


class UsageError(Exception):
    """Bad input on the command line: exit 2 with the message."""


class Interrupt:
    """SIGINT/SIGTERM: ask the engine to pause; the main loop waits until the checkpoint is safe."""

    def __init__(self) -> None:
        self.hit = threading.Event()
        self._old: dict[int, object] = {}

    def __enter__(self) -> Interrupt:
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.hit.set()

    def __exit__(self, *exc: object) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)  # type: ignore[arg-type]


def run_transfers(
    core: AppCore,
    acc: ProgressAccumulator,
    ids: list[int],
    json_mode: bool,
    on_interrupt: Callable[[], None] | None = None,
) -> int:
    rows = {i: core.store.get_transfer(i) for i in ids}
    sizes = {i: r.size for i, r in rows.items() if r}
    done = {i: core.engine.bytes_done(i) for i in ids}
    rep = Reporter(json_mode, sizes, done)
    rep.options = {i: applied(r) for i, r in rows.items() if r}
    interrupted_at: float | None = None
    with Interrupt() as intr:
        while core.engine.busy():
            core.engine.wait_idle(0.1)
            if intr.hit.is_set() and interrupted_at is None:
                interrupted_at = time.monotonic()
                (on_interrupt or core.engine.pause_all)()
            if interrupted_at is not None and time.monotonic() - interrupted_at > PAUSE_GRACE:
                core.engine.abandon()
            rep.feed(acc.drain())
    rep.feed(acc.drain(), final=True)
    if core.store.failed is not None:
        print(
            f"skylift: {core.store.failed}. The transfers stopped there; 'skylift resume' continues "
            "them once the checkpoint can be written again.",
            file=sys.stderr,
        )
    if interrupted_at is not None:
        for v in core.engine.views(ids):
            if v.state is State.PAUSED and v.id not in rep.finished:
                rep.paused(v)
        return EXIT_INTERRUPTED
    # The engine owns the states (the checkpoint may still be writing its copy).
    views = core.engine.views(ids)
    refused = report_refused(rep, views)
    for v in views:
        hint = "" if v.id in refused else _what_to_do(v)
        if hint:
            print(f"skylift: transfer #{v.id}: {hint}", file=sys.stderr)
    return EXIT_OK if all(v.state is State.DONE for v in views) else EXIT_FAILED


def report_refused(rep: Reporter, views: list[TransferView]) -> set[int]:
    """Transfers the engine paused because the server refused the key (not the user's pause):
    their summary, and what to do. Returns their ids."""
    refused = {v.id for v in views if v.state is State.PAUSED and v.error_code == ErrorCode.AUTH}
    for v in views:
        if v.id in refused:
            if v.id not in rep.finished:
                rep.paused(v)
            print(
                f"skylift: transfer #{v.id}: paused, the server refused the credentials: {v.error_detail}. "
                f"Fix the profile's key (or renew its token) and run 'skylift resume {v.id}'",
                file=sys.stderr,
            )
    return refused


def _what_to_do(v: TransferView) -> str:
    """The next step for a transfer that failed on its local file: the engine's detail names the
    problem, and only the command line knows the commands that cure it."""
    if v.state is not State.FAILED:
        return ""
    if v.error_code == ErrorCode.KEY_NEEDED:
        return f"give the customer key again: 'skylift resume {v.id} --sse-c-key-file PATH'"
    if v.error_code == ErrorCode.FILE_MISSING:
        return (
            f"{v.local_path} is gone; put it back and run 'skylift resume {v.id}', "
            f"or give the upload up with 'skylift cancel {v.id}'"
        )
    if v.error_code == ErrorCode.FILE_UNREADABLE:
        return (
            f"{v.local_path} cannot be read; fix its permissions and run 'skylift resume {v.id}', "
            f"or give the upload up with 'skylift cancel {v.id}'"
        )
    return ""
