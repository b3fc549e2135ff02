"""Faults that are about time: a stalled link under Ctrl-C, and a server asking to slow down."""

from __future__ import annotations

import os
import signal
import time

import pytest

from tests.helpers.cli import json_events, start_cli
from tests.reliability.checks import no_traceback, no_uploads_left, same_object
from tests.reliability.faultrig import FAST, PART, PROFILE, FaultRig, wait_until

pytestmark = pytest.mark.integration


def test_ctrl_c_during_a_stalled_request_pauses_at_once_and_resumes_later(faults: FaultRig) -> None:
    """The link swallows a part and never answers: Ctrl-C must not wait for the socket to give
    up (it took 58 s before); the transfer is paused with its checkpoint, and resumes."""
    case = f"{faults.kind} part stall + SIGINT"
    faults.tally.tried("faults")
    data = os.urandom(3 * PART)
    src = faults.tmp / "stall.bin"
    src.write_bytes(data)
    faults.proxy.add("part", "stall")
    dest = f"{PROFILE}:{faults.bucket}/stall.bin"
    proc = start_cli(faults.env, "upload", str(src), dest, "--json", "--part-size", "5MiB", *FAST)
    wait_until(lambda: faults.proxy.fired[("part", "stall")] >= 1, "the stalled part")
    began = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    took = time.monotonic() - began
    no_traceback(faults.tally, case, out, err)
    assert proc.returncode == 130, (out + err).decode()
    # The bound is loose for a loaded CI machine; the point is seconds, not the socket's minutes.
    assert took < 5, f"Ctrl-C took {took:.1f} s to pause a stalled upload"
    summaries = json_events(out, "summary")
    assert len(summaries) == 1, (out + err).decode()
    s = summaries[0]
    assert s["state"] == "paused", s
    faults.proxy.release()
    res = faults.cli(case, "resume", str(s["id"]), "--json")
    assert res.returncode == 0, (res.stdout + res.stderr).decode()
    same_object(faults.tally, case, faults.target, faults.bucket, "stall.bin", data)
    no_uploads_left(faults.tally, case, faults.target, faults.bucket)


def test_slowdown_is_waited_out_as_asked_and_fewer_requests_go_at_once(faults: FaultRig) -> None:
    case = f"{faults.kind} part 503 SlowDown Retry-After"
    faults.tally.tried("faults")
    data = os.urandom(8 * PART)
    src = faults.tmp / "slow.bin"
    src.write_bytes(data)
    # The third part is told to come back in 2 s; the bandwidth cap keeps 4 parts in flight.
    faults.proxy.add("part", "503", times=1, retry_after=2, after=2)
    res = faults.upload(case, src, "slow.bin", "--concurrency", "4", "--bwlimit", "20MiB/s")
    assert res.returncode == 0, (res.stdout + res.stderr).decode()
    same_object(faults.tally, case, faults.target, faults.bucket, "slow.bin", data)
    parts = faults.proxy.of("part")
    (hit,) = [i for i, p in enumerate(parts) if p.faulted == "503"]
    again = next(p for p in parts[hit + 1 :] if p.target == parts[hit].target)
    ((_, answered),) = faults.proxy.errors_sent
    assert again.at - answered >= 2.0, "the retry came before the server's Retry-After"
    assert max(p.in_flight for p in parts[: hit + 1]) >= 3, "the test needs parts in flight together"
    between = [p for p in parts[hit + 1 :] if answered < p.at < again.at]
    assert len(between) >= 2, "too few parts started while the throttled one waited"
    # The first may have been started by a slot freed before the client had read the 503.
    assert max(p.in_flight for p in between[1:]) <= 2, [p.in_flight for p in between]


@pytest.mark.parametrize("step", ["part", "complete"])
def test_a_black_holed_request_is_given_up_after_the_timeout_and_retried(faults: FaultRig, step: str) -> None:
    """The server never answers: the request is dropped after ``--timeout`` seconds of silence
    and sent again (it sat for the 120 s read timeout per attempt before), and the retry is said."""
    case = f"{faults.kind} {step} black hole"
    faults.tally.tried("faults")
    data = os.urandom(2 * PART)
    src = faults.tmp / "hole.bin"
    src.write_bytes(data)
    faults.proxy.add(step, "stall")
    res = faults.upload(case, src, "hole.bin", "--timeout", "2")
    assert faults.proxy.fired[(step, "stall")] == 1
    assert res.returncode == 0, (res.stdout + res.stderr).decode()
    (retry,) = json_events(res.stdout, "retry")
    assert "timed out" in retry["detail"], retry
    same_object(faults.tally, case, faults.target, faults.bucket, "hole.bin", data)
    no_uploads_left(faults.tally, case, faults.target, faults.bucket)
