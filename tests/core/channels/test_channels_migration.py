"""Step 0016_channels on a database written by the release with step 0006, holding data."""

import shutil
from datetime import date
from pathlib import Path

from desk_app.core import bodies
from desk_app.core.cases.tracking import record_event
from desk_app.core.model import Channel, IdKind, PersonForm
from desk_app.core.opening import open_db
from desk_app.core.reception.logbook import LogFilter, log_ids, log_rows
from tests.support import NOW, register

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_upgrade_from_0006_keeps_every_line_a_reception(tmp_path):
    target = tmp_path / "data" / "desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema_0006.sqlite3", target)
    db = open_db(target)
    try:
        visits = db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
        assert visits > 0
        assert db.execute("SELECT COUNT(*) FROM visits WHERE channel = 'truc_tiep'"
                          ).fetchone()[0] == visits
        assert db.execute("SELECT COUNT(*) FROM petitions WHERE arrival <> 'truc_tiep'"
                          ).fetchone() == (0,)
        every = list(log_ids(db))
        assert list(log_ids(db, LogFilter(channel="visit"))) == every
        assert all(r.channel == "truc_tiep" for r in log_rows(db, every))
        # The upgraded office takes a letter and the directory at once.
        letter = PersonForm(full_name="Ngô Thị Bưởi", id_kind=IdKind.KHONG,
                            address="Thôn Khúc Toại, phường Nhân Hòa")
        reg = register(db, letter, channel=Channel.BUU_CHINH, documents=(),
                       mailed_on=date(2026, 11, 18))
        assert list(log_ids(db, LogFilter(channel="no_visit"))) == list(reg.petition_ids)
        code = bodies.save_body(db, code=None, name="Hợp tác xã nông nghiệp Nhân Hòa")
        assert bodies.find(db, "HTX nông nghiệp Nhân Hòa").code == code  # HTX: hợp tác xã
        assert bodies.find(db, "HTX Nhân Hòa") is None
        assert bodies.find(db, "Hợp tác xã nông nghiệp Nhân Hòa").code == code
        record_event(db, reg.case_ids[0], "note", occurred_on=NOW.date(), note="Đã gọi điện",
                     now=NOW)
    finally:
        db.close()
