"""A fault at every request of an upload, on both protocols: the real CLI must finish the object
byte for byte, leave no upload id behind, and say nothing a user would call a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.cli import json_events
from tests.reliability.checks import no_uploads_left, same_object
from tests.reliability.faultrig import PART, PROFILE, FaultRig

pytestmark = pytest.mark.integration

MULTIPART = [
    ("create", "reset_start"),
    ("create", "500"),
    ("create", "503"),
    ("create", "reset_end"),
    ("part", "reset_start"),
    ("part", "reset_middle"),
    ("part", "reset_end"),
    ("part", "500"),
    ("part", "503"),
    ("part", "slow"),
    ("complete", "reset_start"),
    ("complete", "500"),
    ("complete", "503"),
    ("complete", "reset_end"),
    ("complete", "slow"),
    ("head", "reset_start"),
    ("head", "500"),
]
SMALL = [
    ("put", "reset_start"),
    ("put", "reset_middle"),
    ("put", "reset_end"),
    ("put", "500"),
    ("put", "503"),
    ("put", "slow"),
]


def _file(path: Path, size: int) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


def _fired(rig: FaultRig, step: str, kind: str) -> None:
    # A fault that never fired would make the case pass without testing anything.
    assert rig.proxy.fired[(step, kind)] >= 1, f"the {kind} fault on {step} never fired: {rig.proxy.seen}"


@pytest.mark.parametrize(("step", "kind"), MULTIPART, ids=[f"{s}-{k}" for s, k in MULTIPART])
def test_a_multipart_upload_survives_a_fault_at_each_step(faults: FaultRig, step: str, kind: str) -> None:
    case = f"{faults.kind} {step} {kind}"
    faults.tally.tried("faults")
    data = _file(faults.tmp / "big.bin", 2 * PART + 12345)
    faults.proxy.add(step, kind, times=1, retry_after=1)
    res = faults.upload(case, faults.tmp / "big.bin", "big.bin")
    _fired(faults, step, kind)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    assert faults.summary(res)["state"] == "done"
    same_object(faults.tally, case, faults.target, faults.bucket, "big.bin", data)
    no_uploads_left(faults.tally, case, faults.target, faults.bucket)


@pytest.mark.parametrize(("step", "kind"), SMALL, ids=[f"{s}-{k}" for s, k in SMALL])
def test_a_small_upload_survives_a_fault(faults: FaultRig, step: str, kind: str) -> None:
    case = f"{faults.kind} {step} {kind}"
    faults.tally.tried("faults")
    data = _file(faults.tmp / "small.bin", 300_000)
    faults.proxy.add(step, kind)
    res = faults.upload(case, faults.tmp / "small.bin", "small.bin")
    _fired(faults, step, kind)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    same_object(faults.tally, case, faults.target, faults.bucket, "small.bin", data)


def _failed_upload(faults: FaultRig, case: str) -> tuple[int, bytes]:
    """A multipart transfer that failed on its second part, its upload id kept for a resume."""
    data = _file(faults.tmp / "f.bin", 2 * PART + 1)
    faults.proxy.add("part", "500", times=100)
    res = faults.upload(case, faults.tmp / "f.bin", "f.bin", "--retries", "0", "--concurrency", "1")
    faults.proxy.clear()
    assert res.returncode == 1, res.stdout.decode() + res.stderr.decode()
    s = faults.summary(res)
    assert (s["state"], s["error_code"]) == ("failed", "server"), s
    return int(s["id"]), data


@pytest.mark.parametrize("kind", ["reset_start", "500", "reset_end"])
def test_a_resume_survives_a_fault_on_the_part_list(faults: FaultRig, kind: str) -> None:
    case = f"{faults.kind} list_parts {kind}"
    faults.tally.tried("faults")
    tid, data = _failed_upload(faults, case)
    faults.proxy.add("list_parts", kind)
    res = faults.cli(case, "resume", str(tid), "--json")
    _fired(faults, "list_parts", kind)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    same_object(faults.tally, case, faults.target, faults.bucket, "f.bin", data)
    no_uploads_left(faults.tally, case, faults.target, faults.bucket)


@pytest.mark.parametrize("kind", ["reset_start", "500", "reset_end"])
def test_a_cancel_survives_a_fault_on_abort_and_leaves_no_upload(faults: FaultRig, kind: str) -> None:
    case = f"{faults.kind} abort {kind}"
    faults.tally.tried("faults")
    tid, _ = _failed_upload(faults, case)
    assert faults.target.uploads(faults.bucket), "the failed upload keeps its parts for a resume"
    faults.proxy.add("abort", kind)
    res = faults.cli(case, "cancel", str(tid))
    _fired(faults, "abort", kind)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    no_uploads_left(faults.tally, case, faults.target, faults.bucket)
    rows = json_events(faults.cli(case, "list", "--json").stdout)
    assert [r["state"] for r in rows if r["id"] == tid] == ["cancelled"]


@pytest.mark.parametrize("kind", ["reset_start", "500", "503"])
def test_the_stale_listing_survives_a_fault(faults: FaultRig, kind: str) -> None:
    case = f"{faults.kind} list_uploads {kind}"
    faults.tally.tried("faults")
    upload_id = faults.target.create_upload(faults.bucket, "orphan.bin")
    faults.proxy.add("list_uploads", kind)
    res = faults.cli(case, "stale", f"{PROFILE}:{faults.bucket}", "--json")
    _fired(faults, "list_uploads", kind)
    assert res.returncode == 0, res.stdout.decode() + res.stderr.decode()
    assert upload_id in res.stdout.decode()
    faults.target.abort(faults.bucket, "orphan.bin", upload_id)
