"""A checkpoint folder or file Skylift cannot use: a message naming it and the fix, no traceback,
and the file never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

from tests.helpers.cli import run_cli
from tests.helpers.env import ROOT


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, SKYLIFT_HOME=str(home), PYTHONPATH=str(ROOT))


def test_a_garbage_database_is_named_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "home" / "data" / "skylift.db"
    db.parent.mkdir(parents=True)
    garbage = os.urandom(5000)
    db.write_bytes(garbage)
    res = run_cli(_env(tmp_path / "home"), "list")
    err = res.stderr.decode()
    assert res.returncode == 1, err
    assert f"{db} is not a Skylift checkpoint database" in err and "left as it is" in err
    assert "Traceback" not in err
    assert db.read_bytes() == garbage


def test_skylift_home_naming_a_file_is_a_usage_error(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("x")
    res = run_cli(_env(home), "list")
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert f"SKYLIFT_HOME={home}" in err and "not a folder" in err
    assert "Traceback" not in err


def test_a_read_only_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_cli(_env(home), "list").returncode == 0
    data = home / "data"
    for p in [data, *data.iterdir()]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        res = run_cli(
            _env(home), "list", wrap=["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
        )
    finally:
        for p in [data, *data.iterdir()]:
            p.chmod(0o755 if p.is_dir() else 0o644)
    err = res.stderr.decode()
    assert res.returncode == 1, err
    assert "cannot write the checkpoint database" in err and "permissions" in err
    assert "Traceback" not in err
