"""Shared helpers for the benchmarks: the cached demo database, timing and statistics.

The 1,000,000-visit demo database takes minutes to generate, so it is generated once
and cached under benchmarks/.cache/ (git-ignored). The cache file name carries a hash of
the sources that decide its content (schema, generator, search index, text folding), so
changing any of them regenerates it; older cache files are removed then.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE_DIR = Path(os.environ.get("DESK_BENCH_CACHE", ROOT / "benchmarks" / ".cache"))
# A fixed end makes the generated office the same on every machine and every day.
DEMO_END = datetime(2026, 11, 20, 15, 0, 0)
DEMO_SEED = 1
# Files whose content shapes the generated database.
KEY_SOURCES = ("desk_app/core/storage/migrations.py", "desk_app/core/demo/generate.py",
               "desk_app/core/demo/histories.py", "desk_app/core/reception/search_index.py",
               "desk_app/core/text.py")


def source_key() -> str:
    h = hashlib.sha256()
    for rel in KEY_SOURCES:
        h.update(rel.encode())
        h.update((ROOT / rel).read_bytes())
    return h.hexdigest()[:12]


def cache_path(visits: int, seed: int = DEMO_SEED) -> Path:
    return CACHE_DIR / f"demo-{visits}-s{seed}-{source_key()}.sqlite3"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def demo_db(visits: int, seed: int = DEMO_SEED, *, regenerate: bool = False) -> tuple[Path, dict]:
    """The cached demo database for this size (generated if missing) and its metadata.

    The metadata holds how long `generate` took when the file was made (benchmark 4).
    """
    from desk_app.core.demo.generate import generate
    from desk_app.core.opening import open_db

    path = cache_path(visits, seed)
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists() and not regenerate:
        return path, json.loads(meta_path.read_text())
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    for old in CACHE_DIR.glob(f"demo-{visits}-s{seed}-*"):
        old.unlink()
    part = path.with_name(path.stem + ".part.sqlite3")
    for leftover in CACHE_DIR.glob(part.name + "*"):
        leftover.unlink()
    log(f"generating {visits:,} demo visits into {path} (once; cached) …")
    db = open_db(part)
    last = [time.perf_counter()]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 15:
            last[0] = time.perf_counter()
            log(f"  {done:,}/{total:,}")

    t0 = time.perf_counter()
    generate(db, visits, seed, end=DEMO_END, progress=progress)
    seconds = time.perf_counter() - t0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("persons", "visits", "petitions", "cases")}
    db.close()
    part.replace(path)
    meta = {"visits": visits, "seed": seed, "generate_seconds": round(seconds, 2),
            "generated_at": datetime.now().isoformat(timespec="seconds"),
            "file_bytes": path.stat().st_size, "rows": counts, "source_key": source_key(),
            "sqlite": sqlite3.sqlite_version}
    meta_path.write_text(json.dumps(meta, indent=2))
    log(f"generated in {seconds:.1f} s ({path.stat().st_size / 1e9:.2f} GB)")
    return path, meta


def working_copy(src: Path, dest_dir: Path) -> Path:
    """A throwaway copy of the cached database, so writes never touch the cache."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "desk.sqlite3"
    for old in dest_dir.glob("desk.sqlite3*"):
        old.unlink()
    shutil.copyfile(src, dest)
    # Flush the copy now: otherwise the first fsync of the benchmark (a WAL checkpoint during
    # some intake) waits for gigabytes of dirty pages and shows up as a half-second outlier.
    with open(dest, "rb+") as fh:
        os.fsync(fh.fileno())
    return dest


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary(values_s: list[float]) -> dict:
    """Milliseconds: p50, p95, max, mean over per-call seconds."""
    ms = [v * 1000 for v in values_s]
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
            "max": max(ms), "mean": statistics.fmean(ms)}


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}×" if base > 0 else "n/a"


def verdict(value: float, target: float) -> str:
    return "OK" if value <= target else "MISSED"
