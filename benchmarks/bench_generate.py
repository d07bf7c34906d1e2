"""Benchmark 4: how long `desk_app.core.demo.generate.generate` takes for the big database.

Generation is timed once, when the cached database is built (see common.demo_db), and
reported from the cache's metadata afterwards; `run.py --regenerate` times it again.
Baseline, measured in every run: writing the same number of visit-shaped rows (uuid,
timestamp, a few short texts) with one executemany into an empty table of a scratch file,
same pragmas, one transaction — the floor for putting that many rows on disk from Python.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

from common import CACHE_DIR, ratio

TARGET_S = 120.0  # a million visits in two minutes
SIZE_TARGET = 1536  # bytes per visit: ≤ 1.5 KB with the same features


def size_by_table(db_path: Path) -> dict:
    """Bytes per visit of the file and of each table with its indexes (SQLite's dbstat
    table, as sqlite3_analyzer reports it); {} where SQLite lacks dbstat."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        visits = conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] or 1
        owner = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
        sizes: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            table = "search_fts" if table.startswith("search_fts") else table
            sizes[table] = sizes.get(table, 0) + size
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    total = sum(sizes.values())
    return {"file": round(total / visits),
            "tables": {t: round(b / visits) for t, b in sorted(sizes.items(), key=lambda kv: -kv[1])
                       if b / visits >= 1}}


def baseline_seconds(visits: int) -> float:
    path = CACHE_DIR / "baseline-bulk.sqlite3"
    for old in CACHE_DIR.glob("baseline-bulk.sqlite3*"):
        old.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, uuid TEXT, received_at TEXT,"
                 " reception_kind TEXT, outcome TEXT, note TEXT)")
    t0 = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)", (
            (i, str(uuid.UUID(int=i, version=4)), "2026-11-20T09:15:00", "thuong_xuyen",
             "accepted", "") for i in range(1, visits + 1)))
    dt = time.perf_counter() - t0
    conn.close()
    for old in CACHE_DIR.glob("baseline-bulk.sqlite3*"):
        old.unlink()
    return dt


def run(meta: dict, db_path: Path, *, baseline: bool = True) -> dict:
    result = {"visits": meta["visits"], "generate_s": meta["generate_seconds"],
              "generated_at": meta["generated_at"], "file_bytes": db_path.stat().st_size,
              "rows": meta.get("rows", {}), "bytes_per_visit": size_by_table(db_path)}
    if baseline:
        result["baseline_s"] = baseline_seconds(meta["visits"])
    return result


def report(result: dict) -> list[str]:
    g = result["generate_s"]
    rows = ", ".join(f"{v:,} {k}" for k, v in result["rows"].items())
    lines = [f"4. Demo generation ({result['visits']:,} visits; timed when the cache was built,"
             f" {result['generated_at']})",
             f"   generate(): {g:7.1f} s ({g / result['visits'] * 1e6:.0f} µs/visit)"
             f"   file {result['file_bytes'] / 1e9:.2f} GB   [target ≤ {TARGET_S:.0f} s at"
             f" 1,000,000: {'OK' if g / result['visits'] * 1e6 <= TARGET_S else 'MISSED'}]",
             f"   rows: {rows}"]
    size = result.get("bytes_per_visit")
    if size:
        top = ", ".join(f"{t} {b}" for t, b in list(size["tables"].items())[:10])
        lines.append(f"   {size['file']:,} bytes per visit (target ≤ {SIZE_TARGET:,}:"
                     f" {'OK' if size['file'] <= SIZE_TARGET else 'MISSED'}); by table with its"
                     f" indexes: {top}")
    if "baseline_s" in result:
        b = result["baseline_s"]
        lines.append(f"   baseline bulk insert of {result['visits']:,} plain rows: {b:.1f} s"
                     f"   ratio {ratio(g, b)}")
    return lines
