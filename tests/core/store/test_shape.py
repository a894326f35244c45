"""core.store.shape on its own: a database's shape against its migrations', what is refused and what is rebuilt."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from core.errors import DatabaseError
from core.store import schema
from core.store.shape import FTS_TABLE, Repair, check, expected_shape, inspect, read_shape


@pytest.fixture
def db() -> Database:
    fresh = Database(memory=True)
    schema.apply(fresh)
    return fresh


def test_a_fresh_database_has_the_shape_its_migrations_give(db: Database) -> None:
    applied = schema.applied_names(db)
    assert read_shape(db) == expected_shape(schema.MIGRATIONS, frozenset(applied))
    assert inspect(db, applied, "fresh.db") is None
    assert check(db, applied, "fresh.db", "") == ""


def test_the_search_table_and_its_shadow_tables_are_one_object(db: Database) -> None:
    shape = read_shape(db)
    assert ("table", FTS_TABLE) in shape.sql
    assert shape.shadows and all(name.startswith(FTS_TABLE + "_") for name in shape.shadows)
    assert not set(shape.shadows) & set(shape.columns)


def test_a_missing_trigger_is_rebuilt_and_said_in_one_line(db: Database) -> None:
    applied = schema.applied_names(db)
    trigger = next(name for kind, name in read_shape(db).sql if kind == "trigger")
    db.execute(f'DROP TRIGGER "{trigger}"')
    fix = inspect(db, applied, "hand.db")
    assert fix == Repair((("trigger", trigger),), (f"trigger {trigger} was missing",))
    note = check(db, applied, "hand.db", "")
    assert note.startswith("Repaired hand.db: trigger") and "\n" not in note
    assert inspect(db, applied, "hand.db") is None


def test_a_missing_trigger_in_a_read_only_file_is_refused(db: Database) -> None:
    applied = schema.applied_names(db)
    trigger = next(name for kind, name in read_shape(db).sql if kind == "trigger")
    db.execute(f'DROP TRIGGER "{trigger}"')
    with pytest.raises(DatabaseError, match="the file is read-only, so it cannot be repaired"):
        check(db, applied, "hand.db", "the file is read-only")


def test_a_table_of_the_users_data_changed_by_hand_is_refused_not_repaired(db: Database) -> None:
    applied = schema.applied_names(db)
    db.execute("ALTER TABLE deals ADD COLUMN mood TEXT")
    with pytest.raises(DatabaseError, match=r"^Could not open hand\.db: .*table deals has a column mood"):
        inspect(db, applied, "hand.db")


def test_a_repair_names_two_differences_and_counts_the_rest() -> None:
    fix = Repair((), ("a was missing", "b was changed", "c was missing", "d was missing"))
    assert fix.describe("x.db") == ("Repaired x.db: a was missing, b was changed and 2 more "
                                    "(the database was changed outside Deal Tracker); its search index was rebuilt.")
