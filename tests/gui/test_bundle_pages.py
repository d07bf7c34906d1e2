"""The bundle's pages through their widgets: a ward exports (progress, cancel) and reads the
acknowledgement; the province's window shows the dry-run summary, imports, finds cases of
every ward and lists cross-ward duplicates. Screenshots go to $DESK_APP_SHOTS when set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk_app.core.bundle import keys, province
from desk_app.core.opening import open_db
from desk_app.core.storage.office import get_office, init_office
from desk_app.gui.tasks import Tasks
from tests.support import copy_template, register

SHOTS = os.environ.get("DESK_APP_SHOTS")


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


@pytest.fixture
def prov(tmp_path, schema_template):
    path = tmp_path / "prov" / "desk.sqlite3"
    path.parent.mkdir()
    copy_template(schema_template, path)
    db = open_db(path)
    province.init_province(db, 24)
    yield db, path
    db.close()


def _exchange(ward, prov_db, tmp_path) -> None:
    (tmp_path / "p.key").write_bytes(keys.public_file_bytes(prov_db))
    keys.ensure_own_key(ward)
    (tmp_path / "w.key").write_bytes(keys.public_file_bytes(ward))
    keys.register(ward, tmp_path / "p.key")
    keys.register(prov_db, tmp_path / "w.key")


def test_ward_exports_and_reads_the_acknowledgement(qtbot, tasks, demo_db, prov, tmp_path):
    from desk_app.core.bundle import service
    from desk_app.gui.pages.bundle import BundleDialog

    prov_db, _ = prov
    dialog = BundleDialog(tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.province.text() != "", timeout=5000)
    assert "KHÔNG được mã hóa" in dialog.province.text()  # no province key yet
    (tmp_path / "p.key").write_bytes(keys.public_file_bytes(prov_db))
    dialog.register_key(tmp_path / "p.key")
    qtbot.waitUntil(lambda: "Mã nhận dạng" in dialog.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: "Ủy ban nhân dân tỉnh Bắc Ninh" in dialog.province.text(), timeout=5000)
    dialog.save_key(tmp_path / "w.key")
    qtbot.waitUntil(lambda: "Đã lưu" in dialog.message.text(), timeout=5000)
    keys.register(prov_db, tmp_path / "w.key")

    with qtbot.waitSignal(dialog.exported, timeout=20000) as sent:
        dialog.export_to(tmp_path / "goi.dtcd")
    out = sent.args[0]
    assert out.encrypted and out.counts["visits"] == 400 and (tmp_path / "goi.dtcd").exists()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 4).text() == "chưa"
    service.import_bundles(prov_db, [tmp_path / "goi.dtcd"])
    with qtbot.waitSignal(dialog.acknowledged, timeout=10000):
        dialog.ack_from(tmp_path / "goi.ack.dtca")
    qtbot.waitUntil(lambda: dialog.table.item(0, 4).text() != "chưa", timeout=5000)
    assert "được đánh dấu đã gửi" in dialog.message.text()
    dialog.resize(860, 420)
    _shot(dialog, "bundle-export.png")


def test_export_can_be_cancelled_and_leaves_nothing(qtbot, tasks, demo_db, tmp_path):
    from desk_app.gui.pages.bundle import BundleDialog

    dialog = BundleDialog(tasks)
    qtbot.addWidget(dialog)
    before = demo_db.execute("SELECT COUNT(*) FROM bundle_rows").fetchone()[0]
    dialog.export_to(tmp_path / "cancelled.dtcd")
    from PySide6.QtWidgets import QPushButton

    dialog.progress.findChild(QPushButton).click()  # Cancel at once: the job stops at its next check
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10000)
    done = []
    tasks.write(lambda db: None, done.append)  # runs once the cancelled job has ended
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert not (tmp_path / "cancelled.dtcd").exists()
    assert not (tmp_path / "cancelled.dtcd.part").exists()
    assert demo_db.execute("SELECT COUNT(*) FROM bundle_rows").fetchone()[0] == before
    assert demo_db.execute("SELECT COUNT(*) FROM bundle_exports").fetchone()[0] == 0


def test_province_window_dry_run_import_search_duplicates(qtbot, prov, tmp_path, schema_template):
    from desk_app.core.bundle import service
    from desk_app.gui.pages.province import ProvinceWindow

    prov_db, prov_path = prov
    bundles = []
    for i, commune in enumerate((9253, 9295)):
        path = tmp_path / f"w{i}.sqlite3"
        copy_template(schema_template, path)
        ward = open_db(path)
        init_office(ward, 24, commune, officers=(("Lê Văn Dũng", "Chủ tịch"),))
        register(ward)  # the same citizen and petition at both wards
        from desk_app.core.demo.generate import generate

        generate(ward, 30, seed=i + 2)
        _exchange(ward, prov_db, tmp_path)
        bundles.append(service.export_bundle(ward, tmp_path / f"phuong-{commune}.dtcd").path)
        ward.close()
    runner = Tasks(prov_path)
    window = ProvinceWindow(runner, get_office(prov_db))
    qtbot.addWidget(window)
    window.show()
    page = window.page
    with qtbot.waitSignal(page.checked, timeout=20000):
        page.dry_run(bundles)
    assert page.import_button.isEnabled()
    rows = page.summary.rowCount()
    assert rows == 14  # two bundles × seven tables
    visits = [r for r in range(rows) if page.summary.item(r, 2).text() == "lượt tiếp"]
    assert [page.summary.item(r, 3).text() for r in visits] == ["31", "31"]
    assert "chưa ghi gì" in page.files_label.text()
    assert prov_db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 0
    window.resize(1100, 560)
    _shot(window, "province-dry-run.png")

    with qtbot.waitSignal(page.imported, timeout=30000):
        page.import_checked()
    assert prov_db.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 62
    assert (tmp_path / "phuong-9253.ack.dtca").exists()

    page.tabs.setCurrentIndex(1)
    page.search.setText("dang van dung")
    page.find(page.search.text())
    qtbot.waitUntil(lambda: page.hits.rowCount() >= 2, timeout=5000)
    offices = {page.hits.item(r, 1).text() for r in range(page.hits.rowCount())}
    assert len(offices) == 2

    page.tabs.setCurrentIndex(2)  # loads the duplicates
    qtbot.waitUntil(lambda: getattr(page, "duplicates_loaded", 0) > 0, timeout=5000)
    kinds = [page.duplicates.item(r, 0).text() for r in range(page.duplicates.rowCount())]
    assert "Cùng người" in kinds and "Cùng nội dung" in kinds
    person = kinds.index("Cùng người")
    assert page.duplicates.item(person, 1).text() == "Đặng Văn Dũng"
    assert page.duplicates.item(person, 2).text() == "phường Nhân Hòa; phường Bồng Lai"
    _shot(window, "province-duplicates.png")

    # a bad bundle: the reason, nothing written
    cut = tmp_path / "cut.dtcd"
    cut.write_bytes(bundles[0].read_bytes()[:300])
    page.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(page.failed, timeout=10000) as failed:
        page.dry_run([cut])
    assert failed.args[0].startswith("Không nhận gói cut.dtcd: tệp hỏng")
    assert not page.import_button.isEnabled()
    runner.shutdown()


def test_the_record_window_shows_whether_the_province_confirmed_the_visit(qtbot, tasks, db, prov,
                                                                         tmp_path):
    from desk_app.core.bundle import service
    from desk_app.core.reception.records import petition_record
    from desk_app.gui.dialogs.record import RecordDialog

    prov_db, _ = prov
    registered = register(db)
    _exchange(db, prov_db, tmp_path)
    pid = registered.petition_ids[0]

    def shown() -> str:
        dialog = RecordDialog(petition_record(db, pid), tasks=tasks)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.delivery.text() != "", timeout=5000)
        return dialog.delivery.text()

    assert shown() == "Gửi lên tỉnh: chưa gửi."
    service.export_bundle(db, tmp_path / "g.dtcd")
    assert shown() == "Gửi lên tỉnh: đã gửi trong gói dữ liệu, tỉnh chưa xác nhận."
    service.import_bundles(prov_db, [tmp_path / "g.dtcd"])
    service.acknowledge(db, tmp_path / "g.ack.dtca")
    assert shown() == "Gửi lên tỉnh: tỉnh đã xác nhận đã nhận."
