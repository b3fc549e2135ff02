"""Benchmark (not a test): drop N small files on the running app (offscreen) and measure.

Reports the time until every file is in the queue (target < 10 s for 100,000), the worst and
p99 event-loop stall while queueing and while uploading (a 10 ms QTimer probe; target p99 <
100 ms), and the process's peak RSS (target < 500 MB). Uploads go to a private SeaweedFS.

    .venv/bin/python bench/queue_scale.py --count 20000 --upload-seconds 20

Results are printed and written to bench/results/ (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Phase:
    """Where the run is: queueing (until the walk and the model are complete), then uploading."""

    name: str
    t: float
    walk_done: bool = False
    done0: int = 0


class Probe:
    """Gaps between the ticks of a 10 ms timer, minus the 10 ms: how long the loop was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()

    def _on_tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, (now - self._last) * 1000 - 10))
        self._last = now

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        return self.stats()

    def stats(self) -> dict[str, float]:
        g = sorted(self.gaps) or [0.0]
        return {
            "max_ms": round(g[-1], 1),
            "p99_ms": round(g[min(len(g) - 1, int(len(g) * 0.99))], 1),
            "median_ms": round(g[len(g) // 2], 1),
            "samples": len(g),
        }


def make_tree(root: Path, count: int, size: int) -> Path:
    base = root / "drop"
    payload = os.urandom(size)
    for i in range(count):
        d = base / f"d{i // 1000:03}"
        if i % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        (d / f"f{i:06}.bin").write_bytes(payload)
    return base


def rss_mb() -> dict[str, float]:
    out = {"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                out["rss_mb"] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--size", type=int, default=1024, help="bytes per file")
    ap.add_argument("--upload-seconds", type=float, default=20.0, help="how long to watch uploads")
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()

    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    work = Path(tempfile.mkdtemp(prefix="skylift-queue-scale-"))
    os.environ["SKYLIFT_HOME"] = str(work / "home")
    from app.gui.api import State
    from app.services.local_server import start_local_server
    from app.services.paths import resolve_paths
    from app.services.settings import SavedDestination, Settings
    from ui.launch import build_window, make_application

    t0 = time.perf_counter()
    src = make_tree(work, a.count, a.size)
    made = time.perf_counter() - t0
    server = start_local_server(work / "weed", access_key="bench-key", secret_key="bench-secret-0123456789")
    os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"] = (
        "bench-key",
        "bench-secret-0123456789",
    )
    app = make_application(["bench"])
    settings = Settings(language="en", notifications=False, keep_awake=False, concurrency=a.concurrency)
    settings.last_destination = SavedDestination("bench", "bench", "")
    controller, window = build_window(resolve_paths(), settings, start=False)
    controller.core.profiles.add("bench", "seaweedfs", endpoint=server.endpoint)
    controller.core.profiles.backend("bench").make_bucket("bench")
    window.ask_destination = False
    window.ask_on_quit = False
    window.show()
    model = window.model
    probe = Probe()
    result: dict[str, object] = {"count": a.count, "file_bytes": a.size, "files_created_s": round(made, 1)}
    phase = Phase("queueing", time.perf_counter())

    def on_progress(r: object) -> None:
        if getattr(r, "finished", False):
            phase.walk_done = True

    controller.enqueue_progressed.connect(on_progress)

    def drop() -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(src))])
        act, btn, mod = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(window, QDragEnterEvent(QPoint(100, 100), act, mime, btn, mod))
        probe.start()
        phase.t = time.perf_counter()
        QApplication.sendEvent(window, QDropEvent(QPointF(100, 100), act, mime, btn, mod))

    def check() -> None:
        now = time.perf_counter()
        if phase.name == "queueing" and phase.walk_done and model.count() >= a.count:
            result["queued_s"] = round(now - phase.t, 2)
            result["stall_queueing"] = probe.stats()
            result["done_when_queued"] = model.count(State.DONE)
            phase.name, phase.t, phase.done0 = "uploading", now, model.count(State.DONE)
            probe.start()
        elif phase.name == "uploading":
            finished = model.count(State.DONE, State.FAILED) >= a.count
            if finished or now - phase.t >= a.upload_seconds:
                secs = now - phase.t
                result["stall_uploading"] = probe.stats()
                result["uploading_watched_s"] = round(secs, 1)
                result["uploaded_files_per_s"] = round((model.count(State.DONE) - phase.done0) / secs, 1)
                result["done"] = model.count(State.DONE)
                result["failed"] = model.count(State.FAILED)
                app.quit()
        elif now - phase.t > 600:
            result["error"] = "timed out while queueing"
            app.quit()

    QTimer.singleShot(200, drop)
    checker = QTimer()
    checker.setInterval(50)
    checker.timeout.connect(check)
    checker.start()
    app.exec()
    result.update(rss_mb())
    window.close()
    server.stop()
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"queue_scale-{a.count}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print("written to", out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
