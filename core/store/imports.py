"""Writing a parsed article, or a re-parse of a stored one, in one transaction with a journal to take it back."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Hashable, Sequence

from sqlite_utils import Database

from core.deals import reparse
from core.deals.fields import changed_fields, source_ids, to_json
from core.errors import InputError
from core.model import Article, Deal, ImportOutcome, ReparseOutcome
from core.store.journal import Journal, revert
from core.store.merging import deal_ids_citing, find_match, first_sources, merge_into, party_entity, refresh_values
from core.store.parties import parse_kind
from core.store.rows import article as stored_article
from core.store.rows import insert_deal, load_deal, save_deal
from core.store.schema import now


def normalize_text(text: str) -> str:
    return " ".join(text.casefold().split())


def text_hash(text: str) -> str:
    """The identity of an article: the same words in any case or spacing are the same article."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def add_article(db: Database, article: Article, *, merge: bool) -> ImportOutcome:
    """Store an article and its deals, or recognise it as stored; with `merge`, a deal that a stored deal
    already reports joins that deal as its new source instead of becoming a deal of its own."""
    digest = text_hash(article.text)
    with db.atomic():
        row = db.execute(
            "SELECT id FROM articles WHERE text_hash = ? OR (url IS NOT NULL AND url = ?) LIMIT 1",
            [digest, article.url],
        ).fetchone()
        if row is not None:
            return ImportOutcome(article_id=row[0], already_imported=True)
        journal = Journal.begin(db)
        journal.keep_entities(db, _entities(db, article.deals))
        article_id = int(db.execute(
            "INSERT INTO articles (text, title, publisher, url, published, imported_at, text_hash, "
            "source_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [article.text, article.title, article.publisher, article.url, article.published, now(),
             digest, article.source_path],
        ).lastrowid or 0)
        journal.article_id, journal.remove_article = article_id, True
        merged: list[int] = []
        for deal in article.deals:
            target = find_match(db, deal, digest, {*journal.added, *merged}) if merge else None
            if target is None:
                journal.added.append(insert_deal(db, deal, "parser", article_id))
            else:
                merge_into(db, target, registered(db, deal), article_id, journal)
                merged.append(target)
    return ImportOutcome(article_id=article_id, added=tuple(journal.added), merged=tuple(merged),
                         journal=journal.dumps())


def apply_reparse(db: Database, article_id: int, deals: Sequence[Deal]) -> ReparseOutcome:
    """Lay a new parse of a stored article over its deals: pair each new deal with the stored deal it
    is, update those (a person's edits stay), add or merge the new ones; the rest are left as they are."""
    with db.atomic():
        stored_article(db, article_id)  # KeyError for an article that is not (or no longer) stored
        digest = db.execute("SELECT text_hash FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        journal = Journal.begin(db)
        journal.article_id = article_id
        journal.keep_entities(db, _entities(db, deals))
        parsed = [registered(db, d) for d in deals]
        cited = deal_ids_citing(db, article_id)
        firsts = first_sources(db, cited)
        stored = [load_deal(db, i) for i in cited]
        pairs = reparse.pair(
            parsed, [reparse.party_keys(d, [p.entity_id for p in d.parties]) for d in parsed],
            stored, [_keys(d) for d in stored],
        )
        updated: list[int] = []
        unchanged: list[int] = []
        kept: list[tuple[int, str]] = []
        for i, j in pairs:
            old = stored[j]
            assert old.id is not None
            journal.keep_deal(db, old.id)
            if firsts.get(old.id) == article_id:
                new, kept_fields = reparse.reparsed(old, parsed[i], article_id, sole_source=len(old.sources) == 1)
                kept += [(old.id, f) for f in kept_fields]
                save_deal(db, new, by="parser")
                refresh_values(db, old.id, parsed[i], article_id)
            else:
                merge_into(db, old.id, parsed[i], article_id, journal)
            (updated if _differs(old, load_deal(db, old.id)) else unchanged).append(old.id)
        paired = {i for i, _ in pairs}
        merged: list[int] = []
        for i, deal in enumerate(parsed):
            if i in paired:
                continue
            target = find_match(db, deal, digest, {*cited, *journal.added, *merged})
            if target is None:
                journal.added.append(insert_deal(db, deal, "parser", article_id))
            else:
                merge_into(db, target, deal, article_id, journal)
                merged.append(target)
        matched = {j for _, j in pairs}
        stale = tuple(d.id for j, d in enumerate(stored) if d.id is not None and j not in matched)
    return ReparseOutcome(
        article_id=article_id, updated=tuple(updated), unchanged=tuple(unchanged), added=tuple(journal.added),
        merged=tuple(merged), stale=stale, kept_edits=tuple(kept), journal=journal.dumps(),
    )


def set_published(db: Database, article_id: int, published: str | None) -> None:
    """An article's published date as a person gave it (ISO, or None for none); the caller holds the transaction."""
    if published is not None:
        try:
            datetime.date.fromisoformat(published)
        except ValueError:
            raise InputError(f"Not a date of the form YYYY-MM-DD: {published!r}") from None
    stored_article(db, article_id)  # KeyError for an article that is not (or no longer) stored
    db.execute("UPDATE articles SET published = ? WHERE id = ?", [published, article_id])


def take_back(db: Database, journal_text: str) -> None:
    """Revert an import's or a re-parse's journal in one transaction; an empty journal has nothing to revert."""
    if not journal_text:
        return
    journal = Journal.loads(journal_text)
    with db.atomic():
        if journal.article_id is not None and db.execute(
                "SELECT 1 FROM articles WHERE id = ?", [journal.article_id]).fetchone() is None:
            return  # already taken back
        revert(db, journal)


def registered(db: Database, deal: Deal) -> Deal:
    """The deal with each party the registry knows tied to its entry, with the registry's kind and country:
    a person's correction there outranks the parser's guess."""
    parties = []
    for party in deal.parties:
        entity_id = party_entity(db, party)
        row = None if entity_id is None else db.execute(
            "SELECT kind, country FROM entities WHERE id = ?", [entity_id]).fetchone()
        if row is not None:
            party = dataclasses.replace(party, kind=parse_kind(row[0]), country=row[1] or party.country,
                                        entity_id=entity_id)
        parties.append(party)
    return deal.replace(parties=tuple(parties))


def _entities(db: Database, deals: Sequence[Deal]) -> list[int]:
    ids = (party_entity(db, p) for d in deals for p in d.parties)
    return sorted({i for i in ids if i is not None})


def _keys(deal: Deal) -> set[Hashable]:
    return reparse.party_keys(deal, [p.entity_id for p in deal.parties])


def _differs(before: Deal, after: Deal) -> bool:
    return bool(changed_fields(before, after)) or source_ids(before) != source_ids(after) \
        or to_json(before.evidence) != to_json(after.evidence)
