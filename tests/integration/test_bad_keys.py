"""Keys and metadata a server would mangle or refuse are refused up front, with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import run_cli

pytestmark = pytest.mark.integration


@pytest.fixture
def bucket_name(tmp_path: Path, s3_backend: Any) -> str:
    name = "keys-" + tmp_path.name[-16:].lower().replace("_", "-")
    s3_backend.make_bucket(name)
    return name


@pytest.mark.parametrize("key", ["../escape.txt", "a/../b.txt", "a/./b.txt", "docs/.."])
def test_a_dot_segment_in_the_key_is_refused(
    key: str, tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    src = tmp_path / "f.txt"
    src.write_bytes(b"x")
    res = run_cli(cli_home, "upload", str(src), f"sw:{bucket_name}/{key}")
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "'.' or '..'" in err and "Traceback" not in err
    assert raw_s3.list_objects_v2(Bucket=bucket_name).get("KeyCount", 0) == 0


def test_two_sources_with_one_name_into_one_prefix_are_refused(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str, raw_s3: Any
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.pdf").write_bytes(b"first")
    (tmp_path / "b" / "report.pdf").write_bytes(b"second")
    res = run_cli(
        cli_home,
        "upload",
        str(tmp_path / "a" / "report.pdf"),
        str(tmp_path / "b" / "report.pdf"),
        f"sw:{bucket_name}/in/",
    )
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "would both be uploaded to in/report.pdf" in err
    assert raw_s3.list_objects_v2(Bucket=bucket_name).get("KeyCount", 0) == 0


def test_non_ascii_metadata_is_refused_with_the_reason(
    tmp_path: Path, cli_home: dict[str, str], bucket_name: str
) -> None:
    src = tmp_path / "f.txt"
    src.write_bytes(b"x")
    res = run_cli(cli_home, "upload", str(src), f"sw:{bucket_name}/f.txt", "--meta", "owner=张三")
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "ASCII" in err and "Traceback" not in err
