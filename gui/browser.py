"""Opening an article's web address in the user's browser, and writing it as a link a label can show."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_WEB = ("http", "https")


def web_address(url: str | None) -> str | None:
    """`url` when it is an http(s) address a browser may be handed; a file:, javascript: or data: one is not."""
    if not url:
        return None
    parsed = QUrl(url.strip(), QUrl.ParsingMode.TolerantMode)
    if not parsed.isValid() or parsed.scheme().lower() not in _WEB or not parsed.host():
        return None
    # Fully encoded: no quote or angle bracket of a hostile address survives into a label's markup.
    return parsed.toString(QUrl.ComponentFormattingOption.FullyEncoded)


def open_address(url: str | None) -> bool:
    """Hand a web address to the system's browser; False (nothing opened) for anything else."""
    address = web_address(url)
    return address is not None and QDesktopServices.openUrl(QUrl(address))


def link_html(url: str | None, text: str | None = None, limit: int = 60) -> str:
    """An <a> for a rich-text label, every part escaped (addresses and titles come from hostile pages); "" for none."""
    address = web_address(url)
    if address is None:
        return ""
    shown = text or address
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return f'<a href="{html.escape(address, quote=True)}">{html.escape(shown)}</a>'
