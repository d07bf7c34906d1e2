"""`desk-app schedule`: the reception schedule from the command line (core/schedule).

    desk-app schedule --from 2027-01-01 --to 2027-01-31 [--json]     sessions and their warnings
    desk-app schedule add --kind dinh_ky --on 2027-01-07 --start 08:00 --end 11:00 --host 2
    desk-app schedule add --kind dinh_ky --every TH --from 2027-01-01 --until 2027-12-31 …
    desk-app schedule export --month 2027-01 --out lich.pdf|lich.html|lich.ics
    desk-app schedule postpone|cancel|held|notice|book|compliance|head …
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date, datetime, time

from desk_app import cli_errors, messages
from desk_app.core.errors import DeskError

HELP = """Lịch tiếp công dân: buổi tiếp thường xuyên, định kỳ của Chủ tịch, đột xuất, trực tuyến.

Không có lệnh con: liệt kê các buổi tiếp từ --from đến --to kèm cảnh báo (tuần không có buổi
Chủ tịch tiếp, niêm yết muộn, cấp phó chủ trì…).

Lệnh con:
  add         thêm một buổi tiếp (--on) hoặc lịch lặp lại (--every, --from, --until)
  export      in thông báo niêm yết (.pdf, lấy số), hoặc xuất .html, .ics cho trang web
  postpone    hoãn một buổi tiếp sang thời gian mới (kèm thông báo hoãn --notice TỆP.pdf)
  move        dời giờ một buổi tiếp (trước khi niêm yết)
  cancel      hủy một buổi tiếp (ghi lý do)
  held        ghi buổi tiếp đã diễn ra và người chủ trì thực tế
  book        hẹn công dân của một vụ việc vào buổi tiếp (--slip TỆP.pdf: in phiếu hẹn)
  notice      lập thông báo kết luận buổi tiếp (từ nội dung đã ghi), in ra PDF
  compliance  số buổi dự kiến, đã tiếp, hoãn, hủy theo người chủ trì; công dân mỗi buổi
  head        chọn cán bộ là Chủ tịch (người phải tiếp định kỳ hằng tuần)
  replan      xếp lại các buổi tiếp lặp lại (chưa sửa tay) sau khi sửa ngày nghỉ, ngày làm bù
"""


def _day(text: str) -> date:
    from desk_app.cli_cases import iso_date

    return iso_date(text)


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise DeskError(messages.SCHEDULE_TIME_FORMAT.format(value=text)) from None


def _moment(day: str, clock: str) -> datetime:
    return datetime.combine(_day(day), _clock(clock))


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="in kết quả dạng JSON")
    p.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="THƯ_MỤC",
                   help="thư mục dữ liệu (mặc định theo hệ điều hành)")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schedule", help="lịch tiếp công dân: liệt kê, thêm, niêm yết, hoãn…",
                       formatter_class=argparse.RawDescriptionHelpFormatter, description=HELP)
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="liệt kê từ ngày")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="liệt kê đến ngày")
    actions = p.add_subparsers(dest="action", metavar="VIỆC",
                                help="không ghi: liệt kê các buổi tiếp từ --from đến --to")

    a = actions.add_parser("add", help="thêm buổi tiếp hoặc lịch lặp lại")
    a.add_argument("--kind", required=True, metavar="HÌNH_THỨC", help="thuong_xuyen, dinh_ky, dot_xuat, truc_tuyen")
    a.add_argument("--on", metavar="YYYY-MM-DD", help="ngày của một buổi tiếp")
    a.add_argument("--every", metavar="TH|MO,TH|workday",
                   help="lặp lại hằng tuần vào các thứ (MO…SU), hoặc mọi ngày làm việc (workday)")
    a.add_argument("--rrule", metavar="RRULE", help="quy tắc RRULE tùy ý (không có UNTIL, COUNT)")
    a.add_argument("--from", dest="first_day", metavar="YYYY-MM-DD", help="ngày bắt đầu lặp lại")
    a.add_argument("--until", metavar="YYYY-MM-DD", help="ngày kết thúc lặp lại (tối đa 10 năm)")
    a.add_argument("--holiday", default="same_week", choices=("same_week", "next", "skip"),
                   help="buổi rơi vào ngày nghỉ: chuyển trong tuần, sang ngày làm việc kế tiếp, "
                        "hoặc bỏ")
    a.add_argument("--start", required=True, metavar="HH:MM", help="giờ bắt đầu")
    a.add_argument("--end", required=True, metavar="HH:MM", help="giờ kết thúc")
    a.add_argument("--host", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ", help="người chủ trì (mã cán bộ)")
    a.add_argument("--officer", type=cli_errors.ROW_ID, action="append", default=[], metavar="MÃ_CÁN_BỘ",
                   help="cán bộ trực tiếp thường xuyên (lặp lại được)")
    a.add_argument("--place", default="", metavar="ĐỊA_ĐIỂM",
                   help="địa điểm (mặc định: trụ sở cơ quan)")
    a.add_argument("--participant", action="append", default=[], metavar="THÀNH_PHẦN",
                   help="thành phần tham dự (lặp lại được)")
    a.add_argument("--content", default="", metavar="NỘI_DUNG", help="nội dung dự kiến")
    a.add_argument("--reason-code", default="", metavar="MÃ_LÝ_DO", help="đột xuất: crowd, heated, serious_harm, other")
    a.add_argument("--reason", default="", metavar="LÝ_DO", help="đột xuất: lý do")
    a.add_argument("--police-at", metavar="YYYY-MM-DD HH:MM", help="đã báo công an lúc")
    a.add_argument("--police-contact", default="", metavar="NGƯỜI_NHẬN", help="đã báo cho ai")
    a.add_argument("--held", action="store_true", help="buổi tiếp đột xuất đã diễn ra")

    e = actions.add_parser("export", help="thông báo niêm yết (.pdf) hoặc .html, .ics")
    period = e.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="YYYY-MM", help="lịch của một tháng")
    period.add_argument("--quarter", metavar="YYYY-Qn", help="lịch của một quý")
    e.add_argument("--out", required=True, metavar="TỆP.pdf|.html|.ics", help="tệp ghi ra")

    for name, what in (("postpone", "hoãn sang thời gian mới"), ("move", "dời giờ")):
        m = actions.add_parser(name, help=f"{what} một buổi tiếp")
        m.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_BUỔI", help="số buổi tiếp")
        m.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="ngày mới")
        m.add_argument("--start", required=True, metavar="HH:MM", help="giờ bắt đầu mới")
        m.add_argument("--end", required=True, metavar="HH:MM", help="giờ kết thúc mới")
        m.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do (được thông báo công khai)")
        if name == "postpone":
            m.add_argument("--notice", metavar="TỆP.pdf", help="in thông báo hoãn ra tệp này")

    c = actions.add_parser("cancel", help="hủy một buổi tiếp")
    c.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_BUỔI", help="số buổi tiếp")
    c.add_argument("--reason", required=True, metavar="LÝ_DO", help="lý do hủy")

    h = actions.add_parser("held", help="ghi buổi tiếp đã diễn ra")
    h.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_BUỔI", help="số buổi tiếp")
    h.add_argument("--host", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ", help="người chủ trì thực tế (mặc định người dự kiến)")

    b = actions.add_parser("book", help="hẹn công dân của vụ việc vào buổi tiếp")
    b.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_BUỔI", help="số buổi tiếp")
    b.add_argument("--case", type=cli_errors.ROW_ID, required=True, metavar="SỐ_VỤ_VIỆC", help="vụ việc của công dân được hẹn")
    b.add_argument("--note", default="", metavar="GHI_CHÚ", help="ghi chú")
    b.add_argument("--slip", metavar="TỆP.pdf", help="in phiếu hẹn ra tệp này")

    n = actions.add_parser("notice", help="thông báo kết luận buổi tiếp (PDF)")
    n.add_argument("id", type=cli_errors.ROW_ID, metavar="SỐ_BUỔI", help="số buổi tiếp")
    n.add_argument("--out", required=True, metavar="TỆP.pdf", help="tệp PDF ghi ra")
    n.add_argument("--recipient", action="append", default=[], metavar="NƠI_NHẬN", help="nơi nhận (lặp lại được)")

    k = actions.add_parser("compliance", help="số liệu thực hiện lịch tiếp trong một kỳ")
    k.add_argument("--from", dest="period_from", required=True, metavar="YYYY-MM-DD", help="từ ngày")
    k.add_argument("--to", dest="period_to", required=True, metavar="YYYY-MM-DD", help="đến ngày")

    actions.add_parser("replan", help="xếp lại các buổi tiếp lặp lại theo ngày nghỉ mới sửa")

    d = actions.add_parser("head", help="chọn cán bộ là Chủ tịch")
    d.add_argument("officer_id", type=cli_errors.ROW_ID, metavar="MÃ_CÁN_BỘ", help="mã cán bộ (desk-app codes officers)")

    for child in actions.choices.values():
        _common(child)


# --- commands -------------------------------------------------------------------------------


def _session_json(row, alerts) -> dict:
    out = asdict(row)
    out["warnings"] = [asdict(a) for a in alerts]
    return out


def cmd_list(args, db, emit) -> int:
    from desk_app.core.schedule.checks import check_period
    from desk_app.core.schedule.model import SHORT_KINDS, WEEKDAYS
    from desk_app.core.schedule.views import sessions_between

    if not args.date_from or not args.date_to:
        raise DeskError(messages.SCHEDULE_CLI_RANGE)
    start, end = _day(args.date_from), _day(args.date_to)
    if end < start:
        raise DeskError(messages.SCHEDULE_CLI_RANGE_ORDER.format(start=start, end=end))
    rows = [r for r in sessions_between(db, start, end) if r.status != "skipped"
            or r.kind != "thuong_xuyen"]
    alerts = check_period(db, start, end, date.today())
    by_session: dict[int, list] = {}
    for a in alerts:
        by_session.setdefault(a.session_id, []).append(a)
    lines = []
    for r in rows:
        who = r.actual_host or r.host or ", ".join(r.officers)
        note = f" — {r.calendar_note}" if r.calendar_note else ""
        lines.append(f"#{r.id:<6} {WEEKDAYS[r.day.weekday()]:<8} {r.day:%d/%m/%Y} {r.hours}"
                     f"  {SHORT_KINDS[r.kind]:<12} {who}  [{r.status_label}]{note}")
        lines += [f"        ! {a.text}" for a in by_session.get(r.id, ())]
    lines += [f"! {a.text}" for a in by_session.get(None, ())]
    emit({"from": start.isoformat(), "to": end.isoformat(),
          "sessions": [_session_json(r, by_session.get(r.id, ())) for r in rows],
          "warnings": [asdict(a) for a in by_session.get(None, ())]},
         lines or ["Không có buổi tiếp nào."])
    return 0


def _every(text: str) -> str:
    from desk_app.core.schedule.model import RRULE_DAYS
    from desk_app.core.schedule.recurrence import EVERY_WORKING_DAY, weekly

    value = text.strip().upper()
    if value in ("WORKDAY", "WORKDAYS"):
        return EVERY_WORKING_DAY
    days = [d.strip() for d in value.split(",") if d.strip()]
    if not days or any(d not in RRULE_DAYS for d in days):
        raise DeskError(messages.SCHEDULE_CLI_EVERY.format(value=text))
    return weekly(tuple(RRULE_DAYS.index(d) for d in days))


def cmd_add(args, db, emit) -> int:
    from desk_app.core.schedule.model import SeriesForm, SessionForm
    from desk_app.core.schedule.sessions import add_series, add_session

    now = datetime.now()
    if args.on and (args.every or args.rrule):
        raise DeskError(messages.SCHEDULE_CLI_ON_OR_EVERY)
    if args.every or args.rrule:
        rule = args.rrule or _every(args.every)
        form = SeriesForm(
            kind=args.kind, rule=rule, first_day=_day(args.first_day) if args.first_day
            else now.date(), last_day=_day(args.until) if args.until else None,
            start_time=args.start, end_time=args.end, holiday_policy=args.holiday,
            host_id=args.host, officer_ids=tuple(args.officer), place=args.place,
            participants=tuple(args.participant), content=args.content)
        saved = add_series(db, form, now)
    elif args.on:
        police = None
        if args.police_at:
            day, _, clock = args.police_at.replace("T", " ").partition(" ")
            police = _moment(day, clock or "00:00")
        form = SessionForm(
            kind=args.kind, starts_at=_moment(args.on, args.start),
            ends_at=_moment(args.on, args.end), host_id=args.host,
            officer_ids=tuple(args.officer), place=args.place,
            participants=tuple(args.participant), content=args.content,
            reason_code=args.reason_code, reason=args.reason, police_informed_at=police,
            police_contact=args.police_contact, held=args.held)
        saved = add_session(db, form, now)
    else:
        raise DeskError(messages.SCHEDULE_CLI_ON_OR_EVERY)
    live = db.execute(
        f"SELECT COUNT(*) FROM sessions WHERE id IN ({','.join('?' * len(saved.session_ids))})"
        " AND status <> 'skipped'", list(saved.session_ids)).fetchone()[0]
    emit({"session_ids": list(saved.session_ids), "series_id": saved.series_id,
          "sessions": live},
         [f"Đã thêm {live} buổi tiếp" + (f" (lịch lặp lại số {saved.series_id})"
                                          if saved.series_id else f" số {saved.session_ids[0]}")])
    return 0


def cmd_export(args, db, emit) -> int:
    from desk_app.core.schedule.public import export_schedule, parse_period
    from desk_app.core.storage.office import require_office

    require_office(db)
    done = export_schedule(db, parse_period(args.month or args.quarter), args.out)
    what = (f"thông báo niêm yết số {done['number']}" + (" (bản sao)" if done["copy"] else "")
            if done["number"] else "lịch tiếp công dân")
    emit(done, [f"Đã xuất {what} ({done['sessions']} buổi tiếp) ra {done['out']}"])
    return 0


def _pdf(path: str) -> None:
    if not path.lower().endswith(".pdf"):
        raise DeskError(messages.PDF_OUT_FORMAT.format(path=path))


def cmd_change(args, db, emit) -> int:
    from desk_app.core.documents.layout import write_file
    from desk_app.core.schedule import sessions
    from desk_app.core.schedule.public import issue_postponement_notice

    out: dict = {"id": args.id}
    if args.action == "cancel":
        sessions.cancel_session(db, args.id, args.reason)
        emit(out, [f"Đã hủy buổi tiếp số {args.id}."])
        return 0
    if args.action == "held":
        sessions.record_held(db, args.id, args.host)
        emit(out, [f"Đã ghi buổi tiếp số {args.id} đã diễn ra."])
        return 0
    starts, ends = _moment(args.on, args.start), _moment(args.on, args.end)
    if args.action == "move":
        sessions.move_session(db, args.id, starts, ends, args.reason)
        emit(out, [f"Đã dời buổi tiếp số {args.id} sang {args.start} ngày {starts:%d/%m/%Y}."])
        return 0
    if args.notice:
        _pdf(args.notice)
    new_id = sessions.postpone_session(db, args.id, starts, ends, args.reason)
    out["new_id"] = new_id
    lines = [f"Đã hoãn buổi tiếp số {args.id}; buổi tiếp mới số {new_id} lúc {args.start} "
             f"ngày {starts:%d/%m/%Y}."]
    if args.notice:
        issued, _copy = issue_postponement_notice(db, args.id)
        write_file(args.notice, issued.pdf)
        out["notice"] = issued.number
        lines.append(f"Đã in thông báo hoãn số {issued.number} ra {args.notice}")
    emit(out, lines)
    return 0


def cmd_book(args, db, emit) -> int:
    from desk_app.core.documents.layout import write_file
    from desk_app.core.schedule.day import book, issue_booking_slip

    if args.slip:
        _pdf(args.slip)
    booking = book(db, args.id, args.case, args.note)
    out = {"booking_id": booking, "session_id": args.id, "case_id": args.case}
    lines = [f"Đã hẹn vụ việc số {args.case} vào buổi tiếp số {args.id}."]
    if args.slip:
        slip = issue_booking_slip(db, args.id, args.case)
        write_file(args.slip, slip.pdf)
        out["slip"] = slip.number
        lines.append(f"Đã in phiếu hẹn số {slip.number} ra {args.slip}")
    emit(out, lines)
    return 0


def cmd_notice(args, db, emit) -> int:
    from desk_app.core.documents.layout import write_file
    from desk_app.core.schedule.day import issue_conclusions
    from desk_app.core.storage.office import require_office

    _pdf(args.out)
    require_office(db)
    slip = issue_conclusions(db, args.id, tuple(args.recipient))
    write_file(args.out, slip.pdf)
    emit({"id": args.id, "number": slip.number, "copy": slip.copy, "out": args.out},
         [f"Đã in thông báo kết luận số {slip.number}{' (bản sao)' if slip.copy else ''} "
          f"ra {args.out}"])
    return 0


def cmd_compliance(args, db, emit) -> int:
    from desk_app.core.schedule.compliance import compliance
    from desk_app.core.schedule.model import STATUSES

    start, end = _day(args.period_from), _day(args.period_to)
    if end < start:
        raise DeskError(messages.SCHEDULE_CLI_RANGE_ORDER.format(start=start, end=end))
    c = compliance(db, start, end)
    lines = [f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}: {len(c.sessions)} buổi tiếp, "
             f"{c.citizens} lượt công dân"]
    for h in c.hosts:
        lines.append(f"  {h.host or '—'} ({h.position or '—'}): dự kiến {h.scheduled}, đã tiếp "
                     f"{h.held}, hoãn {h.postponed}, hủy {h.cancelled}, chưa ghi {h.not_recorded}")
    for ch in c.changes:
        new = f" → {ch.new_day:%d/%m/%Y}" if ch.new_day else ""
        lines.append(f"  {ch.day:%d/%m/%Y}{new} {STATUSES[ch.status].lower()}: {ch.reason}")
    if c.weeks_without_head:
        lines.append("  Tuần không có buổi Chủ tịch tiếp: "
                     + ", ".join(f"{d:%d/%m/%Y}" for d in c.weeks_without_head))
    emit(asdict(c), lines)
    return 0


def cmd_replan(args, db, emit) -> int:
    from desk_app.core.schedule.sessions import replan_series

    moved = replan_series(db)
    emit({"moved": moved}, [f"Đã xếp lại {moved} buổi tiếp theo lịch ngày nghỉ."])
    return 0


def cmd_head(args, db, emit) -> int:
    from desk_app.core.schedule.hosts import set_head

    set_head(db, args.officer_id)
    emit({"head_officer_id": args.officer_id}, [f"Đã chọn cán bộ số {args.officer_id} là Chủ tịch."])
    return 0


ACTIONS = {None: cmd_list, "add": cmd_add, "export": cmd_export, "postpone": cmd_change,
           "move": cmd_change, "cancel": cmd_change, "held": cmd_change, "book": cmd_book,
           "notice": cmd_notice, "compliance": cmd_compliance, "head": cmd_head,
           "replan": cmd_replan}


def cmd_schedule(args, db, emit) -> int:
    return ACTIONS[args.action](args, db, emit)


COMMANDS = {"schedule": cmd_schedule}
