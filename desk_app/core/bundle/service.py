"""The entry points the window and the command line call. Each checks the signed-in role
(docs/security.md: export for those who may export files; import, resolving conflicts and
keys for an administrator or a leader) and records export, import, acknowledgement and
resolution in the audit trail (docs/bundle.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import messages
from desk_app.core.bundle import ack, exporter, importer, keys, province
from desk_app.core.bundle.importer import Summary
from desk_app.core.bundle.tables import BY_NAME, record_hash
from desk_app.core.bundle.verify import Checked, check_bundle
from desk_app.core.errors import DeskError
from desk_app.core.security import audit, session
from desk_app.core.security.roles import Permission

if TYPE_CHECKING:
    from sqlite_utils import Database


_NEEDS = {
    "bundle.export": Permission.EXPORT,    # administrator, leader, reception officer
    "bundle.verify": Permission.VIEW,
    "bundle.ack": Permission.RECORD,
    "bundle.import": Permission.SETTINGS,  # administrator, leader
    "bundle.resolve": Permission.SETTINGS,
}


def _allowed(db: Database, officer_id: int | None, action: str) -> None:
    """The signed-in user's role allows the action (DeskError naming what and who if not)."""
    del officer_id  # who acts is the signed-in user (session.officer_for)
    session.require(db, _NEEDS[action])


def export_bundle(db: Database, out: Path, *, officer_id: int | None = None, full: bool = False,
                  now: datetime | None = None, progress: Callable[[int, int], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> exporter.Exported:
    _allowed(db, officer_id, "bundle.export")
    province.require_ward(db)
    done = exporter.export_bundle(db, Path(out), full=full, now=now, progress=progress,
                                  cancel=cancel)
    audit.note(db, "export", "bundle", done.sequence,
               {"file": done.path.name, "full": done.full, "records": done.records})
    return done


def verify_bundle(db: Database, path: Path, *, officer_id: int | None = None) -> Summary:
    """Check a bundle; at the province also read every record (a dry run)."""
    _allowed(db, officer_id, "bundle.verify")
    side = "province" if province.is_province(db) else "office"
    checked = check_bundle(db, Path(path), side=side)
    try:
        if side == "province":
            return importer.run(db, checked, apply=False)
        if checked.shared is None and not checked.manifest["encrypted"]:
            for spec in BY_NAME:
                for _ in checked.records(spec):
                    pass
        return Summary(Path(path).name, checked.office_code, checked.sequence, "",
                       {t: {"new": n} for t, n in checked.manifest["counts"].items()})
    finally:
        checked.close()


def ack_path(bundle: Path) -> Path:
    return bundle.with_name(bundle.stem + ".ack.dtca")


def import_bundles(db: Database, paths: list[Path], *, officer_id: int | None = None,
                   dry_run: bool = False, ack_dir: Path | None = None,
                   now: datetime | None = None) -> list[Summary]:
    """Each file: checked, dry-run, then applied in one transaction (or refused with nothing
    written); an acknowledgement is written for each bundle applied or already held."""
    _allowed(db, officer_id, "bundle.import")
    province.require_province(db)
    results = []
    for path in paths:
        path = Path(path)
        checked = check_bundle(db, path, side="province")
        try:
            summary = importer.run(db, checked, apply=False, now=now)
            if dry_run:
                results.append(summary)
                continue
            if summary.total("rejected"):
                raise DeskError(messages.BUNDLE_REFUSED.format(
                    name=path.name, why=messages.BUNDLE_REASONS["rejected"].format(
                        count=summary.total("rejected"), first=summary.problems[0])))
            if checked.sequence_state == "next":
                summary = _apply(db, checked, now)
                audit.note(db, "import", "bundle", summary.import_id,
                           {"file": path.name, "office": checked.office_code,
                            "sequence": checked.sequence})
            summary.applied = checked.sequence_state == "next"
            target = (ack_dir / ack_path(path).name) if ack_dir else ack_path(path)
            ack.write_ack(db, target, office_code=checked.office_code, bundle_hash=checked.hash,
                          sequence=checked.sequence, accepted=summary.accepted,
                          conflicts=summary.total("conflict"), now=now)
            results.append(summary)
        finally:
            checked.close()
    return results


def _apply(db: Database, checked: Checked, now: datetime | None) -> Summary:
    when = (now or datetime.now()).isoformat(timespec="seconds")
    m = checked.manifest
    with db.atomic():
        import_id = db.execute(
            "INSERT INTO bundle_imports (office_code, seq, hash, base_seq, created_at,"
            " imported_at, counts) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [checked.office_code, m["sequence"], checked.hash, m["base_sequence"],
             m["created_at"], when, "{}"]).lastrowid or 0
        summary = importer.run(db, checked, apply=True, now=now, import_id=import_id)
        db.execute("UPDATE bundle_imports SET counts = ? WHERE id = ?",
                   [json.dumps(summary.tables), import_id])
    summary.import_id = import_id
    return summary


def acknowledge(db: Database, path: Path, *, officer_id: int | None = None,
                now: datetime | None = None) -> ack.AckResult:
    _allowed(db, officer_id, "bundle.ack")
    province.require_ward(db)
    result = ack.apply_ack(db, Path(path), now=now)
    if not result.already:
        audit.note(db, "bundle_ack", "bundle", result.sequence,
                   {"file": Path(path).name, "confirmed": result.confirmed})
    return result


def conflicts(db: Database, *, open_only: bool = True) -> list[dict]:
    sql = ("SELECT id, office_code, tbl, uuid, version, incoming, local, created_at, resolution"
           " FROM bundle_conflicts")
    if open_only:
        sql += " WHERE resolved_at IS NULL"
    return [{"id": r[0], "office_code": r[1], "table": r[2], "uuid": r[3], "version": r[4],
             "incoming": json.loads(r[5]), "local": json.loads(r[6]), "created_at": r[7],
             "resolution": r[8]} for r in db.execute(sql + " ORDER BY id")]


def resolve_conflict(db: Database, conflict_id: int, choice: str, *,
                     officer_id: int | None = None, now: datetime | None = None) -> None:
    """Keep the ward's version ('incoming') or the province's ('local'); the other version
    stays in the conflict row."""
    _allowed(db, officer_id, "bundle.resolve")
    province.require_province(db)
    if choice not in ("incoming", "local"):
        raise DeskError(messages.BUNDLE_CONFLICT_CHOICE)
    row = db.execute("SELECT tbl, uuid, version, incoming, resolved_at, import_id, office_code"
                     " FROM bundle_conflicts WHERE id = ?", [conflict_id]).fetchone()
    if row is None or row[4] is not None:
        raise DeskError(messages.BUNDLE_CONFLICT_UNKNOWN.format(id=conflict_id))
    table, key, version, incoming, _, import_id, office = row
    record = json.loads(incoming)
    when = (now or datetime.now()).isoformat(timespec="seconds")
    with db.atomic():
        if choice == "incoming":
            importer.apply_record(db, office, table, record, import_id, when)
        else:
            db.execute("UPDATE bundle_remote SET version = ?, incoming_hash = ? WHERE tbl = ?"
                       " AND uuid = ?", [version, record_hash(record["data"]) if record["data"]
                                         is not None else exporter.TOMBSTONE, table, key])
        db.execute("UPDATE bundle_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                   [when, choice, conflict_id])


def own_fingerprint(db: Database) -> str | None:
    key = keys.own_key(db)
    return key.fingerprint if key else None
