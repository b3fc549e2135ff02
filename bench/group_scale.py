"""Benchmark (not a test): a 100,000-file drop in the queue model, grouped and flat.

Reports the time until the drop shows (rows added 1,000 per bridge tick, then one paint), the
model's memory (tracemalloc, Python objects), and the cost of a progress tick that changes
2,000 rows (median and worst over 50 ticks) with the group expanded in a QTreeView.

    .venv/bin/python bench/group_scale.py [--rows 100000] [--flat]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--flat", action="store_true", help="every file on its own row")
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication, QTableView, QTreeView

    from app.gui.api import State
    from app.gui.bridge import TransferChanges, TransferInfo
    from ui.delegates import ProgressDelegate
    from ui.transfer_model import COL_PROGRESS, TransferModel

    app = QApplication.instance() or QApplication([])
    n = args.rows
    infos = [
        TransferInfo(i, f"f{i:06}.jpg", "sw", "b", f"drop/photos/f{i:06}.jpg", 4096, State.QUEUED, 0, batch=1)
        for i in range(1, n + 1)
    ]
    model = TransferModel()
    model.set_grouped(not args.flat)
    # As in the window: the tree when grouped, a table when flat.
    view: QTreeView | QTableView
    if args.flat:
        view = QTableView()
    else:
        view = QTreeView()
        view.setUniformRowHeights(True)
    view.setModel(model)
    view.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(view))
    view.resize(1000, 600)
    view.show()
    app.processEvents()

    t0 = time.perf_counter()
    for start in range(0, n, 1000):
        model.add(infos[start : start + 1000])
        app.processEvents()  # the view takes each tick's rows in, as in the window
    view.viewport().repaint()
    app.processEvents()
    shown = time.perf_counter() - t0
    # Memory apart: tracemalloc slows every allocation down several times.
    again = TransferModel()
    again.set_grouped(not args.flat)
    tracemalloc.start()
    for start in range(0, n, 1000):
        again.add(infos[start : start + 1000])
    mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del again

    if isinstance(view, QTreeView):
        view.expand(model.index(0, 0))
        app.processEvents()
    rng = random.Random(3)
    costs = []
    for _ in range(50):
        ids = rng.sample(range(1, n + 1), 2000)
        ch = TransferChanges(
            done={i: rng.randrange(4096) for i in ids},
            confirmed={i: 0 for i in ids},
            speed={i: 1e5 for i in ids[:500]},
            states={i: (State.RUNNING, "", "") for i in ids[:200]},
        )
        t = time.perf_counter()
        model.apply(ch)
        costs.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    # The cost follows the rows that changed, not the rows in the queue.
    scaling = []
    for k in (200, 20_000):
        ids = rng.sample(range(1, n + 1), k)
        t = time.perf_counter()
        model.apply(TransferChanges(done={i: 7 for i in ids}, confirmed={i: 0 for i in ids}))
        scaling.append(f"{k:,} rows {(time.perf_counter() - t) * 1000:.1f} ms")
        app.processEvents()
    mode = "flat" if args.flat else "grouped"
    print(f"{mode}: {n:,} files; top-level rows {model.rowCount():,}")
    print(f"time to show: {shown * 1000:.0f} ms (adds of 1,000 + one paint)")
    print(f"model memory: {mem / 1e6:.1f} MB ({mem / n:.0f} B per file, traced Python objects)")
    print(
        f"tick of 2,000 changed rows: median {statistics.median(costs):.1f} ms, "
        f"worst {max(costs):.1f} ms ({statistics.median(costs) * 1000 / 2000:.1f} us per changed row)"
    )
    print("one tick of progress only: " + ", ".join(scaling))


if __name__ == "__main__":
    main()
