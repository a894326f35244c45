"""The display currency: Edit > Preferences… chooses it, its day rates load on the pool, the list's values follow."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from core.store import Store
from gui.context import Context
from gui.search.query import ListQuery

log = logging.getLogger(__name__)

CURRENCY_KEY = "display/currency"
BASE = "USD"
# What an analyst of our desks reports in; any code with ECB rates or a dollar peg would work.
CURRENCIES = {
    "USD": "US dollar", "EUR": "Euro", "GBP": "Pound sterling", "JPY": "Japanese yen", "INR": "Indian rupee",
    "CNY": "Chinese yuan", "CHF": "Swiss franc", "KRW": "South Korean won", "AED": "UAE dirham",
    "SAR": "Saudi riyal", "AUD": "Australian dollar", "CAD": "Canadian dollar", "SGD": "Singapore dollar",
    "HKD": "Hong Kong dollar",
}


class RatesSignals(QObject):
    finished = Signal(str, object)  # the currency, its tuple of (ISO day, units per US dollar)


class RatesWorker(QRunnable):
    """core.fx.per_usd_by_day on the pool: the first call reads the ECB table (0.2-0.7 s)."""

    def __init__(self, currency: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # DisplayCurrency keeps a reference until it is done with it
        self.signals = RatesSignals()
        self.currency = currency

    def run(self) -> None:
        from core.fx import per_usd_by_day

        try:
            rates = per_usd_by_day(self.currency)
        except Exception:  # a broken rates package must leave the list in dollars, not take the window down
            log.exception("Could not read the ECB rates for %s", self.currency)
            rates = ()
        self.signals.finished.emit(self.currency, rates)


class PreferencesDialog(QDialog):
    """One choice so far: the currency the list shows its values and total in."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.currency = QComboBox(self)
        for code, name in CURRENCIES.items():
            self.currency.addItem(f"{name} ({code})", code)
        self.currency.setCurrentIndex(max(0, self.currency.findData(current)))
        form = QFormLayout()
        form.addRow("Show values in:", self.currency)
        note = QLabel("Each deal's US-dollar value is converted at the ECB reference rate of the deal's date.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return str(self.currency.currentData())


class DisplayCurrency(QObject):
    """Owns Edit > Preferences…; remembers the choice in QSettings and hands the list its rates."""

    def __init__(self, ctx: Context, settings: QSettings, list_query: ListQuery) -> None:
        super().__init__(ctx)
        self._ctx, self._settings, self._list_query = ctx, settings, list_query
        self.currency = BASE  # what the list shows now; another one only once its rates are in the store
        self.wanted = BASE
        self.worker: RatesWorker | None = None
        self._rates: dict[str, tuple[tuple[str, float], ...]] = {}
        self.preferences_action = QAction("Pre&ferences…", self, menuRole=QAction.MenuRole.PreferencesRole)
        self.preferences_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences))
        self.preferences_action.triggered.connect(self._on_preferences_triggered)
        # Connected before the window's own slot: a new database gets the rates before the list reads it.
        ctx.store_replaced.connect(self._on_store_replaced)
        saved = settings.value(CURRENCY_KEY, BASE)
        if isinstance(saved, str) and saved in CURRENCIES and saved != BASE:
            self.choose(saved, remember=False)

    def choose(self, code: str, remember: bool = True) -> None:
        """Show the list in `code`: at once for the dollar or rates read before, else once they are read."""
        if remember:
            self._settings.setValue(CURRENCY_KEY, code)
        self.wanted = code
        if code == BASE or code in self._rates:
            self._show(code)
            return
        self._ctx.show_status(f"Reading the ECB rates for {code}…")
        worker = self.worker = RatesWorker(code)
        worker.signals.finished.connect(self._on_rates_finished)
        QThreadPool.globalInstance().start(worker)

    def _on_rates_finished(self, code: str, rates: tuple[tuple[str, float], ...]) -> None:
        self.worker = None
        self._ctx.show_status("")
        if not rates:
            self._ctx.show_status(f"No ECB rates for {code}: values stay in US dollars", 8000)
            return
        self._rates[code] = rates
        if code == self.wanted:  # a later choice wins over rates that came in late
            self._show(code)

    def _show(self, code: str) -> None:
        if code != BASE and not self._ctx.store.has_display_rates(code):
            self._ctx.store.set_display_rates(code, self._rates[code])
        self.currency = code
        self._list_query.set_currency(code)

    def _on_store_replaced(self, store: Store) -> None:
        if self.currency != BASE:
            store.set_display_rates(self.currency, self._rates[self.currency])

    def _on_preferences_triggered(self) -> None:
        dialog = PreferencesDialog(self.wanted, self._ctx.dialog_parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen() != self.wanted:
            self.choose(dialog.chosen())
