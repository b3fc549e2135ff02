"""Object keys and names: the awkward ones that are legal upload and read back byte-exact; the ones
a server would mangle, refuse or list wrongly are refused before any byte is sent (a key in DEST:
exit 2) or named and left out (a name inside a folder: exit 1, the rest uploaded)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from tests.helpers.cli import json_events, run_cli
from tests.helpers.env import ACCESS_KEY, SECRET_KEY
from tests.helpers.targets import S3Target
from tests.reliability.checks import no_object, said, same_object
from tests.reliability.tally import Tally

pytestmark = pytest.mark.integration


@pytest.fixture
def s3(weed: object) -> S3Target:
    return S3Target(weed.endpoint, ACCESS_KEY, SECRET_KEY)  # type: ignore[attr-defined]


@pytest.fixture
def bucket(s3: S3Target) -> str:
    return s3.new_bucket()


def _keys(s3: S3Target, bucket: str) -> list[str]:
    return sorted(o["Key"] for o in s3.raw.list_objects_v2(Bucket=bucket).get("Contents", []))


GOOD = [
    ("CJK key", "报告/二〇二四 年度.txt"),
    ("spaces in the key", "my  docs/a file .txt"),
    ("+ % # ? in the key", "a+b %20 #1 ?x=y&z.txt"),
]


@pytest.mark.parametrize(("case", "key"), GOOD, ids=[c[0] for c in GOOD])
def test_awkward_but_legal_keys_upload_and_read_back_byte_exact(
    case: str, key: str, tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    data = os.urandom(1000)
    src = tmp_path / "src.bin"
    src.write_bytes(data)
    said(tally, case, run_cli(module_home, "upload", str(src), f"sw:{bucket}/{key}"), 0)
    same_object(tally, case, s3, bucket, key, data)
    # And as a file name inside a folder, where the key comes from the name.
    name = key.replace("/", "_")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / name).write_bytes(data[::-1])
    said(tally, case, run_cli(module_home, "upload", str(tmp_path / "dir"), f"sw:{bucket}/"), 0)
    same_object(tally, case, s3, bucket, f"dir/{name}", data[::-1])


BAD_DEST = [
    ("'..' leading the key", "../escape.txt", "'.' or '..'"),
    ("'..' inside the key", "a/../b.txt", "'.' or '..'"),
    ("'.' segment in the key", "a/./b.txt", "'.' or '..'"),
    ("'..' ending the key", "docs/..", "'.' or '..'"),
    ("leading '/' in the key", "/abs.txt", "starts with '/'"),
    ("control characters in the key", "bell\x07.txt", "control characters"),
    ("key over 1024 bytes", "é" * 513, "1026 bytes in UTF-8"),
]


@pytest.mark.parametrize(("case", "key", "problem"), BAD_DEST, ids=[c[0] for c in BAD_DEST])
def test_a_key_servers_mangle_is_refused_before_sending(
    case: str,
    key: str,
    problem: str,
    tmp_path: Path,
    module_home: dict[str, str],
    s3: S3Target,
    bucket: str,
    tally: Tally,
) -> None:
    tally.tried("bad inputs")
    src = tmp_path / "f.txt"
    src.write_bytes(b"x")
    res = run_cli(module_home, "upload", str(src), f"sw:{bucket}/{key}")
    said(tally, case, res, 2, problem, "choose a key without")
    assert _keys(s3, bucket) == [], f"{case}: nothing may land anywhere"


BAD_NAMES = [
    ("control characters in a file name", ["line\nbreak.txt"], "control characters"),
    ("file path over 1024 bytes", ["d" * 250] * 5 + ["long.txt"], "bytes in UTF-8"),
]


@pytest.mark.parametrize(("case", "parts", "problem"), BAD_NAMES, ids=[c[0] for c in BAD_NAMES])
def test_a_name_in_a_folder_that_cannot_be_a_key_is_named_and_fails_the_run(
    case: str,
    parts: list[str],
    problem: str,
    tmp_path: Path,
    module_home: dict[str, str],
    s3: S3Target,
    bucket: str,
    tally: Tally,
) -> None:
    tally.tried("bad inputs")
    root = tmp_path / "tree"
    bad = root.joinpath(*parts)
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"b")
    (root / "good.txt").write_bytes(b"g")
    res = run_cli(module_home, "upload", str(root), f"sw:{bucket}/")
    said(tally, case, res, 1, problem, "rename it", "1 folder or file could not be uploaded")
    assert _keys(s3, bucket) == ["tree/good.txt"]


def test_a_file_named_on_the_command_line_whose_name_cannot_be_a_key_is_refused(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    src = tmp_path / "tab\there.txt"
    src.write_bytes(b"t")
    res = run_cli(module_home, "upload", str(src), f"sw:{bucket}/in/")
    said(tally, "control character in a named file", res, 2, "control characters", "name the key in DEST")
    assert _keys(s3, bucket) == []
    # The way out the message names: the same file under a key given in DEST.
    said(
        tally,
        "control character in a named file",
        run_cli(module_home, "upload", str(src), f"sw:{bucket}/in/tab.txt"),
        0,
    )
    same_object(tally, "control character in a named file", s3, bucket, "in/tab.txt", b"t")


def test_a_file_name_that_is_not_utf8_is_named_and_fails_the_run(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    root = tmp_path / "names"
    root.mkdir()
    (root / "good.txt").write_bytes(b"g")
    with open(os.path.join(os.fsencode(root), b"bad-\xff.txt"), "wb") as fh:
        fh.write(b"b")
    res = run_cli(module_home, "upload", str(root), f"sw:{bucket}/")
    said(tally, "name not UTF-8", res, 1, "skipped: the name is not valid UTF-8", "rename it")
    assert _keys(s3, bucket) == ["names/good.txt"]


def test_nfc_and_nfd_twins_upload_as_two_distinct_objects(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    """Two names that look alike but are different bytes are two files: both are uploaded, each
    under its own bytes, never one silently over the other."""
    tally.tried("bad inputs")
    root = tmp_path / "twins"
    root.mkdir()
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    assert nfc != nfd
    (root / nfc).write_bytes(b"composed")
    (root / nfd).write_bytes(b"decomposed")
    res = run_cli(module_home, "upload", str(root), f"sw:{bucket}/", "--json")
    said(tally, "NFC/NFD twins", res, 0)
    assert len(json_events(res.stdout, "summary")) == 2
    same_object(tally, "NFC/NFD twins", s3, bucket, f"twins/{nfc}", b"composed")
    same_object(tally, "NFC/NFD twins", s3, bucket, f"twins/{nfd}", b"decomposed")


def test_two_sources_with_one_name_into_one_prefix_are_refused(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.pdf").write_bytes(b"first")
    (tmp_path / "b" / "report.pdf").write_bytes(b"second")
    res = run_cli(
        module_home,
        "upload",
        str(tmp_path / "a" / "report.pdf"),
        str(tmp_path / "b" / "report.pdf"),
        f"sw:{bucket}/in/",
    )
    said(tally, "same name twice", res, 2, "would both be uploaded to in/report.pdf", "different prefixes")
    no_object(tally, "same name twice", s3, bucket, "in/report.pdf")


def test_non_ascii_metadata_is_refused_with_the_reason(
    tmp_path: Path, module_home: dict[str, str], s3: S3Target, bucket: str, tally: Tally
) -> None:
    tally.tried("bad inputs")
    src = tmp_path / "f.txt"
    src.write_bytes(b"x")
    res = run_cli(module_home, "upload", str(src), f"sw:{bucket}/f.txt", "--meta", "owner=张三")
    said(tally, "non-ASCII metadata", res, 2, "must be ASCII", "percent-encode")
    no_object(tally, "non-ASCII metadata", s3, bucket, "f.txt")
