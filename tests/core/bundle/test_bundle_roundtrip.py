"""Ward → province → ward: export, dry run, import, acknowledgement, incremental bundles,
idempotent re-import, conflicts kept for review, tombstones, sequence gaps and replays."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from desk_app import messages
from desk_app.core.bundle import ack, keys, service
from desk_app.core.errors import DeskError
from desk_app.core.reception.corrections import cancel_visit
from desk_app.core.storage import uuids
from tests.core.bundle.helpers import NOW, db_file, db_hash


def _counts(summary, kind):
    return {t: c[kind] for t, c in summary.tables.items() if c[kind]}


def test_round_trip_ward_province_ward(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    offices.exchange(ward, prov)
    b1 = service.export_bundle(ward, tmp_path / "b1.dtcd", now=NOW)
    assert b1.encrypted and b1.sequence == 1 and b1.base_sequence == 0
    visits = ward.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    assert b1.counts["visits"] == visits == 60

    before = db_hash(prov)
    [dry] = service.import_bundles(prov, [b1.path], dry_run=True, now=NOW)
    assert _counts(dry, "new")["visits"] == 60 and dry.total("rejected") == 0
    assert db_hash(prov) == before  # a dry run writes nothing
    assert not (tmp_path / "b1.ack.dtca").exists()

    [done] = service.import_bundles(prov, [b1.path], now=NOW)
    assert done.applied and done.total("new") == b1.records
    rows = prov.execute("SELECT office_code, COUNT(*) FROM visits GROUP BY 1").fetchall()
    assert rows == [("24-09253", 60)]
    # the visit keeps the identity recorded that day, its papers and its ward's log number
    w = ward.execute("SELECT v.uuid, s.full_name, p.log_no, p.log_year FROM visits v JOIN"
                     " identity_snapshots s ON s.id = v.identity_id JOIN petitions p ON"
                     " p.visit_id = v.id ORDER BY v.id LIMIT 1").fetchone()
    p = prov.execute("SELECT s.full_name, p.log_no, p.log_year FROM visits v JOIN"
                     " identity_snapshots s ON s.id = v.identity_id JOIN petitions p ON"
                     " p.visit_id = v.id WHERE v.uuid = ?", [w[0]]).fetchone()
    assert p == w[1:]

    # the same bundle again changes nothing, and is acknowledged again
    before = db_hash(prov)
    [again] = service.import_bundles(prov, [b1.path], now=NOW)
    assert not again.applied and again.total("unchanged") == b1.records
    assert again.total("new") == again.total("updated") == 0
    assert db_hash(prov) == before

    # the ward reads the acknowledgement: every record delivered
    result = service.acknowledge(ward, tmp_path / "b1.ack.dtca", now=NOW)
    assert result.sequence == 1 and result.confirmed == b1.records
    ids = [r[0] for r in ward.execute("SELECT id FROM visits")]
    assert all(ack.delivered(ward, "visits", ids).values())
    assert service.acknowledge(ward, tmp_path / "b1.ack.dtca", now=NOW).confirmed == 0

    # nothing changed since: the next bundle is empty; a cancellation travels as an update
    b2 = service.export_bundle(ward, tmp_path / "b2.dtcd", now=NOW)
    assert b2.records == 0 and b2.base_sequence == 1
    cancel_visit(ward, ids[0], "Ghi trùng lượt tiếp", officer_id=1)
    b3 = service.export_bundle(ward, tmp_path / "b3.dtcd", now=NOW)
    assert b3.counts["visits"] == 1 and b3.base_sequence == 1
    assert not ack.delivered(ward, "visits", ids[:1])[ids[0]]  # sent, not yet confirmed
    [up] = service.import_bundles(prov, [b3.path], now=NOW)
    assert _counts(up, "updated")["visits"] == 1
    service.acknowledge(ward, tmp_path / "b3.ack.dtca", now=NOW)
    assert ack.delivered(ward, "visits", ids[:1])[ids[0]]
    uuid = ward.execute("SELECT uuid FROM visits WHERE id = ?", [ids[0]]).fetchone()[0]
    assert prov.execute("SELECT cancelled_at IS NOT NULL, version FROM visits WHERE uuid = ?",
                        [uuid]).fetchone() == (1, 2)


def test_full_bundle_and_unencrypted_bundle_without_the_province_key(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    wk = tmp_path / "w.key"
    wk.write_bytes(keys.public_file_bytes(ward))
    keys.register(prov, wk, now=NOW)  # the ward has not registered the province's key
    out = service.export_bundle(ward, tmp_path / "plain.dtcd", full=True, now=NOW)
    assert not out.encrypted and out.full
    manifest = json.loads(zipfile.ZipFile(out.path).read("manifest.json"))
    assert manifest["withheld"] == ["denouncer_identity"] and manifest["recipient"] is None
    [done] = service.import_bundles(prov, [out.path], now=NOW)
    assert done.applied
    # a denouncer's identity never left the ward
    denounced = prov.execute(
        "SELECT s.full_name, s.id_number, s.phone FROM visits v JOIN identity_snapshots s ON"
        " s.id = v.identity_id WHERE EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = v.id"
        " AND q.kind = 'to_cao')").fetchall()
    assert denounced and set(denounced) == {("", "", "")}
    others = prov.execute("SELECT COUNT(*) FROM identity_snapshots WHERE full_name <> ''"
                          ).fetchone()[0]
    assert others > 0


def test_a_record_changed_on_both_sides_is_kept_for_review(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    offices.exchange(ward, prov)
    b1 = service.export_bundle(ward, tmp_path / "b1.dtcd", now=NOW)
    service.import_bundles(prov, [b1.path], now=NOW)
    service.acknowledge(ward, tmp_path / "b1.ack.dtca", now=NOW)
    case_id, uuid = ward.execute("SELECT id, uuid FROM cases ORDER BY id LIMIT 1").fetchone()
    with prov.atomic():  # the province annotated the case's title
        prov.execute("UPDATE cases SET title = title || ' (tỉnh ghi chú)' WHERE uuid = ?", [uuid])
    with ward.atomic():  # the ward corrected it meanwhile
        ward.execute("UPDATE cases SET title = 'Kiến nghị về ranh giới đất' WHERE id = ?", [case_id])
    b2 = service.export_bundle(ward, tmp_path / "b2.dtcd", now=NOW)
    assert b2.counts["cases"] == 1
    [dry] = service.import_bundles(prov, [b2.path], dry_run=True, now=NOW)
    assert _counts(dry, "conflict") == {"cases": 1}
    [done] = service.import_bundles(prov, [b2.path], now=NOW)
    assert _counts(done, "conflict") == {"cases": 1}
    title = prov.execute("SELECT title FROM cases WHERE uuid = ?", [uuid]).fetchone()[0]
    assert title.endswith("(tỉnh ghi chú)")  # not overwritten
    [conflict] = service.conflicts(prov)
    assert conflict["incoming"]["data"]["title"] == "Kiến nghị về ranh giới đất"
    assert conflict["local"]["title"] == title
    # the conflict is not acknowledged: the ward still holds it as not delivered
    service.acknowledge(ward, tmp_path / "b2.ack.dtca", now=NOW)
    assert not ack.delivered(ward, "cases", [case_id])[case_id]
    with pytest.raises(DeskError) as exc:
        service.resolve_conflict(prov, conflict["id"], "both", now=NOW)
    assert exc.value.message == messages.BUNDLE_CONFLICT_CHOICE
    service.resolve_conflict(prov, conflict["id"], "incoming", now=NOW)
    assert prov.execute("SELECT title FROM cases WHERE uuid = ?", [uuid]).fetchone()[0] == \
        "Kiến nghị về ranh giới đất"
    assert service.conflicts(prov) == []


def test_tombstones_for_deleted_rows(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    offices.exchange(ward, prov)
    b1 = service.export_bundle(ward, tmp_path / "b1.dtcd", now=NOW)
    service.import_bundles(prov, [b1.path], now=NOW)
    service.acknowledge(ward, tmp_path / "b1.ack.dtca", now=NOW)
    event_id, uuid = ward.execute("SELECT id, uuid FROM case_events ORDER BY id DESC LIMIT 1"
                                  ).fetchone()
    with ward.atomic():
        ward.execute("DELETE FROM session_directions WHERE event_id = ?", [event_id])
        ward.execute("DELETE FROM case_events WHERE id = ?", [event_id])
    b2 = service.export_bundle(ward, tmp_path / "b2.dtcd", now=NOW)
    assert b2.counts["case_events"] == 1
    [done] = service.import_bundles(prov, [b2.path], now=NOW)
    assert _counts(done, "updated").get("case_events") == 1
    row = prov.execute("SELECT deleted, version FROM bundle_remote WHERE tbl = 'case_events'"
                       " AND uuid = ?", [uuids.text(uuid)]).fetchone()
    assert row == (1, 2)
    assert prov.execute("SELECT COUNT(*) FROM case_events WHERE uuid = ?", [uuid]).fetchone()[0] == 1


def test_sequence_gap_and_replay_are_refused(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    offices.exchange(ward, prov)
    b1 = service.export_bundle(ward, tmp_path / "b1.dtcd", now=NOW)
    service.import_bundles(prov, [b1.path], now=NOW)
    prov.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    early = offices.root / "early-province.sqlite3"
    shutil.copyfile(db_file(prov), early)  # a province that stops after bundle 1
    service.acknowledge(ward, tmp_path / "b1.ack.dtca", now=NOW)

    ward.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(db_file(ward), offices.root / "fork.sqlite3")  # the ward as it was
    with ward.atomic():
        ward.execute("UPDATE cases SET title = 'Đơn đã sửa' WHERE id = 1")
    b2 = service.export_bundle(ward, tmp_path / "b2.dtcd", now=NOW)
    service.import_bundles(prov, [b2.path], now=NOW)
    service.acknowledge(ward, tmp_path / "b2.ack.dtca", now=NOW)
    with ward.atomic():
        ward.execute("UPDATE cases SET title = 'Đơn sửa lần hai' WHERE id = 1")
    b3 = service.export_bundle(ward, tmp_path / "b3.dtcd", now=NOW)
    assert (b3.sequence, b3.base_sequence) == (3, 2)

    # the early province never got bundle 2: bundle 3 (changes since 2) leaves a gap
    late = offices.open("early-province")
    before = db_hash(late)
    with pytest.raises(DeskError) as exc:
        service.import_bundles(late, [b3.path], now=NOW)
    assert exc.value.message == messages.BUNDLE_REFUSED.format(
        name="b3.dtcd", why=messages.BUNDLE_REASONS["gap"].format(seq=3, last=1, missing="2"))
    assert db_hash(late) == before

    # another bundle numbered 2 (from a copy of the ward's file) is a replay
    fork = offices.open("fork")
    other = service.export_bundle(fork, tmp_path / "other2.dtcd", now=NOW)
    assert other.sequence == 2
    service.import_bundles(prov, [b3.path], now=NOW)
    before = db_hash(prov)
    with pytest.raises(DeskError) as exc:
        service.import_bundles(prov, [other.path], now=NOW)
    assert exc.value.message == messages.BUNDLE_REFUSED.format(
        name="other2.dtcd", why=messages.BUNDLE_REASONS["replay"].format(seq=2, last=3))
    assert db_hash(prov) == before


def test_a_new_office_key_keeps_old_bundles_verifiable(offices, tmp_path):
    ward, prov = offices.ward(), offices.province()
    offices.exchange(ward, prov)
    old = service.export_bundle(ward, tmp_path / "old.dtcd", now=NOW)
    new_key = keys.generate(ward, now=NOW.replace(hour=10))  # the old key was lost
    (tmp_path / "new.key").write_bytes(keys.public_file_bytes(ward))
    key, added = keys.register(prov, tmp_path / "new.key", now=NOW.replace(hour=10))
    assert added and key.fingerprint == new_key.fingerprint
    assert len(key.fingerprint) == 24 and key.fingerprint.count("-") == 4
    [done] = service.import_bundles(prov, [old.path], now=NOW)  # signed with the old key
    assert done.applied
    nxt = service.export_bundle(ward, tmp_path / "next.dtcd", now=NOW.replace(hour=11))
    [done] = service.import_bundles(prov, [nxt.path], now=NOW)
    assert done.applied
    history = [k for k in keys.all_keys(prov) if k.owner == "office"]
    assert len(history) == 2 and history[0].valid_to is not None and history[1].valid_to is None


def test_the_agent_of_a_visit_travels_as_a_reference(offices, tmp_path):
    """The channels' step (0016) adds who presented on a person's behalf to visits (a person
    and the identity recorded): the bundle carries them as a uuid and an embedded identity."""
    ward, prov = offices.ward(visits=10), offices.province()
    visit_id, agent_id, snapshot = ward.execute(
        "SELECT v.id, p.id, p.identity_id FROM visits v, persons p WHERE p.id <> v.person_id"
        " AND p.identity_id IS NOT NULL ORDER BY v.id, p.id LIMIT 1").fetchone()
    with ward.atomic():
        ward.execute("UPDATE visits SET agent_person_id = ?, agent_identity_id = ? WHERE id = ?",
                     [agent_id, snapshot, visit_id])
    offices.exchange(ward, prov)
    out = service.export_bundle(ward, tmp_path / "a.dtcd", now=NOW)
    [done] = service.import_bundles(prov, [out.path], now=NOW)
    assert done.applied
    v_uuid, name = ward.execute("SELECT v.uuid, s.full_name FROM visits v JOIN identity_snapshots s"
                                " ON s.id = v.agent_identity_id WHERE v.id = ?", [visit_id]).fetchone()
    row = prov.execute("SELECT p.uuid, s.full_name FROM visits v JOIN persons p ON"
                       " p.id = v.agent_person_id JOIN identity_snapshots s ON"
                       " s.id = v.agent_identity_id WHERE v.uuid = ?", [v_uuid]).fetchone()
    agent_uuid = ward.execute("SELECT uuid FROM persons WHERE id = ?", [agent_id]).fetchone()[0]
    assert row == (agent_uuid, name)
