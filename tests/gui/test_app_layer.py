"""Settings, the network watch, quit-then-relaunch, the drop panel and the profile dialog."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.gui.api import State
from app.gui.network import NetworkMonitor
from app.services.settings import Settings

if TYPE_CHECKING:
    from tests.helpers.fixtures import Controller, LocalServer, MainWindow, QtBot, S3Client


pytestmark = pytest.mark.gui
MiB = 1024 * 1024


def test_settings_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(concurrency=7, bwlimit=5 * MiB, language="zh_CN", include=["*.jpg"])
    s.last_destination.bucket = "photos"
    s.save(path)
    back = Settings.load(path)
    assert back == s
    raw = json.loads(path.read_text())
    raw.update(concurrency=-3, conflict="explode", language=3, unknown=1)
    path.write_text(json.dumps(raw))
    fixed = Settings.load(path)
    assert fixed.concurrency == 1 and fixed.conflict == "overwrite" and fixed.language == "auto"
    path.write_text("{not json")
    assert Settings.load(path) == Settings()
    assert Settings(language="auto").language_code("zh_TW") == "zh_CN"
    assert Settings(language="auto").language_code("de_DE") == "en"


def test_concurrency_and_bandwidth_reach_the_running_engine(controller: Controller) -> None:
    c = controller
    new = c.settings.copy()
    new.concurrency, new.bwlimit, new.part_size = 9, 2 * MiB, 16 * MiB
    c.apply_settings(new)
    engine = c.engine
    # Nine files with four parts each: 36 request slots, two more threads for aborts and prepares.
    assert (engine.settings.concurrency, engine.settings.files_at_once) == (36, 9)
    assert engine.limiter.rate == 2 * MiB
    assert c.core.settings.part_size == 16 * MiB
    assert c.core.executor.pool.maxThreadCount() == 38
    assert Settings.load(c.paths.settings).concurrency == 9
    c.set_bwlimit(0)
    assert engine.limiter.rate is None


def test_network_failure_pauses_the_endpoint_and_resumes_when_it_answers(qtbot: QtBot) -> None:
    paused: list[list[int]] = []
    resumed: list[list[int]] = []
    probes: list[str] = []
    mon = NetworkMonitor(probes.append, paused.append, resumed.append, lambda p: [1, 2, 3], interval_ms=20)
    with qtbot.waitSignal(mon.status_changed) as sig:
        mon.note_failure(2, "sw", "network")
    assert sig.args == [False, "sw"] and not mon.online
    assert paused == [[1, 3]]
    mon.note_failure(3, "sw", "auth")  # not a network problem: ignored
    qtbot.waitUntil(lambda: len(probes) >= 1)
    mon.report_probe("sw", False)
    qtbot.waitUntil(lambda: len(probes) >= 2)
    assert resumed == []
    with qtbot.waitSignal(mon.status_changed) as sig:
        mon.report_probe("sw", True)
    assert sig.args == [True, "sw"] and mon.online
    assert resumed == [[1, 2, 3]]
    assert not mon.timer.isActive()


@pytest.mark.integration
def test_quit_pauses_and_the_next_start_offers_to_resume(
    gui_home: Path,
    weed: LocalServer,
    gui_bucket: str,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.gui.controller import Controller
    from app.services.paths import resolve_paths
    from app.services.settings import SavedDestination
    from ui.main_window import MainWindow

    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(MiB) * 40)
    settings = Settings(language="en", notifications=False, keep_awake=False, bwlimit=4 * MiB)
    settings.part_size = settings.threshold = 5 * MiB
    settings.last_destination = SavedDestination("sw", gui_bucket, "")
    c1 = Controller(resolve_paths(), settings)
    c1.core.profiles.add("sw", "seaweedfs", endpoint=weed.endpoint)
    c1.core.profiles.backend("sw").make_bucket(gui_bucket)
    w1 = MainWindow(c1, ask_destination=False)
    qtbot.addWidget(w1)
    w1.queue_paths([str(big)])
    # More than the 4 parts in flight can hold: at least one part is acknowledged.
    qtbot.waitUntil(lambda: w1.model.count() == 1 and w1.model.done_bytes > 21 * MiB, timeout=30000)
    w1.ask_on_quit = False
    assert w1.close()
    tid = w1.model.id_at(0)
    offered: list[int] = []
    # The user answers "Keep Paused" to the question, then resumes by hand.

    def keep_paused(parent: object, n: int) -> bool:
        offered.append(n)
        return False

    monkeypatch.setattr("ui.dialogs.ask_resume", keep_paused)
    c2 = Controller(resolve_paths(), Settings.load(resolve_paths().settings))
    w2 = MainWindow(c2, ask_destination=False)
    qtbot.addWidget(w2)
    with qtbot.waitSignal(c2.unfinished_found, timeout=10000) as sig:
        c2.start()
    assert sig.args == [1]
    qtbot.waitUntil(lambda: offered == [1])
    qtbot.waitUntil(lambda: w2.model.count() == 1)
    assert w2.model.state_of(tid) is State.PAUSED
    kept = w2.model.done_bytes
    assert kept >= 5 * MiB  # parts acknowledged before the quit are not sent again
    c2.set_bwlimit(0)
    c2.resume([tid])
    qtbot.waitUntil(lambda: w2.model.state_of(tid) is State.DONE, timeout=60000)
    w2.ask_on_quit = False
    w2.close()


def test_drop_panel_remembers_the_destination(controller: Controller, tmp_path: Path, qtbot: QtBot) -> None:
    from ui.drop_panel import DropPanel

    folder = tmp_path / "f"
    folder.mkdir()
    panel = DropPanel(controller, [str(folder)], None)
    qtbot.addWidget(panel)
    assert panel.folder_box.isVisible() or not panel.isVisible()
    panel.prefix.setText("2026/trip")
    panel.conflict.setCurrentIndex(panel.conflict.findData("rename"))
    panel.include.setText("*.jpg, *.png")
    req = panel.request()
    assert req.key_prefix == "2026/trip/" and req.conflict == "rename" and req.include == ["*.jpg", "*.png"]
    panel.remember()
    saved = Settings.load(controller.paths.settings)
    assert saved.last_destination.prefix == "2026/trip" and saved.include == ["*.jpg", "*.png"]


def test_enter_in_the_drop_panel_uploads_even_after_the_focus_passed_cancel(
    controller: Controller, tmp_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from ui.drop_panel import DropPanel

    (tmp_path / "a.txt").write_bytes(b"a")
    panel = DropPanel(controller, [str(tmp_path / "a.txt")], None)
    qtbot.addWidget(panel)
    panel.bucket.setEditText("some-bucket")
    panel.show()
    qtbot.waitExposed(panel)
    box = panel.findChild(QDialogButtonBox)
    assert box is not None
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setFocus()  # tabbing through the buttons on the way back to the fields
    panel.prefix.setFocus()
    qtbot.keyClick(panel.prefix, Qt.Key.Key_Return)
    assert panel.result() == QDialog.DialogCode.Accepted


def test_profile_dialog_refuses_secrets_without_a_secure_keyring(
    controller: Controller, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.profile_dialog as pd

    monkeypatch.setattr(pd, "keyring_problem", lambda: "no secure keyring is available (fail backend)")
    dlg = pd.ProfileDialog(controller)
    qtbot.addWidget(dlg)
    assert not dlg.secret.isEnabled()
    assert "fail backend" in dlg.keyring.text()


def test_renamed_keys_keep_the_extension() -> None:
    from app.services.conflicts import renamed_key

    assert renamed_key("a/b.txt", 1) == "a/b (1).txt"
    assert renamed_key("a/README", 2) == "a/README (2)"
    assert renamed_key(".bashrc", 1) == ".bashrc (1)"


@pytest.mark.integration
def test_conflict_policies_skip_rename_and_ask(
    controller: Controller, gui_bucket: str, tmp_path: Path, qtbot: QtBot, raw_s3: S3Client
) -> None:
    from app.gui.uploads import EnqueueResult, UploadRequest
    from app.services.conflicts import ConflictQuestion

    c = controller
    c.core.settings.threshold = 1
    src = tmp_path / "docs"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes(b"x" * 100)

    def run(conflict: str) -> EnqueueResult:
        results: list[EnqueueResult] = []
        c.enqueue_progressed.connect(results.append)
        c.enqueue(UploadRequest([str(src)], "sw", gui_bucket, "", conflict))
        qtbot.waitUntil(lambda: any(r.finished for r in results), timeout=20000)
        c.enqueue_progressed.disconnect(results.append)
        qtbot.waitUntil(lambda: not c.engine.busy(), timeout=20000)
        return results[-1]

    assert run("overwrite").queued == 2
    skipped = run("skip-same")
    assert (skipped.queued, skipped.skipped) == (0, 2)
    assert run("rename").queued == 2
    asked: list[ConflictQuestion] = []

    def answer(q: ConflictQuestion) -> None:
        asked.append(q)
        q.reply("skip", apply_all=True)

    c.conflict_asked.connect(answer)
    result = run("ask")
    assert len(asked) == 1 and (result.queued, result.skipped) == (0, 2)
    keys = {o["Key"] for o in raw_s3.list_objects_v2(Bucket=gui_bucket)["Contents"]}
    assert keys == {"docs/a.txt", "docs/b.txt", "docs/a (1).txt", "docs/b (1).txt"}


class _Forwarder:
    """A TCP forwarder on a fixed port to the real server: the "network" the test cuts and mends."""

    def __init__(self, port: int, target: tuple[str, int]) -> None:
        import socket
        import threading

        self.port, self.target = port, target
        self._srv = socket.create_server(("127.0.0.1", port))
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while not self._stop.is_set():
            try:
                client, _ = self._srv.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._srv.close()


@pytest.mark.integration
def test_unreachable_endpoint_pauses_the_queue_and_it_resumes_when_back(
    controller: Controller, weed: LocalServer, gui_bucket: str, tmp_path: Path, qtbot: QtBot
) -> None:
    import socket
    from urllib.parse import urlparse

    from app.gui.uploads import UploadRequest

    c = controller
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c.core.profiles.add("flaky", "seaweedfs", endpoint=f"http://127.0.0.1:{port}")
    c.core.settings.retry = type(c.core.settings.retry)(retries=0, interval=0.1)
    c.engine.set_retry(c.core.settings.retry)
    c.network.timer.setInterval(200)
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"p" * 5000)
    statuses: list[bool] = []
    c.network_status_changed.connect(lambda online, profile: statuses.append(online))
    c.enqueue(UploadRequest([str(f)], "flaky", gui_bucket))
    qtbot.waitUntil(lambda: statuses == [False], timeout=20000)
    assert not c.network.online and c.network.offline_profiles() == ["flaky"]
    target = urlparse(weed.endpoint)
    fwd = _Forwarder(port, (target.hostname or "127.0.0.1", target.port or 80))
    try:
        qtbot.waitUntil(lambda: statuses == [False, True], timeout=20000)
        (tid,) = c.transfer_ids()
        qtbot.waitUntil(lambda: c.state_of(tid) is State.DONE, timeout=20000)
    finally:
        fwd.close()


def test_keep_awake_holds_and_releases_or_skips_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.gui.keep_awake import KeepAwake

    k = KeepAwake()
    k.hold()
    assert k.held
    # Whether the inhibitor is granted depends on a login manager a container lacks; only the
    # bookkeeping and the clean-up are checked here.
    k.release()
    assert not k.held and k._proc is None
    monkeypatch.setattr("shutil.which", lambda name: None)
    k.hold()  # nothing to inhibit with: skipped, no error
    assert k._proc is None
    k.release()


def test_notifications_without_a_tray_go_to_the_desktop_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, window: MainWindow
) -> None:
    log = tmp_path / "notified.txt"
    fake = tmp_path / "bin" / "notify-send"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    tray = window.tray
    tray.available = False
    tray.notify_batch(3, 1)
    qtbot.waitUntil(log.exists)
    qtbot.waitUntil(lambda: "3 uploaded, 1 failed" in log.read_text())
    assert "--urgency=critical" in log.read_text()
