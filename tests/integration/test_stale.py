"""Stale multipart uploads against a real SeaweedFS: listing, abort guards, adopt, lifecycle.

Uploads are created directly with boto3 (``raw_s3``), never through Skylift, so the listing is
checked against what the server was told, not against Skylift's own bookkeeping.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from engine.adopt import implied_part_size, verify_adoption
from engine.backends.base import Backend, NoSuchUpload, ServerPart
from engine.lifecycle import RULE_ID, lifecycle_get, lifecycle_set
from engine.stale import (
    AbortStatus,
    Owner,
    StaleUpload,
    Totals,
    abort_uploads,
    list_stale,
    plan_abort,
    select,
)
from engine.state import State
from engine.store import Store, TransferRow
from tests.helpers.cli import run_cli
from tests.helpers.rig import Rig, make_rig
from tests.helpers.s3 import upload_parts
from tests.helpers.targets import Target

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import LifecycleRuleTypeDef

    from tests.helpers.fixtures import S3Client


pytestmark = pytest.mark.integration

MiB = 1024 * 1024


def _ids(raw: S3Client, bucket: str) -> set[str]:
    return {u["UploadId"] for u in raw.list_multipart_uploads(Bucket=bucket).get("Uploads", [])}


def _lines(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def _stale(cli_home: dict[str, str], bucket: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return run_cli(cli_home, "stale", f"sw:{bucket}", *args)


# ---- listing ---------------------------------------------------------------------------------


def test_listing_counts_parts_and_bytes(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor
) -> None:
    empty = upload_parts(raw_s3, bucket, "a/empty", [])
    one = upload_parts(raw_s3, bucket, "a/one", [b"x" * 1000])
    three = upload_parts(raw_s3, bucket, "b/three", [b"1" * 300, b"2" * 300, b"3" * 7])
    got = {u.upload_id: u for u in list_stale(s3_backend, bucket, executor=pool)}
    assert {k: (u.key, u.parts, u.bytes) for k, u in got.items()} == {
        empty: ("a/empty", 0, 0),
        one: ("a/one", 1, 1000),
        three: ("b/three", 3, 607),
    }
    assert Totals.of(got.values()) == Totals(uploads=3, parts=4, bytes=1607, owned=0)
    under_a = [u.upload_id for u in list_stale(s3_backend, bucket, "a/", executor=pool)]
    assert sorted(under_a) == sorted([empty, one])


def test_listing_pages_past_1000_uploads(s3_backend: Backend, raw_s3: S3Client, bucket: str) -> None:
    n = 1050

    def make(i: int) -> str:
        # Every 50th upload holds one tiny part, so sizing is checked across pages too.
        return upload_parts(raw_s3, bucket, f"many/{i:05d}", [b"p" * 10] if i % 50 == 0 else [])

    # raw_s3 keeps 10 pooled connections; more threads would only churn sockets.
    with ThreadPoolExecutor(max_workers=10) as ex:
        made = set(ex.map(make, range(n)))
    seen: list[tuple[int, int]] = []
    with ThreadPoolExecutor(max_workers=8) as ex:
        got = list(list_stale(s3_backend, bucket, executor=ex, on_progress=lambda a, b: seen.append((a, b))))
    assert len(got) == n
    assert {u.upload_id for u in got} == made
    assert sum(u.bytes for u in got) == 10 * len(range(0, n, 50))
    assert seen[-1] == (n, n)


def test_listing_can_be_cancelled(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor
) -> None:
    for i in range(20):
        upload_parts(raw_s3, bucket, f"c/{i}", [])
    stop = threading.Event()
    it = list_stale(s3_backend, bucket, executor=pool, cancel=stop, window=4)
    first = next(it)
    stop.set()
    assert isinstance(first, StaleUpload)
    assert list(it) == []


def test_parts_of_one_upload(s3_backend: Backend, raw_s3: S3Client, bucket: str) -> None:
    data = [b"a" * 123, b"b" * 45]
    uid = upload_parts(raw_s3, bucket, "p/x", data)
    parts = s3_backend.list_parts(bucket, "p/x", uid)
    assert [(p.number, p.size, p.etag) for p in parts] == [
        (n, len(d), hashlib.md5(d).hexdigest()) for n, d in enumerate(data, 1)
    ]
    assert all(p.last_modified is not None for p in parts)


def test_cli_parts_of_one_upload(cli_home: dict[str, str], raw_s3: S3Client, bucket: str) -> None:
    data = [b"a" * 123, b"b" * 45]
    uid = upload_parts(raw_s3, bucket, "p/cli", data)
    proc = _stale(cli_home, bucket, "--parts", uid, "--json")
    assert proc.returncode == 0, proc.stderr
    got = _lines(proc.stdout)
    assert [(o["part"], o["bytes"], o["etag"]) for o in got] == [
        (n, len(d), hashlib.md5(d).hexdigest()) for n, d in enumerate(data, 1)
    ]
    assert all(o["last_modified"] for o in got)
    text = _stale(cli_home, bucket, "--parts", uid).stdout.decode()
    assert f"p/cli  {uid}: 2 part(s)" in text
    assert _stale(cli_home, bucket, "--parts", "no-such-id").returncode == 1


def test_older_than_uses_the_servers_initiated_time(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor
) -> None:
    uid = upload_parts(raw_s3, bucket, "old/x", [])
    (initiated,) = [u["Initiated"] for u in raw_s3.list_multipart_uploads(Bucket=bucket)["Uploads"]]
    week = timedelta(days=7)
    just_older = initiated + week + timedelta(seconds=1)
    just_younger = initiated + week - timedelta(seconds=1)
    kept = list_stale(s3_backend, bucket, executor=pool, min_age=week, now=just_older)
    assert [u.upload_id for u in kept] == [uid]
    assert list(list_stale(s3_backend, bucket, executor=pool, min_age=week, now=just_younger)) == []
    listed = list(list_stale(s3_backend, bucket, executor=pool))
    assert select(listed, older_than=week, now=just_older)[0] == listed
    assert select(listed, older_than=week, now=just_younger)[0] == []


def test_cli_older_than_filters_listing_and_abort(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str
) -> None:
    uid = upload_parts(raw_s3, bucket, "fresh/x", [b"1" * 10])
    (initiated,) = [u["Initiated"] for u in raw_s3.list_multipart_uploads(Bucket=bucket)["Uploads"]]
    from engine.stale import utcnow

    age = utcnow() - initiated
    older = f"{int(age.total_seconds()) + 3600}s"
    proc = _stale(cli_home, bucket, "--older-than", older, "--json")
    assert proc.returncode == 0, proc.stderr
    assert _lines(proc.stdout) == []
    proc = _stale(cli_home, bucket, "--abort", "--older-than", older, "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    assert _lines(proc.stdout)[-1] == {"action": "abort", "summary": True, "aborted": 0, "bytes_freed": 0}
    assert _ids(raw_s3, bucket) == {uid}
    proc = _stale(cli_home, bucket, "--older-than", "0s", "--json")
    assert [o["upload_id"] for o in _lines(proc.stdout)] == [uid]


# ---- abort -----------------------------------------------------------------------------------


def test_cli_dry_run_deletes_nothing(cli_home: dict[str, str], raw_s3: S3Client, bucket: str) -> None:
    a = upload_parts(raw_s3, bucket, "d/a", [b"a" * 100])
    b = upload_parts(raw_s3, bucket, "d/b", [b"b" * 50])
    proc = _stale(cli_home, bucket, "--abort", "--upload-id", a, b, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode()
    assert sorted(line.split()[3] for line in text.splitlines() if line.startswith("would abort ")) == sorted(
        [a, b]
    )
    assert "freeing 150 B (150 bytes); nothing changed" in text
    assert _ids(raw_s3, bucket) == {a, b}
    assert len(raw_s3.list_parts(Bucket=bucket, Key="d/a", UploadId=a)["Parts"]) == 1


def test_cli_abort_removes_exactly_the_chosen_ids(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str
) -> None:
    a = upload_parts(raw_s3, bucket, "e/a", [b"a" * 100])
    b = upload_parts(raw_s3, bucket, "e/b", [b"b" * 20, b"c" * 5])
    keep = upload_parts(raw_s3, bucket, "e/keep", [b"k" * 7])
    proc = _stale(cli_home, bucket, "--abort", "--upload-id", a, "--upload-id", b, "--yes", "--json")
    assert proc.returncode == 0, proc.stderr
    out = _lines(proc.stdout)
    assert sorted((o["upload_id"], o["status"]) for o in out[:-1]) == sorted([(a, "aborted"), (b, "aborted")])
    assert out[-1] == {"action": "abort", "summary": True, "aborted": 2, "bytes_freed": 125}
    assert _ids(raw_s3, bucket) == {keep}


def test_cli_abort_without_confirmation_is_refused(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str
) -> None:
    a = upload_parts(raw_s3, bucket, "f/a", [])
    proc = _stale(cli_home, bucket, "--abort", "--upload-id", a)
    assert proc.returncode == 2
    assert b"--yes" in proc.stderr
    assert _ids(raw_s3, bucket) == {a}


def _own(cli_home: dict[str, str], bucket: str, key: str, uid: str, state: State, path: str) -> int:
    store = Store(Path(cli_home["SKYLIFT_HOME"]) / "data" / "skylift.db")
    try:
        row = TransferRow("sw", path, 100, 0, bucket, key, 5 * MiB, True, state=state, upload_id=uid)
        (tid,) = store.add_transfers([row])
    finally:
        store.close()
    return tid


def test_cli_refuses_to_abort_an_owned_upload(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str, tmp_path: Path
) -> None:
    owned = upload_parts(raw_s3, bucket, "g/owned", [b"o" * 10])
    orphan = upload_parts(raw_s3, bucket, "g/orphan", [b"x" * 3])
    tid = _own(cli_home, bucket, "g/owned", owned, State.PAUSED, str(tmp_path / "f.bin"))
    listing = {o["upload_id"]: o for o in _lines(_stale(cli_home, bucket, "--json").stdout)}
    assert listing[owned]["owned"] == tid
    assert listing[owned]["owner_state"] == "paused"
    assert listing[orphan]["owned"] is None

    proc = _stale(cli_home, bucket, "--abort", "--upload-id", owned, "--yes", "--json")
    assert proc.returncode == 1
    (refusal, summary) = _lines(proc.stdout)
    assert (refusal["status"], refusal["owned"]) == ("refused_owned", tid)
    assert summary["aborted"] == 0
    assert _ids(raw_s3, bucket) == {owned, orphan}

    # By age, the owned upload is kept and the orphan goes.
    proc = _stale(cli_home, bucket, "--abort", "--older-than", "0s", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "refused owned" in proc.stdout.decode()
    assert _ids(raw_s3, bucket) == {owned}


def test_finished_owner_does_not_block_and_a_running_one_does(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor
) -> None:
    a = upload_parts(raw_s3, bucket, "h/a", [])
    b = upload_parts(raw_s3, bucket, "h/b", [])
    owners = {a: Owner(1, State.CANCELLED, "/x"), b: Owner(2, State.RUNNING, "/y")}
    listed = list(list_stale(s3_backend, bucket, owners=owners, executor=pool))
    plan = plan_abort(s3_backend, bucket, listed)
    assert [u.upload_id for u in plan.refused] == [b]
    # The checkpoint changed after planning: a transfer took the other id too.
    now_owned = {**owners, a: Owner(3, State.QUEUED, "/z")}
    result = abort_uploads(s3_backend, bucket, plan, now_owned, confirm_warnings=True)
    assert {o.upload.upload_id: o.status for o in result.outcomes} == {
        a: AbortStatus.REFUSED_OWNED,
        b: AbortStatus.REFUSED_OWNED,
    }
    assert _ids(raw_s3, bucket) == {a, b}


def test_head_guard_warns_when_the_object_is_newer(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor, cli_home: dict[str, str]
) -> None:
    uid = upload_parts(raw_s3, bucket, "k/done", [b"z" * 10])
    raw_s3.put_object(Bucket=bucket, Key="k/done", Body=b"finished object")
    listed = list(list_stale(s3_backend, bucket, executor=pool))
    plan = plan_abort(s3_backend, bucket, listed)
    assert [i.upload.upload_id for i in plan.warned] == [uid]
    assert plan.warned[0].newer_object is not None and plan.warned[0].newer_object.size == 15

    proc = _stale(cli_home, bucket, "--abort", "--upload-id", uid, "--dry-run")
    assert b"WARNING: object 'k/done' was written" in proc.stdout

    result = abort_uploads(s3_backend, bucket, plan, {}, confirm_warnings=False)
    assert [o.status for o in result.outcomes] == [AbortStatus.NEEDS_CONFIRMATION]
    assert _ids(raw_s3, bucket) == {uid}
    result = abort_uploads(s3_backend, bucket, plan, {}, confirm_warnings=True)
    assert [o.status for o in result.outcomes] == [AbortStatus.ABORTED]
    assert result.reappeared == []
    assert _ids(raw_s3, bucket) == set()
    with pytest.raises(NoSuchUpload):
        s3_backend.list_parts(bucket, "k/done", uid)
    assert raw_s3.get_object(Bucket=bucket, Key="k/done")["Body"].read() == b"finished object"


def test_head_guard_compares_the_objects_time_with_the_initiation(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, pool: ThreadPoolExecutor
) -> None:
    upload_parts(raw_s3, bucket, "m/x", [])
    raw_s3.put_object(Bucket=bucket, Key="m/x", Body=b"obj")
    written = raw_s3.head_object(Bucket=bucket, Key="m/x")["LastModified"]
    (listed,) = list(list_stale(s3_backend, bucket, executor=pool))
    # The server stamps both in whole seconds, so place the initiation around the object's time.
    later = replace(listed, initiated=written + timedelta(seconds=1))
    same = replace(listed, initiated=written)
    plan = plan_abort(s3_backend, bucket, [later, same])
    assert [i.upload.initiated for i in plan.warned] == [written]


# ---- adopt -----------------------------------------------------------------------------------


@pytest.fixture
def half_upload(raw_s3: S3Client, bucket: str, tmp_path: Path) -> tuple[str, str, Path, bytes]:
    """A 12 MiB file whose first two 5 MiB parts are on the server; part 3 is missing."""
    data = os.urandom(12 * MiB)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    uid = upload_parts(raw_s3, bucket, "adopt/big.bin", [data[: 5 * MiB], data[5 * MiB : 10 * MiB]])
    return "adopt/big.bin", uid, path, data


def test_cli_adopt_uploads_only_the_missing_part(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str, half_upload: tuple[str, str, Path, bytes]
) -> None:
    key, uid, path, data = half_upload
    proc = _stale(cli_home, bucket, "--adopt", uid, "--file", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    out = _lines(proc.stdout)
    assert out[0]["action"] == "adopt" and out[0]["ok"] is True
    assert (out[0]["parts_verified"], out[0]["bytes_verified"]) == (2, 10 * MiB)
    (summary,) = [o for o in out if o.get("event") == "summary"]
    assert summary["state"] == "done"
    assert summary["bytes_sent"] == 2 * MiB
    assert raw_s3.get_object(Bucket=bucket, Key=key)["Body"].read() == data
    assert _ids(raw_s3, bucket) == set()


def test_cli_adopt_refuses_a_file_that_differs_in_one_byte(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str, half_upload: tuple[str, str, Path, bytes]
) -> None:
    key, uid, path, data = half_upload
    wrong = bytearray(data)
    wrong[5 * MiB + 12345] ^= 0x01
    path.write_bytes(wrong)
    proc = _stale(cli_home, bucket, "--adopt", uid, "--file", str(path), "--json")
    assert proc.returncode == 1
    (report,) = _lines(proc.stdout)
    assert (report["ok"], report["problem"], report["part"]) == (False, "mismatch", 2)
    assert _ids(raw_s3, bucket) == {uid}
    assert len(raw_s3.list_parts(Bucket=bucket, Key=key, UploadId=uid)["Parts"]) == 2
    assert _lines(run_cli(cli_home, "list", "--json").stdout) == []


def test_adopt_checks_size_plausibility(
    s3_backend: Backend, bucket: str, half_upload: tuple[str, str, Path, bytes]
) -> None:
    key, uid, path, data = half_upload
    path.write_bytes(data[: 8 * MiB])  # shorter than the two parts on the server
    report = verify_adoption(s3_backend, bucket, key, uid, str(path))
    assert report.problem is not None and report.problem.value == "size"
    assert "covers" in report.detail or "only" in report.detail


def test_adopt_reads_a_lone_last_part_by_its_bytes(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, tmp_path: Path
) -> None:
    data = os.urandom(12 * MiB)
    path = tmp_path / "tail.bin"
    path.write_bytes(data)
    uid = str(raw_s3.create_multipart_upload(Bucket=bucket, Key="tail")["UploadId"])
    raw_s3.upload_part(Bucket=bucket, Key="tail", UploadId=uid, PartNumber=3, Body=data[10 * MiB :])
    report = verify_adoption(s3_backend, bucket, "tail", uid, str(path))
    assert (report.ok, report.part_size) == (True, 5 * MiB)


def test_adopt_refuses_an_owned_upload(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str, half_upload: tuple[str, str, Path, bytes]
) -> None:
    key, uid, path, _ = half_upload
    tid = _own(cli_home, bucket, key, uid, State.FAILED, str(path))
    proc = _stale(cli_home, bucket, "--adopt", uid, "--file", str(path))
    assert proc.returncode == 2
    assert f"transfer #{tid} (failed) already owns this upload".encode() in proc.stderr


def test_implied_part_size() -> None:
    def sp(*sizes: tuple[int, int]) -> list[ServerPart]:
        return [ServerPart(n, s, "") for n, s in sizes]

    assert implied_part_size(sp((1, 10), (2, 10), (3, 4)), 24) == (10, "")
    assert implied_part_size(sp((1, 10), (3, 10)), 35) == (10, "")
    assert implied_part_size(sp((2, 10)), 25) == (10, "")
    # A lone part 3 may be full (5-byte parts) or the short last of 10-byte parts: both fit, and
    # verify_adoption lets the bytes decide.
    assert implied_part_size(sp((3, 5)), 25) == (5, "")
    assert implied_part_size(sp((3, 5)), 12)[0] == 0
    assert implied_part_size(sp((1, 10), (2, 9), (3, 4)), 23)[0] == 0
    assert implied_part_size(sp((1, 10), (2, 4)), 30)[0] == 0
    assert implied_part_size(sp((1, 10), (2, 10)), 15)[0] == 0


# ---- lifecycle -------------------------------------------------------------------------------


def test_lifecycle_rule_is_set_shown_and_removed(
    s3_backend: Backend, raw_s3: S3Client, bucket: str, cli_home: dict[str, str]
) -> None:
    other: LifecycleRuleTypeDef = {
        "ID": "keep-me",
        "Status": "Enabled",
        "Filter": {"Prefix": "tmp/"},
        "Expiration": {"Days": 30},
    }
    raw_s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [other]})
    assert lifecycle_get(s3_backend, bucket).days is None
    status = lifecycle_set(s3_backend, bucket, 3)
    assert (status.supported, status.days, status.rule_id) == (True, 3, RULE_ID)
    ids = [r["ID"] for r in raw_s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]]
    assert sorted(ids) == sorted(["keep-me", RULE_ID])
    proc = _stale(cli_home, bucket, "--lifecycle")
    assert b"aborted after 3 day(s)" in proc.stdout
    proc = _stale(cli_home, bucket, "--set-lifecycle", "off", "--json")
    assert _lines(proc.stdout) == [{"action": "lifecycle", "supported": True, "days": None, "rule": None}]
    ids = [r["ID"] for r in raw_s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]]
    assert ids == ["keep-me"]


# ---- the same checks on every target (SeaweedFS and the OSS gateway) --------------------------


@pytest.fixture
def rig(tmp_path: Path, target: Target, pool: ThreadPoolExecutor) -> Iterator[Rig]:
    r = make_rig(tmp_path, target, pool)
    yield r
    r.close()


def test_matrix_listing_abort_and_dry_run(rig: Rig, pool: ThreadPoolExecutor) -> None:
    t, b, backend = rig.target, rig.bucket, rig.backend
    made = {}
    for key, sizes in (("x/none", []), ("x/one", [1000]), ("y/three", [300, 300, 7])):
        uid = t.create_upload(b, key)
        for n, size in enumerate(sizes, 1):
            t.put_part(b, key, uid, n, bytes([n]) * size)
        made[uid] = (key, len(sizes), sum(sizes))
    listed = list(list_stale(backend, b, executor=pool))
    assert {u.upload_id: (u.key, u.parts, u.bytes) for u in listed} == made
    assert sorted(u.upload_id for u in list_stale(backend, b, "x/", executor=pool)) == sorted(
        uid for uid, (key, _, _) in made.items() if key.startswith("x/")
    )
    chosen, missing = select(listed, ids=[u.upload_id for u in listed if u.key != "y/three"] + ["nope"])
    assert missing == ["nope"]
    plan = plan_abort(backend, b, chosen)
    assert plan.bytes == 1000 and plan.warned == []
    # The plan alone (a dry run) changes nothing on the server.
    assert sorted(uid for _, uid in t.uploads(b)) == sorted(made)
    result = abort_uploads(backend, b, plan, {}, executor=pool)
    assert {o.status for o in result.outcomes} == {AbortStatus.ABORTED}
    assert result.bytes_freed == 1000 and result.reappeared == []
    assert [key for key, _ in t.uploads(b)] == ["y/three"]


def test_matrix_pagination_past_1000(rig: Rig) -> None:
    t, b = rig.target, rig.bucket
    n = 1010
    with ThreadPoolExecutor(max_workers=8) as ex:
        made = set(ex.map(lambda i: t.create_upload(b, f"page/{i:05d}"), range(n)))
    with ThreadPoolExecutor(max_workers=8) as ex:
        got = [u.upload_id for u in list_stale(rig.backend, b, executor=ex)]
    assert len(got) == n and set(got) == made


def test_matrix_adopt_verifies_parts_and_resumes_with_the_missing_one(rig: Rig, tmp_path: Path) -> None:
    t, b, part = rig.target, rig.bucket, rig.part_size
    data = os.urandom(2 * part + part // 2)
    path = tmp_path / "adopt.bin"
    key = "adopt/file.bin"
    uid = t.create_upload(b, key)
    for n in (1, 2):
        t.put_part(b, key, uid, n, data[(n - 1) * part : n * part])

    wrong = bytearray(data)
    wrong[part + 7] ^= 0x80
    path.write_bytes(wrong)
    report = verify_adoption(rig.backend, b, key, uid, str(path))
    assert (report.ok, report.mismatch_part) == (False, 2)

    path.write_bytes(data)
    report = verify_adoption(rig.backend, b, key, uid, str(path))
    assert (report.ok, report.part_size, report.bytes_present) == (True, part, 2 * part)
    # What StaleService.adopt does next: a paused transfer on the orphan id, resumed.
    row = rig.row(path, key, upload_id=uid, part_size=report.part_size, state=State.PAUSED)
    (tid,) = rig.store.add_transfers([row])
    rig.engine.load([tid])
    rig.engine.resume([tid])
    assert rig.run(tid).state is State.DONE
    assert rig.sent(tid) == len(data) - 2 * part
    assert t.get(b, key) == data


class _OssLifecycleBucket:
    """Keeps the lifecycle XML oss2 would send and parses it back with oss2, as Aliyun answers:
    the OSS gateway stands in for objects and uploads, not for lifecycle rules."""

    def __init__(self) -> None:
        self.xml: bytes | None = None

    def get_bucket_lifecycle(self) -> Any:
        import types

        import oss2

        if self.xml is None:
            raise oss2.exceptions.NoSuchLifecycle(404, {}, b"", {"Code": "NoSuchLifecycle"})
        result = types.SimpleNamespace(rules=[])
        oss2.xml_utils.parse_get_bucket_lifecycle(result, self.xml)
        return result

    def put_bucket_lifecycle(self, lifecycle: Any) -> None:
        import oss2

        self.xml = oss2.xml_utils.to_put_bucket_lifecycle(lifecycle)

    def delete_bucket_lifecycle(self) -> None:
        self.xml = None


def test_oss_lifecycle_rule_round_trips_through_oss2_xml(monkeypatch: pytest.MonkeyPatch) -> None:
    from oss2.models import BucketLifecycle, LifecycleExpiration, LifecycleRule

    from engine.backends.oss import OssBackend
    from engine.providers import get_provider

    fake = _OssLifecycleBucket()
    backend = OssBackend(get_provider("oss"), "", "cn-hangzhou", "id", "secret")
    monkeypatch.setattr(backend, "_bucket", lambda name: fake)
    assert lifecycle_get(backend, "b").days is None
    other = LifecycleRule("keep", "tmp/", status="Enabled", expiration=LifecycleExpiration(days=30))
    fake.put_bucket_lifecycle(BucketLifecycle([other]))
    status = lifecycle_set(backend, "b", 5)
    assert (status.supported, status.days, status.rule_id) == (True, 5, RULE_ID)
    assert fake.xml is not None and b"<AbortMultipartUpload><Days>5</Days>" in fake.xml
    assert b"<ID>keep</ID>" in fake.xml
    assert lifecycle_set(backend, "b", None).days is None
    assert fake.xml is not None and RULE_ID.encode() not in fake.xml


def test_parts_that_reappear_after_abort_are_reported(
    s3_backend: Backend,
    raw_s3: S3Client,
    bucket: str,
    pool: ThreadPoolExecutor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uid = upload_parts(raw_s3, bucket, "r/x", [b"1" * 10, b"2" * 10])
    listed = list(list_stale(s3_backend, bucket, executor=pool))
    # As if the server accepted the abort while two part uploads were still landing.
    monkeypatch.setattr(s3_backend, "abort", lambda bucket, key, upload_id: None)
    result = abort_uploads(s3_backend, bucket, plan_abort(s3_backend, bucket, listed), {})
    (outcome,) = result.reappeared
    assert outcome.upload.upload_id == uid
    assert [p.number for p in outcome.reappeared] == [1, 2]


def test_cli_price_is_saved_per_profile_and_prices_the_total(
    cli_home: dict[str, str], raw_s3: S3Client, bucket: str
) -> None:
    upload_parts(raw_s3, bucket, "cost/x", [b"c" * 1024])
    proc = _stale(cli_home, bucket, "--price-per-gb-month", "1048576")
    assert proc.returncode == 0, proc.stderr
    # 1 KiB at 2**20 per GiB-month is exactly 1 per month.
    assert "est. 1.0000/month at 1.04858e+06 per GB-month" in proc.stdout.decode()
    again = _stale(cli_home, bucket).stdout.decode()
    assert "at 1.04858e+06 per GB-month" in again
