"""Numbering and the register: no gaps, no reuse, nothing written when rendering fails."""

import hashlib
import json
from datetime import datetime

import pytest

from desk_app import messages
from desk_app.core.documents import issue, print_receipt, reprint
from desk_app.core.documents import receipt as receipt_module
from desk_app.core.documents import register as register_module
from desk_app.core.documents.data import REFUSAL_KIND, refusal_data
from desk_app.core.errors import DeskError
from desk_app.core.model import Outcome
from tests.support import register, snapshot

NOW = datetime(2026, 11, 23, 8, 30)


class RenderFailed(Exception):
    pass


def _fail(payload, **_):
    raise RenderFailed(payload["number"])


def _payload(db):
    visit = register(db, outcome=Outcome.REFUSED, refusal_reason="da_giai_quyet_dung")
    return visit.visit_id, refusal_data(db, visit.visit_id, on=NOW.date())


def test_a_failing_render_writes_nothing_and_uses_no_number(db):
    visit_id, payload = _payload(db)
    a = issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, visit_id=visit_id, now=NOW)
    before = snapshot(db)
    with pytest.raises(RenderFailed, match="02/TB-UBND"):
        issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, visit_id=visit_id,
              now=NOW, render=_fail)
    assert snapshot(db) == before
    b = issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, visit_id=visit_id, now=NOW)
    c = issue(db, REFUSAL_KIND, year=2027, subject="s", payload=payload, now=NOW)
    assert [(d.year, d.seq, d.number) for d in (a, b, c)] == [
        (2026, 1, "01/TB-UBND"), (2026, 2, "02/TB-UBND"), (2027, 1, "01/TB-UBND")]
    rows = db.execute("SELECT kind, year, seq, number, sha256, payload, subject FROM issued_documents"
                      " WHERE kind = ? ORDER BY id", [REFUSAL_KIND]).fetchall()
    assert [r[2] for r in rows] == [1, 2, 1]
    for row, doc in zip(rows, (a, b, c), strict=True):
        stored = json.loads(row[5])
        assert stored["number"] == doc.number and stored["issued_on"] == "2026-11-23"
        assert row[4] == hashlib.sha256(doc.pdf).hexdigest() == doc.sha256


def test_a_failing_inner_issue_leaves_the_callers_transaction_alone(db):
    visit_id, payload = _payload(db)
    with db.atomic():
        issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, visit_id=visit_id, now=NOW)
        with pytest.raises(RenderFailed):
            issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, now=NOW, render=_fail)
    assert [r[0] for r in db.execute("SELECT number FROM issued_documents WHERE kind = ?",
                                     [REFUSAL_KIND])] == ["01/TB-UBND"]


def test_first_receipt_print_that_fails_stores_nothing(db, monkeypatch):
    visit = register(db)
    before = snapshot(db)
    monkeypatch.setattr(register_module, "render_receipt", _fail)
    with pytest.raises(RenderFailed):
        print_receipt(db, visit.visit_id)
    assert snapshot(db) == before  # no payload, no hash, not even the QR secret
    monkeypatch.setattr(register_module, "render_receipt", receipt_module.render_receipt)
    data = print_receipt(db, visit.visit_id)
    row = db.execute("SELECT seq, number, sha256 FROM issued_documents WHERE visit_id = ?",
                     [visit.visit_id]).fetchone()
    assert row == (1, "01/GBN-TCD", hashlib.sha256(data).hexdigest())


def test_reprint_is_identical_every_time(db):
    visit_id, payload = _payload(db)
    doc = issue(db, REFUSAL_KIND, year=2026, subject="s", payload=payload, visit_id=visit_id, now=NOW)
    assert reprint(db, doc.id) == reprint(db, doc.id)
    assert reprint(db, doc.id) != doc.pdf


def test_reprint_needs_a_printed_document(db):
    visit = register(db)  # numbered at intake, never printed
    doc_id = db.execute("SELECT id FROM issued_documents WHERE visit_id = ?",
                        [visit.visit_id]).fetchone()[0]
    with pytest.raises(DeskError) as err:
        reprint(db, doc_id)
    assert err.value.message == messages.DOCUMENT_NOT_PRINTED.format(number=visit.receipt_no)
    with pytest.raises(DeskError) as err:
        reprint(db, 999)
    assert err.value.message == messages.DOCUMENT_MISSING.format(id=999)
