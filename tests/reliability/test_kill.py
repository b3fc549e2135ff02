"""kill -9 of the real uploading process at seeded random moments, then ``skylift resume`` of the
same ids: the objects hold the source bytes, no upload id is left, the checkpoint says done.

And kill -9 of a process in the middle of checkpoint writes: the database opens cleanly and holds
every write the process had been told was committed.

The moments come from ``random.Random(SEED)``; ``SKYLIFT_KILL_SEED`` replays a run, and every
failure message names the seed and the moment.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from engine.state import State
from engine.store import Store
from tests.helpers.cli import json_events, paused_upload, run_cli, start_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.oss_gateway import OssGateway
from tests.helpers.targets import OssTarget, S3Target, Target
from tests.reliability.checks import checkpoint_kept, no_traceback, no_uploads_left, same_object
from tests.reliability.kills import Moment, kill_at, moments
from tests.reliability.store_writer import BATCH
from tests.reliability.tally import Tally

if TYPE_CHECKING:
    from tests.helpers.fixtures import LocalServer

pytestmark = pytest.mark.integration

SEED = int(os.environ.get("SKYLIFT_KILL_SEED", "20261203"))
KiB, MiB = 1024, 1024 * 1024
S3_MOMENTS = 30
OSS_MOMENTS = 4
STORE_KILLS = 12


def _sources(rng: random.Random, folder: Path) -> dict[str, bytes]:
    """One file under the threshold (a single PUT) and two multipart files (2 and 3 parts)."""
    folder.mkdir()
    sizes = {
        "small.bin": rng.randrange(100 * KiB, 900 * KiB),
        "two.bin": 5 * MiB + rng.randrange(1, 2 * MiB),
        "three.bin": 10 * MiB + rng.randrange(1, 2 * MiB),
    }
    data = {name: rng.randbytes(size) for name, size in sizes.items()}
    for name, blob in data.items():
        (folder / name).write_bytes(blob)
    return data


def _run_case(
    tally: Tally, env: dict[str, str], target: Target, profile: str, case: str, moment: Moment, tmp: Path
) -> str:
    """One kill and its resume; returns where the kill landed (for the coverage line)."""
    rng = random.Random(f"{SEED}/{case}")
    folder = tmp / case
    data = _sources(rng, folder)
    bucket = target.new_bucket()
    args = ["upload", str(folder), f"{profile}:{bucket}/", "--json", "--part-size", "5MiB"]
    args += ["--threshold", "5MiB", "--concurrency", "2", "--bwlimit", "40MiB/s"]
    proc = start_cli(env, *args)
    landed, err = kill_at(proc, moment)
    tally.tried("faults")
    no_traceback(tally, case, err)

    db = Path(env["SKYLIFT_HOME"]) / "data" / "skylift.db"
    paths = {str(folder / name): name for name in data}
    store = Store(db)
    try:
        rows = [t for t in store.list_transfers() if t.local_path in paths]
        todo = [t.id for t in rows if t.state is not State.DONE]
        if todo:
            res = run_cli(env, "resume", *map(str, todo), "--json", timeout=120)
            no_traceback(tally, case, res.stdout, res.stderr)
            assert res.returncode == 0, f"{case}: resume exited {res.returncode}: {res.stderr.decode()}"
            states = {s["id"]: s["state"] for s in json_events(res.stdout, "summary")}
            assert all(states.get(i) == "done" for i in todo), f"{case}: resume ended {states}"
        # Files the killed run never queued (killed before its walk) are uploaded now, as a user
        # would: their keys must be free of leftovers all the same.
        queued = {t.local_path for t in rows}
        for path, name in paths.items():
            if path not in queued:
                run_cli(env, "upload", path, f"{profile}:{bucket}/{case}/{name}", check=True)
        for t in store.list_transfers():
            if t.local_path not in paths:
                continue
            checkpoint_kept(tally, case, store, t.id)
            if t.state is not State.DONE:
                tally.lost("lost checkpoints", case, f"#{t.id} {t.key} is {t.state.label}, not done")
                raise AssertionError(f"{case}: #{t.id} ended {t.state.label}")
    finally:
        store.close()
    for name, blob in data.items():
        same_object(tally, case, target, bucket, f"{case}/{name}", blob)
    no_uploads_left(tally, case, target, bucket)
    return landed


def _kill_cases(
    tally: Tally, env: dict[str, str], target: Target, profile: str, n: int, tmp: Path, tag: str
) -> None:
    plan = moments(random.Random(f"{SEED}/{tag}"), n)
    landed: Counter[str] = Counter()
    started = time.monotonic()
    for i, moment in enumerate(plan):
        case = f"{tag}-{i:02d}"
        try:
            landed[_run_case(tally, env, target, profile, case, moment, tmp)] += 1
        except AssertionError as exc:
            raise AssertionError(f"seed {SEED} (SKYLIFT_KILL_SEED), {case} killed {moment}: {exc}") from exc
    print(f"{tag}: {n} kills in {time.monotonic() - started:.1f} s, seed {SEED}; landed {dict(landed)}")


def test_kill9_at_random_moments_then_resume(
    tally: Tally, cli_home: dict[str, str], weed: LocalServer, tmp_path: Path
) -> None:
    target = S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)
    _kill_cases(tally, cli_home, target, "sw", S3_MOMENTS, tmp_path, "s3")


def _oss_profile(cli_home: dict[str, str], gateway: OssGateway) -> tuple[dict[str, str], OssTarget]:
    target = OssTarget(gateway.endpoint, ACCESS_KEY, SECRET_KEY, region=gateway.region)
    env = {**cli_home, **target.env}
    run_cli(
        env, "profile", "add", "oss", "--provider", "oss", "--endpoint", target.endpoint,
        *target.profile_args, check=True,
    )  # fmt: skip
    return env, target


def test_kill9_against_oss(
    tally: Tally, cli_home: dict[str, str], oss_gateway: OssGateway, tmp_path: Path
) -> None:
    env, target = _oss_profile(cli_home, oss_gateway)
    _kill_cases(tally, env, target, "oss", OSS_MOMENTS, tmp_path, "oss")


def test_kill9_during_checkpoint_writes(tally: Tally, tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}/store")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for i in range(STORE_KILLS):
        case = f"store-{i:02d}"
        db = tmp_path / f"{case}.db"
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.store_writer", str(db)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline().decode().split()
        assert ready and ready[0] == "ready", (ready, proc.stderr.read() if proc.stderr else b"")
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        tally.tried("faults")
        no_traceback(tally, case, err)
        reported = [int(x) for x in out.decode().split()]
        last = max(reported, default=0)
        where = f"seed {SEED} (SKYLIFT_KILL_SEED), {case} after {last} reported writes"
        store = Store(db)  # opening recovers the WAL; a broken file raises here
        try:
            check = store._read().execute("PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                tally.lost("lost checkpoints", case, f"integrity_check {check}")
                raise AssertionError(f"{where}: integrity_check says {check}")
            held = sorted(store.parts(int(ready[1])))
        finally:
            store.close()
        missing = sorted(set(range(1, last + 1)) - set(held))
        # The writes in flight at the kill may or may not have committed; nothing reported may be
        # missing, and nothing beyond what was in flight may exist.
        if missing or any(n > last + BATCH for n in held):
            tally.lost("lost checkpoints", case, f"missing {missing}, beyond {held[last:]}")
            raise AssertionError(f"{where}: rows missing {missing}, rows beyond the last {held[last:]}")


@pytest.mark.parametrize("kind", ["s3", "oss"])
def test_an_upload_id_the_kill_left_unrecorded_is_aborted_on_resume(
    tally: Tally, cli_home: dict[str, str], request: pytest.FixtureRequest, tmp_path: Path, kind: str
) -> None:
    """The window a random kill rarely hits (seed 20261203 hit it at 1.092 s after start on S3 and
    at 1.179 s on OSS, and an upload id leaked): the server created the upload, the process died
    before its row was written. Made exact here: a paused transfer whose row is put back to
    "asked, not recorded"."""
    case = f"unrecorded upload id ({kind})"
    env, profile = cli_home, "sw"
    target: Target = S3Target(request.getfixturevalue("weed").endpoint, ACCESS_KEY, SECRET_KEY)
    if kind == "oss":
        env, target = _oss_profile(cli_home, request.getfixturevalue("oss_gateway"))
        profile = "oss"
    bucket = target.new_bucket()
    src = tmp_path / "f.bin"
    data = os.urandom(3 * 5 * MiB + 17)
    src.write_bytes(data)
    tid = paused_upload(env, str(src), f"{profile}:{bucket}/f.bin")
    tally.tried("faults")
    store = Store(Path(cli_home["SKYLIFT_HOME"]) / "data" / "skylift.db")
    try:
        store.replace_parts(tid, []).result()
        store.update_transfer(tid, upload_id=None, upload_started_at=time.time_ns() - 1_000_000_000).result()
    finally:
        store.close()
    # A run killed between Create's answer and the row never sent a part: stand in for its upload
    # with an empty one (the paused run's own upload holds parts, which the sweep leaves alone).
    for key, upload_id in target.uploads(bucket):
        target.abort(bucket, key, upload_id)
    target.create_upload(bucket, "f.bin")
    assert len(target.uploads(bucket)) == 1
    res = run_cli(env, "resume", str(tid), "--json", timeout=120)
    no_traceback(tally, case, res.stdout, res.stderr)
    assert res.returncode == 0, res.stderr.decode()
    same_object(tally, case, target, bucket, "f.bin", data)
    no_uploads_left(tally, case, target, bucket)
