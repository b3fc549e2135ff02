"""The source file changes under a transfer, while it is paused or while it uploads: modified,
truncated, deleted, replaced or growing. Each ends in a precise error and never in an object made
of two versions; ``restart`` then uploads the file as it is (or, if it is gone, says so)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.cli import json_events, paused_upload, start_cli
from tests.reliability.checks import no_object, no_traceback, no_uploads_left, same_object
from tests.reliability.faultrig import PART, PROFILE, FaultRig, make_fault_rig
from tests.reliability.tally import Tally

pytestmark = pytest.mark.integration


def _modified(p: Path) -> None:
    with p.open("r+b") as f:
        f.write(os.urandom(4096))


def _truncated(p: Path) -> None:
    os.truncate(p, p.stat().st_size // 2)


def _replaced(p: Path) -> None:
    new = p.with_suffix(".new")
    new.write_bytes(os.urandom(p.stat().st_size))
    os.replace(new, p)


def _growing(p: Path) -> None:
    with p.open("ab") as f:
        f.write(os.urandom(1 << 20))


CHANGES: dict[str, Callable[[Path], None]] = {
    "modified": _modified,
    "truncated": _truncated,
    "deleted": Path.unlink,
    "replaced": _replaced,
    "growing": _growing,
}
EXPECTED = {"deleted": "file_missing"}


@pytest.fixture
def rig(weed: object, tmp_path: Path, tally: Tally) -> Iterator[FaultRig]:
    r = make_fault_rig("s3", weed.endpoint, tmp_path, tally)  # type: ignore[attr-defined]
    yield r
    r.proxy.close()


def _after(rig: FaultRig, case: str, tid: int, change: str, src: Path) -> None:
    """The transfer failed with the precise code, no object exists; restart or cancel cleans up."""
    no_object(rig.tally, case, rig.target, rig.bucket, "src.bin")
    if change == "deleted":
        res = rig.cli(case, "restart", str(tid), "--json")
        assert res.returncode == 1, (res.stdout + res.stderr).decode()
        assert "file_missing" in res.stdout.decode()
        assert rig.cli(case, "cancel", str(tid)).returncode == 0
    else:
        res = rig.cli(case, "restart", str(tid), "--json")
        assert res.returncode == 0, (res.stdout + res.stderr).decode()
        same_object(rig.tally, case, rig.target, rig.bucket, "src.bin", src.read_bytes())
    no_uploads_left(rig.tally, case, rig.target, rig.bucket)


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_while_paused_is_caught_on_resume(rig: FaultRig, change: str) -> None:
    case = f"source {change} while paused"
    rig.tally.tried("faults")
    src = rig.tmp / "src.bin"
    src.write_bytes(os.urandom(3 * PART))
    tid = paused_upload(rig.env, str(src), f"{PROFILE}:{rig.bucket}/src.bin")
    CHANGES[change](src)
    res = rig.cli(case, "resume", str(tid), "--json")
    assert res.returncode == 1, (res.stdout + res.stderr).decode()
    (s,) = json_events(res.stdout, "summary")
    assert (s["state"], s["error_code"]) == ("failed", EXPECTED.get(change, "file_changed")), s
    _after(rig, case, tid, change, src)


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_while_uploading_stops_the_upload(rig: FaultRig, change: str) -> None:
    case = f"source {change} while uploading"
    rig.tally.tried("faults")
    src = rig.tmp / "src.bin"
    src.write_bytes(os.urandom(4 * PART))
    dest = f"{PROFILE}:{rig.bucket}/src.bin"
    args = ["upload", str(src), dest, "--json", "--part-size", "5MiB", "--bwlimit", "4MiB/s"]
    proc = start_cli(rig.env, *args, "--concurrency", "1")
    assert proc.stdout is not None
    for line in proc.stdout:
        if b'"event":"part"' in line:
            break
    CHANGES[change](src)
    out, err = proc.communicate(timeout=120)
    no_traceback(rig.tally, case, out, err)
    assert proc.returncode == 1, (out + err).decode()
    (s,) = json_events(out, "summary")
    assert (s["state"], s["error_code"]) == ("failed", EXPECTED.get(change, "file_changed")), s
    _after(rig, case, int(s["id"]), change, src)
