"""W7, re-running on an unchanged folder: what it costs each client to find there is nothing to do.

Setup (not timed): the client uploads the folder into a fresh bucket with the same command the
timed run uses (Skylift: ``upload``, AWS CLI: ``s3 sync``, rclone: ``sync --checksum``). Timed:
that command again. The run counts only if the server then holds every object exactly as before
(same keys, ETags and LastModified): a client that sent a file again fails, however fast.
"""

from __future__ import annotations

import re
import subprocess
import time
import uuid
from pathlib import Path

from bench import data, target
from bench.clients import Clients, RunSpec, skylift_events, skylift_summaries
from bench.measure import Measured, run_measured
from bench.settings import Workload, settings_for
from bench.stats import RunResult

#: What ``skylift upload --if-exists`` says on stderr when it left objects alone, in the versions
#: that print no ``skipped`` JSON line ("1,234 unchanged, skipped" or "1234 existing object(s)").
_SKIPPED = re.compile(r"skylift: ([\d,]+) (?:unchanged, skipped|existing object\(s\) left alone)")


def _setup(clients: Clients, client: str, spec: RunSpec, timeout: float) -> str:
    """The first upload, by the client's own tool; an error message, or "" when it went well."""
    inv = clients.invocation(client, spec, "rerun")
    with open(spec.run_dir / "setup.out", "wb") as so, open(spec.run_dir / "setup.err", "wb") as se:
        p = subprocess.run(inv.argv, env=inv.env, cwd=inv.cwd, stdout=so, stderr=se, timeout=timeout)
    if p.returncode != 0:
        tail = (spec.run_dir / "setup.err").read_text(errors="replace").strip()[-300:]
        return f"setup upload exit {p.returncode}: {tail}"
    return ""


def _skylift_says(m: Measured, files: int) -> tuple[int | None, str]:
    """How many files Skylift says it left alone, and why its output does not fit a no-op."""
    said = skylift_events(m.stdout, "skipped")
    found = _SKIPPED.search(m.stderr.read_text(errors="replace"))
    skipped: int | None = None
    if said:
        skipped = int(said[-1].get("count", 0))
    elif found:
        skipped = int(found.group(1).replace(",", ""))
    sent = skylift_summaries(m.stdout)
    if sent:
        return skipped, f"Skylift uploaded {len(sent)} files again"
    if skipped != files:
        return skipped, f"Skylift says it left {skipped} of {files} objects alone"
    return skipped, ""


def run_w7(
    t: target.Target,
    clients: Clients,
    wl: Workload,
    files: list[Path],
    client: str,
    setting: str,
    rnd: int,
    work: Path,
) -> RunResult:
    bucket = target.bucket_name("b", wl.name, client, setting, f"r{rnd}", uuid.uuid4().hex[:6])
    run_dir = work / "runs" / bucket
    run_dir.mkdir(parents=True)
    # bytes: what the timed run should send, which is nothing.
    res = RunResult(wl.name, client, setting, rnd, ok=False, bytes=0, files=wl.count)
    timeout = max(300.0, wl.total / 5e6)
    try:
        target.prepare_bucket(t, bucket)
        spec = RunSpec(
            wl.name, files, files[0].parent, bucket, "up", settings_for(client, setting, wl.name), run_dir
        )
        t0 = time.monotonic()
        res.error = _setup(clients, client, spec, timeout)
        res.extra["setup_wall_s"] = time.monotonic() - t0
        if not res.error:
            ok, why = target.verify(t, bucket, files)
            res.error = "" if ok else f"setup: {why}"
        if res.error:
            return res
        before = target.snapshot(t, bucket)
        data.warm(files)
        # LastModified counts whole seconds: one must pass before the timed run, or an object
        # written again with the same bytes would look untouched (see target.unchanged).
        time.sleep(max(0.0, t0 + res.extra["setup_wall_s"] + 1.05 - time.monotonic()))
        inv = clients.invocation(client, spec, "rerun")
        m = run_measured(inv.argv, inv.env, inv.cwd, run_dir, "client", t.cpu_seconds, timeout)
        res.wall_s, res.user_s, res.sys_s = m.wall_s, m.user_s, m.sys_s
        res.peak_rss_mb, res.server_cpu_s = m.peak_rss_mb, m.server_cpu_s
        why = ""
        if client == "skylift":
            res.extra["skipped"], why = _skylift_says(m, wl.count)
        if m.timed_out:
            res.error = f"timed out after {timeout:.0f} s"
        elif m.rc != 0:
            res.error = f"exit {m.rc}: {m.tail()}"
        else:
            res.ok, res.error = target.unchanged(before, target.snapshot(t, bucket))
            if res.ok and why:
                res.ok, res.error = False, why
    except Exception as exc:  # one broken run must not end the benchmark
        res.error = f"{type(exc).__name__}: {exc}"
    finally:
        target.drop_bucket(t, bucket)
        res.error = res.error.replace(str(work), "<work>")
    return res


def describe(r: RunResult) -> str:
    if not r.ok:
        return f"  {r.workload:4} {r.client:8} {r.setting:8} FAILED: {r.error[:300]}"
    said = f"  skipped {r.extra['skipped']}" if r.extra.get("skipped") is not None else ""
    return (
        f"  {r.workload:4} {r.client:8} {r.setting:8} {r.wall_s:7.2f} s  cpu {r.cpu_s:6.2f} s  "
        f"rss {r.peak_rss_mb:6.0f} MB  server {r.server_cpu_s:6.2f} s  nothing re-sent{said}"
    )
