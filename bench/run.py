"""Skylift against its peers on a loopback SeaweedFS: ``python -m bench.run [--quick]``.

Each round runs every client × setting on every workload in turn (A B C A B C …), so slow drift on
a shared VM spreads over all clients instead of landing on one; the report quotes medians.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import asdict
from pathlib import Path

from bench import data, report, rerun, resume, target, verify_folder
from bench.clients import Clients, RunSpec, check_output
from bench.measure import run_measured
from bench.settings import PEERS, SETTINGS, Workload, settings_for, w5_workload, workloads
from bench.stats import RunResult
from bench.venvs import Tools, setup

REPO = Path(__file__).resolve().parent.parent
ALL_WORKLOADS = ("W1", "W2", "W3", "W4", "W5", "W7", "W8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    p.add_argument("--quick", action="store_true", help="tiny sizes and 1 round: a smoke test")
    p.add_argument("--rounds", type=int, default=None, help="rounds (default 3, or 1 with --quick)")
    p.add_argument("--workloads", default=",".join(ALL_WORKLOADS), help="e.g. W1,W3,W5")
    p.add_argument("--clients", default=",".join(PEERS), help="e.g. skylift,boto3,raw")
    p.add_argument("--settings", default=",".join(SETTINGS), help="default, tuned or both")
    p.add_argument("--out", type=Path, default=None, help="report folder (default docs/, or bench/results/)")
    p.add_argument("--work-dir", type=Path, default=None, help="where the temp data goes")
    p.add_argument("--keep", action="store_true", help="keep the temp folder (data, logs)")
    return p.parse_args(argv)


def _split(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def run_one(
    t: target.Target,
    clients: Clients,
    wl: Workload,
    files: list[Path],
    client: str,
    setting: str,
    rnd: int,
    work: Path,
) -> RunResult:
    tag = uuid.uuid4().hex[:6]
    bucket = target.bucket_name("b", wl.name, client, setting, f"r{rnd}", tag)
    run_dir = work / "runs" / bucket
    run_dir.mkdir(parents=True)
    res = RunResult(wl.name, client, setting, rnd, ok=False, bytes=wl.total, files=wl.count)
    try:
        target.prepare_bucket(t, bucket)
        spec = RunSpec(
            wl.name, files, files[0].parent, bucket, "up", settings_for(client, setting, wl.name), run_dir
        )
        inv = clients.invocation(client, spec)
        data.warm(files)
        # Generous: a run this slow is broken, and the table should say so, not hang the night.
        timeout = max(300.0, wl.total / 5e6)
        m = run_measured(inv.argv, inv.env, inv.cwd, run_dir, "client", t.cpu_seconds, timeout)
        res.wall_s, res.user_s, res.sys_s = m.wall_s, m.user_s, m.sys_s
        res.peak_rss_mb, res.server_cpu_s = m.peak_rss_mb, m.server_cpu_s
        ok_out, res.extra, why = check_output(client, m, wl.count)
        if m.timed_out:
            res.error = f"timed out after {timeout:.0f} s"
        elif m.rc != 0:
            res.error = f"exit {m.rc}: {m.tail()}"
        elif not ok_out:
            res.error = why
        else:
            res.ok, res.error = target.verify(t, bucket, files)
    except Exception as exc:  # one broken run must not end the benchmark
        res.error = f"{type(exc).__name__}: {exc}"
    finally:
        target.drop_bucket(t, bucket)
    res.error = res.error.replace(str(work), "<work>")
    return res


def _line(r: RunResult) -> str:
    if not r.ok:
        return f"  {r.workload:4} {r.client:8} {r.setting:8} FAILED: {r.error[:300]}"
    return (
        f"  {r.workload:4} {r.client:8} {r.setting:8} {r.wall_s:7.2f} s {r.mb_s:8.1f} MB/s  "
        f"cpu {r.cpu_s:6.2f} s  rss {r.peak_rss_mb:6.0f} MB  server {r.server_cpu_s:6.2f} s"
    )


def _write(
    out: Path, tools: Tools, quick: bool, rounds: int, started: float, results: list[RunResult], w5: Workload
) -> None:
    meta = report.machine(tools, quick=quick, rounds=rounds, started=started)
    out.mkdir(parents=True, exist_ok=True)
    raw = {"meta": meta, "runs": [{**asdict(r), "cpu_s": r.cpu_s, "mb_s": r.mb_s} for r in results]}
    (out / "benchmarks.json").write_text(json.dumps(raw, indent=1, default=str) + "\n")
    (out / "benchmarks.md").write_text(report.render(meta, results, [*workloads(quick), w5]))


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    rounds = a.rounds or (1 if a.quick else 3)
    want_wl = set(_split(a.workloads))
    want_clients = [c for c in _split(a.clients) if c in PEERS]
    want_settings = [s for s in _split(a.settings) if s in SETTINGS]
    out = a.out or (REPO / "bench" / "results" if a.quick else REPO / "docs")
    wls = [w for w in workloads(a.quick) if w.name in want_wl or w.name.rstrip("ab") in want_wl]
    if a.work_dir:
        a.work_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="skylift-bench-", dir=a.work_dir))
    started = time.time()
    print(f"work folder: {work}")
    print("installing peers (own virtualenvs under bench/, rclone from Debian) …", flush=True)
    tools: Tools = setup(set(want_clients), work / "setup.log")
    for name, why in tools.missing.items():
        print(f"  {name}: {why}")
    print("writing data …", flush=True)
    files: dict[str, list[Path]] = {}
    w5 = w5_workload(a.quick)
    for w in [*wls, w5]:
        if w in wls or (w is w5 and "W5" in want_wl):
            # W5's full-size file is W1's: the same bytes need not be written twice.
            same = next((x for x in wls if x.name != w.name and (x.count, x.size) == (w.count, w.size)), None)
            files[w.name] = files[same.name] if same and same.name in files else data.create(work / "data", w)
    t = target.start(work / "weed")
    results: list[RunResult] = []
    try:
        clients = Clients(t, tools, work)
        for rnd in range(rounds):
            print(f"round {rnd + 1}/{rounds}", flush=True)
            for wl in wls:
                names = [c for c in want_clients if c in (wl.clients or PEERS) and c not in tools.missing]
                # Rotate the order each round: no client always runs right after the same one.
                names = names[rnd % len(names) :] + names[: rnd % len(names)] if names else []
                if wl.kind == "verify":
                    if "skylift" in names:  # one verify a round: it has no settings to tune
                        r = verify_folder.run_w8(t, clients, wl, files[wl.name], rnd, work)
                        results.append(r)
                        print(verify_folder.describe(r), flush=True)
                    continue
                for client in names:
                    for setting in want_settings:
                        if client == "raw" and setting == "tuned" and wl.count == 1:
                            continue  # one file is one stream either way
                        if wl.kind == "rerun":
                            r = rerun.run_w7(t, clients, wl, files[wl.name], client, setting, rnd, work)
                            print(rerun.describe(r), flush=True)
                        else:
                            r = run_one(t, clients, wl, files[wl.name], client, setting, rnd, work)
                            print(_line(r), flush=True)
                        results.append(r)
            if "W5" in want_wl and "skylift" in want_clients:
                for setting in want_settings:
                    r = resume.run_w5(t, clients, w5, files["W5"], setting, rnd, work)
                    r.error = r.error.replace(str(work), "<work>")
                    results.append(r)
                    print(resume.describe(r), flush=True)
            # After every round: a run cut short still leaves the rounds it finished.
            _write(out, tools, a.quick, rnd + 1, started, results, w5)
    finally:
        t.stop()
    print(f"wrote {out / 'benchmarks.md'} and {out / 'benchmarks.json'}")
    if a.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
