"""The report's charts drawn with reportlab's own graphics (no plotting library in the PDF
path): petitions by month and kind (stacked bars), by field (horizontal bars), and how the
complaints and denunciations to resolve ended (bars). Greys and one hatch-free palette that
stays readable when the report is photocopied in black and white: every bar is labelled."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desk_app.core.documents.layout import nfc

# One colour per petition kind, dark to light: distinct in colour and in grey.
KIND_COLOURS = (colors.HexColor("#1f3b73"), colors.HexColor("#c0392b"),
                colors.HexColor("#7f8c8d"), colors.HexColor("#d4ac0d"))
BAR = colors.HexColor("#1f3b73")


def _title(drawing: Drawing, text: str, font: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, nfc(text), fontName=font, fontSize=11,
                       textAnchor="middle"))


def by_month(charts: dict[str, Any], width: float, font: str, bold: str) -> Drawing:
    months = charts["by_month"]
    height = 190
    d = Drawing(width, height)
    _title(d, "Hình 1. Số đơn tiếp nhận theo tháng và loại đơn", bold, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 45, width - 140, height - 75
    data = [[m["values"][k] for m in months] for k in range(len(charts["kinds"]))]
    chart.data = data if months else [[0]]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [m["label"] for m in months] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.angle = 30 if len(months) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 6 else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    top = max([sum(m["values"]) for m in months] or [0])
    chart.valueAxis.valueMax = max(5, top * 1.1)
    chart.barSpacing = 1
    for i, colour in enumerate(KIND_COLOURS[:len(data)]):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 88, height - 40
    legend.fontName, legend.fontSize = font, 9
    legend.columnMaximum = 4
    legend.alignment = "right"
    legend.colorNamePairs = [(KIND_COLOURS[i], nfc(k["label"]))
                             for i, k in enumerate(charts["kinds"])]
    d.add(legend)
    for m, month in enumerate(months):  # totals over the stacks
        total = sum(month["values"])
        if total:
            x = chart.x + chart.width * (m + 0.5) / len(months)
            y = chart.y + chart.height * total / chart.valueAxis.valueMax + 2
            d.add(String(x, y, str(total), fontName=font, fontSize=7, textAnchor="middle"))
    return d


def _hbars(title: str, items: list[dict[str, Any]], width: float, font: str,
           bold: str) -> Drawing:
    rows = max(1, len(items))
    height = 40 + 18 * rows
    d = Drawing(width, height)
    _title(d, title, bold, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 190, 10, width - 240, height - 35
    values = [i["value"] for i in reversed(items)] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [nfc(i["label"]) for i in reversed(items)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(5, max(values) * 1.15)
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def by_topic(charts: dict[str, Any], width: float, font: str, bold: str) -> Drawing:
    return _hbars("Hình 2. Số đơn tiếp nhận theo lĩnh vực", charts["by_topic"], width, font,
                  bold)


def resolution(charts: dict[str, Any], width: float, font: str, bold: str) -> Drawing:
    return _hbars("Hình 3. Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền",
                  charts["resolution"], width, font, bold)
