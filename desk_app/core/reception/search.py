"""The search box: folded, prefix-matching full-text search over log-book lines.

Every word must match; the last one as a prefix, since people search as they type. Results
come in three tiers, newest first within each: (1) the words together, in this order, in who
came; (2) the words together in what it is about; (3) every word anywhere. Each tier is one
FTS5 query that reads its lists newest first and stops at the page's end; a tier that comes
after others leaves their lines out (`NOT`), so a page can start anywhere ("tier:rowid").

How the index makes each query short is in search_index.py and docs/search.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from desk_app.core.model import LogRow
from desk_app.core.reception.logbook import log_rows
from desk_app.core.reception.search_index import (
    LONG_NUMBER,
    NUMBER_PREFIX,
    PAIR,
    WHAT,
    WHAT_PAIR,
    WHAT_WORD,
    WHO_PAIR,
    WHO_WORD,
    is_long_number,
)
from desk_app.core.text import tokens

if TYPE_CHECKING:
    from sqlite_utils import Database

# The search box shows this many lines at a time; the command line pages by at most this many.
PAGE = 500
# Counting beyond this many matches would read long lists: the window says "more than".
COUNT_CAP = 10_000
# A last word that can be more words than this is matched by FTS5's own prefix scan instead,
# which reads every list of the prefix to the end (a letter alone: ~0.5 s at a million lines);
# 400 words read newest first cost ~15 ms there.
MAX_EXPANSION = 512


@dataclass(frozen=True)
class SearchPage:
    ids: list[int]
    after: str | None  # where the next page starts, None when there is none


def match_expression(text: str) -> str | None:
    """Every folded token must match; the last one as a prefix (the FTS5 text of tier 3)."""
    found = tokens(text)
    if not found:
        return None
    quoted = [f'"{tok}"' for tok in found]
    quoted[-1] += "*"
    return " ".join(quoted)


def _q(term: str) -> str:
    return f'"{term}"'  # terms are [0-9a-z_.#]: nothing to escape


class _Planner:
    def __init__(self, db: Database, words: list[str]):
        self.db, self.words = db, words

    def known(self, kind: int, term: str) -> bool:
        return self.db.execute("SELECT 1 FROM search_vocab WHERE kind = ? AND term = ?",
                               [kind, term]).fetchone() is not None

    def expand(self, kind: int, prefix: str) -> list[str] | None:
        """Vocabulary terms starting with `prefix`; None when there are too many."""
        rows = self.db.execute(
            "SELECT term FROM search_vocab WHERE kind = ? AND term >= ? AND term < ?"
            " ORDER BY term LIMIT ?", [kind, prefix, prefix + "\x7f", MAX_EXPANSION + 1]).fetchall()
        return None if len(rows) > MAX_EXPANSION else [r[0] for r in rows]

    def numbers(self, mark: str, last: str) -> list[str]:
        """Long numbers starting with `last` (which is digits): one term for a prefix of up to
        5 digits, else FTS5's prefix scan (few numbers share 6 digits)."""
        if len(last) < LONG_NUMBER:
            return [_q(mark + NUMBER_PREFIX + last)]
        return [_q(mark + last) + "*"]

    def side(self, mark: str) -> str | None:
        """Tier 1 (who, mark '') or 2 (what, mark '_'): the words together, in order. Words
        together are pairs together (search_index.body): a phrase of pairs, each pair's list
        short, instead of a phrase of words whose lists may each hold most lines."""
        word_kind, pair_kind = (WHAT_WORD, WHAT_PAIR) if mark else (WHO_WORD, WHO_PAIR)
        *head, last = self.words
        if any(not is_long_number(w) and not self.known(word_kind, w) for w in head):
            return None
        if not head:  # one word: any word it begins
            words = self.expand(word_kind, last)
            if words is None:
                return _q(mark + last) + "*"
            alternatives = [_q(mark + w) for w in words]
            if last.isdigit():
                alternatives += self.numbers(mark, last)
            return " OR ".join(alternatives) or None
        if any(map(is_long_number, head)):
            return self.words_phrase(mark, head, last)  # its long number's list is short
        pairs = [mark + a + PAIR + b for a, b in pairwise(head)]
        if any(not self.known(pair_kind, p[len(mark):]) for p in pairs):
            return None
        prev = head[-1]
        found = self.expand(pair_kind, prev + PAIR + last)
        if found is None:  # too many to list: FTS5's prefix scan of the last pair
            children = ['"' + " ".join(pairs + [mark + prev + PAIR + last]) + '"*']
        else:
            children = [_q(" ".join(pairs + [mark + p])) for p in found]
        if last.isdigit():
            children += self.long_number_after(mark, head, last)
        return " OR ".join(children) or None

    def words_phrase(self, mark: str, head: list[str], last: str) -> str | None:
        """The words together as a phrase of words, the last one's possible words listed."""
        phrase = " ".join(mark + w for w in head)
        nexts = self.expand(WHAT_WORD if mark else WHO_WORD, last)
        if nexts is None:
            children = [f'"{phrase} {mark}{last}"*']
        else:
            children = [_q(f"{phrase} {mark}{w}") for w in nexts]
        if last.isdigit():
            children += self.long_number_after(mark, head, last)
        return " OR ".join(children) or None

    def long_number_after(self, mark: str, head: list[str], last: str) -> list[str]:
        """Words then the first digits of a long number (an ID after a name). From 6 digits on,
        FTS5 scans for the prefix in the phrase (few numbers share them); before that, the
        words together and a long number so starting in the same part: close enough, and
        these lines are in tier 3 anyway."""
        phrase = " ".join(mark + w for w in head)
        if len(last) >= LONG_NUMBER:
            return [f'"{phrase} {mark}{last}"*']
        return [f"({_q(phrase)} AND {_q(mark + NUMBER_PREFIX + last)})"]

    def anywhere(self) -> str | None:
        """Tier 3: every word in either part."""
        *head, last = self.words
        groups = []
        for word in dict.fromkeys(head):  # a word twice is the same condition
            if word == last:
                continue  # the last word's group (its prefix) holds it
            if is_long_number(word):
                terms = [_q(word), _q(WHAT + word)]
            else:
                terms = [_q(m + word) for m, kind in (("", WHO_WORD), (WHAT, WHAT_WORD))
                         if self.known(kind, word)]
            if not terms:
                return None
            groups.append(terms)
        last_terms: list[str] = []
        for mark, kind in (("", WHO_WORD), (WHAT, WHAT_WORD)):
            words = self.expand(kind, last)
            if words is None:
                last_terms.append(_q(mark + last) + "*")
                continue
            last_terms += [_q(mark + w) for w in words]
            if last.isdigit():
                last_terms += self.numbers(mark, last)
        if not last_terms:
            return None
        groups.append(last_terms)
        return " AND ".join("(" + " OR ".join(g) + ")" for g in groups)


def _tiers(db: Database, text: str) -> list[str | None]:
    """The FTS5 expressions of tiers 1, 2 and 3 (None: nothing can match)."""
    words = tokens(text)
    if not words:
        return []
    planner = _Planner(db, words)
    tiers = [planner.side(""), planner.side(WHAT)]
    if len(words) > 1:
        tiers.append(planner.anywhere())
    return tiers


def _exclusive(tiers: list[str | None]) -> list[tuple[int, str]]:
    """(tier number, expression) with the lines of earlier tiers left out."""
    out: list[tuple[int, str]] = []
    earlier: list[str] = []
    for number, expr in enumerate(tiers, start=1):
        if expr is None:
            continue
        if earlier:
            out.append((number, f"({expr}) NOT ({' OR '.join(f'({e})' for e in earlier)})"))
        else:
            out.append((number, expr))
        earlier.append(expr)
    return out


def search_page(db: Database, text: str, limit: int = PAGE, after: str | None = None) -> SearchPage:
    """Up to `limit` line ids: best tier first, newest first within a tier, each line once.
    `after` is a page's `after`: the next page starts there."""
    start_tier, below = 1, None
    if after:
        tier_text, _, rowid_text = after.partition(":")
        start_tier, below = int(tier_text), int(rowid_text)
    ids: list[int] = []
    last_tier = start_tier
    for number, expr in _exclusive(_tiers(db, text)):
        if number < start_tier:
            continue
        sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?"
        params: list[str | int] = [expr]
        if number == start_tier and below is not None:
            sql += " AND rowid < ?"
            params.append(below)
        params.append(limit - len(ids) + 1)  # one more: is there a next page?
        found = [r[0] for r in db.conn.execute(sql + " ORDER BY rowid DESC LIMIT ?", params)]
        if len(ids) + len(found) > limit:
            if len(ids) < limit:
                ids += found[:limit - len(ids)]
                last_tier = number
            return SearchPage(ids, f"{last_tier}:{ids[-1]}")
        if found:
            ids += found
            last_tier = number
    return SearchPage(ids, None)


def search_ids(db: Database, text: str, limit: int = 200) -> list[int]:
    """The first `limit` line ids (see search_page)."""
    return search_page(db, text, limit).ids


def count_matches(db: Database, text: str, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many lines match: (n, True), or (cap, False) when there are more than `cap`."""
    tiers = _tiers(db, text)
    union = tiers[2] if len(tiers) == 3 else " OR ".join(f"({t})" for t in tiers if t)
    if not union:
        return 0, True
    n = db.conn.execute("SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts"
                        " MATCH ? LIMIT ?)", [union, cap + 1]).fetchone()[0]
    return (n, True) if n <= cap else (cap, False)


def search(db: Database, text: str, limit: int = 200) -> list[LogRow]:
    """Best matches first, then newest first; denunciations appear only through their content, with the denouncer masked."""
    return log_rows(db, search_ids(db, text, limit))
