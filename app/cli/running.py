"""What every CLI command that runs transfers shares: exit codes, the Ctrl-C handler, the wait loop.

Its own module so the command modules (commands, stale) import it rather than each other.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType

from app.cli.output import Reporter
from app.services.core import AppCore
from app.services.progress import ProgressAccumulator
from engine.state import State

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Some transfers were left alone: another live Skylift process holds them.
EXIT_HELD = 3


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
    interrupted = False
    with Interrupt() as intr:
        while core.engine.busy():
            core.engine.wait_idle(0.2)
            if intr.hit.is_set() and not interrupted:
                interrupted = True
                (on_interrupt or core.engine.pause_all)()
            rep.feed(acc.drain())
    rep.feed(acc.drain(), final=True)
    if core.store.failed is not None:
        print(
            f"skylift: {core.store.failed}. The transfers stopped there; 'skylift resume' continues "
            "them once the checkpoint can be written again.",
            file=sys.stderr,
        )
    if interrupted:
        return EXIT_INTERRUPTED
    # The engine owns the states (the checkpoint may still be writing its copy).
    states = [v.state for v in core.engine.views(ids)]
    return EXIT_OK if all(s is State.DONE for s in states) else EXIT_FAILED
