"""What the walk cannot upload is said, never skipped silently (issue 15's silent losses)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import json_events, run_cli

pytestmark = pytest.mark.integration


@pytest.fixture
def bucket_name(tmp_path: Path, s3_backend: Any) -> str:
    name = "said-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


def test_a_fifo_given_as_source_is_refused_not_uploaded_empty(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # A writer on the other end: before, the upload read its few bytes... or none, and said done.
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"data"), daemon=True)
    writer.start()
    res = run_cli(cli_home, "upload", str(fifo), f"sw:{bucket_name}/pipe")
    if writer.is_alive():
        with open(fifo, "rb") as drain:  # let the writer finish so the thread ends
            drain.read()
    assert res.returncode == 2, res.stdout.decode() + res.stderr.decode()
    assert "not a regular file (a FIFO)" in res.stderr.decode()
    assert raw_s3.list_objects_v2(Bucket=bucket_name).get("KeyCount", 0) == 0


def test_an_unreadable_subfolder_is_named_and_the_run_exits_1(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    root = tmp_path / "docs"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "secret.txt").write_bytes(b"s")
    (root / "open.txt").write_bytes(b"o")
    (root / "locked").chmod(0)
    try:
        # Without the capabilities that let root read any folder: as an ordinary user would run it.
        res = run_cli(
            cli_home,
            "upload",
            str(root),
            f"sw:{bucket_name}/",
            wrap=["setpriv", "--bounding-set", "-dac_override,-dac_read_search"],
        )
    finally:
        (root / "locked").chmod(0o755)
    err = res.stderr.decode()
    assert "locked: skipped: cannot read this folder (Permission denied)" in err
    assert "1 folder or file could not be read" in err
    keys = [o.get("Key") for o in raw_s3.list_objects_v2(Bucket=bucket_name).get("Contents", [])]
    assert keys == ["docs/open.txt"]
    assert res.returncode == 1, err


def test_unreadable_and_special_entries_in_a_folder_are_named_and_fail_the_run(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    root = tmp_path / "photos"
    (root / "ok").mkdir(parents=True)
    (root / "ok" / "a.jpg").write_bytes(b"a" * 100)
    os.mkfifo(root / "ok" / "live.fifo")
    (root / "elsewhere").mkdir()
    (root / "link-to-elsewhere").symlink_to(root / "elsewhere", target_is_directory=True)
    res = run_cli(cli_home, "upload", str(root), f"sw:{bucket_name}/", "--json")
    err = res.stderr.decode()
    assert "live.fifo: skipped: not a regular file (a FIFO)" in err
    assert "link-to-elsewhere: skipped: a symbolic link to a folder (not followed)" in err
    keys = [o.get("Key") for o in raw_s3.list_objects_v2(Bucket=bucket_name).get("Contents", [])]
    assert keys == ["photos/ok/a.jpg"]
    assert [s["state"] for s in json_events(res.stdout, "summary")] == ["done"]
    assert res.returncode == 0, err  # special files are not data: said, and the run still succeeds


def test_links_that_loop_or_dangle_are_named_and_do_not_fail_the_run(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "real.txt").write_bytes(b"r")
    (root / "loop").symlink_to(root / "loop")
    (root / "dangling").symlink_to(tmp_path / "nowhere")
    res = run_cli(cli_home, "upload", str(root), f"sw:{bucket_name}/")
    err = res.stderr.decode()
    assert "loop: skipped: a symbolic link that leads nowhere" in err
    assert "dangling: skipped: a symbolic link that leads nowhere" in err
    assert res.returncode == 0, err
    keys = [o.get("Key") for o in raw_s3.list_objects_v2(Bucket=bucket_name).get("Contents", [])]
    assert keys == ["mixed/real.txt"]


def test_a_file_name_that_is_not_utf8_is_named_and_fails_the_run(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    root = tmp_path / "names"
    root.mkdir()
    (root / "good.txt").write_bytes(b"g")
    with open(os.path.join(os.fsencode(root), b"bad-\xff.txt"), "wb") as fh:
        fh.write(b"b")
    res = run_cli(cli_home, "upload", str(root), f"sw:{bucket_name}/")
    err = res.stderr.decode(errors="replace")
    assert "skipped: the name is not valid UTF-8" in err and "Traceback" not in err
    assert res.returncode == 1, err
    keys = [o.get("Key") for o in raw_s3.list_objects_v2(Bucket=bucket_name).get("Contents", [])]
    assert keys == ["names/good.txt"]
