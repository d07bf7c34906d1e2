"""The shared layout (Decree 30/2020) and the printing font."""

from datetime import date
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from desk_app.core.documents import fonts as fonts_module
from desk_app.core.documents import layout
from desk_app.core.documents.fonts import VIETNAMESE_LETTERS, fonts


def test_place_and_date_line_uses_leading_zeros_for_small_days_and_months_1_2():
    assert layout.place_date("Nhân Hòa", date(2026, 3, 5)) == "Nhân Hòa, ngày 05 tháng 3 năm 2026"
    assert layout.vn_date(date(2026, 1, 9)) == "ngày 09 tháng 01 năm 2026"
    assert layout.vn_date(date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert layout.vn_date(date(2026, 11, 20)) == "ngày 20 tháng 11 năm 2026"
    assert layout.vn_date(date(2026, 12, 10)) == "ngày 10 tháng 12 năm 2026"


def test_bundled_font_covers_every_vietnamese_letter_in_four_styles():
    fs = fonts()
    assert fs.source == "bundled"
    assert len(VIETNAMESE_LETTERS) == 178  # 89 lower + 89 upper: a ă â đ ê ô ơ ư and 5 tones
    for name in (fs.regular, fs.bold, fs.italic, fs.bold_italic):
        assert stringWidth("Nguyễn Thị Ánh Tuyết ĐƯỢC", name, 12) > 0
    assert fonts() is fs  # registered once


def test_times_choice_falls_back_to_the_bundled_font(monkeypatch):
    monkeypatch.setenv(fonts_module.ENV, "times")
    monkeypatch.setattr(fonts_module, "_find_times", lambda: None)
    fonts_module._fonts_for.cache_clear()
    try:
        assert fonts().source == "bundled"
    finally:
        fonts_module._fonts_for.cache_clear()


def test_a_font_without_vietnamese_is_not_used(monkeypatch):
    """A system font that lacks one letter is refused as a whole family."""
    fs = fonts()
    files = {style: Path(fs.files[i]) for i, style in enumerate(fonts_module.STYLES)}
    monkeypatch.setattr(fonts_module, "_covers", lambda font: False)
    assert fonts_module._register("probe", files) is None


def test_wrap_never_drops_text():
    f = fonts().regular
    text = "Tờ bản đồ số 12/2026/QĐ-UBND-TCD-ABCDEFGHIJKLMNOPQRSTUVWXYZ và thửa đất 7\ndòng hai"
    lines = layout.wrap_text(text, f, 9, 40)
    assert all(w <= 40 for _, w in lines)
    assert "".join(t for t, _ in lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert lines[-1][0] == "hai" or lines[-1][0].endswith("hai")
    # a long number breaks after its slash rather than inside the digits
    assert layout.wrap_text("12345/2026", f, 9, 30)[0][0] == "12345/"


def test_header_of_a_body_that_is_not_a_committee_wraps_at_spaces(pdf):
    story = [layout.header("Ban Tiếp công dân tỉnh Bắc Ninh và các cơ quan phối hợp liên ngành",
                           "Văn phòng Ủy ban nhân dân tỉnh", number="5/TB-BTCD",
                           place="Bắc Ninh", on=date(2026, 2, 3))]
    text = pdf.flat(pdf.raw_text(layout.build(story)))
    assert "BAN TIẾP CÔNG DÂN TỈNH BẮC NINH" in text and "LIÊN NGÀNH" in text
    assert "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH" in text
    assert "Bắc Ninh, ngày 03 tháng 02 năm 2026" in text and "Số: 5/TB-BTCD" in text


def test_copy_mark_and_numbers_on_every_page(pdf):
    story = [layout.body(f"Đoạn văn số {i} có dấu: ả ẫ ự Đ ơ ư.") for i in range(120)]
    data = layout.build(story, layout.Page(copy=True, copy_note="Bản chính lập ngày 01/02/2026"))
    pages = pdf.pages_text(data)
    assert len(pages) > 1
    assert all("BẢN SAO" in p and "Bản chính lập ngày 01/02/2026" in p for p in pages)
    plain = layout.build(story)
    assert all("BẢN SAO" not in p for p in pdf.pages_text(plain))
    assert layout.build(story) == plain
    footer = layout.build(story, layout.Page(numbering="footer"))
    assert all(f"Trang {n}/{len(pages)}" in p for n, p in enumerate(pdf.pages_text(footer), 1))
