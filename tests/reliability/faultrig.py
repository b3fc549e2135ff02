"""The fault rig: the real ``skylift`` process, an HTTP fault proxy, and a real server behind it
(SeaweedFS for S3, the OSS gateway for OSS)."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.httpfault import HttpFaultProxy
from tests.helpers.targets import OssTarget, S3Target, Target
from tests.reliability.checks import no_traceback
from tests.reliability.tally import Tally

PROFILE = "p"
#: A part size every provider here accepts (SeaweedFS's minimum is S3's 5 MiB).
PART = 5 * 1024 * 1024
#: Fast retries: each fault here hits once or twice, and a test should not wait out real backoff.
FAST = ["--retries", "4", "--retry-interval", "0.1"]


@dataclass
class FaultRig:
    kind: str
    proxy: HttpFaultProxy
    target: Target
    env: dict[str, str]
    bucket: str
    tally: Tally
    tmp: Path

    def cli(self, case: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
        res = run_cli(self.env, *args, timeout=timeout)
        no_traceback(self.tally, case, res.stdout, res.stderr)
        return res

    def upload(self, case: str, src: Path, key: str, *extra: str) -> subprocess.CompletedProcess[bytes]:
        dest = f"{PROFILE}:{self.bucket}/{key}"
        return self.cli(case, "upload", str(src), dest, "--json", "--part-size", "5MiB", *FAST, *extra)

    def summary(self, res: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
        (s,) = json_events(res.stdout, "summary")
        return s


def make_fault_rig(kind: str, upstream: str, tmp: Path, tally: Tally) -> FaultRig:
    port = urlsplit(upstream).port
    assert port is not None
    proxy = HttpFaultProxy(port)
    target: Target
    if kind == "s3":
        target = S3Target(upstream, ACCESS_KEY, SECRET_KEY)
    else:
        target = OssTarget(upstream, ACCESS_KEY, SECRET_KEY)
    env = dict(os.environ)
    env.update({"SKYLIFT_HOME": str(tmp / "home"), "PYTHONPATH": str(ROOT), **target.env})
    add = ["profile", "add", PROFILE, "--provider", target.provider, "--endpoint", proxy.endpoint]
    run_cli(env, *add, *target.profile_args, check=True)
    return FaultRig(kind, proxy, target, env, target.new_bucket(), tally, tmp)


def wait_until(cond: Callable[[], bool], what: str, timeout: float = 60) -> None:
    """Poll a real condition (a proxy counter, a process state) until it holds."""
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
