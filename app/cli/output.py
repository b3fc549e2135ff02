"""What the CLI prints while the engine runs: JSON lines or a human progress line."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from typing import Any, TextIO

from app.services.progress import Drained
from engine.events import Finished, Retrying, TransferView
from engine.units import format_size

PROGRESS_EVERY = 0.5


class Reporter:
    def __init__(
        self,
        json_mode: bool,
        sizes: dict[int, int],
        done: dict[int, int],
        out: TextIO | None = None,
        err: TextIO | None = None,
    ) -> None:
        self.json = json_mode
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.sizes = sizes
        self.done = dict(done)
        self.sent: dict[int, int] = {}
        self.finished: dict[int, Finished] = {}
        #: Per transfer, the object options it was queued with (shown in the --json summary).
        self.options: dict[int, dict[str, Any]] = {}
        self._last_progress = 0.0
        self._dirty: set[int] = set()
        self._started = time.monotonic()
        self._tty = self.err.isatty()

    def line(self, obj: dict[str, Any]) -> None:
        self.out.write(json.dumps(obj, separators=(",", ":")) + "\n")
        self.out.flush()

    def feed(self, d: Drained, final: bool = False) -> None:
        for s in d.states:
            if self.json:
                self.line(
                    {
                        "event": "state",
                        "id": s.transfer_id,
                        "state": s.state.label,
                        "error_code": s.error_code,
                    }
                )
        for r in d.retries:
            self.retry(r)
        if self.json:
            for p in d.part_events:
                self.line({"event": "part", "id": p.transfer_id, "number": p.number, "size": p.size})
        for tid, (done, sent) in d.progress.items():
            self.done[tid] = self.done.get(tid, 0) + done
            self.sent[tid] = self.sent.get(tid, 0) + sent
            self._dirty.add(tid)
        now = time.monotonic()
        if self._dirty and (final or now - self._last_progress >= PROGRESS_EVERY):
            self._last_progress = now
            if self.json:
                for tid in sorted(self._dirty):
                    self.line(
                        {
                            "event": "progress",
                            "id": tid,
                            "bytes_done": self.done[tid],
                            "bytes_sent": self.sent.get(tid, 0),
                            "size": self.sizes.get(tid, 0),
                        }
                    )
            elif self._tty:
                total = sum(self.sizes.values()) or 1
                done_all = sum(self.done.values())
                rate = sum(self.sent.values()) / max(now - self._started, 1e-6)
                self.err.write(
                    f"\r{100 * done_all / total:5.1f}%  {format_size(done_all)} of "
                    f"{format_size(total)}  {format_size(rate)}/s   "
                )
                self.err.flush()
            self._dirty.clear()
        for f in d.finished:
            self.finished[f.transfer_id] = f
            self.summary(f)

    def retry(self, r: Retrying) -> None:
        """Said as it happens: a silent minute of retries reads as a hang."""
        if self.json:
            self.line(
                {
                    "event": "retry",
                    "id": r.transfer_id,
                    "attempt": r.attempt,
                    "delay": round(r.delay, 1),
                    "waiting_for_network": r.waiting,
                    "detail": r.detail,
                }
            )
            return
        if self._tty:
            self.err.write("\r" + " " * 70 + "\r")
        what = "waiting for the network" if r.waiting else f"retry {r.attempt}"
        self.err.write(f"#{r.transfer_id}: {r.detail}; {what}, next try in {r.delay:.1f} s\n")
        self.err.flush()

    def paused(self, v: TransferView) -> None:
        """The last word on a transfer Ctrl-C paused: where it stands and how to go on."""
        if self.json:
            self.line(
                {
                    "event": "summary",
                    "id": v.id,
                    "state": v.state.label,
                    "bucket": v.bucket,
                    "key": v.key,
                    "size": v.size,
                    "bytes_done": v.done,
                    # Why it paused by itself (the server refused the key), if it did.
                    **({"error_code": v.error_code, "detail": v.error_detail} if v.error_code else {}),
                }
            )
            return
        if self._tty:
            self.err.write("\r" + " " * 70 + "\r")
        self.out.write(
            f"{v.state.label:9} #{v.id} {v.bucket}/{v.key} ({format_size(v.done)} of {format_size(v.size)}); "
            f"`skylift resume {v.id}` goes on from there\n"
        )
        self.out.flush()

    def summary(self, f: Finished) -> None:
        if self.json:
            obj = asdict(f)
            obj["id"] = obj.pop("transfer_id")
            obj.pop("move")  # the run's own business: its moves are said at the end
            obj["state"] = f.state.label
            if f.transfer_id in self.options:
                obj["options"] = self.options[f.transfer_id]
            self.line({"event": "summary", **obj})
            return
        if self._tty:
            self.err.write("\r" + " " * 70 + "\r")
        where = f"{f.bucket}/{f.key}"
        if f.error_code:
            self.out.write(f"{f.state.label:9} #{f.transfer_id} {where}: {f.error_code}: {f.detail}\n")
        else:
            self.out.write(
                f"{f.state.label:9} #{f.transfer_id} {where} ({format_size(f.size)})"
                f"{'  etag ' + f.etag if f.etag else ''}\n"
            )
        self.out.flush()
