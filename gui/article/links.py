"""From a field in the detail pane to the sentence it was read from, shown in the article pane."""

from __future__ import annotations

from PySide6.QtCore import QObject

from core.model import Deal, Evidence
from gui.article.evidence import find_evidence, spans_for
from gui.article.pane import ArticlePane
from gui.context import Context
from gui.detail.pane import DetailPane


class EvidenceLinks(QObject):
    """Follows the detail pane's field_selected and article_requested into the article pane."""

    def __init__(self, ctx: Context, detail: DetailPane, article: ArticlePane) -> None:
        super().__init__(ctx)
        self._ctx, self._detail, self._article = ctx, detail, article
        detail.field_selected.connect(self._on_detail_field_selected)
        detail.article_requested.connect(self._on_detail_article_requested)

    def evidence_for(self, deal: Deal, field: str, row: int = -1) -> Evidence | None:
        return find_evidence(deal, field, row, lambda article_id: self._ctx.store.article(article_id).text)

    def _on_detail_field_selected(self, field: str, row: int) -> None:
        deal = self._detail.deal
        if deal is None:
            return
        evidence = self.evidence_for(deal, field, row)
        if evidence is None or evidence.article_id is None:
            self._article.highlight(())
            self._ctx.show_status(f"No source sentence recorded for {field}", 3000)
            return
        self._article.show_article(self._ctx.store.article(evidence.article_id), spans_for(deal, evidence, row), field)

    def _on_detail_article_requested(self, article_id: int) -> None:
        self._article.show_article(self._ctx.store.article(article_id))
