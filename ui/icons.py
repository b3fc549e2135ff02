"""Icons from resources/icons, tinted with the palette's text colour so dark mode stays legible."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def resource_dir() -> Path:
    """resources/ next to the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


ICON_DIR = resource_dir() / "icons"
_cache: dict[tuple[str, str, bool], QIcon] = {}


def _render(path: Path, size: int, ratio: float, color: QColor | None) -> QPixmap:
    px = int(size * ratio)
    pm = QPixmap(px, px)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(path)).render(p, QRectF(0, 0, px, px))
    if color is not None:
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        p.fillRect(pm.rect(), color)
    p.end()
    pm.setDevicePixelRatio(ratio)
    return pm


def icon(name: str, tint: bool = True) -> QIcon:
    """A crisp multi-size icon; monochrome ones take the current palette's text colours."""
    app = QApplication.instance()
    pal = app.palette() if isinstance(app, QApplication) else QPalette()
    normal = pal.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    key = (name, normal.name(), tint)
    found = _cache.get(key)
    if found is not None:
        return found
    path = ICON_DIR / f"{name}.svg"
    out = QIcon()
    if path.exists():
        ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
        disabled = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        for size in (16, 22, 24, 32, 48):
            out.addPixmap(_render(path, size, max(1.0, ratio), normal if tint else None))
            if tint:
                out.addPixmap(_render(path, size, max(1.0, ratio), disabled), QIcon.Mode.Disabled)
    _cache[key] = out
    return out


def clear_cache() -> None:
    """After a palette change (dark mode toggled) icons are drawn again in the new colours."""
    _cache.clear()
