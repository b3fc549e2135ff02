"""Where Skylift's CPU goes on one workload: ``python -m bench.profile --workload W1``.

Runs one Skylift upload under py-spy (installed into bench/.venv-peers, never into .venv) against
the same loopback SeaweedFS and data as the benchmark, and writes the top functions by own and by
inclusive samples, plus the collapsed stacks for a flame graph, to bench/results/.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench import data, target
from bench.clients import Clients, RunSpec
from bench.settings import settings_for, w5_workload, workloads
from bench.venvs import PEERS_VENV, Tools, ensure_venv

REPO = Path(__file__).resolve().parent.parent
_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def _short(frame: str) -> str:
    """``func (path/to/file.py:12)`` → ``func (file.py)``, dropping machine paths and line numbers
    so one function's samples add up across its lines."""
    m = _FRAME.match(frame)
    if not m:
        return frame
    f = m.group("file")
    for marker in ("site-packages/", "/lib/python3", str(REPO) + "/"):
        if marker in f:
            f = f.split(marker, 1)[1]
    return f"{m.group('func')} ({f})"


def summarize_stacks(
    lines: list[str], top: int = 30
) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """Total samples, top functions by own samples, top by inclusive samples."""
    own: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    total = 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_short(f) for f in stack.split(";") if f and not f.startswith("process ")]
        frames = [f for f in frames if not f.startswith("thread ")]
        if not frames:
            continue
        total += n
        own[frames[-1]] += n
        for f in set(frames):
            incl[f] += n
    return total, own.most_common(top), incl.most_common(top)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    p.add_argument("--workload", default="W1", help="W1, W2, W3, W4a or W4b")
    p.add_argument("--setting", default="tuned", choices=["default", "tuned"])
    p.add_argument("--quick", action="store_true", help="the --quick sizes")
    p.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    a = p.parse_args(argv)
    wl = next((w for w in [*workloads(a.quick), w5_workload(a.quick)] if w.name == a.workload), None)
    if wl is None:
        p.error(f"unknown workload {a.workload}")
    work = Path(tempfile.mkdtemp(prefix="skylift-profile-"))
    try:
        if not ensure_venv(PEERS_VENV, ("py-spy",), work / "setup.log")["py-spy"]:
            print("py-spy could not be installed (see the setup log)", file=sys.stderr)
            return 1
        files = data.create(work / "data", wl)
        t = target.start(work / "weed")
        try:
            bucket = target.bucket_name("profile", wl.name, a.setting)
            target.prepare_bucket(t, bucket)
            run_dir = work / "run"
            run_dir.mkdir()
            spec = RunSpec(
                wl.name,
                files,
                files[0].parent,
                bucket,
                "up",
                settings_for("skylift", a.setting, wl.name),
                run_dir,
            )
            inv = Clients(t, Tools(), work).skylift(spec)
            data.warm(files)
            raw = work / "stacks.txt"
            spy = [str(PEERS_VENV / "bin" / "py-spy"), "record", "--subprocesses", "--rate", str(a.rate)]
            spy += ["--format", "raw", "--output", str(raw), "--"]
            done = subprocess.run(
                [*spy, *inv.argv], env=inv.env, cwd=inv.cwd, capture_output=True, check=False
            )
            ok, why = target.verify(t, bucket, files)
            target.drop_bucket(t, bucket)
        finally:
            t.stop()
        if done.returncode != 0 or not raw.exists():
            print(done.stderr.decode(errors="replace")[-2000:], file=sys.stderr)
            return 1
        lines = raw.read_text().splitlines()
        total, own, incl = summarize_stacks(lines)
        a.out.mkdir(parents=True, exist_ok=True)
        stem = f"profile-{wl.name}-{a.setting}{'-quick' if a.quick else ''}"
        report = [
            f"py-spy, {a.rate} Hz, Skylift {a.setting} on {wl.name} ({wl.title}); "
            f"{total} samples of busy threads; upload verified: {ok} {why}",
            "",
            "own samples (where the CPU is spent):",
            *[f"{n / total:7.1%}  {f}" for f, n in own],
            "",
            "inclusive samples (what it is spent under):",
            *[f"{n / total:7.1%}  {f}" for f, n in incl],
        ]
        (a.out / f"{stem}.txt").write_text("\n".join(report) + "\n")
        collapsed = [
            " ".join([";".join(_short(f) for f in s.split(";")), c])
            for s, _, c in (x.rpartition(" ") for x in lines)
        ]
        (a.out / f"{stem}.collapsed").write_text("\n".join(collapsed) + "\n")
        print("\n".join(report[:40]))
        print(f"wrote {a.out / (stem + '.txt')} and the collapsed stacks beside it")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
