"""Render resources/icon.svg to the PNG sizes desktops ask for: resources/icons/deal-tracker-SIZE.png."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, folder: Path) -> list[Path]:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = folder / f"deal-tracker-{size}.png"
        if not image.save(str(target)):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    return written


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter on a QImage needs one
    for path in render(ROOT / "resources" / "icon.svg", ROOT / "resources" / "icons"):
        print(path.relative_to(ROOT))
    return 0 if app is not None else 1


if __name__ == "__main__":
    sys.exit(main())
