"""Rows read by column name.

A SELECT unpacked by position shifts every later field when a column is added or moved in
the middle; a row read as {column: value} cannot. These work on anything with sqlite3's
`execute` (sqlite-utils' Database, a plain sqlite3 connection, the CLI's read-only
connection), which sqlite-utils' `db.query()` does not.

    row = rows.one(db, "SELECT id, full_name FROM persons WHERE id = ?", [person_id])
    person = Person(**row)          # the SELECT's names (or its AS aliases) are the fields
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, Protocol


class _Executes(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


def _columns(cursor: Any) -> list[str]:
    columns = [d[0] for d in cursor.description]
    if len(set(columns)) != len(columns):  # two `id`s: one would silently hide the other
        raise ValueError(f"a column name appears twice (give one an AS name): {columns}")
    return columns


def named(cursor: Any) -> Iterator[dict[str, Any]]:
    """Each row of an executed cursor as {column: value}."""
    columns = _columns(cursor)
    for values in cursor:
        yield dict(zip(columns, values, strict=True))


def one(db: _Executes, sql: str, params: Any = ()) -> dict[str, Any] | None:
    """The first row of the query as {column: value}, or None."""
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip(_columns(cursor), values, strict=True))


def records(db: _Executes, sql: str, params: Any = ()) -> list[sqlite3.Row]:
    """The query's rows as sqlite3.Row: read by name (row["id"], **row) and, for helpers
    whose callers were written before, still by position. (The office's connections are
    SQLCipher's, whose Row class takes only its own cursors: storage/db.py.)"""
    cursor = db.execute(sql, params)
    _columns(cursor)
    row = sqlite3.Row if isinstance(cursor, sqlite3.Cursor) else _cipher_row()
    return [row(cursor, values) for values in cursor]


def _cipher_row():
    import sqlcipher3

    return sqlcipher3.Row


def every(db: _Executes, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
    """Each row of the query as {column: value}, read as the caller iterates."""
    return named(db.execute(sql, params))
