"""Renders the screenshots: run by test_screenshots.py in a subprocess on an Xvfb display.

Usage: render_screens.py OUT_DIR LANG SCHEME ENDPOINT BUCKET [--flow]
The environment carries SKYLIFT_HOME and the S3 credentials. ``--flow`` renders the
drop -> pause -> quit -> relaunch -> resume -> finished sequence instead of the dialogs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from app.gui.api import State
    from app.gui.controller import Controller
    from app.services.paths import Paths
    from app.services.settings import Settings
    from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MiB = 1024 * 1024


def pump(until: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            _dump_queues()
            raise TimeoutError("condition not reached")
        QApplication.processEvents()
        time.sleep(0.02)


def _dump_queues() -> None:
    """What the queue showed when a wait timed out, for the test's failure message."""
    for w in QApplication.topLevelWidgets():
        model = getattr(w, "model", None)
        if model is not None and hasattr(model, "id_at"):
            for r in range(model.rowCount()):
                print([model.index(r, c).data() for c in range(8)], file=sys.stderr)


def index_named(m: QAbstractItemModel, name: str) -> QModelIndex:
    """A row by its name, at the top level or in a drop's group."""
    for r in range(m.rowCount()):
        top = m.index(r, 0)
        if str(top.data()) == name:
            return top
        for k in range(m.rowCount(top)):
            kid = m.index(k, 0, top)
            if str(kid.data()) == name:
                return kid
    raise LookupError(name)


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def dark_palette() -> QPalette:
    """What a dark desktop theme hands Qt; Xvfb has no desktop to ask."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#33363a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#33363a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Link: "#6aa7ff",
        QPalette.ColorRole.Light: "#45484d",
        QPalette.ColorRole.Midlight: "#3a3d41",
        QPalette.ColorRole.Mid: "#2f3236",
        QPalette.ColorRole.Dark: "#1b1c1f",
        QPalette.ColorRole.Shadow: "#101113",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def grab(w: QWidget, path: Path) -> None:
    settle(0.3)
    pm = w.grab()
    if not pm.save(str(path)):
        raise RuntimeError(f"could not save {path}")
    print("wrote", path)


def make_files(base: Path) -> Path:
    album = base / "photos-2026"
    (album / "raw").mkdir(parents=True, exist_ok=True)
    (album / "exports").mkdir(exist_ok=True)
    chunk = os.urandom(MiB)
    for name, mib in (("raw/IMG_0412.CR3", 48), ("raw/IMG_0413.CR3", 40), ("raw/IMG_0414.CR3", 36)):
        with open(album / name, "wb") as f:
            for _ in range(mib):
                f.write(chunk)
    for i in range(1, 7):
        (album / "exports" / f"IMG_04{i:02}.jpg").write_bytes(chunk[: 200_000 + i * 9000])
    (album / "Readme 说明.txt").write_bytes("相册说明\n".encode() * 50)
    return album


def main() -> int:
    out, lang, scheme, endpoint, bucket = sys.argv[1:6]
    flow = "--flow" in sys.argv
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    from app.services.paths import resolve_paths
    from app.services.settings import SavedDestination, Settings
    from ui.launch import build_window, make_application

    app = make_application(["skylift"])
    app.setStyle("Fusion")
    if scheme == "dark":
        app.setPalette(dark_palette())
    paths = resolve_paths()
    settings = Settings(
        language=lang, notifications=False, keep_awake=False, part_size=5 * MiB, threshold=5 * MiB
    )
    settings.bwlimit = 3 * MiB
    # Fail fast: the screenshot shows one failed row (a retired access key) with its error.
    settings.retries, settings.retry_interval = 1, 0.2
    # Two parts per file in flight: a file past a third of its size has a part acknowledged.
    settings.parts_per_file = 2
    settings.last_destination = SavedDestination("sw", bucket, "backup/")
    if flow:
        return run_flow(out_dir, paths, settings, endpoint, bucket)
    controller, window = build_window(paths, settings, start=False)
    profiles = controller.core.profiles
    from app.gui.api import keyring_problem

    if keyring_problem() is None:
        key = os.environ["AWS_ACCESS_KEY_ID"]
        profiles.add(
            "sw",
            "seaweedfs",
            endpoint=endpoint,
            access_key_id=key,
            secret=os.environ["AWS_SECRET_ACCESS_KEY"],
        )
        profiles.add("old-key", "seaweedfs", endpoint=endpoint, access_key_id="retired", secret="retired")
    else:
        profiles.add("sw", "seaweedfs", endpoint=endpoint, default_bucket=bucket)
        profiles.add("old-key", "seaweedfs", endpoint=endpoint, access_key_id="retired")
    profiles.backend("sw").make_bucket(bucket)
    window.ask_destination = False
    window.ask_on_quit = False
    controller.start()
    window.resize(1280, 640)
    window.show()
    album = make_files(paths.cache.parent / "src")
    # One transfer that fails (the server refuses a retired key), for the error column; queued
    # first so it does not wait behind the big files for a slot. (An invalid bucket name no longer
    # reaches the server: the drop refuses it up front.)
    settings.last_destination = SavedDestination("old-key", bucket, "")
    window.queue_paths([str(album / "Readme 说明.txt")])
    settings.last_destination = SavedDestination("sw", bucket, "backup/")
    pump(lambda: window.model.count() == 1, 30)
    window.queue_paths([str(album)])
    m = window.model
    pump(lambda: m.count() == 11, 60)

    # Pause one big file part-way, so the queue shows every kind of row.
    from PySide6.QtCore import QItemSelectionModel

    from ui.transfer_model import IdRole, ProgressRole

    raws = ("IMG_0412.CR3", "IMG_0413.CR3", "IMG_0414.CR3")

    def furthest() -> tuple[float, str]:
        return max((float(index_named(m, n).siblingAtColumn(3).data(ProgressRole)), n) for n in raws)

    pump(lambda: furthest()[0] > 0.3, 90)
    paused = furthest()[1]
    controller.pause([index_named(m, paused).data(IdRole)])
    # The retired key's row pauses with its reason (a refused key pauses, it does not fail).
    pump(lambda: m.count(*_states("PAUSED")) >= 2, 30)
    # The album is one row for the drop; opened, it shows its files.
    window.tree.expandAll()
    window.table.selectionModel().select(
        index_named(m, next(n for n in raws if n != paused)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    settle(1.2)
    tag = f"{lang}_{scheme}"
    grab(window, out_dir / f"main_{tag}.png")

    from ui.drop_panel import DropPanel
    from ui.profile_dialog import ProfileDialog
    from ui.settings_dialog import SettingsDialog

    panel = DropPanel(controller, [str(album), str(album / "Readme 说明.txt")], window)
    panel.show()
    pump(lambda: panel.bucket.count() > 0, 10)
    grab(panel, out_dir / f"drop_panel_{tag}.png")
    panel.close()
    dlg = ProfileDialog(controller, window)
    dlg.show()
    for i in range(dlg.list.count()):
        if dlg.list.item(i).text() == "sw":
            dlg.list.setCurrentRow(i)
    dlg._on_test_clicked()
    pump(lambda: dlg.buckets.count() > 0, 20)
    grab(dlg, out_dir / f"profile_dialog_{tag}.png")
    dlg.close()
    from ui.bucket_browser import BucketBrowser

    bb = BucketBrowser(controller, "sw", window, pick=True)
    bb.set_location(bucket, "backup/photos-2026/exports/")
    bb.show()
    pump(lambda: bb.model.rowCount() > 0 and bb.path.text().endswith("exports/"), 20)
    grab(bb, out_dir / f"bucket_browser_{tag}.png")
    bb.close()
    sd = SettingsDialog(settings, profiles.all(), window)
    sd.show()
    grab(sd, out_dir / f"settings_{tag}.png")
    sd.tabs.setCurrentIndex(1)
    grab(sd, out_dir / f"settings_behaviour_{tag}.png")
    sd.close()
    render_verify(controller, window, album, endpoint, bucket, out_dir / f"verify_{tag}.png")
    window.close()
    return 0


def render_verify(
    controller: Controller, window: MainWindow, album: Path, endpoint: str, bucket: str, out: Path
) -> None:
    """The album verified against backup/ while the queue still runs: the exports are on the
    server (one rewritten since by another tool), the paused file and the failed one are not,
    and an object no file matches."""
    from app.gui.api import State
    from tests.helpers.s3 import raw_s3_client
    from ui.verify_window import VerifyWindow

    m = window.model
    exports = [f"IMG_04{i:02}.jpg" for i in range(1, 7)]

    def exported() -> bool:
        from ui.transfer_model import IdRole

        return all(m.state_of(index_named(m, n).data(IdRole)) is State.DONE for n in exports)

    pump(exported, 90)
    raw = raw_s3_client(endpoint)
    key = "backup/photos-2026/"
    changed = (album / "exports" / exports[2]).stat().st_size
    raw.put_object(Bucket=bucket, Key=key + "exports/" + exports[2], Body=os.urandom(changed))
    raw.put_object(Bucket=bucket, Key=key + "desktop.ini", Body=b"[.ShellClassInfo]\r\n")
    # Where a user keeps photos, as the window shows it (the album itself sits in the test's tmp).
    pictures = Path.home() / "Pictures"
    pictures.mkdir(exist_ok=True)
    (pictures / album.name).symlink_to(album, target_is_directory=True)
    w = VerifyWindow(controller, window)
    w.folder.setText("~/Pictures/" + album.name)
    w.resize(1040, 480)  # the eleven rows, without a screenful of empty table below them
    w.show()
    w.start.click()
    pump(lambda: not w.running(), 60)
    w.table.selectRow(2)
    grab(w, out)
    w.close()


def _states(*names: str) -> list[State]:
    from app.gui.api import State

    return [State[n] for n in names]


def run_flow(out_dir: Path, paths: Paths, settings: Settings, endpoint: str, bucket: str) -> int:
    """Drop a folder, pause, quit, relaunch, resume, finish: one PNG per step."""
    from app.gui.api import State
    from ui.launch import build_window

    controller, window = build_window(paths, settings, start=False)
    controller.core.profiles.add("sw", "seaweedfs", endpoint=endpoint, default_bucket=bucket)
    controller.core.profiles.backend("sw").make_bucket(bucket)
    window.ask_destination = False
    window.resize(1280, 560)
    controller.start()
    window.show()
    album = make_files(Path(str(controller.paths.cache)).parent / "src")
    window.queue_paths([str(album)])
    m = window.model
    pump(lambda: m.count() == 10 and m.done_bytes > 25 * MiB, 90)
    settle(1.0)
    grab(window, out_dir / "flow_1_uploading.png")
    window.table.selectAll()
    window.commands.pause_all.trigger()
    pump(
        lambda: m.count(State.QUEUED, State.RUNNING, State.PAUSING, State.COMPLETING, State.VERIFYING) == 0,
        30,
    )
    settle(0.5)
    grab(window, out_dir / "flow_2_paused.png")
    window.ask_on_quit = False
    window.close()
    pump(lambda: not window.isVisible(), 30)

    controller2, window2 = build_window(paths, settings, start=False)
    window2.ask_destination = False
    window2.resize(1280, 560)
    window2.move(0, 0)
    window2.show()
    answered: list[bool] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, answer)
            return
        box.move(window2.x() + 380, window2.y() + 180)
        settle(0.6)
        # The whole (window-manager-less) screen: the window with the question over it.
        shot = QApplication.primaryScreen().grabWindow(0).copy(window2.frameGeometry())
        shot.save(str(out_dir / "flow_3_relaunched.png"))
        print("wrote", out_dir / "flow_3_relaunched.png")
        for b in box.buttons():
            if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole:
                b.click()
        answered.append(True)

    QTimer.singleShot(300, answer)
    controller2.start()
    m2 = window2.model
    pump(lambda: bool(answered), 30)
    pump(lambda: m2.count() > 0 and m2.count(State.DONE) == m2.count(), 180)
    settle(1.0)
    grab(window2, out_dir / "flow_4_finished.png")
    window2.ask_on_quit = False
    window2.close()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    sys.exit(main())
