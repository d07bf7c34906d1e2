"""The full-text index behind the search box: one document per log-book line (petition).

Text is folded by core.text before it is indexed (FTS5 does not fold đ), and queries are
folded the same way. Who came is the identity recorded with the visit (its snapshot), so a
line is found by the name it shows. A denunciation's document holds only its content, never the
denouncer's identity (Denunciation law art. 47), so a name search cannot expose a denouncer.

How a document is laid out (docs/search.md has the reasons and the measurements):

- One contentless FTS5 column (`search_fts`): the index keeps no second copy of the text; a
  document is rebuilt from the tables when it must be replaced (`replace_documents`).
- Who came, as words: ``nguyen van dung 027090001234 …``; what it is about, each word marked
  with ``_``: ``_khieu _nai _thu _hoi _dat …``. A phrase in either part is a phrase of plain or
  of marked words, so looking for a name never walks the lines whose content holds those words.
- Each pair of neighbouring words as one more term, in order (``nguyen.van van.dung``,
  ``_thu.hoi _hoi.dat``): "nguyen van dung" is the phrase of pairs "nguyen.van van.dung", whose
  lists are short even when the words' lists are long (a rare full name, a name typed given name
  first), so a phrase that matches few lines is found, or ruled out, without walking the lines
  that hold its words apart.
- Long numbers (ID numbers, phones: 6 digits or more) with their first 1–5 digits as terms
  (``#0``, ``#02`` … ``#02709``), so an ID or phone prefix is one list, not thousands of terms.
- `search_vocab` lists the words and pairs (not the long numbers), so the last word of a query,
  which is matched as a prefix, becomes the few words it can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice, pairwise
from typing import TYPE_CHECKING

from desk_app.core.catalog import PETITION_KIND_LABELS, commune_label, topic_name
from desk_app.core.model import PetitionKind
from desk_app.core.reception.logbook import PROTECTED_VISIT
from desk_app.core.storage import rows
from desk_app.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

_DOC_SQL = """
SELECT p.id, p.kind, p.topic, p.summary, v.prior_handlers, v.outcome_body,
       pe.full_name, pe.id_number, pe.phone, pe.address, pe.old_address,
       (SELECT group_concat(r.full_name || ' ' || r.id_number, ' ')
          FROM visit_representatives vr JOIN identity_snapshots r ON r.id = vr.identity_id
         WHERE vr.visit_id = v.id) AS reps, pe.commune_code,
       """ + PROTECTED_VISIT + """ AS protected, {channels}
  FROM petitions p
  JOIN visits v ON v.id = p.visit_id
  JOIN identity_snapshots pe ON pe.id = v.identity_id
"""

# The words of folded text, the same split as core.text.tokens (queries are split by it).
WORD = re.compile(r"[0-9a-z]+")
# A number this long is an ID number or a phone: indexed with its short prefixes, left out of
# the vocabulary (there is one per person) and of the pairs.
LONG_NUMBER = 6
HASHED_PREFIXES = range(1, LONG_NUMBER)
# Marks: what the line is about, a pair of words, a prefix of a long number. None of them can
# come out of the query's split, so a user's word never matches a mark.
WHAT, PAIR, NUMBER_PREFIX = "_", ".", "#"
BREAK = PAIR  # a term of its own between pairs that are not neighbours
# search_vocab.kind
WHO_WORD, WHAT_WORD, WHO_PAIR, WHAT_PAIR = 0, 1, 2, 3


def is_long_number(word: str) -> bool:
    return len(word) >= LONG_NUMBER and word.isdigit()


# Who presented for the person, and the body that forwarded the petition (0016_channels;
# docs/channels.md). A database between two schema steps (an upgrade's after-step jobs run
# on it) has no such columns yet: its documents simply lack them.
_CHANNELS = """(SELECT a.full_name || ' ' || a.id_number FROM identity_snapshots a
         WHERE a.id = v.agent_identity_id) AS agent, v.source_body"""


def _doc_sql(db: Database) -> str:
    known = {r[1] for r in db.execute("PRAGMA table_info(visits)")}
    return _DOC_SQL.format(channels=_CHANNELS if "agent_identity_id" in known
                           else "NULL AS agent, '' AS source_body")


# Folding each part on its own gives the same text as folding the joined document (a space
# separates them), and the parts repeat a lot (topics, names, addresses, summaries): cached,
# a million documents fold in seconds instead of half a minute.
_fold_part = lru_cache(maxsize=1 << 16)(fold)


def _texts(row: dict) -> tuple[int, str, str]:
    """(rowid, who, what) as folded text: identity and content apart."""
    kind = row["kind"]
    what = [PETITION_KIND_LABELS.get(PetitionKind(kind), kind), topic_name(row["topic"]),
            row["summary"], row["prior_handlers"], row["outcome_body"], row["source_body"]]
    who = []
    if not row["protected"]:  # a visit that brings a denunciation never indexes who came
        # The address as written (old, with its district) and the new commune both find it;
        # so does the name of whoever presented it for the person.
        who = [row["full_name"], row["id_number"], row["phone"], row["address"],
               commune_label(row["commune_code"]), row["old_address"], row["reps"] or "",
               row["agent"] or ""]
    return (row["id"], " ".join(_fold_part(p) for p in who if p),
            " ".join(_fold_part(p) for p in what if p))


def _side(words: list[str], mark: str, numbers: dict[str, None]) -> tuple[list[str], list[str]]:
    """A part's words and its pairs in order: pair i joins words i and i+1, so the words in a
    phrase are together exactly when their pairs are together in a phrase of pairs. A long
    number has no pairs: a BREAK stands where they would be, so no phrase of pairs spans it."""
    pairs: list[str] = []
    for a, b in pairwise(words):
        if is_long_number(a) or is_long_number(b):
            if pairs and pairs[-1] != BREAK:
                pairs.append(BREAK)
        else:
            pairs.append(mark + a + PAIR + b)
    if pairs and pairs[-1] == BREAK:
        pairs.pop()
    for word in words:
        if is_long_number(word):
            for n in HASHED_PREFIXES:
                numbers[mark + NUMBER_PREFIX + word[:n]] = None
    return ([mark + w for w in words] if mark else words), pairs


def body(who: str, what: str) -> str:
    """The indexed text of one line from its folded who and what: the words of who came, the
    (marked) words of what it is about, the pairs of each part, the number prefixes. A phrase is
    only ever made of words of one part or of pairs of one part, so it cannot run from one
    section into the next."""
    numbers: dict[str, None] = {}  # ordered, each once
    who_words, who_pairs = _side(WORD.findall(who), "", numbers)
    what_words, what_pairs = _side(WORD.findall(what), WHAT, numbers)
    return " ".join(who_words + what_words + who_pairs + what_pairs + list(numbers))


def documents(db: Database, petition_ids: Iterable[int]) -> dict[int, str]:
    """The indexed text of these lines as the tables hold them now."""
    ids = list(petition_ids)
    out: dict[int, str] = {}
    sql = _doc_sql(db)
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        marks = ",".join("?" * len(chunk))
        for row in list(rows.every(db, f"{sql} WHERE p.id IN ({marks})", chunk)):
            pid, who, what = _texts(row)
            out[pid] = body(who, what)
    return out


_INSERT = "INSERT INTO search_fts(rowid, body) VALUES (?, ?)"
# A contentless index forgets a document only when told exactly what it held.
_DELETE = "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', ?, ?)"
_VOCAB = "INSERT OR IGNORE INTO search_vocab(kind, term) VALUES (?, ?)"


def _add(db: Database, docs: dict[int, str]) -> None:
    vocab: set[tuple[int, str]] = set()
    for text in docs.values():
        _vocabulary(text, vocab)
    db.conn.executemany(_INSERT, docs.items())
    db.conn.executemany(_VOCAB, sorted(vocab))


def _vocabulary(text: str, vocab: set[tuple[int, str]]) -> None:
    """The words (not the long numbers) and pairs of an indexed text, by kind."""
    for term in text.split():
        if term == BREAK or term[0] == NUMBER_PREFIX or term.startswith(WHAT + NUMBER_PREFIX):
            continue
        what = term[0] == WHAT
        word = term[1:] if what else term
        if PAIR in word:
            vocab.add((WHAT_PAIR if what else WHO_PAIR, word))
        elif not is_long_number(word):
            vocab.add((WHAT_WORD if what else WHO_WORD, word))


def index_petitions(db: Database, petition_ids: Iterable[int]) -> None:
    """Index new lines (the intake's): they were never indexed."""
    _add(db, documents(db, petition_ids))


def replace_documents(db: Database, before: dict[int, str]) -> None:
    """Re-index lines whose text may have changed; `before` is `documents()` of them taken
    before the change, in the same transaction (a correction: see corrections.correct_entry).
    Words that no line holds any more stay in the vocabulary: a query expands to them and
    finds nothing there, which costs nothing."""
    after = documents(db, before)
    changed = {pid: text for pid, text in after.items() if before.get(pid) != text}
    db.conn.executemany(_DELETE, [(pid, before[pid]) for pid in changed if pid in before])
    _add(db, changed)


def rebuild(db: Database, batch: int = 20000) -> None:
    db.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    db.execute("DELETE FROM search_vocab")
    # No incremental merging while filling: 'optimize' merges everything once at the end
    # (a million documents: 20 s instead of 29 s). 4 is FTS5's default.
    db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0)")
    lines = rows.every(db, _doc_sql(db) + " ORDER BY p.id")
    vocab: set[tuple[int, str]] = set()
    while chunk := list(islice(lines, batch)):
        docs = [(pid, body(who, what)) for pid, who, what in map(_texts, chunk)]
        db.conn.executemany(_INSERT, docs)
        for _, text in docs:
            _vocabulary(text, vocab)
    db.conn.executemany(_VOCAB, sorted(vocab))
    optimize(db)
    db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 4)")


def optimize(db: Database) -> None:
    db.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
