"""Wards and a province on real files, with their keys exchanged as the offices would."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from desk_app.core.bundle import keys, province
from desk_app.core.demo.generate import generate
from desk_app.core.opening import open_db
from desk_app.core.storage.office import init_office
from tests.support import copy_template

END = datetime(2026, 11, 20, 17, 0)
NOW = datetime(2026, 11, 21, 9, 0)


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


class Offices:
    def __init__(self, root: Path, template: Path) -> None:
        self.root, self.template = root, template
        self.opened: list = []

    def open(self, name: str):
        path = self.root / f"{name}.sqlite3"
        if not path.exists():
            copy_template(self.template, path)  # encrypted: its keyring comes too
        db = open_db(path)
        self.opened.append(db)
        return db

    def ward(self, name: str = "w1", commune: int = 9253, visits: int = 60, seed: int = 1):
        db = self.open(name)
        init_office(db, 24, commune, officers=(("Nguyễn Thị Hồng Nhung", "Công chức"),
                                               ("Lê Văn Dũng", "Chủ tịch")))
        if visits:
            generate(db, visits, seed, end=END, years=1)
        keys.generate(db, now=NOW)
        return db

    def province(self, name: str = "prov"):
        db = self.open(name)
        province.init_province(db, 24, now=NOW)
        return db

    def exchange(self, ward, prov) -> None:
        """The ward registers the province's key file, the province the ward's."""
        pk, wk = self.root / "province.key", self.root / f"ward-{id(ward)}.key"
        pk.write_bytes(keys.public_file_bytes(prov))
        wk.write_bytes(keys.public_file_bytes(ward))
        keys.register(ward, pk, now=NOW)
        keys.register(prov, wk, now=NOW)

    def close(self) -> None:
        for db in self.opened:
            db.close()



def db_file(db) -> Path:
    return Path(next(r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"))


def db_hash(db) -> str:
    """The database file's bytes after a checkpoint (WAL frames written into the file)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return file_hash(db_file(db))
