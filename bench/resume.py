"""W5, the cost of a crash: kill -9 a Skylift upload at 50 %, then ``skylift resume --all``.

Reported: bytes the resume sent beyond what the checkpoint left to do, bytes sent twice over both
processes, and the time from starting ``skylift resume`` to (a) its first progress line past the
checkpoint and (b) the first new part acknowledged (a new row in the checkpoint database: the JSON
output has no per-part event).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench import data, target
from bench.clients import REPO, Clients, RunSpec
from bench.measure import gnu_time_binary
from bench.settings import MiB, Workload, settings_for
from bench.stats import RunResult


def _json_lines(stream: Iterable[bytes], sink: list[tuple[float, dict[str, Any]]], t0: float) -> None:
    for raw in stream:
        line = raw.decode(errors="replace").strip()
        if line.startswith("{"):
            try:
                sink.append((time.monotonic() - t0, json.loads(line)))
            except ValueError:
                pass


def _concurrency(args: list[str]) -> int:
    return int(args[args.index("--concurrency") + 1]) if "--concurrency" in args else 4


def _poll_new_part(
    db: Path, known: set[int], t0: float, stop: threading.Event, out: dict[str, float]
) -> None:
    """First part row whose number the server did not already hold: a part this resume uploaded."""
    conn: sqlite3.Connection | None = None
    while not stop.is_set() and "first_part_s" not in out:
        try:
            if conn is None:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
            rows = conn.execute("SELECT part_number FROM part").fetchall()
            if any(n not in known for (n,) in rows):
                out["first_part_s"] = time.monotonic() - t0
        except sqlite3.Error:
            pass  # busy or mid-migration: try again on the next tick
        stop.wait(0.01)
    if conn is not None:
        conn.close()


def run_w5(
    t: target.Target, clients: Clients, wl: Workload, files: list[Path], setting: str, rnd: int, work: Path
) -> RunResult:
    bucket = target.bucket_name("b", "w5", setting, f"r{rnd}", uuid.uuid4().hex[:6])
    run_dir = work / "runs" / bucket
    run_dir.mkdir(parents=True)
    args: list[str] = list(settings_for("skylift", setting, "W5"))
    res = RunResult("W5", "skylift", setting, rnd, ok=False, bytes=wl.total, files=1)
    try:
        target.prepare_bucket(t, bucket)
        spec = RunSpec("W5", files, files[0].parent, bucket, "up", args, run_dir)
        inv = clients.skylift(spec)
        home = Path(inv.env["SKYLIFT_HOME"])
        data.warm(files)
        size = files[0].stat().st_size
        # Phase 1: the upload, killed once half the bytes are done.
        killed: dict[str, int] = {}
        p = subprocess.Popen(
            inv.argv, env=inv.env, cwd=inv.cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert p.stdout is not None
        for raw in p.stdout:
            obj = json.loads(raw) if raw.startswith(b"{") else {}
            if obj.get("event") == "progress" and obj["bytes_done"] >= size // 2:
                os.kill(p.pid, signal.SIGKILL)
                killed = {"done": int(obj["bytes_done"]), "sent": int(obj["bytes_sent"])}
                break
        p.stdout.close()
        p.wait()
        if not killed:
            res.error = "the upload finished before it reached 50 % and could be killed"
            return res
        time.sleep(1.0)  # a part in flight may still land after the client died (DESIGN §4)
        listed = subprocess.run(
            [sys.executable, "-m", "app", "list", "--json"],
            env=inv.env,
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        row = json.loads(listed.stdout.splitlines()[-1])
        parts = t.s3.list_parts(Bucket=bucket, Key=row["key"], UploadId=row["upload_id"]).get("Parts", [])
        on_server = {int(x["PartNumber"]): int(x["Size"]) for x in parts}
        part_size = _part_size(home)
        # Phase 2: the resume, measured like any other run.
        resume_argv = [sys.executable, "-m", "app", "resume", "--all", "--json"]
        resume_argv += ["--concurrency", str(_concurrency(args))]
        rss_file = run_dir / "resume.rss"
        gnu_time = gnu_time_binary()
        if gnu_time:  # see bench.measure: the peak RSS of a direct child is not its own
            resume_argv = [gnu_time, "-f", "%M", "-o", str(rss_file), "--", *resume_argv]
        lines: list[tuple[float, dict[str, Any]]] = []
        polled: dict[str, float] = {}
        stop = threading.Event()
        cpu0 = t.cpu_seconds()
        t0 = time.monotonic()
        p = subprocess.Popen(
            resume_argv, env=inv.env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        reader = threading.Thread(target=_json_lines, args=(p.stdout, lines, t0), daemon=True)
        poller = threading.Thread(
            target=_poll_new_part,
            args=(home / "data" / "skylift.db", set(on_server), t0, stop, polled),
            daemon=True,
        )
        reader.start()
        poller.start()
        _pid, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - t0
        res.server_cpu_s = t.cpu_seconds() - cpu0
        reader.join(5)
        stop.set()
        poller.join(5)
        res.wall_s, res.user_s, res.sys_s = wall, ru.ru_utime, ru.ru_stime
        res.peak_rss_mb = ru.ru_maxrss / 1024
        if gnu_time and rss_file.exists():
            res.peak_rss_mb = float(rss_file.read_text().split()[-1]) / 1024
        checkpoint = int(row["bytes_done"])
        first_progress = next(
            (ts for ts, o in lines if o.get("event") == "progress" and o["bytes_done"] > checkpoint), None
        )
        summary = next((o for _ts, o in lines if o.get("event") == "summary"), {})
        resume_sent = int(summary.get("bytes_sent", 0))
        res.bytes = resume_sent
        res.extra = {
            "size": size,
            "killed_at_bytes_done": killed["done"],
            "killed_bytes_sent": killed["sent"],
            "checkpoint_bytes": checkpoint,
            "server_bytes": sum(on_server.values()),
            "resume_bytes_sent": resume_sent,
            # What the resume sent that was already safe: in the checkpoint, or (the server wins on
            # resume) acknowledged by the server after the checkpoint's last write.
            "resent_bytes": resume_sent - (size - max(checkpoint, sum(on_server.values()))),
            # Every byte sent twice over both processes (the parts in flight at the kill).
            "resent_total_bytes": killed["sent"] + resume_sent - size,
            "limit_bytes": _concurrency(args) * part_size,
            "part_size": part_size,
            "first_progress_s": first_progress,
            "first_part_s": polled.get("first_part_s"),
        }
        if p.returncode != 0 or summary.get("state") != "done":
            res.error = f"resume exit {p.returncode}, state {summary.get('state')}: {summary.get('detail')}"
        else:
            res.ok, res.error = target.verify(t, bucket, files)
    except Exception as exc:  # one broken run must not end the benchmark
        res.error = f"{type(exc).__name__}: {exc}"
    finally:
        target.drop_bucket(t, bucket)
    return res


def _part_size(home: Path) -> int:
    # `skylift list --json` does not say the part size; the checkpoint row does.
    with sqlite3.connect(f"file:{home / 'data' / 'skylift.db'}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT part_size FROM transfer ORDER BY id DESC LIMIT 1").fetchone()
    return int(row[0]) if row else 8 * MiB


def describe(r: RunResult) -> str:
    if not r.ok:
        return f"  W5   skylift  {r.setting:8} FAILED: {r.error[:300]}"
    e = r.extra
    fp, fpart = e.get("first_progress_s"), e.get("first_part_s")
    return (
        f"  W5   skylift  {r.setting:8} checkpoint {e['checkpoint_bytes'] / MiB:.0f} MiB, resume sent "
        f"{e['resume_bytes_sent'] / MiB:.0f} MiB, re-sent {e['resent_bytes'] / MiB:.1f} MiB "
        f"(total twice {e['resent_total_bytes'] / MiB:.1f} MiB, limit {e['limit_bytes'] / MiB:.0f} MiB), "
        f"first progress {fp if fp is None else round(fp, 2)} s, first new part "
        f"{fpart if fpart is None else round(fpart, 2)} s"
    )
