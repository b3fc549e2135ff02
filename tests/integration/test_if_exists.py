"""``--if-exists``: the command line's conflict policies, the same objects the window uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli

pytestmark = pytest.mark.integration


def test_if_exists_policies_on_a_folder_uploaded_twice(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    bucket = "ifx-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_bytes(b"a" * 10)
    (root / "b.txt").write_bytes(b"b" * 10)
    dest = f"sw:{bucket}/"
    assert run_cli(cli_home, "upload", str(root), dest).returncode == 0

    same = run_cli(cli_home, "upload", str(root), dest, "--if-exists", "skip-same")
    assert same.returncode == 0, same.stderr.decode()
    assert "2 unchanged, skipped" in same.stderr.decode()

    (root / "a.txt").write_bytes(b"changed, longer")
    changed = run_cli(cli_home, "upload", str(root), dest, "--if-exists", "skip-same")
    assert "1 unchanged, skipped" in changed.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket, Key="docs/a.txt")["Body"].read() == b"changed, longer"

    (root / "b.txt").write_bytes(b"B" * 10)  # same size, newer: skip leaves it whatever it holds
    skip = run_cli(cli_home, "upload", str(root), dest, "--if-exists", "skip")
    assert "2 existing object(s) left alone (--if-exists skip)" in skip.stderr.decode()
    assert raw_s3.get_object(Bucket=bucket, Key="docs/b.txt")["Body"].read() == b"b" * 10

    renamed = run_cli(cli_home, "upload", str(root), dest, "--if-exists", "rename")
    assert renamed.returncode == 0, renamed.stderr.decode()
    keys = {o.get("Key") for o in raw_s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {"docs/a.txt", "docs/b.txt", "docs/a (1).txt", "docs/b (1).txt"}
