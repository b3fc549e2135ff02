"""The disk under SKYLIFT_HOME fills up while ``skylift upload`` runs, or before it starts.

Issue 15: disk full hung the CLI and it ignored Ctrl+C. Required: a clear error that names the
full disk and the way out, an exit in bounded time (Ctrl+C honoured too), transfers left paused or
failed-resumable (never done when they are not), and a resume that finishes once space is back.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from engine.errors import RETRYABLE
from engine.state import State
from engine.store import Store
from tests.helpers.cli import json_events, run_cli, start_cli
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.targets import S3Target
from tests.reliability.checks import checkpoint_kept, no_traceback, no_uploads_left, same_object
from tests.reliability.smallfs import Unavailable, fill, small_fs
from tests.reliability.tally import Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer

pytestmark = pytest.mark.integration

MiB = 1024 * 1024
#: Long enough for any sane exit; the bug this guards against never exited at all.
EXIT_WITHIN = 60.0


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Path]:
    try:
        with small_fs(tmp_path / "small", "8m") as where:
            yield where
    except Unavailable as exc:
        pytest.skip(f"no small filesystem here: {exc}")


@pytest.fixture
def env(mount: Path, cli_home: dict[str, str], weed: LocalServer) -> dict[str, str]:
    out = {**cli_home, "SKYLIFT_HOME": str(mount / "home")}
    run_cli(out, "profile", "add", "sw", "--provider", "seaweedfs", "--endpoint", weed.endpoint, check=True)
    return out


def _wait_for_part(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    for raw in proc.stdout:
        if json.loads(raw)["event"] == "part":
            return
    raise AssertionError("the upload ended before its first part")


def _said_disk_full(err: str) -> bool:
    return "is full" in err and "free space" in err and "SKYLIFT_HOME" in err and "skylift resume" in err


# A read-only turn mid-run is not among the faults: remounting read-only fails with EBUSY while
# SQLite holds the database open for writing, and chmod does not stop root (CI runs as root).
@pytest.mark.parametrize("sigint", [False, True], ids=["wait", "sigint"])
def test_disk_full_mid_upload(
    tally: Tally,
    env: dict[str, str],
    mount: Path,
    weed: LocalServer,
    tmp_path: Path,
    sigint: bool,
) -> None:
    case = f"disk full{' + SIGINT' if sigint else ''}"
    target = S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)
    bucket = target.new_bucket()
    src = tmp_path / "big.bin"
    data = os.urandom(6 * 5 * MiB + 4321)
    src.write_bytes(data)
    proc = start_cli(
        env, "upload", str(src), f"sw:{bucket}/big.bin", "--json", "--part-size", "5MiB",
        "--concurrency", "2", "--bwlimit", "8MiB/s",
    )  # fmt: skip
    _wait_for_part(proc)
    tally.tried("faults")
    filler = fill(mount)
    if sigint:
        proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    try:
        out, err = proc.communicate(timeout=EXIT_WITHIN)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"{case}: no exit within {EXIT_WITHIN} s:\n{err.decode()}") from None
    finally:
        filler.unlink()
    no_traceback(tally, case, out, err)
    said = err.decode()
    print(f"{case}: exit {proc.returncode} after {time.monotonic() - started:.1f} s: {said.strip()}")
    assert proc.returncode in ((130, 1) if sigint else (1,)), f"{case}: exit {proc.returncode}\n{said}"
    if not sigint or proc.returncode == 1:
        assert _said_disk_full(said), f"{case}: unclear message:\n{said}"
    for s in json_events(out, "summary"):
        # "done" only for an object that is really complete; anything else must be resumable.
        if s["state"] == "done":
            same_object(tally, case, target, bucket, "big.bin", data)
        else:
            assert s["state"] == "paused" or s["error_code"] in {c.value for c in RETRYABLE}, s

    store = Store(Path(env["SKYLIFT_HOME"]) / "data" / "skylift.db")
    try:
        (row,) = [t for t in store.list_transfers() if t.local_path == str(src)]
        checkpoint_kept(tally, case, store, row.id)
        if row.state is State.DONE:
            tally.lost("lost checkpoints", case, f"#{row.id} says done after a run that failed")
            raise AssertionError(f"{case}: the checkpoint says done")
    finally:
        store.close()
    res = run_cli(env, "resume", str(row.id), "--json", timeout=120)
    no_traceback(tally, case, res.stdout, res.stderr)
    assert res.returncode == 0, f"{case}: resume exited {res.returncode}: {res.stderr.decode()}"
    same_object(tally, case, target, bucket, "big.bin", data)
    no_uploads_left(tally, case, target, bucket)


@pytest.mark.parametrize("room", [0, 36 * 1024, 52 * 1024, 80 * 1024])
def test_disk_full_at_start(
    tally: Tally, env: dict[str, str], mount: Path, weed: LocalServer, tmp_path: Path, room: int
) -> None:
    """Full (or nearly: the database opens, then its first writes fail; a traceback before) before
    the run: say so and exit."""
    case = f"disk full at start, {room} bytes free"
    src = tmp_path / "f.bin"
    data = os.urandom(MiB)
    src.write_bytes(data)
    bucket = S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY).new_bucket()
    filler = fill(mount, leave=room)
    tally.tried("faults")
    try:
        res = run_cli(env, "upload", str(src), f"sw:{bucket}/f.bin", "--json", timeout=EXIT_WITHIN)
    finally:
        filler.unlink()
    said = res.stderr.decode()
    print(f"{case}: exit {res.returncode}: {said.strip()}")
    no_traceback(tally, case, res.stdout, res.stderr)
    if room and res.returncode == 0:
        # Room enough for this run's few rows: then it must simply have worked.
        same_object(tally, case, S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY), bucket, "f.bin", data)
        return
    assert res.returncode == 1, said
    assert "is full" in said and "free space" in said and "SKYLIFT_HOME" in said, said
