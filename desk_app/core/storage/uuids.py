"""Row uuids: 16 bytes in the database, the usual 36-character string everywhere else.

Every row that will leave the office carries a uuid (docs/architecture.md). In the tables that
grow with the visits (persons, visits, petitions, cases, case_events, issued_documents) it is
stored as a 16-byte blob since migration 0014: as text it cost 37 bytes in the row and again
in its unique index, ~0.4 KB a visit. Code reads and writes them through `text` and `new`;
`SQL_TEXT` shows one as text inside a query. Triggers refuse anything but 16 bytes in those
columns, so a text uuid cannot slip in unnoticed (docs/scale.md, “Size”).

New uuids are version 7 (RFC 9562): the first 48 bits are the time in milliseconds, so rows
made one after another get neighbouring keys and their index fills its pages in order
instead of splitting them at random places.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable

# Tables whose `uuid` column holds 16-byte blobs (migration 0014_compact_storage).
BLOB_TABLES = ("persons", "visits", "petitions", "cases", "case_events", "issued_documents")

# A blob uuid as its text form, in SQL: SQL_TEXT.format(col="c.uuid").
SQL_TEXT = ("lower(substr(hex({col}), 1, 8) || '-' || substr(hex({col}), 9, 4) || '-' || "
            "substr(hex({col}), 13, 4) || '-' || substr(hex({col}), 17, 4) || '-' || "
            "substr(hex({col}), 21, 12))")


def new(millis: int | None = None, random_bits: Callable[[int], int] | None = None) -> bytes:
    """A version-7 uuid: `millis` since 1970 (now by default) and 74 random bits (from
    `random_bits(n)`, default the system's randomness; the demo passes its seeded generator)."""
    if millis is None:
        millis = time.time_ns() // 1_000_000
    rand = random_bits(74) if random_bits else int.from_bytes(os.urandom(10), "big") >> 6
    rand_a, rand_b = rand >> 62, rand & ((1 << 62) - 1)
    value = ((millis & ((1 << 48) - 1)) << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return value.to_bytes(16, "big")


def new_text() -> str:
    """A new version-7 uuid as its 36-character string, for the tables that keep their uuids
    as text (they do not grow with the visits: office, attachments, dialogues, corrections,
    the schedule's tables)."""
    return str(uuid.UUID(bytes=new()))


def text(value: bytes | str | None) -> str | None:
    """The 36-character form of a stored uuid (a text one is returned as it is)."""
    if value is None or isinstance(value, str):
        return value
    return str(uuid.UUID(bytes=bytes(value)))


def blob(value: str | bytes) -> bytes:
    """The 16 bytes of a uuid given as text (as it arrives from outside) or already as bytes."""
    if isinstance(value, bytes):
        return value
    return uuid.UUID(value).bytes
