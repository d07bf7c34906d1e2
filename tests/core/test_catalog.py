"""The unit catalogue reads vietnam-provinces' data file directly; it must agree with its API."""

from vietnam_provinces import Province, Ward

from desk_app.core import catalog


def test_units_match_vietnam_provinces():
    assert len(catalog.provinces()) == 34
    for province in Province.iter_all():
        assert catalog.province_name(int(province.code)) == province.name
    wards = list(Ward.iter_all())
    assert len(wards) == 3321
    for ward in wards:  # the same names, a doubled space written as one
        assert catalog.commune(int(ward.code)) == (" ".join(ward.name.split()),
                                                   int(ward.province_code))
    assert catalog.commune(24121) == ("Phường Tân Lập", 66)  # "Phường  Tân Lập" in the data


def test_communes_of_a_province_and_labels():
    names = [c.name for c in catalog.communes(24)]
    assert "Phường Nhân Hòa" in names
    assert names == sorted(names)
    assert catalog.commune_label(9253) == "Phường Nhân Hòa, Bắc Ninh"
    assert catalog.commune(99999999) is None
    assert catalog.province_name(99) is None
    assert catalog.commune_label(None) == ""
