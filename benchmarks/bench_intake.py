"""Benchmark 3: saving an intake into the big database.

Times `desk_app.core.reception.intake.register_visit` over ~300 realistic forms (new visitors,
repeat visitors, repeat visitors whose phone changed — which re-indexes all their
petitions —, crowds with representatives, two-part petitions, guided, transferred and
refused visits) on a working copy of the cached database (the cache stays clean).
Baseline, interleaved with the intakes: a one-row INSERT + commit into a scratch table
of the same file on the same connection (WAL, synchronous=FULL). Target: p95 ≤ 20 ms.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from common import DEMO_END, log, ratio, summary, verdict

TARGET_P95_MS = 20.0
FORMS = 300
WARMUP = 10


def _person_form(values: dict):
    from desk_app.core.model import IdKind, PersonForm, Sex

    return PersonForm(
        full_name=values["full_name"], id_kind=IdKind(values["id_kind"]),
        id_number=values["id_number"],
        date_of_birth=date.fromisoformat(values["date_of_birth"]) if values["date_of_birth"] else None,
        sex=Sex(values["sex"]) if values["sex"] else None, phone=values["phone"],
        address=values["address"], commune_code=values["commune_code"])


def build_forms(db, n: int, seed: int = 11) -> list:
    from desk_app.core import catalog
    from desk_app.core.demo.generate import (
        BODIES,
        HAMLETS,
        STREETS,
        SUMMARIES,
        TOPIC_WEIGHTS,
        _kind_of,
        _People,
    )
    from desk_app.core.model import (
        DocumentItem,
        IntakeForm,
        Outcome,
        PetitionKind,
        PetitionPart,
        ReceptionKind,
    )
    from desk_app.core.storage.office import get_office, officers

    rng = random.Random(seed)
    office = get_office(db)
    people = _People(rng, [(office.commune_code, office.commune_name)])
    people.used.update(r[0] for r in db.execute("SELECT id_number FROM persons"))
    officer_ids = [o.id for o in officers(db)]
    columns = ["full_name", "id_kind", "id_number", "date_of_birth", "sex", "phone", "address",
               "commune_code"]
    top = db.execute("SELECT MAX(id) FROM persons").fetchone()[0]
    reasons = [r.code for r in catalog.refusal_reasons()]
    topics, weights = list(TOPIC_WEIGHTS), list(TOPIC_WEIGHTS.values())
    when = DEMO_END + timedelta(days=1, hours=-7)
    forms = []
    for _ in range(n):
        when += timedelta(minutes=rng.randint(1, 3))
        roll = rng.random()
        if roll < 0.6:
            person = _person_form(people.person(when.isoformat()))
        else:  # a repeat visitor, found by the ID number on the card
            row = db.execute(f"SELECT {','.join(columns)} FROM persons WHERE id >= ? AND id_kind = 'cccd'"
                             " ORDER BY id LIMIT 1", [rng.randint(1, top)]).fetchone()
            values = dict(zip(columns, row, strict=True))
            if roll > 0.9:  # …whose phone number changed: every petition of theirs is re-indexed
                values["phone"] = "09" + f"{rng.randrange(100_000_000):08d}"
            person = _person_form(values)
        crowd, reps = 1, ()
        if rng.random() < 0.05:
            crowd = rng.randint(6, 12)
            reps = (_person_form(people.person(when.isoformat())),)
        parts = []
        for _ in range(2 if rng.random() < 0.05 else 1):
            topic = rng.choices(topics, weights)[0]
            text = rng.choice(SUMMARIES[topic]).format(
                n=rng.randint(10, 900), m=rng.randint(1, 60), year=when.year,
                place=rng.choice(HAMLETS), street=rng.choice(STREETS))
            kind = PetitionKind(_kind_of(text))
            if all(p.kind != kind for p in parts):
                parts.append(PetitionPart(kind, topic, text))
        outcome = rng.choices(list(Outcome)[:4], (70, 18, 9, 3))[0]  # no mediation: a kind of its own
        forms.append(IntakeForm(
            person=person, received_at=when,
            reception_kind=rng.choices(list(ReceptionKind)[:3], (75, 22, 3))[0],
            parts=tuple(parts), officer_id=rng.choice(officer_ids), crowd_size=crowd,
            representatives=reps,
            documents=(DocumentItem("Đơn đề nghị", rng.randint(1, 4), "Nguyên vẹn"),)
            if rng.random() < 0.5 else (),
            outcome=outcome,
            refusal_reason=rng.choice(reasons) if outcome == Outcome.REFUSED else None,
            outcome_body=rng.choice(BODIES) if outcome in (Outcome.GUIDED, Outcome.TRANSFERRED) else "",
            note="Công dân trình bày trực tiếp" if rng.random() < 0.2 else ""))
    return forms


def run(work_path: Path, n: int = FORMS) -> dict:
    from desk_app.core.opening import open_db
    from desk_app.core.reception.intake import register_visit

    db = open_db(work_path)
    forms = build_forms(db, WARMUP + n)
    now = DEMO_END + timedelta(days=2)
    db.execute("CREATE TABLE IF NOT EXISTS bench_scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    log(f"intake: {len(forms)} forms into a copy of the database")
    first = None
    saves, base = [], []
    for i, form in enumerate(forms):
        t0 = time.perf_counter()
        register_visit(db, form, now)
        dt = time.perf_counter() - t0
        if first is None:
            first = dt
        t0 = time.perf_counter()
        with db.conn:  # BEGIN … COMMIT: one row, same file, same pragmas
            db.conn.execute("INSERT INTO bench_scratch (body) VALUES (?)", [form.parts[0].summary])
        bt = time.perf_counter() - t0
        if i >= WARMUP:
            saves.append(dt)
            base.append(bt)
    db.execute("DROP TABLE bench_scratch")
    db.close()
    return {"forms": n, "first_ms": first * 1000, "register_visit": summary(saves),
            "baseline": summary(base)}


def report(result: dict) -> list[str]:
    s, b = result["register_visit"], result["baseline"]
    return [
        f"3. Intake save ({result['forms']} forms after {WARMUP} warm-up; target p95 ≤ {TARGET_P95_MS:.0f} ms)",
        f"   register_visit: p50 {s['p50']:6.1f} ms   p95 {s['p95']:6.1f} ms   max {s['max']:6.1f} ms"
        f"   (first save on a fresh connection {result['first_ms']:.1f} ms)   [{verdict(s['p95'], TARGET_P95_MS)}]",
        f"   1-row INSERT+commit baseline: p50 {b['p50']:6.1f} ms   p95 {b['p95']:6.1f} ms   max {b['max']:6.1f} ms",
        f"   ratio: p50 {ratio(s['p50'], b['p50'])}   p95 {ratio(s['p95'], b['p95'])}",
    ]


if __name__ == "__main__":
    import argparse
    import shutil

    from common import CACHE_DIR, demo_db, working_copy

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--visits", type=int, default=1_000_000)
    ap.add_argument("--forms", type=int, default=FORMS)
    args = ap.parse_args()
    path, _ = demo_db(args.visits)
    work_dir = CACHE_DIR / "work"
    try:
        print("\n".join(report(run(working_copy(path, work_dir), args.forms))))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
