"""Run ``skylift`` as a subprocess (the way users do) and read its ``--json`` output."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from tests.helpers.env import ROOT


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
