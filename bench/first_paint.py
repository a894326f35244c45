"""Start the window as `main.py` does and print the monotonic clock when the deal table first paints, then quit.

window_bench.py runs `bench/first_paint.py --db FILE --data-dir DIR` and takes the time from just before it
started the process. The hook lives here, not in the product: an application-wide event filter waits for
the first paint of the table's viewport (the child of the widget named "deals").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class FirstPaintExit(QObject):
    """Print the clock once the deal table's viewport has painted, then quit the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            parent = watched.parentWidget()
            if parent is not None and parent.objectName() == "deals":
                QApplication.instance().removeEventFilter(self)
                QTimer.singleShot(0, self._on_painted)  # runs once this paint has finished
        return False

    def _on_painted(self) -> None:
        print(f"bench: painted at {time.monotonic():.6f}", flush=True)
        QApplication.quit()


def main(argv: list[str]) -> int:
    import main as switchboard

    app = QApplication(sys.argv[:1])  # gui.app.run() takes the application made here
    first_paint = FirstPaintExit(app)
    app.installEventFilter(first_paint)
    return switchboard.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
