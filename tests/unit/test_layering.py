"""engine/ is pure Python: no Qt, ever; ui/ never talks to storage or SQLite directly."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: str, pattern: str) -> list[str]:
    rx = re.compile(pattern, re.MULTILINE)
    return [str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py") if rx.search(p.read_text())]


def test_engine_imports_no_qt() -> None:
    assert _imports("engine", r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6)") == []


def test_ui_uses_no_storage_sdk_or_sqlite() -> None:
    assert _imports("ui", r"^\s*(from|import)\s+(boto3|botocore|oss2|sqlite3)\b") == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "x.py").write_text("import PySide6\n")
    rx = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt\d|shiboken6)", re.MULTILINE)
    assert rx.search((tmp_path / "x.py").read_text())
