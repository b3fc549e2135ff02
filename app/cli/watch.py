"""``skylift watch``: keep folders uploaded; save, list and remove watches."""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from typing import Any

from app.cli.output import Reporter
from app.cli.running import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    PAUSE_GRACE,
    Interrupt,
    report_refused,
)
from app.services.core import AppCore, parse_destination
from app.services.progress import ProgressAccumulator
from app.services.watches import DEFAULT_RESCAN, DEFAULT_SETTLE, Watch, WatchError, Watching, WatchOptions
from engine.state import State
from engine.units import parse_rate


def _seconds(option: str) -> Any:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not 0 < value <= 86_400:
            raise argparse.ArgumentTypeError(
                f"{option} takes a number of seconds more than 0 (at most 86400), not {text!r}"
            )
        return value

    return parse


def _rate(text: str) -> int | None:
    try:
        return parse_rate(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _concurrency(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= 64:
        raise argparse.ArgumentTypeError(f"--concurrency must be from 1 to 64, not {text!r}")
    return n


def _watch_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"watch ids are numbers, not {text!r}; 'skylift watch --list' shows them"
        ) from None


def add_watch_parser(sub: Any) -> None:
    w = sub.add_parser(
        "watch",
        help="keep a folder uploaded: upload new and changed files once they stop changing",
        description="Save a watch of LOCAL to DEST (PROFILE:BUCKET[/PREFIX]) and upload new and changed "
        "files as they settle, until Ctrl-C; with no LOCAL and DEST, run every saved watch. Keys are "
        "the ones 'skylift upload LOCAL DEST' gives. Files deleted locally are not deleted on the "
        "server. An unreachable endpoint is waited for, however long it is away.",
    )
    w.add_argument("local", nargs="?", metavar="LOCAL", help="the folder to keep uploaded")
    w.add_argument("dest", nargs="?", metavar="DEST", help="PROFILE:BUCKET[/PREFIX]")
    w.add_argument(
        "--settle",
        type=_seconds("--settle"),
        default=None,
        metavar="SECONDS",
        help=f"upload a file once its size and time held still this long (default {DEFAULT_SETTLE:g})",
    )
    w.add_argument(
        "--rescan",
        type=_seconds("--rescan"),
        default=None,
        metavar="SECONDS",
        help=f"look at the whole folder this often, for changes no event told (default {DEFAULT_RESCAN:g})",
    )
    w.add_argument("--include", action="append", default=[], metavar="PATTERN")
    w.add_argument("--exclude", action="append", default=[], metavar="PATTERN")
    w.add_argument("--once", action="store_true", help="one look: upload what is new and settled, then exit")
    w.add_argument("--list", action="store_true", help="list the saved watches")
    w.add_argument("--remove", type=_watch_id, metavar="ID", help="forget a saved watch")
    w.add_argument("--json", action="store_true", help="one JSON object per line")
    w.add_argument("--bwlimit", type=_rate, default=None, metavar="RATE", help="e.g. 10MiB/s")
    w.add_argument("--concurrency", type=_concurrency, default=4, metavar="N", help="requests at once")
    w.add_argument("--retries", type=int, default=5, help=argparse.SUPPRESS)
    w.add_argument("--retry-interval", type=float, default=1.0, help=argparse.SUPPRESS)
    # A watch outlives outages: it waits for the endpoint however long it is away.
    w.set_defaults(wait_for_network=math.inf)


def cmd_watch(core: AppCore, acc: ProgressAccumulator, a: argparse.Namespace) -> int:
    watching = Watching(core, on_problem=_say_problem)
    if a.list or a.remove is not None:
        if a.local or a.dest or (a.list and a.remove is not None):
            raise WatchError("--list and --remove take no LOCAL or DEST, and not each other")
        return _list(watching, a.json) if a.list else _remove(watching, a.remove)
    if a.local is not None and a.dest is None:
        raise WatchError(
            f"watch needs a DEST after {a.local}: skylift watch LOCAL PROFILE:BUCKET[/PREFIX] "
            "(with neither, it runs the saved watches)"
        )
    if a.local is not None:
        dest = parse_destination(a.dest, core.profiles.default_name())
        core.profiles.get(dest.profile)
        opts = WatchOptions(
            DEFAULT_SETTLE if a.settle is None else a.settle,
            DEFAULT_RESCAN if a.rescan is None else a.rescan,
            tuple(a.include),
            tuple(a.exclude),
        )
        watch = watching.watches.get(watching.watches.add(a.local, dest, opts))
        assert watch is not None
        watches = [watch]
    else:
        if a.settle is not None or a.rescan is not None or a.include or a.exclude:
            raise WatchError(
                "--settle, --rescan, --include and --exclude are saved with a watch: give LOCAL and "
                "DEST with them (the same LOCAL and DEST again update the saved watch)"
            )
        watches = watching.watches.list()
        if not watches:
            raise WatchError("no saved watches; start one with 'skylift watch LOCAL PROFILE:BUCKET[/PREFIX]'")
    return _run(core, acc, watching, watches, a.once, a.json)


def _say_problem(watch: Watch, text: str) -> None:
    print(f"skylift: watch #{watch.id} ({watch.local_path}): {text}", file=sys.stderr, flush=True)


def _list(watching: Watching, json_mode: bool) -> int:
    for w in watching.watches.list():
        if json_mode:
            print(json.dumps({"id": w.id, "folder": w.local_path, "destination": str(w.dest)}))
        else:
            print(f"{w.id:4}  {w.local_path}  ->  {w.dest}")
    return EXIT_OK


def _remove(watching: Watching, watch_id: int) -> int:
    gone = watching.watches.remove(watch_id)
    print(f"removed watch #{gone.id}: {gone} (what it uploaded stays on the server)")
    return EXIT_OK


def _run(
    core: AppCore,
    acc: ProgressAccumulator,
    watching: Watching,
    watches: list[Watch],
    once: bool,
    json_mode: bool,
) -> int:
    rep = Reporter(json_mode, {}, {})
    interrupted_at: float | None = None
    failed = False
    with Interrupt() as intr:
        resumed = watching.resume_unfinished(watches)
        if resumed:
            rep.sizes.update({v.id: v.size for v in core.engine.views(resumed)})
            rep.done.update({i: core.engine.bytes_done(i) for i in resumed})
            if not json_mode:
                print(f"skylift: resuming {len(resumed)} unfinished upload(s)", file=sys.stderr, flush=True)
        for w in watches:
            if watching.start(w, once=once) is not None:
                if json_mode:
                    rep.line(
                        {"event": "watch", "id": w.id, "folder": w.local_path, "destination": str(w.dest)}
                    )
                else:
                    print(f"skylift: watching #{w.id}: {w}", file=sys.stderr, flush=True)
        if not watching.running():
            watching.close()
            print("skylift: no folder to watch (named above, with the reason)", file=sys.stderr)
            return EXIT_FAILED
        while True:
            if intr.hit.is_set() and interrupted_at is None:
                interrupted_at = time.monotonic()
                _stop_watchers(watching, interrupted_at + PAUSE_GRACE)
                core.engine.pause_all()
            if interrupted_at is not None:
                if not core.engine.busy():
                    break
                if time.monotonic() - interrupted_at > PAUSE_GRACE:
                    core.engine.abandon()
                    break
            elif once and not core.engine.busy() and all(fw.done.is_set() for fw in watching.running()):
                break
            if core.engine.busy():
                core.engine.wait_idle(0.1)
            else:
                intr.hit.wait(0.1)
            failed = _feed(core, acc, rep) or failed
    failed = _feed(core, acc, rep, final=True) or failed
    failed = any(fw.refused for fw in watching.running()) or failed
    watching.close()
    if core.store.failed is not None:
        print(f"skylift: {core.store.failed}", file=sys.stderr)
    if interrupted_at is not None:
        for v in core.engine.views():
            if v.state is State.PAUSED and v.id not in rep.finished:
                rep.paused(v)
        return EXIT_INTERRUPTED
    # Paused because the server refused the key: not done, and a cron job must hear it.
    refused = report_refused(rep, core.engine.views())
    return EXIT_FAILED if failed or refused else EXIT_OK


def _stop_watchers(watching: Watching, deadline: float) -> None:
    """Stop queueing before pausing, so nothing queued after the pause starts uploading."""
    for fw in watching.running():
        fw.request_stop()
    for fw in watching.running():
        fw.done.wait(max(0.0, deadline - time.monotonic()))


def _feed(core: AppCore, acc: ProgressAccumulator, rep: Reporter, final: bool = False) -> bool:
    """Report what the engine did; True if a transfer failed. Finished uploads leave the engine,
    so a watch that runs for weeks does not keep every transfer it ever made."""
    d = acc.drain()
    rep.sizes.update({v.id: v.size for v in d.added})
    rep.feed(d, final=final)
    done = [f.transfer_id for f in d.finished if f.state in (State.DONE, State.CANCELLED)]
    if done:
        core.engine.forget(done)
    return any(f.state is State.FAILED for f in d.finished)
