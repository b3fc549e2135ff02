"""Bad input on the local side: sources that are not plain readable files, files that change or
vanish, huge sparse files, standard input that ends early, and checkpoint folders Skylift cannot
use. What cannot be uploaded is said, never skipped silently, and nothing is lost."""

from __future__ import annotations

import json
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from engine.store import Store
from tests.helpers.cli import json_events, paused_upload, run_cli, start_cli
from tests.helpers.env import ACCESS_KEY, ROOT, SECRET_KEY
from tests.helpers.targets import S3Target
from tests.reliability.checks import checkpoint_kept, no_object, no_traceback, no_uploads_left, said
from tests.reliability.tally import Tally

pytestmark = pytest.mark.integration
MiB = 1024 * 1024
GiB = 1024 * MiB
#: Runs the CLI without the capabilities that let root read anything: as an ordinary user would.
AS_USER = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.fixture
def s3(weed: object) -> S3Target:
    return S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)  # type: ignore[attr-defined]


@pytest.fixture
def bucket(s3: S3Target) -> str:
    return s3.new_bucket()


def _keys(s3: S3Target, bucket: str) -> list[str]:
    return [o["Key"] for o in s3.raw.list_objects_v2(Bucket=bucket).get("Contents", [])]


def _store(env: dict[str, str]) -> Iterator[Store]:
    store = Store(Path(env["SKYLIFT_HOME"]) / "data" / "skylift.db")
    yield store
    store.close()


def test_a_fifo_given_as_source_is_refused_not_uploaded_empty(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # A writer on the other end: before, the upload read its few bytes... or none, and said done.
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"data"), daemon=True)
    writer.start()
    res = run_cli(module_home, "upload", str(fifo), f"sw:{bucket}/pipe")
    if writer.is_alive():
        with open(fifo, "rb") as drain:  # let the writer finish so the thread ends
            drain.read()
    said(tally, "fifo as source", res, 2, "not a regular file (a FIFO)", "skylift upload - DEST")
    no_object(tally, "fifo as source", s3, bucket, "pipe")


def test_a_folder_where_a_file_is_needed_is_refused(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    upload_id = s3.create_upload(bucket, "big.bin")
    res = run_cli(module_home, "stale", f"sw:{bucket}", "--adopt", upload_id, "--file", str(tmp_path))
    said(tally, "folder for --file", res, 2, "is a folder", "--file needs the local file")
    assert s3.uploads(bucket) == [("big.bin", upload_id)], "the orphan is left as it was"
    s3.abort(bucket, "big.bin", upload_id)


def test_an_unreadable_file_is_named_and_the_run_exits_1(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    src = tmp_path / "locked.bin"
    src.write_bytes(b"s" * 100)
    src.chmod(0)
    res = run_cli(module_home, "upload", str(src), f"sw:{bucket}/locked.bin", wrap=AS_USER)
    said(tally, "unreadable file", res, 1, "locked.bin", "Permission denied", "permissions")
    no_object(tally, "unreadable file", s3, bucket, "locked.bin")


def test_an_unreadable_subfolder_is_named_and_the_run_exits_1(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    root = tmp_path / "docs"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "secret.txt").write_bytes(b"s")
    (root / "open.txt").write_bytes(b"o")
    (root / "locked").chmod(0)
    try:
        res = run_cli(module_home, "upload", str(root), f"sw:{bucket}/", wrap=AS_USER)
    finally:
        (root / "locked").chmod(0o755)
    said(
        tally,
        "unreadable subfolder",
        res,
        1,
        "locked: skipped: cannot read this folder (Permission denied)",
        "1 folder or file could not be uploaded",
        "fix their permissions",
    )
    assert _keys(s3, bucket) == ["docs/open.txt"]


def test_special_files_and_links_in_a_folder_are_named_and_the_data_uploaded(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    """FIFOs, devices, loops, dangling links, links to folders: no data of their own to lose,
    so they are said and the run still succeeds."""
    tally.tried("bad inputs", 4)
    root = tmp_path / "photos"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "a.jpg").write_bytes(b"a" * 100)
    os.mkfifo(root / "ok" / "live.fifo")
    (root / "ok" / "null").symlink_to("/dev/null")  # a character device, as a link finds it
    (root / "elsewhere").mkdir()
    (root / "link-to-elsewhere").symlink_to(root / "elsewhere", target_is_directory=True)
    (root / "loop").symlink_to(root / "loop")
    (root / "dangling").symlink_to(tmp_path / "nowhere")
    res = run_cli(module_home, "upload", str(root), f"sw:{bucket}/", "--json")
    said(
        tally,
        "special files and links in a folder",
        res,
        0,
        "live.fifo: skipped: not a regular file (a FIFO)",
        "null: skipped: not a regular file (a character device)",
        "link-to-elsewhere: skipped: a symbolic link to a folder (not followed)",
        "loop: skipped: a symbolic link that leads nowhere",
        "dangling: skipped: a symbolic link that leads nowhere",
    )
    assert _keys(s3, bucket) == ["photos/ok/a.jpg"]
    assert [s["state"] for s in json_events(res.stdout, "summary")] == ["done"]


def test_a_file_that_vanished_before_resume_fails_and_keeps_its_checkpoint(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    src = tmp_path / "gone.bin"
    src.write_bytes(os.urandom(12 * MiB))
    tid = paused_upload(module_home, str(src), f"sw:{bucket}/gone.bin")
    src.unlink()
    res = run_cli(module_home, "resume", str(tid), "--json")
    said(tally, "vanished file", res, 1, "file_missing", str(src), f"skylift cancel {tid}")
    no_object(tally, "vanished file", s3, bucket, "gone.bin")
    for store in _store(module_home):
        checkpoint_kept(tally, "vanished file", store, tid)
        row = store.get_transfer(tid)
        assert row is not None and row.upload_id, "the upload id is kept: the file may come back"


@pytest.mark.parametrize("where", ["file", "folder"])
def test_an_empty_file_uploads_as_an_empty_object(
    where: str, tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    (tmp_path / "d").mkdir()
    empty = tmp_path / "d" / "empty.txt"
    empty.touch()
    src, key = (empty, "empty.txt") if where == "file" else (tmp_path / "d", "d/empty.txt")
    res = run_cli(module_home, "upload", str(src), f"sw:{bucket}/", "--json")
    said(tally, f"0-byte {where}", res, 0)
    assert s3.get(bucket, key) == b""


def test_a_sparse_50_gib_file_is_planned_within_10000_parts(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    """5 MiB parts would need 10,240: the plan grows them. Only the first bytes are sent."""
    tally.tried("bad inputs")
    src = tmp_path / "sparse.bin"
    with open(src, "wb") as fh:
        os.truncate(fh.fileno(), 50 * GiB)
    proc = start_cli(
        module_home,
        "upload",
        str(src),
        f"sw:{bucket}/sparse.bin",
        "--json",
        "--part-size",
        "5MiB",
        "--bwlimit",
        "256KiB/s",
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if json.loads(line)["event"] == "progress":
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    no_traceback(tally, "sparse 50 GiB", out, err)
    assert proc.returncode == 130, err.decode()
    rows = [json.loads(x) for x in run_cli(module_home, "list", "--json", check=True).stdout.splitlines()]
    (row,) = [r for r in rows if r["path"] == str(src)]
    assert row["part_size"] == 6 * MiB and -(-row["size"] // row["part_size"]) <= 10_000, row
    for store in _store(module_home):
        checkpoint_kept(tally, "sparse 50 GiB", store, row["id"])
    said(tally, "sparse 50 GiB", run_cli(module_home, "cancel", str(row["id"])), 0)
    no_uploads_left(tally, "sparse 50 GiB", s3, bucket)
    no_object(tally, "sparse 50 GiB", s3, bucket, "sparse.bin")


@pytest.mark.parametrize(("case", "data"), [("stdin empty", b""), ("stdin closed early", b"half a line")])
def test_standard_input_that_ends_is_uploaded_as_what_came_and_said(
    case: str, data: bytes, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    """A pipe carries no length: its end is the end of the data, however early. What came is
    the object (empty too, as ``aws s3 cp -`` makes it), and its size is said."""
    tally.tried("bad inputs")
    res = run_cli(module_home, "upload", "-", f"sw:{bucket}/in.bin", "--json", input=data)
    said(tally, case, res, 0, f"standard input ended after {len(data)} bytes")
    assert s3.get(bucket, "in.bin") == data
    no_uploads_left(tally, case, s3, bucket)


def test_standard_input_from_a_terminal_is_refused_not_waited_on(
    module_home: dict[str, str], tally: Tally
) -> None:
    tally.tried("bad inputs")
    master, slave = pty.openpty()
    try:
        res = subprocess.run(
            [sys.executable, "-m", "app", "upload", "-", "sw:bkt/in.bin"],
            env=module_home,
            cwd=ROOT,
            stdin=slave,
            capture_output=True,
            timeout=60,
        )
    finally:
        os.close(slave)
        os.close(master)
    said(tally, "stdin a terminal", res, 2, "standard input is a terminal", "pipe the data in")


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, SKYLIFT_HOME=str(home), PYTHONPATH=str(ROOT))


def test_a_garbage_database_is_named_and_left_untouched(tmp_path: Path, tally: Tally) -> None:
    tally.tried("bad inputs")
    db = tmp_path / "home" / "data" / "skylift.db"
    db.parent.mkdir(parents=True)
    garbage = os.urandom(5000)
    db.write_bytes(garbage)
    res = run_cli(_env(tmp_path / "home"), "list")
    said(tally, "garbage database", res, 1, f"{db} is not a Skylift checkpoint database", "left as it is")
    assert db.read_bytes() == garbage


def test_a_database_from_a_newer_skylift_is_refused_and_never_touched(tmp_path: Path, tally: Tally) -> None:
    tally.tried("bad inputs")
    home = tmp_path / "home"
    assert run_cli(_env(home), "list").returncode == 0
    db = home / "data" / "skylift.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version=99")
    con.close()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in db.parent.iterdir()}
    res = run_cli(_env(home), "list")
    said(tally, "newer schema", res, 1, "written by a newer Skylift (schema 99", "Upgrade Skylift")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in db.parent.iterdir()}
    assert after == before, "the newer database and its folder are left exactly as they were"


def test_skylift_home_naming_a_file_is_a_usage_error(tmp_path: Path, tally: Tally) -> None:
    tally.tried("bad inputs")
    home = tmp_path / "not-a-folder"
    home.write_text("x")
    res = run_cli(_env(home), "list")
    said(tally, "home is a file", res, 2, f"SKYLIFT_HOME={home}", "not a folder", "point it at a folder")


def test_a_read_only_data_folder_is_a_clear_error(tmp_path: Path, tally: Tally) -> None:
    tally.tried("bad inputs")
    home = tmp_path / "home"
    assert run_cli(_env(home), "list").returncode == 0
    data = home / "data"
    for p in [data, *data.iterdir()]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        res = run_cli(_env(home), "list", wrap=AS_USER)
    finally:
        for p in [data, *data.iterdir()]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    said(tally, "read-only data folder", res, 1, "cannot write the checkpoint database", "permissions")
