"""CCCD number checks and the chip card QR line (docs/legal.md, “Citizen ID”)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.model import Sex
from desk_app.core.reception.ids import BIRTH_PROVINCE_CODES, check_cccd, parse_qr_line, read_cccd
from tests.support import cccd

NAME = "Nguyễn Thị Thủy Tiên"
ADDRESS = "Thôn Đông, xã Hòa Tiến, huyện Yên Phong, tỉnh Bắc Ninh"
FEMALE_1990S = cccd(1995, Sex.NU, "027", 123456)  # 027 1 95 123456
MALE_2000S = cccd(2003, Sex.NAM, "001", 654321)  # 001 2 03 654321


def qr(*fields: str) -> str:
    return "|".join(fields)


GOOD = qr(FEMALE_1990S, "125678901", NAME, "14021995", "Nữ", ADDRESS, "10082021")


# ---- read_cccd / check_cccd -------------------------------------------------------------------


@pytest.mark.parametrize(("digit", "year", "sex"), [
    ("0", 1990, Sex.NAM), ("1", 1990, Sex.NU), ("2", 2090, Sex.NAM), ("3", 2090, Sex.NU),
    ("4", 2190, Sex.NAM), ("5", 2190, Sex.NU), ("8", 1890, Sex.NAM), ("9", 1890, Sex.NU),
])
def test_fourth_digit_encodes_century_and_sex(digit, year, sex):
    facts = read_cccd(f"027{digit}90001234")
    assert (facts.birth_province, facts.birth_year, facts.sex) == ("027", year, sex)


@pytest.mark.parametrize("year", [1940, 1999, 2000, 2009])
@pytest.mark.parametrize("sex", list(Sex))
def test_helper_numbers_read_back(year, sex):
    facts = read_cccd(cccd(year, sex, "001"))
    assert (facts.birth_year, facts.sex, facts.birth_province) == (year, sex, "001")


def test_surrounding_spaces_are_ignored():
    assert read_cccd(f"  {MALE_2000S}\t").birth_year == 2003


@pytest.mark.parametrize("number", ["", "0270900012", "02709000123", "0270900012345",
                                    "02709000123a", "027 90001234", "０２７０９０００１２３４",
                                    "027²90001234", "02709000123٤"])
def test_not_twelve_ascii_digits(number):
    """Unicode digits pass str.isdigit() but are not a card number (and int('²') crashes)."""
    with pytest.raises(DeskError) as caught:
        read_cccd(number)
    assert caught.value.message == messages.ID_DIGITS.format(count=len(number.strip()))
    assert caught.value.field == "id_number"


@pytest.mark.parametrize("code", ["000", "003", "005", "063", "099", "100", "999"])
def test_unknown_birth_province(code):
    assert code not in BIRTH_PROVINCE_CODES
    with pytest.raises(DeskError) as caught:
        read_cccd(f"{code}090001234")
    assert caught.value.message == messages.ID_PROVINCE.format(code=code)


def test_sixty_three_pre_2025_provinces():
    assert len(BIRTH_PROVINCE_CODES) == 63
    assert {"001", "027", "079", "096"} <= BIRTH_PROVINCE_CODES


def test_check_cccd_accepts_matching_facts_and_unknowns():
    assert check_cccd(FEMALE_1990S, date(1995, 2, 14), Sex.NU).birth_year == 1995
    assert check_cccd(FEMALE_1990S, None, None).sex == Sex.NU
    assert check_cccd(MALE_2000S, date(2003, 12, 31), None).sex == Sex.NAM


@pytest.mark.parametrize(("dob", "sex", "expected", "field"), [
    (date(1996, 2, 14), Sex.NU, messages.ID_CENTURY_YEAR.format(id_year=1995, dob_year=1996),
     "id_number"),
    (date(2095, 2, 14), Sex.NU, messages.ID_CENTURY_YEAR.format(id_year=1995, dob_year=2095),
     "id_number"),
    (date(1995, 2, 14), Sex.NAM, messages.ID_SEX.format(id_sex="Nữ", sex="Nam"), "sex"),
    (None, Sex.NAM, messages.ID_SEX.format(id_sex="Nữ", sex="Nam"), "sex"),
])
def test_check_cccd_mismatch(dob, sex, expected, field):
    with pytest.raises(DeskError) as caught:
        check_cccd(FEMALE_1990S, dob, sex)
    assert caught.value.message == expected
    assert caught.value.field == field


# ---- parse_qr_line -------------------------------------------------------------------------


def test_good_seven_field_line():
    got = parse_qr_line(GOOD)
    assert got.id_number == FEMALE_1990S
    assert got.old_id_number == "125678901"
    assert got.full_name == NAME
    assert got.date_of_birth == date(1995, 2, 14)
    assert got.sex == Sex.NU
    assert got.address == ADDRESS
    assert got.issued_on == date(2021, 8, 10)


def test_six_fields_without_issue_date():
    got = parse_qr_line(qr(MALE_2000S, "", "Trần Đức Thắng", "01012003", "Nam", ADDRESS))
    assert got.issued_on is None
    assert got.old_id_number == ""
    assert (got.full_name, got.sex, got.date_of_birth) == ("Trần Đức Thắng", Sex.NAM,
                                                          date(2003, 1, 1))


def test_eight_fields_extra_is_ignored():
    got = parse_qr_line(GOOD + "|phần mở rộng")
    assert got == parse_qr_line(GOOD)


def test_empty_issue_date_field():
    got = parse_qr_line(qr(MALE_2000S, "", "Trần Đức Thắng", "01012003", "Nam", ADDRESS, ""))
    assert got.issued_on is None


def test_empty_old_id():
    got = parse_qr_line(qr(FEMALE_1990S, "", NAME, "14021995", "Nữ", ADDRESS, "10082021"))
    assert got.old_id_number == ""
    assert got.id_number == FEMALE_1990S


def test_twelve_digit_old_id_is_accepted():
    old = cccd(1995, Sex.NU, "027", 1)
    assert parse_qr_line(qr(FEMALE_1990S, old, NAME, "14021995", "Nữ", ADDRESS, "")).old_id_number == old


def test_nfd_name_and_address_come_back_nfc():
    line = unicodedata.normalize("NFD", GOOD)
    assert line != GOOD  # the test really feeds decomposed text
    got = parse_qr_line(line)
    assert got.full_name == NAME
    assert unicodedata.is_normalized("NFC", got.full_name)
    assert got.address == ADDRESS
    assert got.sex == Sex.NU


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r", "  \r\n", "\t"])
def test_trailing_line_end_from_scanner(ending):
    assert parse_qr_line(GOOD + ending) == parse_qr_line(GOOD)


def test_lower_case_sex_and_extra_spaces_in_name():
    got = parse_qr_line(qr(FEMALE_1990S, "", "  Nguyễn  Thị   Thủy Tiên ", "14021995", "nữ",
                           ADDRESS, ""))
    assert got.full_name == NAME
    assert got.sex == Sex.NU


@pytest.mark.parametrize("count", [1, 2, 5, 9, 12])
def test_wrong_number_of_fields(count):
    fields = GOOD.split("|") + ["x"] * 6
    with pytest.raises(DeskError) as caught:
        parse_qr_line("|".join(fields[:count]))
    assert caught.value.message == messages.QR_FIELDS.format(count=count)


@pytest.mark.parametrize("line", ["", "\r\n", "   ", None])
def test_empty_scan(line):
    with pytest.raises(DeskError) as caught:
        parse_qr_line(line)
    assert caught.value.message == messages.QR_EMPTY


@pytest.mark.parametrize("line", ["xin chào", "ĐÂY LÀ RÁC @#$%", "https://example.vn/?a=1&b=2"])
def test_garbage(line):
    with pytest.raises(DeskError) as caught:
        parse_qr_line(line)
    assert caught.value.message == messages.QR_FIELDS.format(count=1)


@pytest.mark.parametrize(("fields", "expected"), [
    ((FEMALE_1990S[:-1], "", NAME, "14021995", "Nữ", ADDRESS, ""),
     messages.QR_ID.format(value=FEMALE_1990S[:-1])),
    (("ABCDEFGHIJKL", "", NAME, "14021995", "Nữ", ADDRESS, ""),
     messages.QR_ID.format(value="ABCDEFGHIJKL")),
    (("０２７" + FEMALE_1990S[3:], "", NAME, "14021995", "Nữ", ADDRESS, ""),
     messages.QR_ID.format(value="０２７" + FEMALE_1990S[3:])),
    ((FEMALE_1990S, "12345678²", NAME, "14021995", "Nữ", ADDRESS, ""),
     messages.QR_ID.format(value="12345678²")),
    ((FEMALE_1990S, "12345", NAME, "14021995", "Nữ", ADDRESS, ""),
     messages.QR_ID.format(value="12345")),
    ((FEMALE_1990S, "", "  ", "14021995", "Nữ", ADDRESS, ""), messages.QR_NAME),
    ((FEMALE_1990S, "", NAME, "1995-02-14", "Nữ", ADDRESS, ""),
     messages.QR_DATE.format(value="1995-02-14")),
    ((FEMALE_1990S, "", NAME, "30021995", "Nữ", ADDRESS, ""),
     messages.QR_DATE.format(value="30021995")),
    ((FEMALE_1990S, "", NAME, "14021995", "Nữ", ADDRESS, "31132021"),
     messages.QR_DATE.format(value="31132021")),
    ((FEMALE_1990S, "", NAME, "1402199²", "Nữ", ADDRESS, ""),
     messages.QR_DATE.format(value="1402199²")),
    ((FEMALE_1990S, "", NAME, "14021995", "Khác", ADDRESS, ""),
     messages.QR_SEX.format(value="Khác")),
    ((FEMALE_1990S, "", NAME, "14021995", "F", ADDRESS, ""), messages.QR_SEX.format(value="F")),
])
def test_bad_field(fields, expected):
    with pytest.raises(DeskError) as caught:
        parse_qr_line(qr(*fields))
    assert caught.value.message == expected


def test_id_and_birth_year_disagree():
    with pytest.raises(DeskError) as caught:
        parse_qr_line(qr(FEMALE_1990S, "", NAME, "14021996", "Nữ", ADDRESS, ""))
    assert caught.value.message == messages.ID_CENTURY_YEAR.format(id_year=1995, dob_year=1996)


def test_id_and_sex_disagree():
    with pytest.raises(DeskError) as caught:
        parse_qr_line(qr(FEMALE_1990S, "", NAME, "14021995", "Nam", ADDRESS, ""))
    assert caught.value.message == messages.ID_SEX.format(id_sex="Nữ", sex="Nam")
