"""Run ``skylift`` as a subprocess (the way users do) and read its ``--json`` output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY


def s3_home(home: Path, profile: str, endpoint: str) -> dict[str, str]:
    """Environment for ``skylift`` subprocesses with their own SKYLIFT_HOME, S3 credentials in
    the environment, and a SeaweedFS profile ``profile`` at ``endpoint``."""
    env = dict(os.environ)
    env.update(
        {
            "SKYLIFT_HOME": str(home),
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "PYTHONPATH": str(ROOT),
        }
    )
    run_cli(env, "profile", "add", profile, "--provider", "seaweedfs", "--endpoint", endpoint, check=True)
    return env


def run_cli(
    env: dict[str, str],
    *args: str,
    check: bool = False,
    input: bytes | None = None,
    timeout: float = 300,
    wrap: list[str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``skylift ARGS``; ``wrap`` is a command line to run it under (e.g. setpriv)."""
    proc = subprocess.run(
        [*(wrap or []), sys.executable, "-m", "app", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        input=input,
        timeout=timeout,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"skylift {' '.join(args)} exited {proc.returncode}:\n"
            f"{proc.stdout.decode()}\n{proc.stderr.decode()}"
        )
    return proc


def json_events(out: bytes, kind: str | None = None) -> list[dict[str, Any]]:
    """The JSON objects among the output's lines (anything else on stdout is skipped), only the
    events of ``kind`` if given."""
    events = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
    return [e for e in events if kind is None or e["event"] == kind]


def start_cli(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    """``skylift ARGS`` running in the background, its output piped, for kill and signal tests."""
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def paused_upload(env: dict[str, str], src: str, dest: str, *extra: str, after: str = "progress") -> int:
    """A transfer as Ctrl+C leaves it: ``skylift upload`` stopped by SIGINT once it reports its first
    ``after`` event (``progress`` or ``part``); exits 130, paused, upload id kept. Returns its id."""
    proc = start_cli(env, "upload", src, dest, "--json", "--part-size", "5MiB", "--bwlimit", "4MiB/s", *extra)
    assert proc.stdout is not None
    for line in proc.stdout:
        if json.loads(line)["event"] == after:
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out + err).decode()
    rows = [json.loads(x) for x in run_cli(env, "list", "--json").stdout.decode().splitlines()]
    (row,) = [r for r in rows if r["path"] == os.path.abspath(src)]
    assert row["state"] == "paused" and row["upload_id"], row
    return int(row["id"])
