"""A realistic generated office for demos, tests and benchmarks.

Rows are written in bulk (register_visit would validate a million visits one by one),
but with the same shape and the same invariants: valid CCCD numbers, log numbers
sequential per year, masked denouncers in the search index.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from sqlite_utils import Database

from desk_app import messages
from desk_app.core import catalog
from desk_app.core.cases import tracking
from desk_app.core.cases.office_days import load_calendar
from desk_app.core.demo.histories import case_events, demo_uuid
from desk_app.core.errors import DeskError
from desk_app.core.opening import quick
from desk_app.core.reception import search_index
from desk_app.core.reception.ids import BIRTH_PROVINCE_CODES
from desk_app.core.reception.intake import RECEIPT_KIND
from desk_app.core.storage.office import add_officer, get_office, init_office, require_office
from desk_app.core.text import collation_key, fold

DEMO_PROVINCE = 24  # Bắc Ninh
DEMO_COMMUNE = 9253  # Phường Nhân Hòa
DEMO_OFFICERS = (
    ("Nguyễn Thị Hồng Nhung", "Công chức Văn phòng - Thống kê"),
    ("Trần Đức Thắng", "Công chức Tư pháp - Hộ tịch"),
    ("Lê Văn Dũng", "Chủ tịch Ủy ban nhân dân"),
    ("Phạm Thị Thu Hương", "Công chức Địa chính - Xây dựng"),
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trịnh", "Lương")
SURNAME_WEIGHTS = (38, 11, 9, 7, 5, 2, 4, 4, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1)
MIDDLE_M = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Thành", "Ngọc", "Đình")
MIDDLE_F = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Diệu")
GIVEN_M = ("Dũng", "Hùng", "Tuấn", "Đức", "Cường", "Thắng", "Long", "Nam", "Hải", "Sơn",
           "Quyết", "Toàn", "Khánh", "Phúc", "Đạt", "Lộc", "Bình", "Hiếu", "Trung", "Việt")
GIVEN_F = ("Hương", "Lan", "Hoa", "Mai", "Ngọc", "Thảo", "Hằng", "Nhung", "Yến", "Trang",
           "Dung", "Loan", "Huyền", "Thủy", "Liên", "Oanh", "Phượng", "Hạnh", "Điệp", "Xuân")
STREETS = ("Lý Thái Tổ", "Trần Hưng Đạo", "Nguyễn Trãi", "Lê Lợi", "Ngô Gia Tự", "Thiên Đức",
           "Hai Bà Trưng", "Kinh Dương Vương", "Nguyễn Văn Cừ", "Đấu Mã")
HAMLETS = ("Thôn Đông", "Thôn Đoài", "Khu phố Hòa Đình", "Khu phố Vũ Ninh", "Thôn Xuân Ổ",
           "Khu phố Đẩu Hàn", "Thôn Khúc Toại", "Khu phố Niềm Xá")

SUMMARIES = {
    "dat_dai": ("Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho thửa đất số {n}, tờ bản đồ số {m}",
                "Tranh chấp ranh giới đất với hộ liền kề tại {place}",
                "Khiếu nại việc thu hồi đất nông nghiệp tại {place}"),
    "boi_thuong_gpmb": ("Khiếu nại mức giá bồi thường khi thu hồi đất làm đường tại {place}",
                        "Kiến nghị hỗ trợ tái định cư cho hộ bị thu hồi đất dự án khu đô thị"),
    "trat_tu_xay_dung": ("Phản ánh hộ gia đình xây dựng lấn chiếm hành lang đường {street}",
                         "Phản ánh công trình xây dựng không phép gây nứt tường nhà liền kề"),
    "moi_truong": ("Phản ánh cơ sở sản xuất gây tiếng ồn, khói bụi tại {place}",
                   "Phản ánh rác thải tồn đọng, cống thoát nước ùn tắc tại {place}"),
    "chinh_sach_xa_hoi": ("Đề nghị xem xét trợ cấp xã hội cho người cao tuổi",
                          "Kiến nghị xét hộ nghèo, hộ cận nghèo năm {year}"),
    "nguoi_co_cong": ("Đề nghị giải quyết chế độ cho thân nhân liệt sĩ",),
    "lao_dong": ("Khiếu nại doanh nghiệp chậm trả lương, không đóng bảo hiểm xã hội",),
    "ton_giao": ("Kiến nghị về việc sửa chữa cơ sở thờ tự tại {place}",),
    "dau_tu": ("Phản ánh dự án chậm triển khai, bỏ hoang đất tại {place}",),
    "tu_phap": ("Đề nghị đính chính thông tin trên giấy khai sinh",),
    "tham_nhung": ("Tố cáo cán bộ địa chính nhận tiền khi làm thủ tục đất đai",
                   "Tố cáo sai phạm trong quản lý quỹ đất công tại {place}"),
    "can_bo_cong_chuc": ("Tố cáo công chức có thái độ hách dịch, gây phiền hà cho người dân",),
    "ha_tang_giao_thong": ("Kiến nghị sửa chữa tuyến đường {street} xuống cấp",),
    "an_ninh_trat_tu": ("Phản ánh tình trạng tụ tập, gây mất trật tự về đêm tại {place}",),
}
KIND_BY_OPENING = (("Khiếu nại", "khieu_nai"), ("Tố cáo", "to_cao"), ("Phản ánh", "phan_anh"))


def _kind_of(summary: str) -> str:
    return next((kind for opening, kind in KIND_BY_OPENING if summary.startswith(opening)),
                "kien_nghi")
TOPIC_WEIGHTS = {"dat_dai": 34, "boi_thuong_gpmb": 10, "trat_tu_xay_dung": 12, "moi_truong": 9,
                 "chinh_sach_xa_hoi": 8, "nguoi_co_cong": 3, "lao_dong": 3, "ton_giao": 1,
                 "dau_tu": 2, "tu_phap": 5, "tham_nhung": 3, "can_bo_cong_chuc": 2,
                 "ha_tang_giao_thong": 6, "an_ninh_trat_tu": 2}
BODIES = ("Tòa án nhân dân khu vực 1 - Bắc Ninh", "Sở Nông nghiệp và Môi trường tỉnh Bắc Ninh",
          "Công an tỉnh Bắc Ninh", "Bảo hiểm xã hội tỉnh Bắc Ninh", "Sở Xây dựng tỉnh Bắc Ninh")


_fold_name = lru_cache(maxsize=1 << 14)(fold)  # a few thousand distinct names
_sort_key = lru_cache(maxsize=1 << 14)(collation_key)
# Cumulative weights for rng.choices (same draws as plain weights, without re-adding them).
_SURNAME_CUM = list(accumulate(SURNAME_WEIGHTS))
_OUTCOMES = ("accepted", "guided", "transferred", "refused")
_OUTCOME_CUM = list(accumulate((70, 18, 9, 3)))
_RECEPTIONS = ("thuong_xuyen", "dinh_ky", "dot_xuat")
_RECEPTION_CUM = list(accumulate((75, 22, 3)))


class _People:
    def __init__(self, rng: random.Random, communes: list[tuple[int, str]]):
        self.rng, self.communes = rng, communes
        self.used: set[str] = set()

    def cccd(self, dob: date, sex: str) -> str:
        rng = self.rng
        province = rng.choice(("027", "027", "027", "024", "001", "033", rng.choice(
            sorted(BIRTH_PROVINCE_CODES))))
        digit = (dob.year // 100 - 19) * 2 + (1 if sex == "Nữ" else 0)
        while True:
            number = f"{province}{digit}{dob.year % 100:02d}{rng.randrange(1_000_000):06d}"
            if number not in self.used:
                self.used.add(number)
                return number

    def person(self, stamp: str) -> dict:
        rng = self.rng
        sex = rng.choice(("Nam", "Nam", "Nữ"))
        male = sex == "Nam"
        name = " ".join((rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0],
                         rng.choice(MIDDLE_M if male else MIDDLE_F),
                         rng.choice(GIVEN_M if male else GIVEN_F)))
        dob = date(rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28))
        code, commune = self.communes[0] if rng.random() < 0.8 else rng.choice(self.communes)
        if rng.random() < 0.5:
            address = f"Số {rng.randint(1, 250)} đường {rng.choice(STREETS)}"
        else:
            address = f"{rng.choice(HAMLETS)}"
        return {
            "uuid": demo_uuid(rng, stamp), "full_name": name,
            "name_key": _fold_name(name), "id_kind": "cccd", "id_number": self.cccd(dob, sex),
            "id_issued_on": None, "date_of_birth": dob.isoformat(), "sex": sex,
            "phone": "0" + rng.choice("389") + f"{rng.randrange(100_000_000):08d}",
            "address": address, "commune_code": code, "old_address": "",
            "created_at": stamp, "updated_at": stamp, "version": 1,
        }


_IDENTITY_COLUMNS = ("full_name", "name_key", "id_kind", "id_number", "id_issued_on",
                     "date_of_birth", "sex", "phone", "address", "commune_code", "old_address")
# meta key of a generated office: the seeds it was filled with (JSON list). A real office
# (made by `init` or the first-run dialog) never has it, so the demo can refuse to touch it.
DEMO_SEEDS = "demo_seeds"


def check_demo_target(db: Database, folder, seed: int) -> None:
    """Refuse to add generated visits to a real office (they would be credited to its real
    officers and printed in its log book), or the same seed twice (the same rows again)."""
    office = get_office(db)
    if office is None:
        return
    row = db.execute("SELECT value FROM meta WHERE key = ?", [DEMO_SEEDS]).fetchone()
    if row is None:
        raise DeskError(messages.DEMO_REAL_OFFICE.format(path=folder, office=office.name))
    if seed in json.loads(row[0]):
        raise DeskError(messages.DEMO_SEED_USED.format(seed=seed))


def _note_seed(db: Database, seed: int) -> None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [DEMO_SEEDS]).fetchone()
    if row is not None:
        db.execute("UPDATE meta SET value = ? WHERE key = ?",
                   [json.dumps([*json.loads(row[0]), seed]), DEMO_SEEDS])


def _ensure_office(db: Database) -> list[int]:
    if get_office(db) is None:
        with db.atomic():  # the office and its demo mark together
            init_office(db, DEMO_PROVINCE, DEMO_COMMUNE)
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '[]')", [DEMO_SEEDS])
    if db.execute("SELECT COUNT(*) FROM officers WHERE active = 1").fetchone()[0] == 0:
        with db.atomic():
            for name, position in DEMO_OFFICERS:
                add_officer(db, name, position)
    return [r[0] for r in db.execute("SELECT id FROM officers WHERE active = 1 ORDER BY id")]


def _working_moments(rng: random.Random, start: datetime, end: datetime, n: int) -> list[datetime]:
    span = (end - start).total_seconds()
    moments: list[datetime] = []
    while len(moments) < n:
        t = start + timedelta(seconds=rng.random() * span)
        if t.weekday() < 5 and 7 <= t.hour < 17:
            moments.append(t.replace(microsecond=0))
    moments.sort()
    return moments


def generate(db: Database, visits: int, seed: int = 1, *, end: datetime | None = None,
             years: int = 10, progress: Callable[[int, int], None] | None = None,
             stage: Callable[[str], None] | None = None) -> int:
    """Add `visits` generated visits (with petitions, cases, receipts) ending at `end`.

    `progress(done, total)` counts work units: one per visit written, then the search index
    and the milestones a fifth of the visits each, so a progress bar moves through every
    stage; `stage(name)` says which one starts ("visits", "index", "milestones"). Either may
    raise `Cancelled` to stop: the visits are written in one transaction, rolled back then.
    """
    rng = random.Random(seed)
    officer_ids = _ensure_office(db)
    office = require_office(db)
    communes = [(office.commune_code, office.commune_name)] + [
        (int(c.code), c.name) for c in catalog.communes(office.province_code)][:40]
    people = _People(rng, communes)
    people.used.update(r[0] for r in db.execute("SELECT id_number FROM persons"))
    end = end or datetime.now().replace(microsecond=0) - timedelta(hours=1)
    # The moments depend on the clock (`end` defaults to now); their own generator keeps the
    # rest (people, contents) the same for the same seed whenever the demo is generated.
    moments = _working_moments(random.Random(f"{seed}:moments"),
                               end - timedelta(days=365 * years), end, visits)
    # A bigger page cache while writing: the uuid indexes take keys in random order, and with
    # the default 2 MB nearly every insert reads a page back from the file.
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-min(max(visits, 2000), 1_000_000)}")  # ≈1 KiB a visit, ≤ 1 GiB
    # An empty office is filled without the write-ahead log: in one transaction the log would
    # hold a copy of every page written until the end (twice the file on disk, and the copy
    # back); a rollback journal of an empty file holds next to nothing. A crash loses only a
    # demo. The file's usual modes come back afterwards (storage/db.py sets them).
    fresh = db.execute("SELECT 1 FROM visits LIMIT 1").fetchone() is None
    # (if another connection has the file open, the mode stays WAL)
    fresh = fresh and quick(db, "PRAGMA journal_mode = DELETE")
    if fresh:
        db.execute("PRAGMA synchronous = OFF")
    try:
        with db.atomic():  # the seed is noted with the rows it made
            _note_seed(db, seed)
            _fill(db, visits, rng, people, moments, officer_ids, progress, stage)
    finally:
        db.execute(f"PRAGMA cache_size = {cache_size}")
        if fresh:
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA journal_mode = WAL")
    db.execute("ANALYZE")
    if progress:
        total = _units(visits)
        progress(total, total)
    return visits


PROGRESS_EVERY = 2_000  # visits between two flushes (and two progress reports)


def _units(visits: int) -> int:
    """Work units of a generation: the visits, then the index and the milestones."""
    return visits + 2 * _stage_units(visits)


def _stage_units(visits: int) -> int:
    return max(visits // 5, 1)


# Tables the demo fills in bulk. Their indexes are dropped while the rows go in and made again
# afterwards: one sorted pass per index instead of a B-tree insertion per row (pages come out
# full, too). The ones the petitions' triggers look up as each line goes in stay.
_FILLED = ("persons", "identity_snapshots", "visits", "visit_documents", "visit_representatives",
           "cases", "petitions", "petition_log_keys", "issued_documents", "case_events")
# log_keys_line: the log keys' triggers find a line by its petition (0013's table is keyed by
# the filters, WITHOUT ROWID), as each denunciation re-keys its visit's lines.
_KEEP_WHILE_FILLING = frozenset({"petitions_visit", "log_keys_line"})


def _drop_indexes(db: Database) -> list[str]:
    """Drop the secondary indexes of the filled tables; their CREATE statements, to run again."""
    marks = ",".join("?" * len(_FILLED))
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                      f" AND tbl_name IN ({marks})", _FILLED).fetchall()
    dropped = []
    for name, sql in rows:
        if name not in _KEEP_WHILE_FILLING:
            db.execute(f"DROP INDEX {name}")
            dropped.append(sql)
    return dropped


def _fill(db: Database, visits: int, rng: random.Random, people: _People,
          moments: list[datetime], officer_ids: list[int],
          progress: Callable[[int, int], None] | None,
          stage: Callable[[str], None] | None = None) -> None:
    total, step = _units(visits), _stage_units(visits)
    topics = list(TOPIC_WEIGHTS)
    topic_cum = list(accumulate(TOPIC_WEIGHTS.values()))
    reasons = [r.code for r in catalog.refusal_reasons()]
    next_id = {t: (db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0] + 1)
               for t in ("persons", "identity_snapshots", "visits", "petitions", "cases",
                         "issued_documents")}
    log_no = dict(db.execute("SELECT log_year, MAX(log_no) FROM petitions GROUP BY log_year"))
    receipt_no = dict(db.execute(
        "SELECT year, MAX(seq) FROM issued_documents WHERE kind = ? GROUP BY year", [RECEIPT_KIND]))
    # Each generated person keeps one identity (the snapshot their visits record).
    identity_of = dict(db.execute(
        "SELECT id, identity_id FROM persons WHERE identity_id IS NOT NULL ORDER BY id DESC LIMIT 5000"))
    known: list[int] = list(identity_of)
    batch: dict[str, list] = {t: [] for t in ("persons", "identity_snapshots", "visits", "cases", "petitions",
                             "issued_documents", "visit_documents", "visit_representatives",
                             "case_events")}
    end_day = moments[-1].date() if moments else date.today()
    cal, remote, local = load_calendar(db), tracking._remote(db), tracking.local_periods(db)

    def cached(kind: str, events: list[tuple]) -> dict:
        """The case's cached state (tracking.recompute_all would write the same), computed
        from its events as they are made rather than read back from the file afterwards."""
        state = tracking.replay((e[2], e[3], e[4], e[10]) for e in events)
        return tracking._cache_row(kind, state, remote, cal, end_day, local)

    def flush():
        for table, rows in batch.items():
            if rows and table != "case_events":
                cols = list(rows[0])
                db.conn.executemany(
                    f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                    list(map(itemgetter(*cols), rows)))
                rows.clear()
        db.conn.executemany(  # after their cases (foreign key)
            "INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on,"
            " entered_at, officer_id, body, doc_no, note, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch["case_events"])
        batch["case_events"].clear()

    def new_person(stamp: str) -> int:
        row = people.person(stamp)
        row["id"] = next_id["persons"]
        row["identity_id"] = next_id["identity_snapshots"]
        next_id["persons"] += 1
        next_id["identity_snapshots"] += 1
        batch["persons"].append(row)
        batch["identity_snapshots"].append(
            {"id": row["identity_id"], "person_id": row["id"], "recorded_at": stamp,
             "sort_key": _sort_key(row["full_name"]), **{k: row[k] for k in _IDENTITY_COLUMNS}})
        identity_of[row["id"]] = row["identity_id"]
        known.append(row["id"])
        return row["id"]

    with db.atomic():
        dropped = _drop_indexes(db)
        if stage:
            stage("visits")
        for done, when in enumerate(moments, start=1):
            stamp = when.isoformat()
            year = when.year
            person_id = rng.choice(known) if known and rng.random() < 0.3 else new_person(stamp)
            crowd = 1
            if rng.random() < 0.02:
                crowd = rng.randint(5, 30)
            outcome = rng.choices(_OUTCOMES, cum_weights=_OUTCOME_CUM)[0]
            vid = next_id["visits"]
            next_id["visits"] += 1
            batch["visits"].append({
                "id": vid, "uuid": demo_uuid(rng, stamp),
                "received_at": stamp,
                "reception_kind": rng.choices(_RECEPTIONS, cum_weights=_RECEPTION_CUM)[0],
                "officer_id": rng.choice(officer_ids), "person_id": person_id,
                "identity_id": identity_of[person_id], "crowd_size": crowd,
                "prior_handlers": "" if rng.random() < 0.8 else "UBND xã cũ đã trả lời bằng văn bản",
                "outcome": outcome,
                "refusal_reason": rng.choice(reasons) if outcome == "refused" else None,
                "outcome_body": rng.choice(BODIES) if outcome in ("guided", "transferred") else "",
                "outcome_doc_no": f"{rng.randint(1, 300)}/UBND-TCD" if outcome == "transferred" else "",
                "note": "", "written_by_officer": int(rng.random() < 0.3), "created_at": stamp,
                "version": 1,
            })
            if crowd >= 5:
                for ord_ in range(1, (2 if crowd <= 10 else rng.randint(2, 5)) if rng.random() < 0.7 else 1):
                    rep_id = new_person(stamp)
                    batch["visit_representatives"].append(
                        {"visit_id": vid, "person_id": rep_id, "ord": ord_,
                         "identity_id": identity_of[rep_id]})
            if rng.random() < 0.5:
                batch["visit_documents"].append({
                    "visit_id": vid, "ord": 1, "name": "Đơn " + ("đề nghị" if rng.random() < 0.6 else "khiếu nại"),
                    "pages": rng.randint(1, 4), "condition": "Nguyên vẹn", "copy": "ban_goc"})
            n_parts = 2 if rng.random() < 0.03 else 1
            kinds_used = set()
            for _ in range(n_parts):
                topic = rng.choices(topics, cum_weights=topic_cum)[0]
                summary = rng.choice(SUMMARIES[topic]).format(
                    n=rng.randint(10, 900), m=rng.randint(1, 60), year=year,
                    place=rng.choice(HAMLETS), street=rng.choice(STREETS))
                kind = _kind_of(summary)
                if kind in kinds_used:
                    continue
                kinds_used.add(kind)
                case_id = None
                if outcome != "refused":
                    case_id = next_id["cases"]
                    next_id["cases"] += 1
                    # A generator of its own: how far a history gets depends on the clock,
                    # and must not shift the people and contents generated after it.
                    events = case_events(
                        random.Random(rng.getrandbits(64)), case_id, kind, outcome, when.date(), end_day,
                        batch["visits"][-1]["officer_id"], stamp, crowd >= 5,
                        batch["visits"][-1]["outcome_body"], batch["visits"][-1]["outcome_doc_no"],
                        BODIES)
                    batch["case_events"].extend(events)
                    batch["cases"].append({
                        "id": case_id, "uuid": demo_uuid(rng, stamp),
                        "person_id": person_id, "kind": kind, "topic": topic, "title": summary,
                        "opened_on": when.date().isoformat(), "created_at": stamp,
                        "updated_at": stamp, "version": 1, **cached(kind, events)})
                log_no[year] = log_no.get(year, 0) + 1
                batch["petitions"].append({
                    "id": next_id["petitions"],
                    "uuid": demo_uuid(rng, stamp), "visit_id": vid,
                    "person_id": person_id, "case_id": case_id, "log_year": year,
                    "log_no": log_no[year], "kind": kind, "topic": topic, "summary": summary,
                    "received_at": stamp, "signatories": crowd, "arrival": "truc_tiep",
                    "created_at": stamp, "version": 1})
                next_id["petitions"] += 1
            if outcome != "refused":
                receipt_no[year] = receipt_no.get(year, 0) + 1
                batch["issued_documents"].append({
                    "id": next_id["issued_documents"],
                    "uuid": demo_uuid(rng, stamp),
                    "kind": RECEIPT_KIND, "year": year, "seq": receipt_no[year],
                    "number": f"{receipt_no[year]}/GBN-TCD", "visit_id": vid, "issued_at": stamp,
                    "sha256": None})
                next_id["issued_documents"] += 1
            if done % PROGRESS_EVERY == 0:
                flush()
                if progress:
                    progress(done, total)
        flush()
        if stage:
            stage("index")
        if progress:
            progress(visits, total)
        for sql in dropped:
            db.execute(sql)
        search_index.rebuild(db)
        # No milestone stage: each case's cached state was computed with its events (cached).
        if stage:
            stage("milestones")
        if progress:
            progress(visits + 2 * step, total)
