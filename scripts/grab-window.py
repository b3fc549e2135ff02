"""Save a screenshot of one X11 window and fail if it looks blank (scripts/bundle-check.sh).

Usage: DISPLAY=:N python scripts/grab-window.py WINDOW_ID OUT.png
Exit 0 when the PNG is written and shows enough distinct colours to be a drawn window, else 1.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    window_id, out = int(argv[0], 0), argv[1]
    os.environ["QT_QPA_PLATFORM"] = "xcb"  # grab from the X server in DISPLAY, never offscreen
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication(["grab-window"])
    screen = app.primaryScreen()
    image = screen.grabWindow(window_id).toImage().convertToFormat(QImage.Format.Format_RGB32)
    if image.isNull() or image.width() < 100 or image.height() < 100:
        size = f"{image.width()}x{image.height()}"
        print(f"grab-window: window {window_id:#x} gave a {size} image", file=sys.stderr)
        return 1
    colours = len(set(memoryview(image.constBits()).cast("I")))
    if not image.save(out):
        print(f"grab-window: could not write {out}", file=sys.stderr)
        return 1
    print(f"grab-window: {out} {image.width()}x{image.height()}, {colours} colours")
    # Text, icons and frames give hundreds of colours; an unpainted window has one or two.
    if colours < 32:
        print(f"grab-window: the window looks blank ({colours} colours)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
