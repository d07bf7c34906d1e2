"""The full-text index behind the search box: one document per log-book line (petition).

Text is folded by core.text before it is indexed (FTS5 does not fold đ), and queries are
folded the same way. Who came is the identity recorded with the visit (its snapshot), so a
line is found by the name it shows. A denunciation's document holds only its content, never the
denouncer's identity (Denunciation law art. 47), so a name search cannot expose a denouncer.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from desk_app.core.catalog import PETITION_KIND_LABELS, commune_label, topic_name
from desk_app.core.model import PetitionKind
from desk_app.core.reception.logbook import PROTECTED_VISIT
from desk_app.core.text import fold

if TYPE_CHECKING:
    from sqlite_utils import Database

_DOC_SQL = """
SELECT p.id, p.kind, p.topic, p.summary, v.prior_handlers, v.outcome_body,
       pe.full_name, pe.id_number, pe.phone, pe.address, pe.old_address,
       (SELECT group_concat(r.full_name || ' ' || r.id_number, ' ')
          FROM visit_representatives vr JOIN identity_snapshots r ON r.id = vr.identity_id
         WHERE vr.visit_id = v.id) AS reps, pe.commune_code,
       """ + PROTECTED_VISIT + """, {channels}
  FROM petitions p
  JOIN visits v ON v.id = p.visit_id
  JOIN identity_snapshots pe ON pe.id = v.identity_id
"""


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


def _document(row: tuple) -> tuple[int, str, str]:
    """(rowid, who, what): identity and content apart, so a name can rank before a topic."""
    (pid, kind, topic, summary, handlers, body, name, id_no, phone, address, old, reps,
     commune_code, protected, agent, source_body) = row
    what = [PETITION_KIND_LABELS.get(PetitionKind(kind), kind), topic_name(topic), summary,
            handlers, body, source_body]
    who = []
    if not protected:  # a visit that brings a denunciation never indexes who came
        # The address as written (old, with its district) and the new commune both find it.
        who = [name, id_no, phone, address, commune_label(commune_code), old, reps or "",
               agent or ""]
    return (pid, " ".join(_fold_part(p) for p in who if p),
            " ".join(_fold_part(p) for p in what if p))


_INSERT = "INSERT INTO search_fts(rowid, who, what) VALUES (?, ?, ?)"


def index_petitions(db: Database, petition_ids: Iterable[int]) -> None:
    ids = list(petition_ids)
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"{_doc_sql(db)} WHERE p.id IN ({marks})", ids).fetchall()
    db.conn.executemany("DELETE FROM search_fts WHERE rowid = ?", [(i,) for i in ids])
    db.conn.executemany(_INSERT, map(_document, rows))


def rebuild(db: Database, batch: int = 20000) -> None:
    db.execute("DELETE FROM search_fts")
    # No incremental merging while filling: 'optimize' merges everything once at the end
    # (a million documents: 20 s instead of 29 s). 4 is FTS5's default.
    db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 0)")
    cursor = db.execute(_doc_sql(db) + " ORDER BY p.id")
    while rows := cursor.fetchmany(batch):
        db.conn.executemany(_INSERT, map(_document, rows))
    optimize(db)
    db.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 4)")


def optimize(db: Database) -> None:
    db.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
