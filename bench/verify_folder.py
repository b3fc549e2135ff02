"""W8, verifying a folder: ``skylift verify`` against the least any verify has to do.

Setup (not timed): Skylift uploads the folder into a fresh bucket. Timed, in the same round and
each in its own process: ``skylift verify DIR PROFILE:BUCKET/PREFIX/ --json`` in the SKYLIFT_HOME
that uploaded (it trusts the digests it recorded then, for files whose size and mtime held), the
same with ``--no-cache`` (every file read again; the server's checksums from the listing or a
HEAD), listing the prefix with boto3 (``peers/list_prefix.py``), and ``sha256sum`` over every
file. The target: verify's wall time ≤ 2 × (list + hash), per round. Verify must say every file is the same.
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench import data, target
from bench.clients import Clients, RunSpec, check_output
from bench.measure import Measured, run_measured
from bench.settings import TUNED_SMALL_FILES, Workload
from bench.stats import RunResult

#: Every file of the folder, hashed by coreutils; the output (one line a file) is counted.
_HASH = 'find "$1" -type f -print0 | xargs -0 sha256sum'


def _json_lines(path: Path) -> list[dict[str, Any]]:
    out = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out


def _failed(m: Measured, what: str, timeout: float) -> str:
    if m.timed_out:
        return f"{what}: timed out after {timeout:.0f} s"
    return f"{what}: exit {m.rc}: {m.tail()}" if m.rc != 0 else ""


def _setup(t: target.Target, clients: Clients, spec: RunSpec, files: list[Path], timeout: float) -> str:
    """The upload verify will check, by Skylift (its small-files settings: it is not timed)."""
    up = replace(spec, settings=TUNED_SMALL_FILES["skylift"])
    inv = clients.skylift(up)
    m = run_measured(inv.argv, inv.env, inv.cwd, spec.run_dir, "setup", t.cpu_seconds, timeout)
    ok, _extra, why = check_output("skylift", m, len(files))
    if m.rc != 0 or m.timed_out or not ok:
        return "setup " + (_failed(m, "upload", timeout) or why)
    ok, why = target.verify(t, spec.bucket, files)
    return "" if ok else f"setup: {why}"


def run_w8(
    t: target.Target, clients: Clients, wl: Workload, files: list[Path], rnd: int, work: Path
) -> RunResult:
    bucket = target.bucket_name("b", wl.name, "skylift", f"r{rnd}", uuid.uuid4().hex[:6])
    run_dir = work / "runs" / bucket
    run_dir.mkdir(parents=True)
    # bytes: what verify should send, which is nothing.
    res = RunResult(wl.name, "skylift", "default", rnd, ok=False, bytes=0, files=wl.count)
    timeout = max(300.0, wl.total / 1e6)
    src = files[0].parent
    errors: list[str] = []

    def timed(name: str, argv: list[str], env: dict[str, str], cwd: Path) -> Measured:
        m = run_measured(argv, env, cwd, run_dir, name, t.cpu_seconds, timeout)
        errors.append(_failed(m, name, timeout))
        return m

    def verify(name: str, args: list[str]) -> tuple[Measured, dict[str, int]]:
        data.warm(files)
        inv = clients.skylift_verify(replace(spec, settings=args))
        m = timed(name, inv.argv, inv.env, inv.cwd)
        said = (_json_lines(m.stdout) or [{}])[-1]
        if said.get("event") != "summary" or said.get("same") != wl.count:
            errors.append(f"{name} says {json.dumps(said)[:200]}")
        return m, dict(said.get("same_by") or {})

    try:
        target.prepare_bucket(t, bucket)
        spec = RunSpec(wl.name, files, src, bucket, "up", [], run_dir)
        res.error = _setup(t, clients, spec, files, timeout)
        if res.error:
            return res
        # Verify where the upload ran, as a person would: Skylift trusts what it recorded then.
        m, res.extra["same_by"] = verify("verify", [])
        res.wall_s, res.user_s, res.sys_s = m.wall_s, m.user_s, m.sys_s
        res.peak_rss_mb, res.server_cpu_s = m.peak_rss_mb, m.server_cpu_s
        # And with --no-cache: every file read again (the listing or a HEAD gives the server's side), the work
        # the baseline stands for.
        m, res.extra["nocache_same_by"] = verify("verify-no-cache", ["--no-cache"])
        res.extra["nocache_wall_s"], res.extra["nocache_cpu_s"] = m.wall_s, m.user_s + m.sys_s
        res.extra["nocache_rss_mb"] = m.peak_rss_mb
        # (a) list the prefix
        inv = clients.list_prefix(spec)
        m = timed("list", inv.argv, inv.env, inv.cwd)
        res.extra["list_wall_s"], res.extra["list_cpu_s"] = m.wall_s, m.user_s + m.sys_s
        listed = (_json_lines(m.stdout) or [{}])[-1].get("objects")
        errors.append("" if listed == wl.count else f"listed {listed} objects")
        # (b) hash the files
        data.warm(files)
        m = timed("hash", ["sh", "-c", _HASH, "sh", str(src)], inv.env, run_dir)
        res.extra["hash_wall_s"], res.extra["hash_cpu_s"] = m.wall_s, m.user_s + m.sys_s
        hashed = len(m.stdout.read_text(errors="replace").splitlines())
        errors.append("" if hashed == wl.count else f"hashed {hashed} files")
        base = res.extra["list_wall_s"] + res.extra["hash_wall_s"]
        res.extra["ratio"] = res.wall_s / base if base > 0 else math.nan
        res.extra["nocache_ratio"] = res.extra["nocache_wall_s"] / base if base > 0 else math.nan
        res.error = "; ".join(dict.fromkeys(e for e in errors if e))
        res.ok = not res.error
    except Exception as exc:  # one broken run must not end the benchmark
        res.error = f"{type(exc).__name__}: {exc}"
    finally:
        target.drop_bucket(t, bucket)
        res.error = res.error.replace(str(work), "<work>")
    return res


def describe(r: RunResult) -> str:
    if not r.ok:
        return f"  {r.workload:4} {r.client:8} verify   FAILED: {r.error[:300]}"
    e = r.extra
    return (
        f"  {r.workload:4} {r.client:8} verify {r.wall_s:7.2f} s  cpu {r.cpu_s:6.2f} s  "
        f"rss {r.peak_rss_mb:6.0f} MB; list {e['list_wall_s']:.2f} s + hash {e['hash_wall_s']:.2f} s: "
        f"verify / (list + hash) = {e['ratio']:.2f}×; --no-cache {e['nocache_wall_s']:.2f} s, "
        f"{e['nocache_ratio']:.2f}× (target ≤ 2×)"
    )
