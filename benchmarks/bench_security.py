"""Security benchmark (docs/security.md): what encryption at rest costs.

    python benchmarks/bench_security.py --visits 100000

In one run, on the same cached demo office: a plain working copy and a SQLCipher copy of it
(`sqlcipher_export`, a random key); the search box's ~200 queries (benchmark 1's mix) and
`register_visit` of 200 forms (benchmark 3's) on each — target: encrypted p95 ≤ 1.5× plain;
an online backup of the encrypted office with its integrity check (target at 1,000,000
visits ≤ 60 s); signing in (argon2id at the parameters `choose_kdf` picks on this machine,
then opening the database) — target ≤ 0.5 s. The login screen's start-up is measured by
bench_startup.py (the login screen is the first usable window).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_db, log, summary, working_copy  # noqa: E402


def _search(db, queries) -> dict:
    from desk_app.core.reception.search import search

    times = []
    for _category, text in queries[:10]:  # warm-up
        search(db, text, limit=200)
    for _category, text in queries:
        t0 = time.perf_counter()
        search(db, text, limit=200)
        times.append(time.perf_counter() - t0)
    return summary(times)


def _intake(db, forms) -> dict:
    from datetime import timedelta

    from common import DEMO_END

    from desk_app.core.reception.intake import register_visit

    now = DEMO_END + timedelta(days=2)
    times = []
    for i, form in enumerate(forms):
        t0 = time.perf_counter()
        register_visit(db, form, now)
        if i >= 10:
            times.append(time.perf_counter() - t0)
    return summary(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--visits", type=int, default=100_000)
    ap.add_argument("--forms", type=int, default=200)
    args = ap.parse_args(argv)

    import bench_intake
    import bench_search

    from desk_app.core.opening import open_db
    from desk_app.core.security import backups, encrypt, keyring
    from desk_app.core.storage import keys

    source, _meta = demo_db(args.visits)
    work = Path(tempfile.mkdtemp(prefix="bench-security-"))
    try:
        plain = working_copy(source, work / "plain")
        sealed_dir = work / "sealed"
        sealed_dir.mkdir()
        key = os.urandom(32)
        t0 = time.perf_counter()
        encrypt.export_encrypted(plain, sealed_dir / "desk.sqlite3", key)
        encrypt_s = time.perf_counter() - t0
        log(f"encrypted a copy in {encrypt_s:.1f} s")
        keys.unlock(sealed_dir, key)
        results = {}
        for label, path in (("plain", plain), ("encrypted", sealed_dir / "desk.sqlite3")):
            db = open_db(path, create=False)
            queries = bench_search.build_queries(db.conn)
            forms = bench_intake.build_forms(db, args.forms + 10)
            results[label] = {"search": _search(db, queries), "intake": _intake(db, forms)}
            if label == "encrypted":
                t0 = time.perf_counter()
                made = backups.make_backup(db, work / "usb", kind="manual", record=False)
                results[label]["backup_s"] = time.perf_counter() - t0
                results[label]["backup_mb"] = made.size / 1e6
            db.close()
        # signing in: the machine's own argon2id parameters (not the tests' cheap ones)
        os.environ.pop(keyring.FAST_KDF_ENV, None)
        ring = work / "ring"
        key2, _code = keyring.create(ring, "quantri", "mat-khau-do-thu")
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            keyring.unlock(ring, "quantri", "mat-khau-do-thu")
            times.append(time.perf_counter() - t0)
        kdf = keyring.read(ring)["users"]["quantri"]["kdf"]
        t0 = time.perf_counter()
        keys.unlock(sealed_dir, key)
        open_db(sealed_dir / "desk.sqlite3", create=False).close()
        open_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(work, ignore_errors=True)

    p, e = results["plain"], results["encrypted"]
    print(f"security benchmark, {args.visits:,} visits")
    for what in ("search", "intake"):
        ratio = e[what]["p95"] / p[what]["p95"]
        print(f"  {what:<7} p95 plain {p[what]['p95']:7.2f} ms, encrypted "
              f"{e[what]['p95']:7.2f} ms: ×{ratio:.2f} (target ≤ 1.5) "
              f"{'OK' if ratio <= 1.5 else 'OVER'}")
    print(f"  backup of the encrypted office + integrity check: {e['backup_s']:.1f} s "
          f"({e['backup_mb']:.0f} MB)")
    login = max(times) + open_s
    print(f"  sign-in: argon2id t={kdf['t']} m={kdf['m'] // 1024} MiB unwrap max "
          f"{max(times) * 1000:.0f} ms + open {open_s * 1000:.0f} ms = {login * 1000:.0f} ms "
          f"(target ≤ 500) {'OK' if login <= 0.5 else 'OVER'}")
    print(f"  encrypting the plain office (sqlcipher_export + check): {encrypt_s:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
