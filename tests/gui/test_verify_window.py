"""The Verify folder window against the session SeaweedFS: every verdict, Stop, close mid-run, the
report, and the errors said in the window."""

from __future__ import annotations

import csv
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services.compare import Comparison, Verdict
from app.services.verify import REPORT_COLUMNS, Summary
from ui.verify_model import RESULT_ROLE, VerifyModel
from ui.verify_window import VerifyWindow

if TYPE_CHECKING:
    from tests.helpers.fixtures import (
        Controller,
        LocalServer,
        MainWindow,
        ModelTester,
        QApplication,
        QtBot,
        S3Client,
    )

pytestmark = [pytest.mark.gui, pytest.mark.integration]

PREFIX = "drop/photos/"


@pytest.fixture
def verify_window(controller: Controller, qtbot: QtBot) -> Iterator[VerifyWindow]:
    w = VerifyWindow(controller)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


@pytest.fixture
def photos(controller: Controller, gui_bucket: str, tmp_path: Path, raw_s3: S3Client) -> Path:
    """A folder uploaded through the core to ``drop/``; then, on the server, one object rewritten
    with other bytes of the same size, one deleted, and one added that no file matches."""
    from app.services.core import Destination, UploadOptions

    root = tmp_path / "photos"
    (root / "trip").mkdir(parents=True)
    files = {"same.jpg": 3000, "trip/changed.jpg": 4000, "trip/gone.jpg": 500, "trip/also-same.raw": 7000}
    for rel, size in files.items():
        (root / rel).write_bytes(os.urandom(size))
    core = controller.core
    ids = core.enqueue([str(root)], Destination("sw", gui_bucket, "drop/"), UploadOptions())
    assert len(ids) == 4
    assert core.engine.wait_idle(60), "the upload did not finish"
    assert {v.state.name for v in core.engine.views(ids)} == {"DONE"}
    core.store.flush()  # the records of the uploads are written behind; the verify reads them
    raw_s3.put_object(Bucket=gui_bucket, Key=PREFIX + "trip/changed.jpg", Body=os.urandom(4000))
    raw_s3.delete_object(Bucket=gui_bucket, Key=PREFIX + "trip/gone.jpg")
    raw_s3.put_object(Bucket=gui_bucket, Key=PREFIX + "only-there.txt", Body=b"left by someone")
    return root


def _click(w: VerifyWindow, button: str) -> None:
    QTest.mouseClick(getattr(w, button), Qt.MouseButton.LeftButton)


def _run(w: VerifyWindow, qtbot: QtBot, timeout: int = 60000) -> Summary | None:
    with qtbot.waitSignal(w.verify_finished, timeout=timeout) as finished:
        _click(w, "start")
    summary: Summary | None = finished.args[0] if finished.args else None
    return summary


def _verdicts(model: VerifyModel) -> dict[str, tuple[Verdict, str]]:
    return {c.key: (c.verdict, c.method) for c in model.results()}


def test_every_verdict_in_the_table_and_the_summary(
    verify_window: VerifyWindow, photos: Path, gui_bucket: str, qtbot: QtBot
) -> None:
    w = verify_window
    # Prefilled from the main window's upload destination (the conftest's last destination).
    assert (w.profile.currentText(), w.bucket.currentText(), w.prefix.text()) == ("sw", gui_bucket, "drop/")
    w.folder.setText(str(photos))
    _click(w, "start")
    qtbot.waitUntil(lambda: "differs" in w.message.text(), timeout=60000)
    assert not w.running()
    got = _verdicts(w.model)
    assert {k: v for k, (v, _m) in got.items()} == {
        PREFIX + "same.jpg": Verdict.SAME,
        PREFIX + "trip/also-same.raw": Verdict.SAME,
        PREFIX + "trip/changed.jpg": Verdict.DIFFERENT,
        PREFIX + "trip/gone.jpg": Verdict.MISSING,
        PREFIX + "only-there.txt": Verdict.ONLY_ON_SERVER,
    }
    # Same size, other bytes: only a checksum can tell, and the table says which one.
    assert got[PREFIX + "trip/changed.jpg"][1] not in ("size", "")
    assert got[PREFIX + "same.jpg"][1] == "record"  # the upload's own record, no read
    assert w.message.text() == (
        "1 file differs, 1 is missing, 1 object is only on the server. The other 2 files are unchanged."
    )
    assert w.status.text() == "4 of 4 files · 1 different · 1 missing · 1 only on server"
    assert (w.progress.value(), w.progress.maximum()) == (4, 4)
    assert w.start.isEnabled() and not w.stop.isEnabled() and w.save.isEnabled()

    by_key = {w.model.result(r).key: r for r in range(w.model.rowCount())}
    row = by_key[PREFIX + "same.jpg"]
    assert w.model.index(row, 0).data() == "photos/same.jpg"  # under the prefix typed above
    assert [w.model.index(row, c).data() for c in range(1, 5)] == [
        "Same",
        "recorded at upload",
        "2.9 KiB",
        "2.9 KiB",
    ]
    changed = w.model.index(by_key[PREFIX + "trip/changed.jpg"], 1)
    gone = w.model.index(by_key[PREFIX + "only-there.txt"], 1)
    same = w.model.index(row, 1)
    red, amber = changed.data(Qt.ItemDataRole.ForegroundRole), gone.data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and amber is not None and red != amber
    assert same.data(Qt.ItemDataRole.ForegroundRole) is None

    w.only_problems.setCurrentIndex(1)
    shown = {w.model.data(w.model.index(r, 0), RESULT_ROLE).verdict for r in range(w.model.rowCount())}
    assert (w.model.rowCount(), shown) == (3, {Verdict.DIFFERENT, Verdict.MISSING, Verdict.ONLY_ON_SERVER})
    w.only_problems.setCurrentIndex(0)
    assert w.model.rowCount() == 5

    # Read every file again: the records are ignored, the server's checksums decide.
    QTest.mouseClick(w.reread, Qt.MouseButton.LeftButton)
    assert w.reread.isChecked()
    summary = _run(w, qtbot)
    assert summary is not None and not summary.stopped
    again = _verdicts(w.model)
    assert {k: v for k, (v, _m) in again.items()} == {k: v for k, (v, _m) in got.items()}
    assert again[PREFIX + "same.jpg"][1] == "md5"  # the listing's ETag is the MD5: no HEAD needed


def test_save_report_writes_the_cli_columns(
    verify_window: VerifyWindow,
    photos: Path,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    w = verify_window
    w.folder.setText(str(photos))
    _run(w, qtbot)
    out = tmp_path / "report.csv"
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append("save")
        return str(out), "CSV files (*.csv)"

    # A native save dialog cannot be driven offscreen; this is what the user would have typed.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    w.only_problems.setCurrentIndex(1)  # the report holds every result, not only what is shown
    _click(w, "save")
    assert asked == ["save"]
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == REPORT_COLUMNS
    got = {r[0]: r for r in rows[1:]}
    assert {k: r[2] for k, r in got.items()} == {c.key: c.verdict.value for c in w.model.results()}
    assert len(got) == 5
    gone = got[PREFIX + "trip/gone.jpg"]
    assert (gone[1], gone[4], gone[5]) == (str(photos / "trip" / "gone.jpg"), "500", "")
    assert w.status.text() == f"Report saved to {out}."
    assert w.message.text().startswith("1 file differs")  # the summary stays

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "r.csv"), ""))
    _click(w, "save")
    assert w.status.text().startswith(f"Cannot write {tmp_path / 'no' / 'r.csv'}: No such file")


def _thousand_and_more(tmp_path: Path, bucket: str, raw_s3: S3Client, n: int = 3000) -> Path:
    """``n`` files whose objects another tool wrote with other bytes of the same size: the
    listing cannot settle them, so each needs a HEAD."""
    root = tmp_path / "many"
    root.mkdir()
    for i in range(n):
        (root / f"f{i:05}.txt").write_bytes(b"%05d" % i * 20)

    def put(i: int) -> None:
        raw_s3.put_object(Bucket=bucket, Key=f"drop/many/f{i:05}.txt", Body=b"%05d" % (i + 1) * 20)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(put, range(n)))
    return root


@pytest.fixture
def slow_window(controller: Controller, weed: LocalServer, qtbot: QtBot) -> Iterator[VerifyWindow]:
    """The window on a profile whose every HEAD the server answers 1.5 s late (a fault proxy in
    front of SeaweedFS): a run of 3,000 files is certainly still going when Stop is pressed."""
    from urllib.parse import urlsplit

    from app.services.settings import SavedDestination
    from tests.helpers.httpfault import HttpFaultProxy

    port = urlsplit(weed.endpoint).port
    assert port is not None
    proxy = HttpFaultProxy(port)
    proxy.add("head", "slow", times=1_000_000)
    controller.core.profiles.add("slow", "seaweedfs", endpoint=proxy.endpoint)
    bucket = controller.settings.last_destination.bucket
    controller.settings.last_destination = SavedDestination("slow", bucket, "drop/")
    w = VerifyWindow(controller)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    proxy.close()


def _verify_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("skylift-verify")]


def test_stop_mid_run_and_close_mid_run_end_the_thread(
    slow_window: VerifyWindow, gui_bucket: str, raw_s3: S3Client, tmp_path: Path, qtbot: QtBot
) -> None:
    w = slow_window
    assert w.profile.currentData() == "slow"
    root = _thousand_and_more(tmp_path, gui_bucket, raw_s3)
    w.folder.setText(str(root))
    QTest.mouseClick(w.reread, Qt.MouseButton.LeftButton)
    _click(w, "start")
    assert w.running() and not w.start.isEnabled()
    qtbot.waitUntil(lambda: w.model.files_done > 0, timeout=30000)
    with qtbot.waitSignal(w.verify_finished, timeout=30000) as finished:
        _click(w, "stop")
    summary = finished.args[0]
    assert isinstance(summary, Summary) and summary.stopped
    assert 0 < w.model.files_done < 3000
    assert w.message.text().startswith("Stopped before the end.")
    assert not w.running() and _verify_threads() == []
    assert w.start.isEnabled() and not w.stop.isEnabled()

    _click(w, "start")
    qtbot.waitUntil(lambda: w.model.files_done > 0, timeout=30000)
    w.close()  # joins the thread: nothing of the run is left when close() returns
    assert not w.isVisible() and not w.running() and _verify_threads() == []
    assert w.model.files_done < 3000

    w.show()
    _click(w, "start")
    qtbot.waitUntil(lambda: w.model.files_done > 0, timeout=30000)
    QTest.keyClick(w.table, Qt.Key.Key_Escape)  # Escape closes a dialog, and so ends the run
    assert not w.isVisible() and not w.running() and _verify_threads() == []


def test_start_is_refused_with_a_reason(
    verify_window: VerifyWindow, tmp_path: Path, qtbot: QtBot, raw_s3: S3Client
) -> None:
    w = verify_window
    w.folder.setText(str(tmp_path / "not-there"))
    QTest.keyClick(w.folder, Qt.Key.Key_Return)  # Start is the default button
    assert not w.running()
    assert w.message.text() == f"There is no folder {tmp_path / 'not-there'}. Choose a folder that exists."
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "a.txt").write_bytes(b"a")
    w.folder.setText(str(tmp_path / "here"))
    w.bucket.setEditText("No_Such!Name")
    _click(w, "start")
    assert not w.running()
    assert w.message.text().startswith("Cannot verify against that destination: 'No_Such!Name' is not")

    # A well-formed name the server does not have: the listing fails, said as a sentence.
    w.bucket.setEditText("no-such-bucket-here")
    summary = _run(w, qtbot)
    assert summary is None
    assert w.message.text() == (
        "The bucket no-such-bucket-here does not exist on the server of profile sw. "
        "Check its name, then Start again."
    )
    assert "Traceback" not in w.message.text()
    assert w.start.isEnabled() and _verify_threads() == []


def test_the_main_window_opens_one_verify_window_and_closes_it_on_quit(
    window: MainWindow, qtbot: QtBot, gui_bucket: str
) -> None:
    from PySide6.QtWidgets import QMenu

    tools = next(m for m in window.findChildren(QMenu) if m.title() == "T&ools")
    assert window.commands.verify in tools.actions()
    window.commands.verify.trigger()
    first = window.verify_window
    assert first is not None and first.isVisible()
    assert first.bucket.currentText() == gui_bucket
    window.commands.verify.trigger()
    assert window.verify_window is first
    window.ask_on_quit = False
    window.close()  # the verify window goes first: its thread uses the core the quit closes
    assert not first.isVisible() and not window.isVisible()


def _comparison(i: int, verdict: Verdict) -> Comparison:
    return Comparison(f"k/{i:06}", f"/d/{i:06}", verdict, "sha256", i, i)


def test_model_appends_batches_without_resets(qtmodeltester: ModelTester) -> None:
    """100,000 rows arrive as 100 inserts of 1,000, never a reset; the filter is one reset."""
    model = VerifyModel()
    resets: list[int] = []
    inserts: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserts.append((first, last)))
    verdicts = list(Verdict)
    for b in range(100):
        model.append([_comparison(b * 1000 + i, verdicts[(b * 1000 + i) % 97 % 8]) for i in range(1000)])
    assert (model.rowCount(), len(inserts), resets) == (100_000, 100, [])
    assert inserts[-1] == (99_000, 99_999)
    model.set_only_problems(True)
    problems = sum(1 for c in model.results() if c.verdict is not Verdict.SAME)
    assert (model.rowCount(), resets) == (problems, [1])
    before = model.rowCount()
    model.append([_comparison(200_000, Verdict.SAME), _comparison(200_001, Verdict.MISSING)])
    assert model.rowCount() == before + 1 and inserts[-1] == (before, before)
    small = VerifyModel()
    small.append([_comparison(i, v) for i, v in enumerate(Verdict)])
    small.append([Comparison("only", "", Verdict.ONLY_ON_SERVER, "", None, 5)])
    qtmodeltester.check(small)
    small.set_only_problems(True)
    qtmodeltester.check(small)


def test_summary_in_words(qapp: QApplication) -> None:
    from collections import Counter

    from ui.verify_texts import summary_text

    def said(stopped: bool = False, skipped: int = 0, **n: int) -> str:
        verdicts = Counter({Verdict(k.replace("_", "-")): v for k, v in n.items()})
        files = sum(v for k, v in verdicts.items() if k is not Verdict.ONLY_ON_SERVER)
        return summary_text(Summary(verdicts, files=files, stopped=stopped), skipped)

    assert said(same=1990, unproven=10) == (
        "All 2,000 files are on the server, unchanged (1,990 by checksum, 10 by size only)."
    )
    assert said(same=3) == "All 3 files are on the server, unchanged, each proven by checksum."
    assert said(different=3, missing=1, only_on_server=2, same=5) == (
        "3 files differ, 1 is missing, 2 objects are only on the server. The other 5 files are unchanged."
    )
    assert said(missing=2, failed=1) == "2 are missing, 1 could not be checked."
    assert said(stopped=True, same=1, different=1) == (
        "Stopped before the end. So far: 1 file differs. The other file is unchanged."
    )
    assert said(skipped=2) == (
        "The folder holds no files to verify. 2 items in the folder were not verified "
        "(unreadable, or not regular files)."
    )
