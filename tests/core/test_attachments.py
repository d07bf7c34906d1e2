"""Scans kept with a case: copied under the data folder, named by their SHA-256, stored once."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest

from desk_app import messages
from desk_app.core.cases.attachments import (
    add_attachment,
    attachment_path,
    case_attachments,
    plain_copy,
    read_attachment,
)
from desk_app.core.cases.tracking import case_events
from desk_app.core.errors import DeskError
from tests.support import register, snapshot

SCAN = b"%PDF-1.4\n% scan of the land-use certificate\n" + bytes(range(256)) * 40
NOW = datetime(2026, 11, 20, 15, 30)


@pytest.fixture
def case_id(db):
    return register(db).case_ids[0]


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "incoming" / "Giấy CN QSDĐ.PDF"
    path.parent.mkdir()
    path.write_bytes(SCAN)
    return path


def stored(data_dir):
    root = data_dir / "attachments"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) \
        if root.exists() else []


def test_file_is_stored_encrypted_under_an_hmac_of_its_content(db, case_id, data_dir, scan):
    """docs/security.md: AES-256-GCM under a key derived from the database key, named by an
    HMAC (a plain hash would confirm a guessed file), `.bin` (the kind is not told either)."""
    import hmac

    from desk_app.core.security import derived

    digest = hashlib.sha256(SCAN).hexdigest()
    attachment_id = add_attachment(db, data_dir, case_id, scan, officer_id=1, now=NOW)
    mac = hmac.new(derived.of(db, "attachment-names"), SCAN, hashlib.sha256).hexdigest()
    assert mac != digest
    assert stored(data_dir) == [f"{mac[:2]}/{mac}.bin"]
    [a] = case_attachments(db, case_id)
    assert (a.id, a.name, a.stored_name, a.sha256, a.size, a.added_at) == (
        attachment_id, "Giấy CN QSDĐ.PDF", f"{mac[:2]}/{mac}.bin", digest, len(SCAN),
        "2026-11-20T15:30:00")
    raw = attachment_path(data_dir, a).read_bytes()
    assert SCAN[:40] not in raw and b"%PDF" not in raw
    assert read_attachment(db, data_dir, a) == SCAN
    copy = plain_copy(db, data_dir, a, data_dir / "open")
    assert copy.name == "Giấy CN QSDĐ.PDF" and copy.read_bytes() == SCAN
    assert scan.read_bytes() == SCAN  # the original is left where it was
    last = case_events(db, case_id)[-1]
    assert (last.action, last.note, last.data, last.occurred_on, last.officer,
            last.status_after) == (
        "attachment", "Giấy CN QSDĐ.PDF", {"attachment_id": attachment_id}, "2026-11-20",
        "Nguyễn Thị Hồng Nhung", "received")


def test_same_file_twice_is_stored_once(db, case_id, data_dir, scan, tmp_path):
    add_attachment(db, data_dir, case_id, scan, now=NOW)
    [kept] = (data_dir / "attachments").rglob("*.bin")
    inode = kept.stat().st_ino
    copy = tmp_path / "incoming" / "ban-sao.pdf"
    copy.write_bytes(SCAN)
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:  # the same content again: said, not listed twice
        add_attachment(db, data_dir, case_id, copy, now=NOW)
    assert caught.value.message == messages.ATTACHMENT_ALREADY.format(name="ban-sao.pdf")
    assert snapshot(db) == before
    assert len(stored(data_dir)) == 1
    assert kept.stat().st_ino == inode  # not copied again
    other = tmp_path / "incoming" / "khac.pdf"
    other.write_bytes(SCAN + b"\n")
    add_attachment(db, data_dir, case_id, other, now=NOW)
    assert len(stored(data_dir)) == 2
    assert [a.name for a in case_attachments(db, case_id)] == ["Giấy CN QSDĐ.PDF", "khac.pdf"]
    assert not [p for p in stored(data_dir) if p.endswith(".part")]
    assert [e.action for e in case_events(db, case_id)].count("attachment") == 2


def test_missing_file_is_refused(db, case_id, data_dir, tmp_path):
    before = snapshot(db)
    missing = tmp_path / "khong-co.pdf"
    with pytest.raises(DeskError) as caught:
        add_attachment(db, data_dir, case_id, missing, now=NOW)
    assert caught.value.message == messages.ATTACHMENT_MISSING.format(path=missing)
    with pytest.raises(DeskError):
        add_attachment(db, data_dir, case_id, tmp_path, now=NOW)  # a folder is not a file
    assert snapshot(db) == before
    assert stored(data_dir) == []


def test_attachment_to_a_missing_case_is_refused(db, data_dir, scan):
    before = snapshot(db)
    with pytest.raises(DeskError) as caught:
        add_attachment(db, data_dir, 999, scan, now=NOW)
    assert caught.value.message == messages.CASE_MISSING.format(id=999)
    assert snapshot(db) == before
    assert stored(data_dir) == []


def test_attachments_belong_to_their_case(db, data_dir, scan):
    first = register(db).case_ids[0]
    second = register(db).case_ids[0]
    add_attachment(db, data_dir, second, scan, now=NOW)
    assert case_attachments(db, first) == ()
    assert len(case_attachments(db, second)) == 1
