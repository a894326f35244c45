"""Undo commands are the window's only writers: every write method of Store, every write statement, no SQL in gui/."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from core.store import Store
from test_commands import EDITS, MOU, _deal_id

GUI = Path(__file__).resolve().parents[2] / "gui"
COMMAND_FILES = ("gui/commands.py", "gui/registry/commands.py", "gui/watch/commands.py", "gui/feeds/commands.py")

# Every public name of Store, sorted into what writes to the database and what does not; a new method
# must be put in one of them (test_every_store_method_is_a_read_or_a_write), so a new writer is watched.
WRITES = {
    "add_article", "remove_import", "apply_reparse", "undo_reparse", "choose_value", "split_deal", "undo_split",
    "add_deal", "save", "delete_deal", "restore_deal", "delete_deals", "restore_deals", "merge_deals",
    "undo_merge", "rename_entity", "merge_entities", "add_alias", "remove_alias", "undo_registry_edit",
    "set_not_duplicates", "add_articles", "remove_imports", "apply_reparses", "undo_reparses",
    "add_watch", "remove_watch", "restore_watch",
    # Feeds: the poller writes on a connection of its own (core.feeds); the window through gui/feeds/commands.py.
    "add_feed", "update_feed", "record_poll", "remove_feed", "restore_feed", "add_feed_article", "accept_inbox",
    "return_to_inbox",
    "rename_sector", "merge_sectors", "undo_sector_edit",
}
READS = {
    "open", "open_reader", "in_memory", "close", "interrupt", "data_version", "deals_for_article",
    "field_alternatives", "article", "articles_for_deal", "article_count", "deal", "history", "iter_deals",
    "count_deals", "deal_ids", "position", "deal_rows", "facets", "slow_facets", "kept_facets", "party_counts", "sector_counts", "totals", "trashed", "entities", "entity_names", "entity",
    "possible_duplicates", "read_only", "note", "watches", "watched_deal_ids", "watch_counts",
    "feeds", "feed", "feed_by_url", "feed_entries", "feed_entry_known", "article_with_url", "inbox_count", "in_inbox",
    "sectors", "deals_from_publisher", "deal_flow", "breakdown", "league",
    # Rates of a display currency go to the connection's temp schema, never to the file.
    "set_display_rates", "has_display_rates",
}
WRITE_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _callers() -> list[str]:
    frame, files = sys._getframe(1), []
    while frame is not None:
        files.append(frame.f_code.co_filename.replace("\\", "/"))
        frame = frame.f_back
    return files


def _from_command(files: list[str]) -> bool:
    return any(f.endswith(COMMAND_FILES) for f in files)


def test_every_store_method_is_a_read_or_a_write():
    public = {name for name in vars(Store) if not name.startswith("_")}
    assert public == WRITES | READS, "sort a new Store method into WRITES or READS"
    assert not WRITES & READS


def _select_only(window, *deal_ids):
    """Select exactly these rows; selectRow would toggle a row under a Ctrl another test left held."""
    model, selection = window.model, window.table.selectionModel()
    flags = selection.SelectionFlag
    selection.setCurrentIndex(model.index(model.row_of(deal_ids[0]), 0), flags.ClearAndSelect | flags.Rows)
    for deal_id in deal_ids[1:]:
        selection.select(model.index(model.row_of(deal_id), 0), flags.Select | flags.Rows)
    assert window.table.selected_ids() == sorted(deal_ids, key=model.row_of)


def _drive(window, store):
    """Merge, delete and edits through the window, with undo (a delete's undo restores) and redo."""
    keep, other = _deal_id(store, MOU), _deal_id(store, "AI Infrastructure Partnership")
    _select_only(window, keep, other)
    window.deal_actions.merge_action.trigger()
    window.deal_actions.merge_preview.merge_button.click()
    window.undo_stack.undo()
    window.undo_stack.redo()
    _select_only(window, keep)
    window.deal_actions.delete_action.trigger()
    window.undo_stack.undo()
    window.undo_stack.redo()
    window.undo_stack.undo()
    _select_only(window, keep)
    for edit in EDITS.values():
        edit(window.detail)
    assert window.watches.add("party", "BlackRock")  # a watch, undone and redone
    window.undo_stack.undo()
    window.undo_stack.redo()


def test_only_commands_write_to_the_store(window, sample_store, monkeypatch):
    calls = []
    for name in WRITES:
        original = getattr(sample_store, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            calls.append((_name, _from_command(_callers())))
            return _original(*args, **kwargs)

        monkeypatch.setattr(sample_store, name, spy)
    # Raw SQL through store.db passes no Store method: watch the statements the connection runs.
    statements = []

    def trace(sql):
        words = sql.lstrip().split(None, 3)
        # The trash's search index lives in the temp schema and is rebuilt by reads (core.store.search).
        if words and words[0].upper() in WRITE_STATEMENTS and "temp." not in sql:
            statements.append((sql[:60], _from_command(_callers())))

    sample_store.db.conn.set_trace_callback(trace)
    try:
        _drive(window, sample_store)
    finally:
        sample_store.db.conn.set_trace_callback(None)
    assert {"save", "delete_deals", "restore_deals", "merge_deals", "undo_merge", "add_watch", "remove_watch",
            "restore_watch"} <= {n for n, _ in calls}
    assert calls and all(from_command for _, from_command in calls), [c for c in calls if not c[1]]
    assert statements and all(from_command for _, from_command in statements), [s for s in statements if not s[1]]


# Names in gui/ that would reach the database past the store's methods.
_SQL_CALLS = {"execute", "executemany", "executescript", "atomic"}
# SQL as we write it, keywords in capitals: "Select a deal to see its details." is a hint, not a query.
_SQL = re.compile(r"^\s*(SELECT\b.*\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|PRAGMA\s+\w+"
                  r"|CREATE\s+(TEMP\s+)?(TABLE|INDEX|VIEW|TRIGGER)\b)", re.DOTALL)
_STORE_INTERNALS = {"schema", "rows", "query", "search", "journal", "merging", "imports"}
_SQLITE_ERRORS = {"Error", "OperationalError", "DatabaseError", "IntegrityError"}


def _leaks(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute):
            if node.attr in ("db", "conn"):
                found.append(f"{where} .{node.attr}")
            elif node.attr in _SQL_CALLS:
                found.append(f"{where} .{node.attr}()")
            elif isinstance(node.value, ast.Name) and node.value.id == "sqlite3" and node.attr not in _SQLITE_ERRORS:
                found.append(f"{where} sqlite3.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] in ("sqlite3", "sqlite_utils") or parts[:2] == ["core", "store"] and (
                    len(parts) > 2 and parts[2] in _STORE_INTERNALS
                    or len(parts) == 2 and {a.name for a in node.names} & _STORE_INTERNALS):
                found.append(f"{where} from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"{where} import {a.name}" for a in node.names if a.name.split(".")[0] == "sqlite_utils"
                      or a.name.split(".")[:3] in [["core", "store", m] for m in _STORE_INTERNALS]]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL.match(node.value):
                found.append(f"{where} SQL {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("path", sorted(GUI.rglob("*.py")), ids=lambda p: str(p.relative_to(GUI)))
def test_gui_holds_no_sql_and_no_store_internals(path):
    assert _leaks(path) == []
