"""The search box: folded, prefix-matching full-text search over log-book lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk_app.core.model import LogRow
from desk_app.core.reception.logbook import log_rows
from desk_app.core.text import tokens

if TYPE_CHECKING:
    from sqlite_utils import Database


def match_expression(text: str) -> str | None:
    """Every folded token must match; the last one as a prefix, since people search as they type."""
    found = tokens(text)
    if not found:
        return None
    quoted = [f'"{tok}"' for tok in found]
    quoted[-1] += "*"
    return " ".join(quoted)


def _tiers(text: str) -> list[str]:
    """Match expressions from the most to the least telling: the words together in who came,
    the words together anywhere, then every word anywhere."""
    found = tokens(text)
    if not found:
        return []
    phrase = '"' + " ".join(found) + '" *'
    tiers = [f"who : {phrase}", phrase, match_expression(text) or phrase]  # never None here
    return list(dict.fromkeys(tiers)) if len(found) > 1 else [f"who : {phrase}", phrase]


def search_ids(db: Database, text: str, limit: int = 200) -> list[int]:
    """Best tier first, newest first within a tier, each line once."""
    found: dict[int, None] = {}
    for expr in _tiers(text):
        for (rowid,) in db.conn.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                [expr, limit]):
            found.setdefault(rowid)
        if len(found) >= limit:
            break
    return list(found)[:limit]


def search(db: Database, text: str, limit: int = 200) -> list[LogRow]:
    """Best matches first, then newest first; denunciations appear only through their content, with the denouncer masked."""
    return log_rows(db, search_ids(db, text, limit))
