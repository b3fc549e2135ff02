"""Where each client's bytes go: ``python -m bench.loopback``.

Runs every client × setting once on a small file under ``strace -f -e trace=connect`` and lists
every address it connected to. Anything but 127.0.0.1 (and local Unix sockets) fails the check:
boto3's CRT transfer client, for one, is known to ignore ``endpoint_url`` and go to AWS.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import data, target
from bench.clients import Clients, RunSpec
from bench.settings import PEERS, SETTINGS, MiB, Workload, settings_for
from bench.venvs import ensure_apt, setup

_INET = re.compile(r"inet_(?:addr|pton)\((?:AF_INET6?, )?\"([^\"]+)\"")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="skylift-loopback-"))
    bad = 0
    try:
        strace = ensure_apt("strace", "strace", work / "setup.log")
        if not strace:
            print("strace is missing and could not be installed", file=sys.stderr)
            return 1
        tools = setup(set(PEERS), work / "setup.log")
        # Large enough for multipart in every client's default settings.
        wl = Workload("W1", "loopback check", 1, 24 * MiB)
        files = data.create(work / "data", wl)
        t = target.start(work / "weed")
        try:
            clients = Clients(t, tools, work)
            for client in (c for c in PEERS if c not in tools.missing):
                for setting in SETTINGS:
                    bucket = target.bucket_name("loop", client, setting)
                    target.prepare_bucket(t, bucket)
                    run_dir = work / "runs" / bucket
                    run_dir.mkdir(parents=True)
                    spec = RunSpec(
                        "W1",
                        files,
                        files[0].parent,
                        bucket,
                        "up",
                        settings_for(client, setting, "W1"),
                        run_dir,
                    )
                    inv = clients.invocation(client, spec)
                    trace = run_dir / "strace.txt"
                    argv = [strace, "-f", "-qq", "-e", "trace=connect", "-o", str(trace), *inv.argv]
                    done = subprocess.run(argv, env=inv.env, cwd=inv.cwd, capture_output=True, check=False)
                    ok, why = target.verify(t, bucket, files)
                    addrs = sorted(set(_INET.findall(trace.read_text())))
                    foreign = [a for a in addrs if a not in ("127.0.0.1", "::1")]
                    verdict = "ok" if ok and done.returncode == 0 and not foreign else "FAIL"
                    bad += verdict != "ok"
                    where = ", ".join(addrs) or "nothing"
                    print(f"{client:8} {setting:8} {verdict:4} connected to {where} {why}")
                    target.drop_bucket(t, bucket)
        finally:
            t.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
