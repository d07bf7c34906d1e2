"""The search box: folded, prefix-matching full-text search over log-book lines."""

from __future__ import annotations

from sqlite_utils import Database

from desk_app.core.logbook import log_rows
from desk_app.core.model import LogRow
from desk_app.core.text import tokens


def match_expression(text: str) -> str | None:
    """Every folded token must match; the last one as a prefix, since people search as they type."""
    found = tokens(text)
    if not found:
        return None
    quoted = [f'"{tok}"' for tok in found]
    quoted[-1] += "*"
    return " ".join(quoted)


def search_ids(db: Database, text: str, limit: int = 200) -> list[int]:
    expr = match_expression(text)
    if expr is None:
        return []
    return [r[0] for r in db.conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        [expr, limit])]


def search(db: Database, text: str, limit: int = 200) -> list[LogRow]:
    """Newest first; denunciations appear only through their content, with the denouncer masked."""
    return log_rows(db, search_ids(db, text, limit))
