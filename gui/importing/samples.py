"""File > Remove sample deals: the first run's sample articles' deals to the trash in one undoable step."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from gui.commands import DeleteDeal
from gui.context import Context
from gui.formatting import plural
from gui.resources import SAMPLE_PUBLISHER


class SampleActions(QObject):
    """Owns File > Remove sample deals; a deal another article of yours also reports is kept."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.remove_action = QAction("Remove sa&mple deals", self)
        self.remove_action.setToolTip("Move every deal of the bundled sample articles to the trash (undoable)")
        self.remove_action.triggered.connect(self.remove_samples)

    def remove_samples(self) -> None:
        ids = self._ctx.store.deals_from_publisher(SAMPLE_PUBLISHER)
        if not ids:
            self._ctx.show_status("There are no sample deals to remove", 5000)
            return
        command = DeleteDeal(self._ctx.store, ids, self._ctx.deals_changed.emit)
        command.setText("Remove sample deals")
        if self._ctx.push(command):
            self._ctx.show_status(f"Removed {plural(len(ids), 'sample deal')} (Edit > Undo puts them back)", 8000)
