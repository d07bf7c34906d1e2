"""0017_bundle on a database at step 0006 holding data: the data unchanged, the bundle tables
there and empty, and a full bundle of the upgraded office imports at a province."""

from __future__ import annotations

import shutil
from pathlib import Path

from desk_app.core.bundle import keys, service
from desk_app.core.opening import open_db
from tests.core.bundle.helpers import NOW

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "schema_0006.sqlite3"
TABLES = ("bundle_keys", "bundle_exports", "bundle_rows", "bundle_imports", "bundle_remote",
          "bundle_conflicts")


def test_upgrade_from_0006_and_export(offices, tmp_path):
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    ward = open_db(path)
    offices.opened.append(ward)
    steps = [r[0] for r in ward.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert steps[-1] == "0017_bundle"
    for table in TABLES:
        assert ward.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)
    visits = ward.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    assert visits > 0
    prov = offices.province()
    keys.ensure_own_key(ward, now=NOW)  # an office set up before keys existed gets one
    offices.exchange(ward, prov)
    out = service.export_bundle(ward, tmp_path / "old.dtcd", now=NOW, full=True)
    assert out.counts["visits"] == visits
    [done] = service.import_bundles(prov, [out.path], now=NOW)
    assert done.applied and done.total("rejected") == 0
    assert prov.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == visits
