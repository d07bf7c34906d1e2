"""Benchmark 14: the sync bundle (docs/bundle.md).

Targets (issue): export of 100,000 cases with their visits and events ≤ 15 s (baseline:
`VACUUM INTO` of the same database in the same run); import of 100 ward bundles of 10,000
records each into one province database ≤ 3 min; re-import of the same bundles ≤ 1 min with
0 changes; memory of the import ≤ 300 MB RSS.

By default this runs at a tenth of those sizes (`--scale 0.1`): 10,000 cases, and 10 wards'
bundles of about 10,000 records each (the shared development machine cannot generate 100
wards of that size in a reasonable time); the lead runs `--scale 1` on a quiet machine. The
targets scale linearly with the records except memory (streamed: it should not grow).

    python benchmarks/bench_bundle.py               # a tenth of the sizes
    python benchmarks/bench_bundle.py --scale 1     # the issue's sizes
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desk_app.core import catalog  # noqa: E402
from desk_app.core.bundle import keys, province, service  # noqa: E402
from desk_app.core.demo.generate import generate  # noqa: E402
from desk_app.core.opening import open_db  # noqa: E402
from desk_app.core.storage.office import init_office  # noqa: E402

END = __import__("datetime").datetime(2026, 11, 20, 15, 0)
EXPORT_TARGET_S = 15.0
IMPORT_TARGET_S = 180.0
REIMPORT_TARGET_S = 60.0
RSS_TARGET_MB = 300.0


def _ward(folder: Path, commune: int, visits: int, seed: int):
    db = open_db(folder / f"ward-{commune}.sqlite3")
    init_office(db, 24, commune, officers=(("Lê Văn Dũng", "Chủ tịch"),))
    generate(db, visits, seed, end=END)
    keys.generate(db)
    return db


def _exchange(ward, prov, folder: Path) -> None:
    (folder / "p.key").write_bytes(keys.public_file_bytes(prov))
    (folder / "w.key").write_bytes(keys.public_file_bytes(ward))
    keys.register(ward, folder / "p.key")
    keys.register(prov, folder / "w.key")


def _import_child(prov_path: str, files: list[str]) -> dict:
    """Runs in a child process: the import alone, its time and its peak RSS."""
    db = open_db(prov_path)
    started = time.perf_counter()
    results = service.import_bundles(db, [Path(f) for f in files])
    seconds = time.perf_counter() - started
    changed = sum(s.total(k) for s in results for k in ("new", "updated", "conflict"))
    db.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    return {"seconds": seconds, "changed": changed, "rss_mb": rss,
            "records": sum(s.total(k) for s in results for k in
                           ("new", "updated", "unchanged", "conflict"))}


def _run_child(prov: Path, files: list[Path]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(prov), *map(str, files)],
                         capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the import failed:\n{out.stderr}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"import: {result}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=0.1, help="fraction of the issue's sizes (default 0.1)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--keep", action="store_true", help="keep the working folder")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(_import_child(args.child[0], args.child[1:])))
        return 0

    work = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    results: dict = {"scale": args.scale}
    try:
        # --- export: one big ward --------------------------------------------------------
        cases = int(100_000 * args.scale)
        t = time.perf_counter()
        big = _ward(work, 9253, cases, 1)
        results["generate_s"] = time.perf_counter() - t
        results["cases"] = big.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        results["events"] = big.execute("SELECT COUNT(*) FROM case_events").fetchone()[0]
        t = time.perf_counter()
        big.execute(f"VACUUM INTO '{work / 'vacuum.sqlite3'}'")
        results["vacuum_into_s"] = time.perf_counter() - t
        prov = open_db(work / "province.sqlite3")
        province.init_province(prov, 24)
        _exchange(big, prov, work)
        t = time.perf_counter()
        out = service.export_bundle(big, work / "big.dtcd", full=True)
        results["export_s"] = time.perf_counter() - t
        results["export_records"] = out.records
        results["export_mb"] = out.path.stat().st_size / 1e6
        print(f"export: {results}", flush=True)
        big.close()
        prov.close()

        # --- import: many wards' bundles ---------------------------------------------------
        wards = max(2, int(100 * args.scale))
        records_each = 10_000
        visits_each = max(50, records_each // 8)  # a visit brings ~8 records (see the output)
        communes = [int(c.code) for c in catalog.communes(24) if int(c.code) != 9253][:wards]
        prov_path = work / "import-province.sqlite3"
        prov = open_db(prov_path)
        province.init_province(prov, 24)
        files = []
        t = time.perf_counter()
        for i, commune in enumerate(communes):
            ward = _ward(work, commune, visits_each, 10 + i)
            _exchange(ward, prov, work)
            files.append(service.export_bundle(ward, work / f"w{commune}.dtcd").path)
            ward.close()
        results["wards_generated_s"] = time.perf_counter() - t
        prov.close()
        first = _run_child(prov_path, files)
        again = _run_child(prov_path, files)
        results.update({
            "wards": len(files), "import_records": first["records"],
            "import_s": first["seconds"], "import_rss_mb": first["rss_mb"],
            "reimport_s": again["seconds"], "reimport_changes": again["changed"],
            "reimport_rss_mb": again["rss_mb"],
        })
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    s = args.scale
    rows = [
        ("export (full)", f"{results['export_records']:,} records from {results['cases']:,} cases,"
         f" {results['events']:,} events", f"{results['export_s']:.1f} s",
         f"≤ {EXPORT_TARGET_S * s:.1f} s", f"VACUUM INTO {results['vacuum_into_s']:.1f} s"),
        ("import", f"{results['wards']} bundles, {results['import_records']:,} records",
         f"{results['import_s']:.1f} s", f"≤ {IMPORT_TARGET_S * s:.0f} s", ""),
        ("re-import", f"the same, {results['reimport_changes']} changes",
         f"{results['reimport_s']:.1f} s", f"≤ {REIMPORT_TARGET_S * s:.0f} s", ""),
        ("import memory", "peak RSS of the importing process", f"{results['import_rss_mb']:.0f} MB",
         f"≤ {RSS_TARGET_MB:.0f} MB", ""),
    ]
    for row in rows:
        print(" | ".join(row))
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
