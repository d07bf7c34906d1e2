"""Layouts are data: a province's own folder changes the tables without code; a broken file is
refused with a message naming it and why."""

from __future__ import annotations

import json
import shutil

import pytest

from desk_app import messages
from desk_app.core.errors import DeskError
from desk_app.core.reports.engine import build_report
from desk_app.core.reports.layouts import default_dir, report_set
from desk_app.core.reports.periods import parse_period
from tests.core.reports.conftest import REPORT_NOW


def _folder(tmp_path, name="layouts"):
    folder = tmp_path / name
    shutil.copytree(default_dir(), folder)
    return folder


def _edit(folder, file, change):
    path = folder / file
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_shipped_layouts_load():
    spec = report_set()
    assert [t.id for t in spec.tables] == ["tcd", "xld", "kntc", "sessions", "topics", "areas"]
    xld = next(t for t in spec.tables if t.id == "xld")
    assert xld.header_depth == 3 and len(xld.columns) == 26
    assert xld.formulas[9] == "9=11+12+13=14+15+16+17=18+22"
    assert all(t.verify for t in spec.tables)  # each says what is unconfirmed


def test_a_province_template(office, tmp_path):
    """A province counting only crowd delegations and online receptions in its own table."""
    folder = _folder(tmp_path)

    def mine(data):
        data["code"] = "Biểu số 05/TCD-BN"
        data["columns"] = [
            {"label": "Đoàn đông người", "children": [
                {"no": 1, "label": "Số đoàn", "m": "visits", "where": {"crowd": "crowd"}},
                {"no": 2, "label": "Số người", "m": "visits", "where": {"crowd": "crowd"},
                 "sum": True}]},
            {"no": 3, "label": "Tiếp thường xuyên, đột xuất", "m": "visits",
             "where": {"reception_kind": ["thuong_xuyen", "dot_xuat"]}}]
        data["checks"] = []

    _edit(folder, "tcd.json", mine)
    _edit(folder, "report.json", lambda d: d.update(checks=[]))
    report = build_report(office, parse_period("2026-Q4"), now=REPORT_NOW, directory=str(folder))
    table = report.table("tcd")
    assert table.layout.code == "Biểu số 05/TCD-BN"
    assert [table.cell("tong", n) for n in (1, 2, 3)] == [1, 6, 8]
    assert report.failures == ()


@pytest.mark.parametrize(("file", "change", "why"), [
    ("xld.json", lambda d: d["columns"][0].update(m="unknown"),
     "cột “Tổng số đơn”: cần “no” (số cột) và “m” (tên số đo có trong measures.py)"),
    ("xld.json", lambda d: d["columns"][0].update(where={"colour": "red"}),
     "cột “Tổng số đơn”: số đo không chia được theo colour"),
    ("xld.json", lambda d: d["columns"][0].update(no=2), "số cột bị trùng"),
    ("xld.json", lambda d: d.update(checks=["1 = 2 + 99"]), "đẳng thức “1 = 2 + 99” ghi cột không có"),
    ("xld.json", lambda d: d.update(checks=["một = hai"]), "đẳng thức “một = hai” chỉ ghi số cột"),
    ("xld.json", lambda d: d.update(checks=["1 + 2"]),
     "đẳng thức “1 + 2” không đúng dạng “1 = 2 + 3”"),
    ("tcd.json", lambda d: d.update(rows={"by": "topic"}),
     "cột 1: số đo visits không chia được theo topic"),
    ("tcd.json", lambda d: d["columns"][0].update(sum=True, m="visit_cases"),
     "cột “Tổng số lượt tiếp”: số đo visit_cases không có gì để cộng"),
    ("kntc.json", lambda d: d.pop("columns"), "thiếu “columns”"),
])
def test_a_broken_layout_is_refused(tmp_path, file, change, why):
    folder = _folder(tmp_path)
    _edit(folder, file, change)
    with pytest.raises(DeskError) as info:
        report_set(str(folder))
    assert info.value.message == messages.REPORT_LAYOUT_INVALID.format(path=file, why=why)


def test_a_cross_check_must_name_real_columns(tmp_path):
    folder = _folder(tmp_path)
    _edit(folder, "report.json", lambda d: d.update(checks=["tcd.1 = nowhere.3"]))
    with pytest.raises(DeskError) as info:
        report_set(str(folder))
    assert info.value.message == messages.REPORT_LAYOUT_INVALID.format(
        path="report.json", why="đẳng thức “tcd.1 = nowhere.3” ghi cột không có")
