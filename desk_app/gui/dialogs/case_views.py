"""What the case window shows, as widgets and rich text: the header, the milestone table, the
timeline, the papers (petitions, representatives, documents received and issued), dialogues."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desk_app.core.cases import tracking as cases
from desk_app.core.cases.labels import COMPLEXITY_LABELS, FLAGS, due_text
from desk_app.core.cases.lifecycle import STATUS_LABELS
from desk_app.core.cases.view import CaseDetail
from desk_app.core.documents.kinds import CASE_SLIP_NAMES
from desk_app.core.text import dmy
from desk_app.gui import style
from desk_app.gui.documents import TITLES

translate = QCoreApplication.translate


d = dmy  # dd/mm/yyyy of an ISO date or timestamp (the case window's modules call it d)


def document_kind(kind: str) -> str:
    """The name of an issued document's kind, as the officer knows it."""
    if kind in CASE_SLIP_NAMES:
        return CASE_SLIP_NAMES[kind]
    titles = {"bien_nhan_02": TITLES["receipt"][0], "tu_choi_01": TITLES["refusal"][0]}
    return titles.get(kind, kind.replace("_", " "))


def header_html(d_: CaseDetail, today: date) -> str:
    flags = (" · " + ", ".join(d_.flags)) if d_.flags else ""
    due, late = due_text(d_.due_on, today)
    due_html = (f" · <span style='color:{style.hex_('error')}'><b>{escape(due)}</b></span>"
                if late else (f" · {escape(due)}" if due else ""))
    person = escape(d_.person_name)
    if d_.person_id_number:
        person += f" · {escape(d_.person_id_number)}"
    if d_.person_address:
        person += f" · {escape(d_.person_address)}"
    received = translate("CaseView", "nhận")
    second = (" · " + translate("CaseView", "lần hai")) if d_.instance == 2 else ""
    assignee = (" · " + translate("CaseView", "cán bộ: ") + escape(d_.assignee)
                if d_.assignee else "")
    sender = translate("CaseView", "Người gửi")
    return (f"<h3 style='margin:0'>#{d_.id} — {escape(d_.title)}</h3>"
            f"<p>{escape(d_.kind_label)} · {escape(d_.topic)} · <b>{escape(d_.status_label)}</b>"
            f"{due_html} · {received} {d(d_.opened_on)}{second}"
            f" · {escape(d_.complexity_label)}{escape(flags)}{assignee}</p>"
            f"<p>{sender}: {person}</p>")


class MilestoneTable(QTableWidget):
    """Each legal milestone, its due date, where it stands and how the date was counted."""

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Mốc thời hạn"), self.tr("Hạn"), self.tr("Tình trạng"), self.tr("Cách tính")])
        self.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.setColumnWidth(0, 260)
        self.setColumnWidth(1, 90)
        self.setColumnWidth(2, 120)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.verticalHeader().setVisible(False)

    def show_detail(self, d_: CaseDetail, today: date) -> None:
        self.setRowCount(len(d_.milestones))
        overdue = QBrush(style.color("error"))
        for row, cm in enumerate(d_.milestones):
            m = cm.milestone
            if m.key not in cases.DONE_BY and not m.key.startswith("direction:"):
                # the citizen's window, a notice: for reference (a session's direction binds)
                state = self.tr("Đã qua") if m.due_on and m.due_on < today else self.tr("Để theo dõi")
            elif cm.done:
                state = self.tr("Đã xong")
            elif m.paused:
                state = self.tr("Tạm dừng")
            elif m.due_on is None:
                state = self.tr("Chưa tính")
            else:
                state = due_text(m.due_on.isoformat(), today)[0]
            # Some rule labels say it already ("… (chỉ tiêu của cơ quan)"): not twice.
            label = m.label + (self.tr(" (chỉ tiêu của cơ quan)")
                               if m.local and "chỉ tiêu" not in m.label else "")
            cells = (label, m.due_on.strftime("%d/%m/%Y") if m.due_on else "", state,
                     m.explanation)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(m.explanation)
                if cm.overdue and col in (1, 2):
                    item.setForeground(overdue)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, col, item)
        self.resizeRowsToContents()


def timeline_html(d_: CaseDetail) -> str:
    muted = style.hex_("muted")
    on, off = translate("CaseView", "bật"), translate("CaseView", "tắt")
    entered = translate("CaseView", "ghi lúc")
    items = []
    for e in d_.events:
        what = escape(e.label)
        if e.data.get("flag"):
            label = FLAGS.get(e.data["flag"], ("", e.data["flag"]))[1]
            what += f": {escape(label)} ({on if e.data.get('on') else off})"
        if "complexity" in e.data:
            what += f": {escape(COMPLEXITY_LABELS[int(e.data['complexity'])])}"
        extra = "".join(f" — {escape(x)}" for x in (e.body, e.doc_no) if x)
        note = f"<br><i>{escape(e.note)}</i>" if e.note else ""
        who = f" · {escape(e.officer)}" if e.officer else ""
        items.append(
            f"<tr><td valign=top><b>{d(e.occurred_on)}</b></td><td valign=top>{what}{extra}"
            f" <span style='color:{muted}'>→ {escape(STATUS_LABELS.get(e.status_after, ''))}"
            f"{who} · {entered} {escape(e.entered_at[11:16])} "
            f"{d(e.entered_at)}</span>{note}</td></tr>")
    return "<table cellspacing=6>" + "".join(items) + "</table>"


def papers_html(d_: CaseDetail) -> str:
    heads = (translate("CaseView", "Đơn thuộc vụ việc"),
             translate("CaseView", "Người đại diện (đoàn đông người)"),
             translate("CaseView", "Tài liệu đã nhận"), translate("CaseView", "Văn bản đã phát hành"))
    number_word, none, not_yet = (translate("CaseView", "Số"), translate("CaseView", "Không có"),
                                  translate("CaseView", "Chưa có"))
    columns = (translate("CaseView", "Loại văn bản"), translate("CaseView", "Số, ký hiệu"),
               translate("CaseView", "Ngày"))
    out = [f"<h4>{heads[0]}</h4><ul>"]
    out += [f"<li>{number_word} {escape(p.log_label)} — {d(p.received_at)}: "
            f"{escape(p.summary)}</li>" for p in d_.petitions]
    out.append("</ul>")
    if d_.representatives:
        out.append(f"<h4>{heads[1]}</h4><ul>")
        out += [f"<li>{escape(x)}</li>" for x in d_.representatives]
        out.append("</ul>")
    out.append(f"<h4>{heads[2]}</h4><ul>")
    out += [f"<li>{escape(x)}</li>" for x in d_.documents] or [f"<li>{none}</li>"]
    out.append(f"</ul><h4>{heads[3]}</h4>")
    if d_.issued:
        out.append("<table cellspacing=0 cellpadding=4><tr>"
                   + "".join(f"<th align=left>{c}</th>" for c in columns) + "</tr>")
        out += [f"<tr><td>{escape(document_kind(kind))}</td><td>{escape(number)}</td>"
                f"<td>{d(at)}</td></tr>" for number, kind, at in d_.issued]
        out.append("</table>")
    else:
        out.append(f"<ul><li>{not_yet}</li></ul>")
    return "".join(out)


def dialogues_html(d_: CaseDetail) -> str:
    if not d_.dialogues:
        return "<p>" + translate("CaseView", "Chưa có buổi đối thoại nào.") + "</p>"
    notice, result = translate("CaseView", "Thông báo gửi ngày"), translate("CaseView", "Kết quả")
    out = []
    for g in d_.dialogues:
        when = f"{g.scheduled_at[11:16]} {d(g.scheduled_at)}"
        out.append(f"<h4>{escape(when)} — {escape(g.place)}</h4>"
                   f"<p>{notice} {d(g.notice_sent_on)}</p>")
        if g.participants:
            out.append("<ul>" + "".join(
                f"<li><b>{escape(p.name)}</b> ({escape(p.role)}): {escape(p.position)}</li>"
                for p in g.participants) + "</ul>")
        if g.result:
            out.append(f"<p><b>{result}:</b> {escape(g.result)}</p>")
    return "".join(out)
