"""Start-up: QApplication and its names, the data dir, settings, the excepthook; run() opens the window."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from core import fx, places
from core.errors import DealsError
from core.paths import APPLICATION, ORGANIZATION
from gui.database.dialogs import Chooser, open_or_recover, opened_note
from gui.database.files import LAST_DATABASE_KEY
from gui.dialogs import show_error
from gui.resources import app_icon

if TYPE_CHECKING:
    from core.store import Store
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

DEFAULT_DATABASE = "deals.db"
DESKTOP_ENTRY = "deal-tracker"  # resources/deal-tracker.desktop, as make install-desktop installs it


def choose_data_dir(override: str | None) -> Path:
    """--data-dir, else $DEAL_TRACKER_DATA_DIR (as the CLI reads it), else AppDataLocation; created when missing."""
    override = override or os.environ.get("DEAL_TRACKER_DATA_DIR")
    if override:
        folder = Path(override).expanduser()
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_settings(folder: Path, private: bool) -> QSettings:
    # With --data-dir everything, UI state included, lives in that folder: a second desk never
    # disturbs the first, and tests stay out of the user's real settings.
    if private:
        return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def open_store(path: Path) -> Store:
    """Open (creating if missing) the database at `path`; a new default one gets its samples from open_window."""
    from core.store import Store

    return Store.open(path)


def open_window(store: Store, settings: QSettings, *, samples: bool = False) -> MainWindow:
    """The window on `store`, shown. With `samples` (a new default database) the bundled sample articles are
    imported once it has painted, on the pool as the welcome panel's button does: one undo step, so Edit >
    Undo takes them out again."""
    from gui.main_window import MainWindow

    window = MainWindow(store, settings)
    window.show()
    if samples:
        # After the first paint: the reader process starts in the background and rows arrive as parsed.
        QTimer.singleShot(0, window.importer.import_samples)
        # A first look is one deal in the detail pane, not every sample selected as an import leaves them.
        window.importer.import_finished.connect(lambda _: window.table.selectRow(0),
                                                Qt.ConnectionType.SingleShotConnection)
    return window


def install_excepthook() -> None:
    """Log every uncaught exception and show it in a dialog with the traceback under Details."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception\n%s", details)
        if showing or QApplication.instance() is None:
            return  # an error inside the error dialog must not loop
        showing = True
        try:
            parent = QApplication.activeWindow()
            if isinstance(exc, DealsError):
                show_error(parent, APPLICATION, str(exc))
            else:
                show_error(
                    parent,
                    "Unexpected error",
                    f"Deal Tracker ran into a problem it did not expect:\n\n{exc_type.__name__}: {exc}\n\n"
                    "Your data is safe; every change is stored as soon as it is made.",
                    details,
                )
        finally:
            showing = False

    sys.excepthook = hook


def _setup_logging(folder: Path) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        handlers.append(logging.FileHandler(folder / "deal-tracker.log", encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers)


def run(argv_db: str | None, data_dir: str | None) -> int:
    """Open the window on `argv_db`, else the last database, else `deals.db` in the data dir."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(app_icon())
    # Wayland shells ignore window icons and find the icon and name through the desktop entry's id.
    app.setDesktopFileName(DESKTOP_ENTRY)

    folder = choose_data_dir(data_dir)
    _setup_logging(folder)
    install_excepthook()
    settings = make_settings(folder, private=data_dir is not None)

    default = folder / DEFAULT_DATABASE
    last = cast(str, settings.value(LAST_DATABASE_KEY, "", str))
    if argv_db:
        path = Path(argv_db).expanduser()
    elif last and Path(last).exists():
        path = Path(last)
    else:
        path = default
    # A broken or newer file gets a dialog that offers another file or a backup; it is never overwritten.
    chooser = Chooser()
    new_default = False

    def open_one(candidate: Path) -> Store:
        nonlocal new_default
        fresh = candidate == default and not candidate.exists()
        opened = open_store(candidate)
        new_default = fresh  # of the file that opened last, which is the one the window shows
        return opened

    store, note = open_or_recover(None, path, open_one, chooser)
    if store is None and not argv_db and path != default:
        # The remembered database went bad and nothing else was chosen: the default desk is still there.
        store, note = open_or_recover(None, default, open_one, chooser)
    if store is None:
        return 1

    # The ECB rate table takes up to 0.7 s to read: read it on the pool now, so that the first save or
    # import that converts an amount finds it ready instead of freezing the window.
    if not fx.rates_loaded():
        QThreadPool.globalInstance().start(fx.ecb_rates)
    # The place tables (about a second) too: the first save of a location reads its country from them.
    if not places.places_loaded():
        QThreadPool.globalInstance().start(places.places)
    window = open_window(store, settings, samples=new_default)
    note = " ".join(line for line in (note, opened_note(store)) if line)
    if note:
        window.statusBar().showMessage(note, 30000)
    code = app.exec()
    window.store.close()  # the window may have switched databases since
    return code
