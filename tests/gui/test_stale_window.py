"""The Stale uploads window against the session SeaweedFS, and a screenshot under a real Xvfb."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

import pytest

from tests.helpers.env import ROOT
from tests.helpers.s3 import raw_s3_client, upload_parts
from tests.helpers.xvfb import xvfb_display
from ui.stale_window import StaleWindow

if TYPE_CHECKING:
    from app.services.core import AppCore
    from app.services.stale import StaleService
    from tests.helpers.fixtures import LocalServer, ModelTester, QApplication, QtBot, S3Client


pytestmark = pytest.mark.gui

MiB = 1024 * 1024


class Filled(TypedDict):
    raw: S3Client
    bucket: str
    #: Upload ids by name: "small", "two" (two parts), "owned" (by the paused transfer ``tid``).
    ids: dict[str, str]
    tid: int


class QuietStaleWindow(StaleWindow):
    """A modal message box would block an offscreen test forever; tests read what was said in ``told``."""

    def __init__(self, service: StaleService) -> None:
        super().__init__(service)
        self.told: list[str] = []
        self.inform = lambda title, text: self.told.append(text)


def answering(answer: bool, asked: list[str]) -> Callable[[str, str], bool]:
    """A stand-in for a confirmation box: notes the question, gives ``answer``."""

    def confirm(title: str, text: str) -> bool:
        asked.append(text)
        return answer

    return confirm


def _own(core: AppCore, bucket: str, key: str, uid: str, path: str) -> int:
    from engine.state import State
    from engine.store import TransferRow

    row = TransferRow("sw", path, 10 * MiB, 0, bucket, key, 5 * MiB, True, state=State.PAUSED, upload_id=uid)
    (tid,) = core.store.add_transfers([row])
    return int(tid)


@pytest.fixture
def service(gui_home: Path, weed: LocalServer, qapp: QApplication) -> Iterator[StaleService]:
    from app.services.core import AppCore
    from app.services.paths import resolve_paths
    from app.services.progress import ProgressAccumulator
    from app.services.stale import StaleService

    core = AppCore(resolve_paths(), ProgressAccumulator())
    core.profiles.add("sw", "seaweedfs", endpoint=weed.endpoint)
    svc = StaleService(core)
    yield svc
    svc.close()
    core.close(10)


@pytest.fixture
def filled(service: StaleService, weed: LocalServer) -> Filled:
    """A bucket with two orphans (one with two parts) and one upload a paused transfer owns."""
    raw = raw_s3_client(weed.endpoint)
    bucket = "s-" + uuid.uuid4().hex[:12]
    raw.create_bucket(Bucket=bucket)
    ids = {
        "small": upload_parts(raw, bucket, "logs/small.log", [b"s" * 1000]),
        "two": upload_parts(raw, bucket, "video/two.mp4", [b"a" * 5 * MiB, b"b" * 500]),
        "owned": upload_parts(raw, bucket, "backup/owned.tar", [b"o" * 2000]),
    }
    tid = _own(service.core, bucket, "backup/owned.tar", ids["owned"], "/data/owned.tar")
    return {"raw": raw, "bucket": bucket, "ids": ids, "tid": tid}


@pytest.fixture
def window(service: StaleService, filled: Filled, qtbot: QtBot) -> Iterator[QuietStaleWindow]:
    w = QuietStaleWindow(service)
    qtbot.addWidget(w)
    w.show()
    w.select_target("sw", filled["bucket"])
    with qtbot.waitSignal(w.listing_finished, timeout=30000):
        w.list_button.click()
    yield w
    w.close()


def _row_of(w: StaleWindow, upload_id: str) -> int:
    from ui.stale_model import UPLOAD_ROLE

    for r in range(w.model.rowCount()):
        if w.model.data(w.model.index(r, 0), UPLOAD_ROLE).upload_id == upload_id:
            return r
    raise AssertionError(f"{upload_id} is not listed")


def _select(w: StaleWindow, upload_id: str) -> None:
    w.table.clearSelection()
    w.table.selectRow(_row_of(w, upload_id))


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    from app.services.stale import Owner, ServerPart, StaleUpload
    from engine.state import State
    from ui.stale_model import PartsModel, StaleModel

    model = StaleModel()
    now = datetime.now(UTC)
    model.append(
        [
            StaleUpload("a", "id-a", now - timedelta(days=3), parts=2, bytes=10),
            StaleUpload("b", "id-b", now, parts=None, error="server: boom"),
            StaleUpload("c", "id-c", now, parts=1, bytes=5, owner=Owner(4, State.PAUSED, "/c")),
        ]
    )
    qtmodeltester.check(model)
    from PySide6.QtCore import QPersistentModelIndex, Qt

    from ui.stale_model import AGE, BYTES

    held = QPersistentModelIndex(model.index(0, 0))  # id-a
    model.sort(BYTES, Qt.SortOrder.DescendingOrder)
    assert [u.upload_id for u in model.uploads()] == ["id-a", "id-c", "id-b"]
    model.sort(AGE, Qt.SortOrder.AscendingOrder)
    assert model.uploads()[-1].upload_id == "id-a"
    assert held.row() == 2
    # Rows arriving while sorted land in order.
    model.append([StaleUpload("d", "id-d", now - timedelta(days=1), parts=0)])
    assert [u.upload_id for u in model.uploads()][-2:] == ["id-d", "id-a"]
    model.remove_ids({"id-d"})
    qtmodeltester.check(model)
    model.remove_ids({"id-b"})
    assert [u.upload_id for u in model.uploads()] == ["id-c", "id-a"]
    assert (model.totals.uploads, model.totals.bytes, model.totals.owned) == (2, 15, 1)
    qtmodeltester.check(model)
    parts = PartsModel()
    parts.set_parts([ServerPart(1, 5, "e1", now), ServerPart(2, 3, "e2")])
    qtmodeltester.check(parts)


def test_window_lists_with_owner_totals_and_sorting(window: QuietStaleWindow, filled: Filled) -> None:
    from PySide6.QtCore import Qt

    from ui.stale_model import BYTES, KEY, OWNER, UPLOAD_ROLE

    w = window
    assert w.model.rowCount() == 3
    assert "Uploads: 3 (1 owned, 2 orphaned)" in w.totals.text()
    assert "parts: 4 · 5.0 MiB" in w.totals.text()
    owned_row = _row_of(w, filled["ids"]["owned"])
    assert w.model.index(owned_row, OWNER).data() == f"#{filled['tid']} Paused"
    w.table.sortByColumn(BYTES, Qt.SortOrder.AscendingOrder)
    sizes = [w.model.data(w.model.index(r, 0), UPLOAD_ROLE).bytes for r in range(3)]
    assert sizes == [1000, 2000, 5 * MiB + 500]
    w.table.sortByColumn(KEY, Qt.SortOrder.AscendingOrder)
    assert [w.model.index(r, KEY).data() for r in range(3)] == [
        "backup/owned.tar",
        "logs/small.log",
        "video/two.mp4",
    ]


def test_parts_panel_shows_the_parts(window: QuietStaleWindow, filled: Filled, qtbot: QtBot) -> None:
    w = window
    _select(w, filled["ids"]["two"])
    qtbot.waitUntil(lambda: w.parts_model.rowCount() == 2, timeout=10000)
    assert [(p.number, p.size) for p in w.parts_model.parts()] == [(1, 5 * MiB), (2, 500)]
    assert w.parts_model.index(1, 2).data() == w.parts_model.parts()[1].etag


def test_abort_selected_confirms_bytes_and_removes_only_that_upload(
    window: QuietStaleWindow, filled: Filled, qtbot: QtBot
) -> None:
    w = window
    asked: list[str] = []
    w.confirm = answering(True, asked)
    _select(w, filled["ids"]["two"])
    assert w.abort_button.isEnabled()
    w.abort_button.click()
    qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=15000)
    assert asked and f"free 5.0 MiB ({5 * MiB + 500} bytes)" in asked[0]
    left = {u["UploadId"] for u in filled["raw"].list_multipart_uploads(Bucket=filled["bucket"])["Uploads"]}
    assert left == {filled["ids"]["small"], filled["ids"]["owned"]}
    assert "Uploads: 2 (1 owned, 1 orphaned)" in w.totals.text()


def test_abort_of_an_owned_upload_is_refused(window: QuietStaleWindow, filled: Filled, qtbot: QtBot) -> None:
    w = window
    told: list[str] = []
    w.confirm = lambda title, text: pytest.fail("nothing may be offered for abort")
    w.inform = lambda title, text: told.append(text)
    _select(w, filled["ids"]["owned"])
    w.abort_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert "1 upload belongs to an unfinished transfer" in told[0]
    assert w.model.rowCount() == 3
    left = {u["UploadId"] for u in filled["raw"].list_multipart_uploads(Bucket=filled["bucket"])["Uploads"]}
    assert filled["ids"]["owned"] in left


def test_adopt_refuses_a_differing_file_and_takes_the_right_one(
    window: QuietStaleWindow, filled: Filled, qtbot: QtBot, tmp_path: Path, service: StaleService
) -> None:
    w = window
    wrong = tmp_path / "wrong.mp4"
    wrong.write_bytes(b"a" * 5 * MiB + b"b" * 499 + b"c")
    told: list[str] = []
    w.inform = lambda title, text: told.append(text)
    w.choose_file = lambda: str(wrong)
    _select(w, filled["ids"]["two"])
    w.adopt_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert "part 2 differs" in told[0]
    assert "part 2 differs" in w.status.text()

    right = tmp_path / "right.mp4"
    right.write_bytes(b"a" * 5 * MiB + b"b" * 500)
    w.choose_file = lambda: str(right)
    w.adopt_button.click()
    qtbot.waitUntil(lambda: "Adopted as transfer" in w.status.text(), timeout=15000)
    assert service.core.engine.wait_idle(60)
    service.core.store.flush()
    (row,) = [r for r in service.core.store.list_transfers() if r.local_path == str(right)]
    assert (row.state.label, row.error_detail) == ("done", None)
    body = filled["raw"].get_object(Bucket=filled["bucket"], Key="video/two.mp4")["Body"].read()
    assert body == right.read_bytes()


# ---- screenshot under a real X server -----------------------------------------------------------

_SHOT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from app.services.core import AppCore
    from app.services.paths import resolve_paths
    from app.services.progress import ProgressAccumulator
    from app.services.stale import StaleService
    from ui.stale_window import StaleWindow

    out, bucket, select_key = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    core = AppCore(resolve_paths(), ProgressAccumulator())
    svc = StaleService(core)
    w = StaleWindow(svc)
    w.resize(1180, 660)
    w.show()
    w.select_target("sw", bucket)

    def shoot():
        w.grab().save(out)
        app.quit()

    def parts_loaded():
        if w.parts_model.rowCount():
            QTimer.singleShot(300, shoot)
        else:
            QTimer.singleShot(100, parts_loaded)

    def listed(n):
        w.price.setValue(0.023)
        w._on_price_edited()
        for r in range(w.model.rowCount()):
            if w.model.index(r, 0).data() == select_key:
                w.table.selectRow(r)
        parts_loaded()

    w.listing_finished.connect(listed)
    w.start_listing()
    QTimer.singleShot(60000, app.quit)
    app.exec()
    svc.close()
    core.close(10)
    """
)


@pytest.fixture
def xvfb() -> Iterator[str]:
    with xvfb_display("1280x800x24") as display:
        yield display


def test_screenshot_with_real_data(
    xvfb: str, service: StaleService, filled: Filled, weed: LocalServer, gui_home: Path
) -> None:
    raw = filled["raw"]
    bucket = filled["bucket"]
    for i, size in enumerate([6, 9, 14]):
        parts = [os.urandom(64 * 1024)] * 2 + [b"x" * size]
        upload_parts(raw, bucket, f"datasets/part-{i:04d}.parquet", parts)
    upload_parts(raw, bucket, "photos/2026/IMG_2041.raw", [b"p" * 70_000])
    out = ROOT / "test-artifacts" / "screenshots" / "stale.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", _SHOT, str(out), bucket, "video/two.mp4"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert img.width() >= 1000 and img.height() >= 500
    # A blank or all-black grab would mean nothing was rendered.
    colours = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 29)}
    assert len(colours) > 5


def test_resume_hands_the_owning_transfer_to_the_queue(
    window: QuietStaleWindow, filled: Filled, service: StaleService
) -> None:
    w = window
    _select(w, filled["ids"]["owned"])
    assert w.resume_button.isEnabled()
    w.resume_button.click()
    assert f"Transfer #{filled['tid']} is back in the queue." == w.status.text()
    assert service.core.engine.transfer(filled["tid"]) is not None
    _select(w, filled["ids"]["small"])
    assert not w.resume_button.isEnabled()


def test_listing_can_be_cancelled(service: StaleService, weed: LocalServer, qtbot: QtBot) -> None:
    from ui.stale_window import StaleWindow

    raw = raw_s3_client(weed.endpoint)
    bucket = "c-" + uuid.uuid4().hex[:12]
    raw.create_bucket(Bucket=bucket)
    for i in range(150):
        raw.create_multipart_upload(Bucket=bucket, Key=f"k/{i:04d}")
    w = StaleWindow(service)
    qtbot.addWidget(w)
    w.select_target("sw", bucket)
    interval = sys.getswitchinterval()
    with qtbot.waitSignal(w.listing_finished, timeout=30000) as blocker:
        w.start_listing()
        assert sys.getswitchinterval() < interval  # the GUI wins the GIL back sooner meanwhile
        assert w.cancel_button.isEnabled()
        w.cancel_button.click()
    assert sys.getswitchinterval() == interval
    assert blocker.args[0] < 150
    assert "cancelled" in w.status.text()
    assert w.list_button.isEnabled() and not w.cancel_button.isEnabled()
    w.close()


def test_bucket_rule_is_shown_and_set(window: QuietStaleWindow, filled: Filled, qtbot: QtBot) -> None:
    w = window
    qtbot.waitUntil(lambda: "Bucket rule: none" in w.lifecycle.text(), timeout=10000)
    w.ask_days = lambda label, value: 4
    w.rule_button.click()
    qtbot.waitUntil(lambda: "after 4 days" in w.lifecycle.text(), timeout=10000)
    rules = filled["raw"].get_bucket_lifecycle_configuration(Bucket=filled["bucket"])["Rules"]
    assert [r["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] for r in rules] == [4]


def test_emit_keeps_true_alive(qapp: QApplication) -> None:
    """PySide6 6.12 drops a reference to True on every Python-side emit; the window's thousands
    of layout changes on a big bucket would abort the interpreter without the compensation."""
    from PySide6.QtCore import QObject, Signal

    from ui.stale_model import emit

    class Source(QObject):
        fired = Signal(int)

    src = Source()
    seen: list[int] = []
    src.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for i in range(300):
        emit(src.fired, i)
    assert len(seen) == 300
    assert sys.getrefcount(True) >= before - 5


def test_abort_older_than_keeps_the_owned_upload(
    window: QuietStaleWindow, filled: Filled, qtbot: QtBot
) -> None:
    w = window
    asked: list[str] = []
    w.confirm = answering(True, asked)
    w.ask_days = lambda label, value: 0
    w.abort_old_button.click()
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=15000)
    assert f"Abort 2 uploads and free 5.0 MiB ({1000 + 5 * MiB + 500} bytes)?" in asked[0]
    assert "1 upload belongs to an unfinished transfer and will be kept" in asked[0]
    assert [u.upload_id for u in w.model.uploads()] == [filled["ids"]["owned"]]
    assert w.told == []  # the kept upload was named in the confirmation, not again afterwards
    left = {u["UploadId"] for u in filled["raw"].list_multipart_uploads(Bucket=filled["bucket"])["Uploads"]}
    assert left == {filled["ids"]["owned"]}
