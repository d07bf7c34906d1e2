"""Settings dialog (docs/legal-fidelity.md, “Calendar”): every shipped holiday and swapped day
shows its source; the 24/11 switch; the signer's capacity."""

from datetime import date

from desk_app.core.cases.office_calendar import load_calendar
from desk_app.core.storage import settings


def _rows(dialog) -> dict[str, str]:
    return {dialog.days.item(r, 0).text(): dialog.days.item(r, 3).text()
            for r in range(dialog.days.rowCount())}


def test_the_year_shows_where_each_day_comes_from(qtbot, window, demo_db):
    dialog = window.open_settings()
    dialog.year.setValue(2026)
    qtbot.waitUntil(lambda: "02/01/2026" in _rows(dialog), timeout=10000)
    rows = _rows(dialog)
    # New Year 2026: Fri 02/01 off for Sat 10/01 worked (Government Office 12729/VPCP-KGVX).
    assert "12729/VPCP-KGVX" in rows["02/01/2026"] and "12729/VPCP-KGVX" in rows["10/01/2026"]
    assert "Điều 112 Bộ luật Lao động 2019" in rows["01/01/2026"]
    assert "khoản 3 Điều 111" in rows["27/04/2026"]  # Giỗ Tổ on Sunday, made up on Monday
    assert all(" — " in text for text in rows.values())  # every shipped day has a source
    assert "24/11/2026" not in rows  # not in Labour Code art. 112: a working day by default
    dialog.close()


def test_the_culture_day_switch_recomputes_every_case(qtbot, window, demo_db):
    dialog = window.open_settings()
    dialog.year.setValue(2026)
    qtbot.waitUntil(lambda: dialog.days.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: settings.get(demo_db, "culture_day_off") == "0"
                    and not dialog.culture_day.isChecked(), timeout=5000)
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.culture_day.click()
    assert settings.get(demo_db, "culture_day_off") == "1"
    assert not load_calendar(demo_db).is_working_day(date(2026, 11, 24))
    qtbot.waitUntil(lambda: "24/11/2026" in _rows(dialog), timeout=10000)
    assert "Ngày Văn hóa Việt Nam" in _rows(dialog)["24/11/2026"]
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.culture_day.click()
    assert load_calendar(demo_db).is_working_day(date(2026, 11, 24))
    dialog.close()


def test_the_signer_is_offered_as_the_decree_writes_it(qtbot, window, demo_db):
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.signer_name.text() == "Lê Văn Dũng", timeout=5000)
    assert [dialog.signer_title.itemText(i) for i in range(dialog.signer_title.count())] == [
        "CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" in dialog.signer_block.text()
    dialog.signer_title.setCurrentIndex(1)
    assert ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in dialog.signer_block.text()
            and "Thông báo thụ lý: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in dialog.signer_block.text())
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        dialog.save_settings()
    assert settings.get(demo_db, "signer_title") == "PHÓ CHỦ TỊCH"
    dialog.close()
