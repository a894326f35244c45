"""The window's message boxes: readable errors with details behind a button, and the about box."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtWidgets import QMessageBox, QWidget


def app_version() -> str:
    try:
        return version("deal-tracker")
    except PackageNotFoundError:
        return "unknown"


def error_box(parent: QWidget | None, title: str, text: str, details: str | None = None) -> QMessageBox:
    """Build (but do not show) the error box, so tests can inspect it without a modal loop."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        # Qt shows a "Show Details..." button and keeps the traceback out of sight.
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    error_box(parent, title, text, details).exec()


def about_text() -> str:
    return (
        f"<h3>Deal Tracker {app_version()}</h3>"
        "<p>A local, private desk for business deals in the news: "
        "drop articles in, get structured deals out, correct what the parser got wrong, "
        "and find any deal again in a second.</p>"
    )


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(parent, "About Deal Tracker", about_text())


# PySide6 prefixes the message of an exception raised inside a Python override called from C++.
_OVERRIDE_PREFIX = re.compile(r"^Error calling Python override of [\w:]+\(\): ")


def readable_error(exc: BaseException) -> str:
    """The exception's own words, without the binding's prefix."""
    return _OVERRIDE_PREFIX.sub("", str(exc))
