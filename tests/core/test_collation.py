"""Vietnamese order and lookup for names: what the pickers and any Python-side sort use."""

from desk_app.core import catalog
from desk_app.core.text import matches, sort_key


def test_letters_of_the_vietnamese_alphabet_follow_their_base():
    names = ["Đa Mai", "Zeta", "Ăn Khê", "Chũ", "Ân Thi", "Cảnh Thụy", "Dũng Tiến", "An Lạc",
             "Ơn", "Ô Môn", "Oai", "Ư Đa", "Uyên"]
    assert sorted(names, key=sort_key) == [
        "An Lạc", "Ăn Khê", "Ân Thi", "Cảnh Thụy", "Chũ", "Dũng Tiến", "Đa Mai", "Oai", "Ô Môn",
        "Ơn", "Uyên", "Ư Đa", "Zeta"]


def test_tones_order_equal_letters_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"], key=sort_key) == [
        "Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]
    # the letters decide first: a tone never moves a name past another letter
    assert sorted(["Hạnh", "Hà Nam"], key=sort_key) == ["Hà Nam", "Hạnh"]


def test_nfc_and_nfd_sort_alike_and_a_prefix_comes_first():
    import unicodedata

    assert sort_key(unicodedata.normalize("NFD", "Nguyễn")) == sort_key("Nguyễn")
    assert sorted(["Nguyễn Văn An", "Nguyễn Văn", "Nguyễn"], key=sort_key) == [
        "Nguyễn", "Nguyễn Văn", "Nguyễn Văn An"]
    assert sort_key("nguyễn") < sort_key("Nguyễn")  # case only breaks ties
    assert sort_key("Nguyễn").isascii()


def test_lookup_ignores_tones_and_matches_word_starts_in_any_order():
    assert matches("nhan hoa", "Phường Nhân Hòa")
    assert matches("HOA nh", "Phường Nhân Hòa")
    assert matches("dong da", "Phường Đống Đa")
    assert not matches("han", "Phường Nhân Hòa")  # inside a word: no
    assert matches("", "Phường Nhân Hòa")


def test_units_sort_by_their_proper_name():
    names = [c.name for c in catalog.communes(24)]
    ordered = sorted(names, key=catalog.unit_sort_key)
    proper = [catalog.proper_name(n) for n in ordered]
    assert proper == sorted(proper, key=sort_key)
    assert catalog.proper_name("Thành phố Hà Nội") == "Hà Nội"
