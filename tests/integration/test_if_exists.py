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


def test_ask_asks_on_a_terminal_and_refuses_without_one(
    tmp_path: Path, cli_home: dict[str, str], s3_backend: Any, raw_s3: Any
) -> None:
    import shlex
    import subprocess
    import sys

    from tests.helpers.env import ROOT

    bucket = "ask-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(bucket)
    root = tmp_path / "docs"
    root.mkdir()
    for name in ("a.txt", "b.txt"):
        (root / name).write_bytes(b"old " + name.encode())
    dest = f"sw:{bucket}/"
    run_cli(cli_home, "upload", str(root), dest, check=True)
    for name in ("a.txt", "b.txt"):
        (root / name).write_bytes(b"new " + name.encode())

    piped = run_cli(cli_home, "upload", str(root), dest, "--if-exists", "ask")
    assert piped.returncode == 2 and "needs a terminal" in piped.stderr.decode()

    # A real terminal (script(1) gives the command a pty): "o" overwrites a.txt, "s" skips b.txt.
    cmd = shlex.join([sys.executable, "-m", "app", "upload", str(root), dest, "--if-exists", "ask"])
    res = subprocess.run(
        ["script", "-qec", cmd, "/dev/null"],
        input=b"o\ns\n",
        env=cli_home,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    out = res.stdout.decode(errors="replace")
    assert res.returncode == 0, out
    assert out.count("[o]verwrite, [s]kip, [r]ename") == 2
    assert raw_s3.get_object(Bucket=bucket, Key="docs/a.txt")["Body"].read() == b"new a.txt"
    assert raw_s3.get_object(Bucket=bucket, Key="docs/b.txt")["Body"].read() == b"old b.txt"
