"""Schema steps. Append-only: a released step is never edited; change the schema with a new step."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("desk_app")


def _run(db: Database, script: str) -> None:
    """Execute a script statement by statement inside the step's transaction.

    executescript() would COMMIT first, so a step failing halfway would leave tables behind.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete statement in migration: {statement[:60]!r}")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE office (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uuid TEXT NOT NULL,
            office_code TEXT NOT NULL,
            province_code INTEGER NOT NULL,
            commune_code INTEGER NOT NULL,
            name TEXT NOT NULL,
            parent_name TEXT NOT NULL,
            place_name TEXT NOT NULL,
            remote_area INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE officers (
            id INTEGER PRIMARY KEY,
            full_name TEXT NOT NULL,
            position TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE persons (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            full_name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            id_kind TEXT NOT NULL,
            id_number TEXT NOT NULL DEFAULT '',
            id_issued_on TEXT,
            date_of_birth TEXT,
            sex TEXT,
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            commune_code INTEGER,
            old_address TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX persons_id_number ON persons(id_number) WHERE id_number <> '';
        CREATE INDEX persons_name_key ON persons(name_key);
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL,
            reception_kind TEXT NOT NULL,
            officer_id INTEGER REFERENCES officers(id),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            crowd_size INTEGER NOT NULL DEFAULT 1 CHECK (crowd_size >= 1),
            prior_handlers TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL,
            refusal_reason TEXT,
            outcome_body TEXT NOT NULL DEFAULT '',
            outcome_doc_no TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            written_by_officer INTEGER NOT NULL DEFAULT 0,
            session_id INTEGER,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX visits_received_at ON visits(received_at);
        CREATE INDEX visits_person ON visits(person_id);
        CREATE INDEX visits_officer ON visits(officer_id, received_at);
        CREATE INDEX visits_kind ON visits(reception_kind, received_at);
        CREATE TABLE visit_representatives (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            ord INTEGER NOT NULL
        );
        CREATE INDEX visit_representatives_visit ON visit_representatives(visit_id);
        CREATE TABLE visit_documents (
            id INTEGER PRIMARY KEY,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            pages INTEGER NOT NULL CHECK (pages >= 1),
            condition TEXT NOT NULL DEFAULT '',
            copy TEXT NOT NULL
        );
        CREATE INDEX visit_documents_visit ON visit_documents(visit_id);
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            kind TEXT NOT NULL,
            topic TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            opened_on TEXT NOT NULL,
            closed_on TEXT,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX cases_person ON cases(person_id, status);
        CREATE TABLE petitions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            person_id INTEGER NOT NULL REFERENCES persons(id),
            case_id INTEGER REFERENCES cases(id),
            log_year INTEGER NOT NULL,
            log_no INTEGER NOT NULL,
            kind TEXT NOT NULL,
            topic TEXT NOT NULL,
            summary TEXT NOT NULL,
            received_at TEXT NOT NULL,
            signatories INTEGER NOT NULL DEFAULT 1,
            arrival TEXT NOT NULL DEFAULT 'truc_tiep',
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            UNIQUE (log_year, log_no)
        );
        CREATE INDEX petitions_received_at ON petitions(received_at, id);
        CREATE INDEX petitions_kind ON petitions(kind, received_at, id);
        CREATE INDEX petitions_visit ON petitions(visit_id);
        CREATE INDEX petitions_case ON petitions(case_id);
        CREATE INDEX petitions_person ON petitions(person_id);
        CREATE TABLE issued_documents (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            number TEXT NOT NULL,
            visit_id INTEGER REFERENCES visits(id),
            issued_at TEXT NOT NULL,
            sha256 TEXT,
            UNIQUE (kind, year, seq)
        );
        CREATE INDEX issued_documents_visit ON issued_documents(visit_id);
        """
    )


@migrations(name="0002_search_and_reveals")
def m0002_search_and_reveals(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE identity_reveals (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id),
            officer_id INTEGER REFERENCES officers(id),
            reason TEXT NOT NULL,
            revealed_at TEXT NOT NULL
        );
        CREATE INDEX identity_reveals_petition ON identity_reveals(petition_id);
        """
    )
    # The index is filled after all steps ran (db.open), so this step never depends on
    # columns that later steps may add.
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta VALUES ('search_reindex', '1')")



def known_steps() -> tuple[str, ...]:
    return tuple(m.name for m in migrations.pending(Database(memory=True)))
