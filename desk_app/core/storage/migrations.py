"""Schema steps. Append-only: a released step is never edited; change the schema with a new step."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

from desk_app.core.storage.uuids import BLOB_TABLES
from desk_app.core.storage.uuids import blob as uuid_blob

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


@migrations(name="0003_log_keys_and_lookups")
def m0003_log_keys_and_lookups(db: Database) -> None:
    """Indexes for a big office (a million visits); no visible change.

    - The log book filters and sorts by columns of other rows (the visit's reception kind,
      officer and crowd size, the person's name). Triggers copy them, with the petition's
      time, into petition_log_keys, so each such view is one index scan instead of a join per
      line; each sortable column has an index for either direction.
    - A person is looked up by (id_number, id_kind) with a bound parameter, which the partial
      index of 0001 cannot serve (SQLite cannot prove `? <> ''`): every intake scanned persons.
    - The search index gets 1-letter prefixes: "nguyen t" (typing the next name) no longer
      merges the posting lists of every term starting with t. It is rebuilt after the steps.
    """
    _run(
        db,
        """
        CREATE TABLE petition_log_keys (
            petition_id INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            reception_kind TEXT,
            officer_id INTEGER,
            crowd_size INTEGER,
            name_key TEXT
        );
        INSERT INTO petition_log_keys
            (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
        SELECT p.id, p.received_at, v.reception_kind, v.officer_id, v.crowd_size, pe.name_key
          FROM petitions p
          LEFT JOIN visits v ON v.id = p.visit_id
          LEFT JOIN persons pe ON pe.id = p.person_id;
        CREATE INDEX petition_log_keys_reception ON petition_log_keys(reception_kind, received_at);
        -- A sort by X is "X, newest first": one index per direction of X (scanned backwards,
        -- (X, received_at) gives X DESC and newest first).
        CREATE INDEX petition_log_keys_officer ON petition_log_keys(officer_id, received_at);
        CREATE INDEX petition_log_keys_officer_asc
            ON petition_log_keys(officer_id, received_at DESC, petition_id DESC);
        CREATE INDEX petition_log_keys_crowd ON petition_log_keys(crowd_size, received_at);
        CREATE INDEX petition_log_keys_crowd_asc
            ON petition_log_keys(crowd_size, received_at DESC, petition_id DESC);
        CREATE INDEX petition_log_keys_name ON petition_log_keys(name_key);
        CREATE INDEX petition_log_keys_name_asc ON petition_log_keys(name_key, petition_id DESC);
        CREATE INDEX petitions_kind_asc ON petitions(kind, received_at DESC, id DESC);
        CREATE TRIGGER petitions_log_keys_insert AFTER INSERT ON petitions BEGIN
            INSERT OR REPLACE INTO petition_log_keys
                (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
            VALUES (NEW.id, NEW.received_at,
                    (SELECT reception_kind FROM visits WHERE id = NEW.visit_id),
                    (SELECT officer_id FROM visits WHERE id = NEW.visit_id),
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    (SELECT name_key FROM persons WHERE id = NEW.person_id));
        END;
        CREATE TRIGGER petitions_log_keys_update
        AFTER UPDATE OF id, received_at, visit_id, person_id ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
            INSERT OR REPLACE INTO petition_log_keys
                (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
            VALUES (NEW.id, NEW.received_at,
                    (SELECT reception_kind FROM visits WHERE id = NEW.visit_id),
                    (SELECT officer_id FROM visits WHERE id = NEW.visit_id),
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    (SELECT name_key FROM persons WHERE id = NEW.person_id));
        END;
        CREATE TRIGGER petitions_log_keys_delete AFTER DELETE ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
        END;
        CREATE TRIGGER visits_log_keys_update
        AFTER UPDATE OF reception_kind, officer_id, crowd_size ON visits BEGIN
            UPDATE petition_log_keys
               SET reception_kind = NEW.reception_kind, officer_id = NEW.officer_id,
                   crowd_size = NEW.crowd_size
             WHERE petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.id);
        END;
        CREATE TRIGGER persons_log_keys_update AFTER UPDATE OF name_key ON persons BEGIN
            UPDATE petition_log_keys SET name_key = NEW.name_key
             WHERE petition_id IN (SELECT id FROM petitions WHERE person_id = NEW.id);
        END;
        CREATE INDEX persons_id_number_kind ON persons(id_number, id_kind);
        DROP INDEX persons_id_number;
        DROP TABLE search_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
        INSERT OR REPLACE INTO meta (key, value) VALUES ('search_reindex', '1');
        """,
    )



# A visit that brings a denunciation protects the whole visit: its other lines would otherwise
# name the denouncer beside the same time (Denunciation law art. 47(1)(b)). Their sort key
# is this mark, after every folded name, so sorting by name cannot order them by the real one.
_PROTECTED_VISIT = "EXISTS (SELECT 1 FROM petitions q WHERE q.visit_id = {visit} AND q.kind = 'to_cao')"
_NAME_KEY = ("CASE WHEN " + _PROTECTED_VISIT.format(visit="NEW.visit_id") +
             " THEN '~' ELSE (SELECT name_key FROM persons WHERE id = NEW.person_id) END")


# What both petition triggers write for the NEW row (insert, or update of a keyed column).
_KEYS_FOR_NEW = f"""
            INSERT OR REPLACE INTO petition_log_keys
                (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
            VALUES (NEW.id, NEW.received_at,
                    (SELECT reception_kind FROM visits WHERE id = NEW.visit_id),
                    (SELECT officer_id FROM visits WHERE id = NEW.visit_id),
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    {_NAME_KEY});
            UPDATE petition_log_keys SET name_key = '~'
             WHERE NEW.kind = 'to_cao'
               AND petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.visit_id);"""


@migrations(name="0004_protect_denouncing_visits")
def m0004_protect_denouncing_visits(db: Database) -> None:
    _run(
        db,
        f"""
        DROP TRIGGER petitions_log_keys_insert;
        DROP TRIGGER petitions_log_keys_update;
        DROP TRIGGER persons_log_keys_update;
        CREATE TRIGGER petitions_log_keys_insert AFTER INSERT ON petitions BEGIN
            {_KEYS_FOR_NEW}
        END;
        CREATE TRIGGER petitions_log_keys_update
        AFTER UPDATE OF id, received_at, visit_id, person_id, kind ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
            {_KEYS_FOR_NEW}
        END;
        CREATE TRIGGER persons_log_keys_update AFTER UPDATE OF name_key ON persons BEGIN
            UPDATE petition_log_keys SET name_key = NEW.name_key
             WHERE petition_id IN (
                SELECT p.id FROM petitions p WHERE p.person_id = NEW.id
                   AND NOT {_PROTECTED_VISIT.format(visit="p.visit_id")});
        END;
        UPDATE petition_log_keys SET name_key = '~'
         WHERE petition_id IN (
            SELECT p.id FROM petitions p WHERE {_PROTECTED_VISIT.format(visit="p.visit_id")});
        INSERT OR REPLACE INTO meta (key, value) VALUES ('search_reindex', '1');
        """,
    )



@migrations(name="0005_search_who_and_what")
def m0005_search_who_and_what(db: Database) -> None:
    """Identity (who) and content (what) in separate columns, so names rank first."""
    _run(
        db,
        """
        DROP TABLE search_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(
            who, what, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4');
        INSERT OR REPLACE INTO meta (key, value) VALUES ('search_reindex', '1');
        """,
    )


@migrations(name="0006_case_tracking")
def m0006_case_tracking(db: Database) -> None:
    """Cases driven by events: the event log, cached state for the dashboard,
    attachments, dialogues, the office's holiday edits and settings.

    A case's state is derived from its events; the columns added to `cases` are a cache that
    `cases.refresh_case` rewrites after every event, so the dashboard reads indexes only.
    Existing cases get the events their desk outcome implies.
    """
    _run(
        db,
        """
        ALTER TABLE cases ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE cases ADD COLUMN complexity INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN instance INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE cases ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cases ADD COLUMN due_on TEXT;
        ALTER TABLE cases ADD COLUMN due_key TEXT;
        ALTER TABLE cases ADD COLUMN waiting_since TEXT;
        ALTER TABLE cases ADD COLUMN rule_set TEXT;
        ALTER TABLE cases ADD COLUMN assignee_id INTEGER REFERENCES officers(id);
        ALTER TABLE cases ADD COLUMN merged_into INTEGER REFERENCES cases(id);
        ALTER TABLE cases ADD COLUMN updated_at TEXT;
        CREATE INDEX cases_open_due ON cases(due_on) WHERE is_open = 1;
        CREATE INDEX cases_open_opened ON cases(opened_on) WHERE is_open = 1;
        CREATE INDEX cases_waiting ON cases(waiting_since) WHERE waiting_since IS NOT NULL;
        CREATE INDEX cases_status ON cases(status, opened_on);
        CREATE INDEX cases_open_state ON cases(status, flags) WHERE is_open = 1;
        CREATE INDEX cases_open_assignee ON cases(assignee_id, due_on) WHERE is_open = 1;
        CREATE INDEX cases_opened ON cases(opened_on, id);
        CREATE TABLE case_events (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            action TEXT NOT NULL,
            status_after TEXT NOT NULL,
            occurred_on TEXT NOT NULL,
            entered_at TEXT NOT NULL,
            officer_id INTEGER REFERENCES officers(id),
            body TEXT NOT NULL DEFAULT '',
            doc_no TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX case_events_case ON case_events(case_id, id);
        CREATE INDEX case_events_action ON case_events(action, occurred_on);
        CREATE TABLE case_attachments (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            name TEXT NOT NULL,
            stored_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            officer_id INTEGER REFERENCES officers(id)
        );
        CREATE INDEX case_attachments_case ON case_attachments(case_id);
        CREATE TABLE dialogues (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            scheduled_at TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            notice_sent_on TEXT,
            held_at TEXT,
            participants TEXT NOT NULL DEFAULT '[]',
            result TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            created_at TEXT NOT NULL
        );
        CREATE INDEX dialogues_case ON dialogues(case_id);
        CREATE TABLE calendar_days (
            day TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday', 'not_holiday')),
            label TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        ALTER TABLE issued_documents ADD COLUMN case_id INTEGER REFERENCES cases(id);
        ALTER TABLE issued_documents ADD COLUMN subject TEXT NOT NULL DEFAULT '';
        ALTER TABLE issued_documents ADD COLUMN payload TEXT;
        CREATE INDEX issued_documents_case ON issued_documents(case_id);
        CREATE INDEX issued_documents_kind ON issued_documents(kind, year, seq);
        UPDATE cases SET is_open = CASE WHEN status IN ('guided') THEN 0 ELSE 1 END,
                         waiting_since = CASE WHEN status = 'transferred' THEN opened_on END,
                         updated_at = created_at;
        UPDATE cases SET closed_on = opened_on WHERE status = 'guided' AND closed_on IS NULL;
        INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on, entered_at,
                                 officer_id, body, doc_no)
        SELECT lower(printf('%s-%s-4%s-a%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
               c.id, 'receive', 'received', c.opened_on, c.created_at,
               v.officer_id, '', ''
          FROM cases c
          JOIN petitions p ON p.id = (SELECT MIN(id) FROM petitions WHERE case_id = c.id)
          JOIN visits v ON v.id = p.visit_id;
        INSERT INTO case_events (uuid, case_id, action, status_after, occurred_on, entered_at,
                                 officer_id, body, doc_no)
        SELECT lower(printf('%s-%s-4%s-a%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), substr(hex(randomblob(2)), 2), hex(randomblob(6)))),
               c.id,
               CASE c.status WHEN 'guided' THEN 'guide' ELSE 'transfer' END, c.status,
               c.opened_on, c.created_at, v.officer_id, v.outcome_body, v.outcome_doc_no
          FROM cases c
          JOIN petitions p ON p.id = (SELECT MIN(id) FROM petitions WHERE case_id = c.id)
          JOIN visits v ON v.id = p.visit_id
         WHERE c.status IN ('guided', 'transferred');
        INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '1');
        """,
    )


@migrations(name="0007_intake_idempotency")
def m0007_intake_idempotency(db: Database) -> None:
    # The key an intake carries (the form makes one per visitor; a JSON file may give one):
    # saving it again returns the visit it recorded instead of a second visit and receipt.
    _run(
        db,
        """
        ALTER TABLE visits ADD COLUMN intake_id TEXT;
        CREATE UNIQUE INDEX visits_intake_id ON visits(intake_id) WHERE intake_id IS NOT NULL;
        """,
    )


# The name a log line sorts by is the one recorded with its visit (0008), not the person's
# current name: a later visit under a corrected name leaves earlier lines where they were.
_RECORDED_NAME_KEY = ("CASE WHEN " + _PROTECTED_VISIT.format(visit="NEW.visit_id") +
                      " THEN '~' ELSE (SELECT i.name_key FROM visits v JOIN identity_snapshots i"
                      " ON i.id = v.identity_id WHERE v.id = NEW.visit_id) END")


@migrations(name="0008_visit_identity_and_corrections")
def m0008_visit_identity_and_corrections(db: Database) -> None:
    """A visit keeps the identity recorded that day; saved entries are corrected, not rewritten.

    - identity_snapshots: immutable copies of a person's identity (name, ID and its issue date
      and place, birth, sex, phone, address). A visit and each representative point to the
      one in force when they were recorded; a new copy is stored only when the details
      differ from the person's current ones (persons.identity_id). persons keeps the current
      details; person_changes keeps each change of them (field, old → new, who, when, from
      which visit or correction).
    - record_corrections: each correction of a saved entry (field, old → new, reason, who,
      when) and each cancellation of a visit made in error; visits get the time of the last
      correction and the cancellation (a cancelled visit keeps its log numbers).
    - Existing rows: one snapshot per person holding its current details (what every line
      showed until now), so old lines keep showing what they showed.
    - The log's name sort key follows the visit's recorded name (triggers of 0004 replaced).
    """
    _run(
        db,
        f"""
        CREATE TABLE identity_snapshots (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            full_name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            id_kind TEXT NOT NULL,
            id_number TEXT NOT NULL DEFAULT '',
            id_issued_on TEXT,
            id_issued_place TEXT NOT NULL DEFAULT '',
            date_of_birth TEXT,
            sex TEXT,
            phone TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            commune_code INTEGER,
            old_address TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX identity_snapshots_person ON identity_snapshots(person_id);
        ALTER TABLE persons ADD COLUMN id_issued_place TEXT NOT NULL DEFAULT '';
        -- No REFERENCES: a person and their first snapshot point at each other, and SQLite
        -- checks foreign keys row by row.
        ALTER TABLE persons ADD COLUMN identity_id INTEGER;
        ALTER TABLE visits ADD COLUMN identity_id INTEGER REFERENCES identity_snapshots(id);
        ALTER TABLE visits ADD COLUMN corrected_at TEXT;
        ALTER TABLE visits ADD COLUMN cancelled_at TEXT;
        ALTER TABLE visits ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
        ALTER TABLE visit_representatives
            ADD COLUMN identity_id INTEGER REFERENCES identity_snapshots(id);
        INSERT INTO identity_snapshots
            (id, person_id, full_name, name_key, id_kind, id_number, id_issued_on,
             date_of_birth, sex, phone, address, commune_code, old_address, recorded_at)
        SELECT id, id, full_name, name_key, id_kind, id_number, id_issued_on,
               date_of_birth, sex, phone, address, commune_code, old_address, updated_at
          FROM persons;
        UPDATE persons SET identity_id = id;
        UPDATE visits SET identity_id = person_id;
        UPDATE visit_representatives SET identity_id = person_id;
        CREATE TABLE record_corrections (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            visit_id INTEGER NOT NULL REFERENCES visits(id),
            petition_id INTEGER REFERENCES petitions(id),
            rep_ord INTEGER,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            reason TEXT NOT NULL,
            officer_id INTEGER REFERENCES officers(id),
            corrected_at TEXT NOT NULL
        );
        CREATE INDEX record_corrections_visit ON record_corrections(visit_id, id);
        CREATE TABLE person_changes (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES persons(id),
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            changed_at TEXT NOT NULL,
            officer_id INTEGER REFERENCES officers(id),
            visit_id INTEGER REFERENCES visits(id),
            correction_id INTEGER REFERENCES record_corrections(id)
        );
        CREATE INDEX person_changes_person ON person_changes(person_id, id);
        DROP TRIGGER petitions_log_keys_insert;
        DROP TRIGGER petitions_log_keys_update;
        DROP TRIGGER persons_log_keys_update;
        CREATE TRIGGER petitions_log_keys_insert AFTER INSERT ON petitions BEGIN
            INSERT OR REPLACE INTO petition_log_keys
                (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
            VALUES (NEW.id, NEW.received_at,
                    (SELECT reception_kind FROM visits WHERE id = NEW.visit_id),
                    (SELECT officer_id FROM visits WHERE id = NEW.visit_id),
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    {_RECORDED_NAME_KEY});
            UPDATE petition_log_keys SET name_key = '~'
             WHERE NEW.kind = 'to_cao'
               AND petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.visit_id);
        END;
        -- A corrected kind may also end a visit's protection: every line of it is re-keyed.
        CREATE TRIGGER petitions_log_keys_update
        AFTER UPDATE OF id, received_at, visit_id, person_id, kind ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
            INSERT OR REPLACE INTO petition_log_keys
                (petition_id, received_at, reception_kind, officer_id, crowd_size, name_key)
            VALUES (NEW.id, NEW.received_at,
                    (SELECT reception_kind FROM visits WHERE id = NEW.visit_id),
                    (SELECT officer_id FROM visits WHERE id = NEW.visit_id),
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    {_RECORDED_NAME_KEY});
            UPDATE petition_log_keys SET name_key = (
                    SELECT CASE WHEN {_PROTECTED_VISIT.format(visit="NEW.visit_id")} THEN '~'
                           ELSE i.name_key END
                      FROM visits v JOIN identity_snapshots i ON i.id = v.identity_id
                     WHERE v.id = NEW.visit_id)
             WHERE petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.visit_id);
        END;
        CREATE TRIGGER visits_identity_log_keys AFTER UPDATE OF identity_id ON visits BEGIN
            UPDATE petition_log_keys
               SET name_key = (SELECT name_key FROM identity_snapshots WHERE id = NEW.identity_id)
             WHERE petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.id)
               AND NOT {_PROTECTED_VISIT.format(visit="NEW.id")};
        END;
        """,
    )


@migrations(name="0010_schedule")
def m0010_schedule(db: Database) -> None:
    """Reception sessions (docs/schedule.md): recurring rules, their materialised occurrences and one-off
    sessions, desk officers on duty, citizens booked into a session, what the host recorded
    (who was received, what they presented, the directions given) and the posting of the
    schedule. `visits.session_id` (there since 0001) gets its index.

    A rule's occurrences are stored as rows up to the rule's own end (at most 10 years), so
    moving, postponing or cancelling one occurrence is an edit of that row and persists;
    `edited` marks the rows a later change of the rule must leave alone.
    """
    _run(
        db,
        """
        CREATE TABLE session_series (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            rule TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            holiday_policy TEXT NOT NULL,
            host_id INTEGER REFERENCES officers(id),
            officers TEXT NOT NULL DEFAULT '[]',
            place TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '[]',
            content TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            series_id INTEGER REFERENCES session_series(id),
            series_day TEXT,
            kind TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            ends_at TEXT NOT NULL,
            host_id INTEGER REFERENCES officers(id),
            actual_host_id INTEGER REFERENCES officers(id),
            place TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '[]',
            content TEXT NOT NULL DEFAULT '',
            reason_code TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            police_informed_at TEXT,
            police_contact TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'postponed', 'cancelled', 'skipped')),
            status_reason TEXT NOT NULL DEFAULT '',
            calendar_note TEXT NOT NULL DEFAULT '',
            moved_from TEXT,
            postponed_to INTEGER REFERENCES sessions(id),
            edited INTEGER NOT NULL DEFAULT 0,
            posted_on TEXT,
            conclusions TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (ends_at > starts_at)
        );
        CREATE INDEX sessions_starts ON sessions(starts_at);
        CREATE INDEX sessions_kind ON sessions(kind, starts_at);
        CREATE INDEX sessions_host ON sessions(host_id, starts_at);
        CREATE UNIQUE INDEX sessions_series_day ON sessions(series_id, series_day)
            WHERE series_id IS NOT NULL;
        CREATE TABLE session_officers (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            officer_id INTEGER NOT NULL REFERENCES officers(id),
            PRIMARY KEY (session_id, officer_id)
        );
        CREATE TABLE session_bookings (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            case_id INTEGER NOT NULL REFERENCES cases(id),
            note TEXT NOT NULL DEFAULT '',
            booked_at TEXT NOT NULL,
            UNIQUE (session_id, case_id)
        );
        CREATE INDEX session_bookings_case ON session_bookings(case_id);
        CREATE TABLE session_receptions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            case_id INTEGER REFERENCES cases(id),
            visit_id INTEGER REFERENCES visits(id),
            received INTEGER NOT NULL DEFAULT 1,
            presented TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            CHECK (case_id IS NOT NULL OR visit_id IS NOT NULL)
        );
        CREATE UNIQUE INDEX session_receptions_case ON session_receptions(session_id, case_id)
            WHERE case_id IS NOT NULL;
        CREATE UNIQUE INDEX session_receptions_visit ON session_receptions(session_id, visit_id)
            WHERE case_id IS NULL;
        CREATE TABLE session_directions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            case_id INTEGER NOT NULL REFERENCES cases(id),
            text TEXT NOT NULL,
            due_on TEXT NOT NULL,
            assignee_id INTEGER REFERENCES officers(id),
            event_id INTEGER NOT NULL REFERENCES case_events(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX session_directions_session ON session_directions(session_id);
        CREATE INDEX session_directions_case ON session_directions(case_id);
        CREATE TABLE session_documents (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            document_id INTEGER NOT NULL REFERENCES issued_documents(id),
            role TEXT NOT NULL,
            PRIMARY KEY (session_id, document_id)
        );
        CREATE INDEX session_documents_document ON session_documents(document_id);
        CREATE INDEX visits_session ON visits(session_id) WHERE session_id IS NOT NULL;
        """,
    )


# Steps that settle how a petition was handled (core/reports/measures.py, OUTCOMES), as this
# step knew them; a later change of that list needs a step of its own.
_OUTCOME_ACTIONS = "'accept', 'guide', 'transfer', 'urge', 'return', 'file', 'withdraw', 'merge'"
_FIRST_OUTCOME = f"""(SELECT e.action, e.occurred_on FROM case_events e
                 WHERE e.case_id = cases.id AND e.action IN ({_OUTCOME_ACTIONS})
                 ORDER BY e.occurred_on, e.id LIMIT 1)"""


@migrations(name="0012_reports")
def m0012_reports(db: Database) -> None:
    """What periodic reports read (docs/reports.md), so an annual report over a big office
    reads indexes instead of replaying every case:

    - cases.first_outcome / first_outcome_on: the first step that settled how the petition was
      handled (accepted, guided, transferred, returned, filed…), kept by triggers on
      case_events, so "processed by the end of the period" and "carried over" are a column
      and an index, not a lookup per petition;
    - cases.resolution_due_on: the due date of the current resolution (the milestone a
      decision meets), and first_resolution_due_on: that of the first, once a second complaint
      reopened the case; part of the cached case state (cases.tracking), filled by the
      recomputation this step asks for;
    - indexes for cases still open at a past date (closed_on) and for the carried-over ones;
      petitions counted by month, kind and field straight from an index (the overview).
    """
    _run(
        db,
        f"""
        ALTER TABLE cases ADD COLUMN first_outcome TEXT;
        ALTER TABLE cases ADD COLUMN first_outcome_on TEXT;
        ALTER TABLE cases ADD COLUMN resolution_due_on TEXT;
        ALTER TABLE cases ADD COLUMN first_resolution_due_on TEXT;
        UPDATE cases SET (first_outcome, first_outcome_on) = {_FIRST_OUTCOME};
        CREATE TRIGGER case_events_first_outcome_insert AFTER INSERT ON case_events
        WHEN NEW.action IN ({_OUTCOME_ACTIONS}) BEGIN
            UPDATE cases SET first_outcome = NEW.action, first_outcome_on = NEW.occurred_on
             WHERE id = NEW.case_id
               AND (first_outcome_on IS NULL OR NEW.occurred_on < first_outcome_on);
        END;
        CREATE TRIGGER case_events_first_outcome_update
        AFTER UPDATE OF case_id, action, occurred_on ON case_events BEGIN
            UPDATE cases SET (first_outcome, first_outcome_on) = {_FIRST_OUTCOME}
             WHERE id IN (OLD.case_id, NEW.case_id);
        END;
        CREATE TRIGGER case_events_first_outcome_delete AFTER DELETE ON case_events BEGIN
            UPDATE cases SET (first_outcome, first_outcome_on) = {_FIRST_OUTCOME}
             WHERE id = OLD.case_id;
        END;
        CREATE INDEX cases_first_outcome ON cases(first_outcome_on);
        CREATE INDEX cases_closed ON cases(closed_on) WHERE closed_on IS NOT NULL;
        CREATE INDEX petitions_received_kind_topic
            ON petitions(received_at, kind, topic, case_id);
        INSERT OR REPLACE INTO meta (key, value) VALUES ('recompute_due', '1');
        """,
    )


# ---- 0013: the search index and the log book at a million lines ------------------------------
# petition_log_keys holds, per log line, everything the log filters or sorts by, compactly:
# the time as an integer (YYYYMMDDhhmmss), the reception kind and petition kind as small codes
# (log_codes), the officer (0 when none), the crowd size, the name's Vietnamese collation key
# (identity_snapshots.sort_key; '~' after every name for a protected visit), the log number.
_LOG_CODE = "(SELECT n FROM log_codes WHERE code = {value})"
_STAMP = ("CAST(substr({t}, 1, 4) || substr({t}, 6, 2) || substr({t}, 9, 2) || substr({t}, 12, 2)"
          " || substr({t}, 15, 2) || substr({t}, 18, 2) AS INTEGER)")
_SORT_NAME = ("CASE WHEN " + _PROTECTED_VISIT.format(visit="NEW.visit_id") +
              " THEN '~' ELSE (SELECT i.sort_key FROM visits v JOIN identity_snapshots i"
              " ON i.id = v.identity_id WHERE v.id = NEW.visit_id) END")
_LOG_KEYS_FOR_NEW = f"""
            INSERT OR IGNORE INTO log_codes (code)
                VALUES ((SELECT reception_kind FROM visits WHERE id = NEW.visit_id)), (NEW.kind);
            INSERT OR REPLACE INTO petition_log_keys
                (reception_kind, kind, officer_id, stamp, petition_id, crowd_size, name_sort,
                 log_year, log_no)
            VALUES ({_LOG_CODE.format(value="(SELECT reception_kind FROM visits WHERE id = NEW.visit_id)")},
                    {_LOG_CODE.format(value="NEW.kind")},
                    (SELECT COALESCE(officer_id, 0) FROM visits WHERE id = NEW.visit_id),
                    {_STAMP.format(t="NEW.received_at")}, NEW.id,
                    (SELECT crowd_size FROM visits WHERE id = NEW.visit_id),
                    {_SORT_NAME}, NEW.log_year, NEW.log_no);
            -- A denunciation protects every line of its visit (Denunciation law art. 47), and a
            -- corrected kind may end that protection: the visit's lines are re-keyed.
            UPDATE petition_log_keys SET name_sort = (
                    SELECT CASE WHEN {_PROTECTED_VISIT.format(visit="NEW.visit_id")} THEN '~'
                           ELSE i.sort_key END
                      FROM visits v JOIN identity_snapshots i ON i.id = v.identity_id
                     WHERE v.id = NEW.visit_id)
             WHERE {{when}} petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.visit_id);"""


@migrations(name="0013_search_and_log_scale")
def m0013_search_and_log_scale(db: Database) -> None:
    """Search and the log book stay quick at a million lines (docs/search.md, docs/log.md).

    - search_fts becomes one contentless column of words, marked words, word pairs and number
      prefixes, with search_vocab listing its words and pairs (core/reception/search_index.py):
      no second copy of the text, no prefix indexes, and queries that stop at a page's end.
      It is rebuilt after the steps.
    - The log's keys (petition_log_keys) are rebuilt compact, with the petition kind and the log
      number beside the others, so each sort and filter is one index; the name sorts in
      Vietnamese order by a collation key kept with each recorded identity
      (identity_snapshots.sort_key, core.text.collation_key).
    """
    from desk_app.core.text import collation_key  # the key is computed once here, then by Python

    _run(
        db,
        """
        DROP TABLE search_fts;
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, content = '', columnsize = 0, tokenize = "unicode61 tokenchars '_.#'");
        CREATE TABLE search_vocab (
            kind INTEGER NOT NULL,
            term TEXT NOT NULL,
            PRIMARY KEY (kind, term)
        ) WITHOUT ROWID;
        INSERT OR REPLACE INTO meta (key, value) VALUES ('search_reindex', '1');
        ALTER TABLE identity_snapshots ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
        """,
    )
    db.conn.create_function("desk_collation_key", 1, collation_key, deterministic=True)
    db.execute("UPDATE identity_snapshots SET sort_key = desk_collation_key(full_name)")
    _run(
        db,
        """
        DROP TRIGGER petitions_log_keys_insert;
        DROP TRIGGER petitions_log_keys_update;
        DROP TRIGGER petitions_log_keys_delete;
        DROP TRIGGER visits_log_keys_update;
        DROP TRIGGER visits_identity_log_keys;
        DROP TABLE petition_log_keys;
        DROP INDEX petitions_kind_asc;
        """,
    )
    _log_keys_0013(db)


def _log_keys_0013(db: Database) -> None:
    _run(
        db,
        f"""
        CREATE TABLE log_codes (n INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
        INSERT INTO log_codes (code)
            SELECT reception_kind FROM visits UNION SELECT kind FROM petitions ORDER BY 1;
        -- Stored in the order of the filters (reception kind, petition kind, officer, time):
        -- the lines a narrow filter keeps are a few ranges of the table itself, with their sort
        -- columns, and every index below carries these columns too, so a first screen is
        -- filtered without reading the table.
        CREATE TABLE petition_log_keys (
            reception_kind INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            officer_id INTEGER NOT NULL,
            stamp INTEGER NOT NULL,
            petition_id INTEGER NOT NULL,
            crowd_size INTEGER NOT NULL,
            name_sort TEXT NOT NULL,
            log_year INTEGER NOT NULL,
            log_no INTEGER NOT NULL,
            PRIMARY KEY (reception_kind, kind, officer_id, stamp, petition_id)
        ) WITHOUT ROWID;
        INSERT INTO petition_log_keys
        SELECT (SELECT n FROM log_codes WHERE code = v.reception_kind),
               (SELECT n FROM log_codes WHERE code = p.kind),
               COALESCE(v.officer_id, 0), {_STAMP.format(t="p.received_at")}, p.id, v.crowd_size,
               CASE WHEN {_PROTECTED_VISIT.format(visit="p.visit_id")} THEN '~' ELSE i.sort_key END,
               p.log_year, p.log_no
          FROM petitions p
          JOIN visits v ON v.id = p.visit_id
          JOIN identity_snapshots i ON i.id = v.identity_id;
        CREATE UNIQUE INDEX log_keys_line ON petition_log_keys(petition_id);
        -- One index per sort (both directions: read backwards, or group by group).
        CREATE INDEX log_keys_time ON petition_log_keys(stamp, petition_id);
        CREATE INDEX log_keys_number ON petition_log_keys(log_year, log_no);
        CREATE INDEX log_keys_kind ON petition_log_keys(kind, stamp, petition_id);
        CREATE INDEX log_keys_name ON petition_log_keys(name_sort, petition_id);
        CREATE INDEX log_keys_crowd ON petition_log_keys(crowd_size, stamp, petition_id);
        CREATE INDEX log_keys_officer ON petition_log_keys(officer_id, stamp, petition_id);
        CREATE TRIGGER petitions_log_keys_insert AFTER INSERT ON petitions BEGIN
            {_LOG_KEYS_FOR_NEW.format(when="NEW.kind = 'to_cao' AND")}
        END;
        CREATE TRIGGER petitions_log_keys_update
        AFTER UPDATE OF id, received_at, visit_id, kind, log_year, log_no ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
            {_LOG_KEYS_FOR_NEW.format(when="")}
        END;
        CREATE TRIGGER petitions_log_keys_delete AFTER DELETE ON petitions BEGIN
            DELETE FROM petition_log_keys WHERE petition_id = OLD.id;
        END;
        CREATE TRIGGER visits_log_keys_update
        AFTER UPDATE OF reception_kind, officer_id, crowd_size ON visits BEGIN
            INSERT OR IGNORE INTO log_codes (code) VALUES (NEW.reception_kind);
            UPDATE petition_log_keys
               SET reception_kind = {_LOG_CODE.format(value="NEW.reception_kind")},
                   officer_id = COALESCE(NEW.officer_id, 0), crowd_size = NEW.crowd_size
             WHERE petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.id);
        END;
        CREATE TRIGGER visits_identity_log_keys AFTER UPDATE OF identity_id ON visits BEGIN
            UPDATE petition_log_keys
               SET name_sort = (SELECT sort_key FROM identity_snapshots WHERE id = NEW.identity_id)
             WHERE petition_id IN (SELECT id FROM petitions WHERE visit_id = NEW.id)
               AND NOT {_PROTECTED_VISIT.format(visit="NEW.id")};
        END;
        """,
    )


def _uuid_blob(value: str | bytes | None) -> bytes | None:
    """A text uuid as its 16 bytes; anything else unchanged (the step is run once)."""
    return uuid_blob(value) if isinstance(value, str) else value


@migrations(name="0014_compact_storage")
def m0014_compact_storage(db: Database) -> None:
    """Smaller files at a million visits, the same features (docs/scale.md, “Size”).

    - The uuid of every row of the tables that grow with the visits is stored as its 16 bytes
      (storage/uuids.py: text outside the database, the same value). As text it took 37
      bytes in the row and again in its unique index. Triggers refuse anything else there.
    - Indexes that no query uses (EXPLAIN QUERY PLAN over every statement the tests run) are
      dropped: visits by reception kind or officer (the log reads petition_log_keys), cases
      by opening day or status over all cases (the lists read the open ones), and
      issued_documents_kind, which repeats UNIQUE (kind, year, seq).
    - case_events(action, occurred_on), a fifth of the events' size, served only the list of
      bodies a petition was guided or transferred to: a partial index over the events that
      have a body serves it at a sixth of the size; a case's events are read by case_id.
    - issued_documents(case_id) holds only the slips and notices of a case (receipts have no
      case).
    - The file is compacted afterwards (VACUUM, once, after all steps: meta 'vacuum').
    """
    db.conn.create_function("desk_uuid_blob", 1, _uuid_blob, deterministic=True)
    for table in BLOB_TABLES:
        db.execute(f"UPDATE {table} SET uuid = desk_uuid_blob(uuid) WHERE typeof(uuid) = 'text'")
        for when, event in (("INSERT", "INSERT"), ("UPDATE", "UPDATE OF uuid")):
            db.execute(
                f"CREATE TRIGGER {table}_uuid_{when.lower()} BEFORE {event} ON {table}"
                f" WHEN typeof(NEW.uuid) <> 'blob' OR length(NEW.uuid) <> 16"
                f" BEGIN SELECT RAISE(ABORT, '{table}.uuid must be 16 bytes (storage/uuids.py)');"
                f" END")
    _run(
        db,
        """
        DROP INDEX visits_kind;
        DROP INDEX visits_officer;
        DROP INDEX cases_opened;
        DROP INDEX cases_status;
        DROP INDEX issued_documents_kind;
        DROP INDEX issued_documents_case;
        CREATE INDEX issued_documents_case ON issued_documents(case_id) WHERE case_id IS NOT NULL;
        DROP INDEX case_events_action;
        CREATE INDEX case_events_bodies ON case_events(body, action) WHERE body <> '';
        INSERT OR REPLACE INTO meta (key, value) VALUES ('vacuum', '1');
        """,
    )


@migrations(name="0015_security")
def m0015_security(db: Database) -> None:
    """Accounts linked to officers, the hash-chained audit trail (docs/security.md).

    Officers and accounts are deactivated, never deleted: their names stay on what they
    recorded.
    """
    _run(
        db,
        """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            officer_id INTEGER REFERENCES officers(id),
            role TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            deactivated_at TEXT,
            password_changed_at TEXT
        );
        CREATE INDEX accounts_officer ON accounts(officer_id);
        CREATE TABLE audit_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            account_id INTEGER,
            username TEXT NOT NULL DEFAULT '',
            officer_id INTEGER,
            action TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            subject_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_events_subject ON audit_events(subject, subject_id);
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
            SELECT RAISE(ABORT, 'audit_events is append-only');
        END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
            SELECT RAISE(ABORT, 'audit_events is append-only');
        END;
        CREATE TRIGGER officers_no_delete BEFORE DELETE ON officers BEGIN
            SELECT RAISE(ABORT, 'officers are deactivated, never deleted');
        END;
        CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN
            SELECT RAISE(ABORT, 'accounts are deactivated, never deleted');
        END;
        """,
    )


@migrations(name="0016_channels")
def m0016_channels(db: Database) -> None:
    """Petitions that arrive without a visit, people presenting on another's behalf, police
    coordination, and the office's directory of bodies (docs/channels.md).

    - `visits` is every intake: a reception (channel `truc_tiep`) or a petition received by
      post, portal, website, e-mail, hotline or from another body. `petitions.arrival` (there
      since 0001, always `truc_tiep` until now) carries the same channel for the reports.
    - Post: the postmark date and whether the envelope is kept; deadlines run from
      `received_at`, the day the office received it. Forwarded: the transferring body, its
      document number and date (also on the case's receive event as `transferred_from`).
    - `agent_*`: who presented on behalf of `person_id` (whose case it is), with the paper that
      proves it; not the crowd's representatives (`visit_representatives`).
    - `police_*`: a crowd or heated visit reported to the police, when and to whom.
    - `bodies`: the office's additions and edits to the shipped directory (same codes).
    Existing rows are receptions (`truc_tiep`), as they were.
    - A referral to the mediation team settles how the petition was handled, as a guidance
      does (core/reports/measures.py, OUTCOMES): the triggers that keep cases.first_outcome
      (0012) are made again with `mediate` in their list.
    """
    _run(
        db,
        """
        ALTER TABLE visits ADD COLUMN channel TEXT NOT NULL DEFAULT 'truc_tiep';
        ALTER TABLE visits ADD COLUMN channel_ref TEXT NOT NULL DEFAULT '';
        ALTER TABLE visits ADD COLUMN mailed_on TEXT;
        ALTER TABLE visits ADD COLUMN envelope_kept INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE visits ADD COLUMN source_body TEXT NOT NULL DEFAULT '';
        ALTER TABLE visits ADD COLUMN source_doc_no TEXT NOT NULL DEFAULT '';
        ALTER TABLE visits ADD COLUMN source_doc_on TEXT;
        ALTER TABLE visits ADD COLUMN agent_person_id INTEGER REFERENCES persons(id);
        ALTER TABLE visits ADD COLUMN agent_identity_id INTEGER REFERENCES identity_snapshots(id);
        ALTER TABLE visits ADD COLUMN agent_role TEXT;
        ALTER TABLE visits ADD COLUMN agent_proof TEXT NOT NULL DEFAULT '';
        ALTER TABLE visits ADD COLUMN police_informed_at TEXT;
        ALTER TABLE visits ADD COLUMN police_contact TEXT NOT NULL DEFAULT '';
        -- The book of petitions received without a visit is small next to the log book: a
        -- partial index lists it by day without touching the receptions.
        CREATE INDEX petitions_arrival ON petitions(arrival, received_at)
            WHERE arrival <> 'truc_tiep';
        CREATE INDEX visits_agent ON visits(agent_person_id) WHERE agent_person_id IS NOT NULL;
        CREATE TABLE bodies (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'khac',
            address TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT '[]',
            hidden INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL
        );
        """,
    )
    actions = f"{_OUTCOME_ACTIONS}, 'mediate'"
    first = _FIRST_OUTCOME.replace(_OUTCOME_ACTIONS, actions)
    _run(
        db,
        f"""
        DROP TRIGGER case_events_first_outcome_insert;
        DROP TRIGGER case_events_first_outcome_update;
        DROP TRIGGER case_events_first_outcome_delete;
        CREATE TRIGGER case_events_first_outcome_insert AFTER INSERT ON case_events
        WHEN NEW.action IN ({actions}) BEGIN
            UPDATE cases SET first_outcome = NEW.action, first_outcome_on = NEW.occurred_on
             WHERE id = NEW.case_id
               AND (first_outcome_on IS NULL OR NEW.occurred_on < first_outcome_on);
        END;
        CREATE TRIGGER case_events_first_outcome_update
        AFTER UPDATE OF case_id, action, occurred_on ON case_events BEGIN
            UPDATE cases SET (first_outcome, first_outcome_on) = {first}
             WHERE id IN (OLD.case_id, NEW.case_id);
        END;
        CREATE TRIGGER case_events_first_outcome_delete AFTER DELETE ON case_events BEGIN
            UPDATE cases SET (first_outcome, first_outcome_on) = {first}
             WHERE id = OLD.case_id;
        END;
        """,
    )


@migrations(name="0017_bundle")
def m0017_bundle(db: Database) -> None:
    """The sync bundle to the province (docs/bundle.md). Tables only; no existing row changes.

    - bundle_keys: this office's own key pairs (private keys live here, inside the database,
      never in a plain file), and the public keys of the province (at a ward) or of the wards
      (at the province), with validity periods so old bundles stay verifiable after a new key;
    - bundle_exports / bundle_rows: the ward's ledger — each bundle written, and per exported
      row the version sent, the hash of what was sent, and what the province acknowledged;
    - bundle_imports / bundle_remote / bundle_conflicts: the province's ledger — each bundle
      imported, per imported record its version and hashes, and the records changed on both
      sides, kept until a person chooses.
    """
    _run(
        db,
        """
        CREATE TABLE bundle_keys (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL CHECK (owner IN ('self', 'office', 'province')),
            office_code TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            sign_public BLOB NOT NULL,
            seal_public BLOB,
            sign_private BLOB,
            seal_private BLOB,
            fingerprint TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_to TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (owner, fingerprint)
        );
        CREATE TABLE bundle_exports (
            seq INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            base_seq INTEGER NOT NULL,
            full INTEGER NOT NULL,
            encrypted INTEGER NOT NULL,
            records INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            acked_at TEXT
        );
        CREATE TABLE bundle_rows (
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            uuid TEXT NOT NULL,
            version INTEGER NOT NULL,
            hash BLOB NOT NULL,
            sent_seq INTEGER NOT NULL,
            acked_version INTEGER,
            acked_hash BLOB,
            PRIMARY KEY (tbl, row_id)
        ) WITHOUT ROWID;
        CREATE INDEX bundle_rows_uuid ON bundle_rows(uuid);
        CREATE TABLE bundle_imports (
            id INTEGER PRIMARY KEY,
            office_code TEXT NOT NULL,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            base_seq INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            counts TEXT NOT NULL,
            UNIQUE (office_code, seq)
        );
        CREATE TABLE bundle_remote (
            tbl TEXT NOT NULL,
            uuid TEXT NOT NULL,
            office_code TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            version INTEGER NOT NULL,
            incoming_hash BLOB NOT NULL,
            local_hash BLOB,
            deleted INTEGER NOT NULL DEFAULT 0,
            import_id INTEGER NOT NULL REFERENCES bundle_imports(id),
            PRIMARY KEY (tbl, uuid)
        ) WITHOUT ROWID;
        CREATE TABLE bundle_conflicts (
            id INTEGER PRIMARY KEY,
            office_code TEXT NOT NULL,
            tbl TEXT NOT NULL,
            uuid TEXT NOT NULL,
            version INTEGER NOT NULL,
            incoming TEXT NOT NULL,
            local TEXT NOT NULL,
            import_id INTEGER NOT NULL REFERENCES bundle_imports(id),
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT,
            UNIQUE (tbl, uuid, version)
        );
        """,
    )


def known_steps() -> tuple[str, ...]:
    return tuple(m.name for m in migrations.pending(Database(memory=True, execute_plugins=False)))
