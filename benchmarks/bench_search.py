"""Benchmark 1: the search box on the big database.

Measures `desk_app.core.reception.search.search(db, text, limit=200)` (ids from the index and the
rows for them) over a realistic mix of about 250 queries taken from the database itself:
full names with and without marks, partial names as typed, ID numbers and prefixes,
address and summary words, đ/d, and the hard cases (names given name first or surname last,
rare full names, common surnames, one letter, phone prefixes, "dat nguyen", words that match
nothing). Also what the window does for a search: its first page of 500 ids with the rows of
the table's first page (64), then the count of matches (up to 10,000). Baseline: a naive LIKE '%…%' scan over persons.full_name /
petitions.summary for the same queries, newest 200 first, with the same row fetch. Targets:
p95 ≤ 10 ms and max ≤ 50 ms. `--compare FILE` checks each query's result fingerprint (the ids
in order) against an earlier run's results (run.py --json, or this script's --json).
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
from collections import defaultdict
from pathlib import Path

from common import log, ratio, summary, verdict

TARGET_P95_MS = 10.0
TARGET_MAX_MS = 50.0
LIMIT = 200

FIXED = {
    "name": ["Nguyễn Văn Dũng", "nguyen van dung", "Trần Thị Hương", "tran thi huong",
             "Lê Văn Dũng", "NGUYỄN THỊ LAN"],
    "address": ["Lý Thái Tổ", "ly thai to", "Trần Hưng Đạo", "tran hung dao", "Nguyễn Văn Cừ",
                "Thôn Đoài", "thon doai", "Khu phố Vũ Ninh", "khu pho hoa dinh", "xuân ổ",
                "khuc toai", "niem xa", "Đấu Mã", "dau ma", "kinh duong vuong", "hai ba trung",
                "đường ngô gia tự", "số 15 đường", "thien duc", "Thôn Đông"],
    "summary": ["giấy chứng nhận quyền sử dụng đất", "giay chung nhan", "thu hồi đất",
                "thu hoi dat nong nghiep", "bồi thường", "boi thuong giai phong mat bang", "lấn chiếm",
                "lan chiem hanh lang", "tiếng ồn", "rac thai", "trợ cấp xã hội", "ho ngheo",
                "liệt sĩ", "bao hiem xa hoi", "giấy khai sinh", "tái định cư", "xây dựng không phép",
                "nứt tường", "cơ sở thờ tự", "cham trien khai", "tranh chấp ranh giới",
                "cán bộ địa chính", "quỹ đất công", "tu tap mat trat tu", "đường xuống cấp"],
    "d/đ": ["đặng", "dang", "Đỗ Văn", "do van", "Đức", "duc", "Đinh Thị", "dinh thi",
            "đất đai", "dat dai", "Đoàn Văn Đạt", "doan van dat", "Đạt", "dat", "điệp"],
    # What makes a full-text index slow: common words whose phrase is rare, names in another
    # order, one letter, short number prefixes, a word nothing has.
    "hard": ["nguyen", "tran", "le", "pham", "hoang", "d", "n", "t", "a", "h", "0",
             "dat nguyen", "nguyen dat", "dung nguyen van", "van dung nguyen", "dung nguyen",
             "thi lan nguyen", "hoa le thi", "huong tran thi", "xyzzy", "qwertz", "zzz",
             "khong co ai ten nay", "nguyen xyzzy", "098", "0912", "03", "027", "0270", "02709",
             "0271900", "nguyen van", "nguyen thi", "giay chung nhan quyen su dung dat",
             "thu hoi dat nong nghiep tai thon dong", "khieu nai", "to cao", "dat dai", "van",
             "thi", "khu pho", "so 15"],
}


def build_queries(conn: sqlite3.Connection, seed: int = 7) -> list[tuple[str, str]]:
    """(category, text) pairs: ~200, deterministic for a given database."""
    from desk_app.core.text import fold

    rng = random.Random(seed)
    top = conn.execute("SELECT MAX(id) FROM petitions").fetchone()[0]
    people = []
    while len(people) < 60:
        row = conn.execute(
            "SELECT pe.full_name, pe.id_number, pe.phone, p.kind FROM petitions p"
            " JOIN persons pe ON pe.id = p.person_id WHERE p.id >= ? ORDER BY p.id LIMIT 1",
            [rng.randint(1, top)]).fetchone()
        if row and row[3] != "to_cao":  # a denouncer's name is not searchable by design
            people.append(row)
    queries: list[tuple[str, str]] = []
    for category, texts in FIXED.items():
        queries += [(category, t) for t in texts]
    for name, *_ in people[:25]:
        queries.append(("name", name))
        queries.append(("name", fold(name)))
    for name, *_ in people[25:37]:  # as typed, keystroke by keystroke at a few points
        typed = rng.choice((name, fold(name)))
        words = typed.split()
        queries.append(("typing", typed[:2]))
        queries.append(("typing", words[0][:4]))
        queries.append(("typing", f"{words[0]} {words[1][:1]}"))
        queries.append(("typing", f"{words[0]} {words[1]} {words[2][:2]}"))
    for _, id_number, _, _ in people[37:60]:
        queries.append(("id", id_number))
    for _, id_number, _, _ in people[37:49]:
        queries.append(("id", id_number[:rng.choice((3, 6, 8, 9))]))
    for _, _, phone, _ in people[49:55]:
        queries.append(("id", phone))
    rng.shuffle(queries)
    # Names given name first and surname last, from other people of the office.
    rng = random.Random(seed + 1)
    reversed_names: list[str] = []
    while len(reversed_names) < 10:
        row = conn.execute(
            "SELECT pe.full_name, p.kind FROM petitions p JOIN persons pe ON pe.id = p.person_id"
            " WHERE p.id >= ? ORDER BY p.id LIMIT 1", [rng.randint(1, top)]).fetchone()
        if row and row[1] != "to_cao":
            reversed_names.append(row[0])
    for name in reversed_names:
        words = name.split()
        queries.append(("reversed", " ".join(words[1:] + words[:1])))
        queries.append(("reversed", " ".join(reversed(words))))
    return queries


def baseline_ids(conn: sqlite3.Connection, text: str, limit: int = LIMIT) -> list[int]:
    """The naive search: LIKE '%text%' over names and summaries, newest first."""
    pattern = f"%{text}%"
    return [r[0] for r in conn.execute(
        "SELECT p.id FROM petitions p JOIN persons pe ON pe.id = p.person_id"
        " WHERE pe.full_name LIKE ? OR p.summary LIKE ? ORDER BY p.id DESC LIMIT ?",
        [pattern, pattern, limit])]


def _load() -> str:
    """The machine's load average when the run started (other processes share the cores)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "n/a"


def fingerprint(ids) -> str:
    return hashlib.sha1(",".join(str(i) for i in ids).encode()).hexdigest()[:10]


def compare(result: dict, earlier: dict) -> dict:
    """Which queries give other results (ids or their order) than in an earlier run."""
    old = earlier.get("search", earlier).get("fingerprints", {})
    new = result["fingerprints"]
    common = [q for q in new if q in old]
    return {"compared": len(common), "identical": sum(new[q] == old[q] for q in common),
            "different": [q for q in common if new[q] != old[q]],
            "not_in_earlier": [q for q in new if q not in old]}


def _window_search(db, text: str) -> float:
    """What the log page does for a search before it paints: the first page of ids and the rows
    of the table's first page (64); returns the seconds the count it asks for next takes."""
    from desk_app.core.reception.logbook import log_rows
    from desk_app.core.reception.search import PAGE, count_matches, search_page

    page = search_page(db, text, PAGE)
    log_rows(db, page.ids[:64])
    t0 = time.perf_counter()
    count_matches(db, text)
    return time.perf_counter() - t0


def run(db_path: Path, *, baseline: bool = True, earlier: dict | None = None) -> dict:
    from desk_app.core.reception.logbook import log_rows
    from desk_app.core.reception.search import search
    from desk_app.core.storage.db import open_reader

    db = open_reader(db_path)
    queries = build_queries(db.conn)
    log(f"search: {len(queries)} queries")
    for _, text in queries:  # warm the OS and SQLite caches the way a working day would
        search(db, text, limit=LIMIT)
    times, cpu, by_cat, fingerprints, empty = [], [], defaultdict(list), {}, []
    load = _load()
    for category, text in queries:
        c0 = time.process_time()
        t0 = time.perf_counter()
        rows = search(db, text, limit=LIMIT)
        dt = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        times.append(dt)
        by_cat[category].append(dt)
        fingerprints[text] = fingerprint(r.petition_id for r in rows)
        if not rows:
            empty.append(text)
    slow = sorted(zip(times, (q for _, q in queries), strict=True), reverse=True)[:8]
    window, counting = [], []
    for _, text in queries:
        t0 = time.perf_counter()
        counted = _window_search(db, text)
        window.append(time.perf_counter() - t0 - counted)
        counting.append(counted)
    result = {
        "queries": len(queries),
        "search": summary(times),
        "search_cpu": summary(cpu),
        "load": load,
        "window": summary(window),
        "count": summary(counting),
        "by_category": {c: summary(v) for c, v in sorted(by_cat.items())},
        "slowest": [(t, round(s * 1000, 1)) for s, t in slow],
        "empty_results": empty,
        "fingerprints": fingerprints,
    }
    if baseline:
        base = []
        baseline_ids(db.conn, "warm up")
        for _, text in queries:
            t0 = time.perf_counter()
            log_rows(db, baseline_ids(db.conn, text))
            base.append(time.perf_counter() - t0)
        result["baseline"] = summary(base)
    db.close()
    if earlier is not None:
        result["compare"] = compare(result, earlier)
    return result


def report(result: dict) -> list[str]:
    s = result["search"]
    w, n, c = result["window"], result["count"], result["search_cpu"]
    ok = verdict(s["p95"], TARGET_P95_MS) == verdict(s["max"], TARGET_MAX_MS) == "OK"
    lines = [f"1. Search ({result['queries']} queries, limit {LIMIT}; target p95 ≤ {TARGET_P95_MS:.0f} ms,"
             f" max ≤ {TARGET_MAX_MS:.0f} ms)",
             f"   search():       p50 {s['p50']:7.1f} ms   p95 {s['p95']:7.1f} ms   max {s['max']:7.1f} ms"
             f"   [{'OK' if ok else 'MISSED'}]",
             f"   same, CPU time: p50 {c['p50']:7.1f} ms   p95 {c['p95']:7.1f} ms   max {c['max']:7.1f} ms"
             f"   (load average {result['load']} at the start: wall above CPU is waiting for a core)",
             f"   window, first paint (500 ids, 64 rows): p50 {w['p50']:7.1f} ms   p95 {w['p95']:7.1f} ms"
             f"   max {w['max']:7.1f} ms",
             f"   window, then the count (≤ 10,000):     p50 {n['p50']:7.1f} ms   p95 {n['p95']:7.1f} ms"
             f"   max {n['max']:7.1f} ms"]
    b = result.get("baseline")
    if b:
        lines.append(f"   LIKE baseline:  p50 {b['p50']:7.1f} ms   p95 {b['p95']:7.1f} ms   max {b['max']:7.1f} ms")
        lines.append(f"   ratio search/baseline: p50 {ratio(s['p50'], b['p50'])}   p95 {ratio(s['p95'], b['p95'])}")
    for cat, c in result["by_category"].items():
        lines.append(f"     {cat:8s} n={c['n']:3d}  p50 {c['p50']:7.1f}  p95 {c['p95']:7.1f}  max {c['max']:7.1f} ms")
    lines.append("   slowest: " + ", ".join(f"{q!r} {ms} ms" for q, ms in result["slowest"][:5]))
    if result["empty_results"]:
        lines.append(f"   queries with no result: {result['empty_results']}")
    c = result.get("compare")
    if c:
        lines.append(f"   results vs the earlier run: {c['identical']} of {c['compared']} queries identical"
                     + (f"; different: {c['different']}" if c["different"] else "")
                     + (f"; {len(c['not_in_earlier'])} not in it" if c["not_in_earlier"] else ""))
    return lines


if __name__ == "__main__":
    import argparse

    from common import demo_db

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--compare", metavar="FILE", help="an earlier run's results (JSON)")
    ap.add_argument("--json", metavar="FILE", help="write this run's results here")
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    earlier = json.loads(Path(args.compare).read_text()) if args.compare else None
    result = run(path, baseline=not args.no_baseline, earlier=earlier)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print("\n".join(report(result)))
