"""The published format: the JSON Schemas in resources/schema/bundle/ are current, and every
record, manifest and acknowledgement of a real bundle validates against them (read here
without the app's reader: zip, frames, AES-GCM, zlib — as an upstream system would)."""

from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path

import jsonschema
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desk_app.core.bundle import keys, schemas, service
from desk_app.core.bundle.tables import TABLES
from tests.core.bundle.helpers import NOW

FOLDER = Path(__file__).resolve().parents[3] / "resources" / "schema" / "bundle"


def _schema(name: str) -> dict:
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def test_schemas_are_current(db):
    for name, schema in schemas.build_all(db).items():
        assert (FOLDER / name).read_text(encoding="utf-8") == schemas.text(schema), name


def _plain_lines(stored: bytes, name: str, shared: bytes | None, salt: bytes) -> list[dict]:
    """docs/bundle.md, “Data files”, implemented from the text alone."""
    aead = None
    if shared:
        aead = AESGCM(HKDF(hashes.SHA256(), 32, salt, b"desk-app bundle v1 " + name.encode()
                           ).derive(shared))
    pos, index, compressed = 0, 0, b""
    while True:
        head = int.from_bytes(stored[pos:pos + 4], "big")
        last, length = bool(head >> 31), head & 0x7FFFFFFF
        body = stored[pos + 4:pos + 4 + length]
        pos += 4 + length
        if aead:
            body = aead.decrypt(index.to_bytes(12, "big"), body,
                                name.encode() + (b"\x00last" if last else b"\x00more"))
        index += 1
        if last:
            trailer = json.loads(body)
            break
        compressed += body
    text = zlib.decompress(compressed)
    assert trailer["size"] == len(text)
    records = [json.loads(line) for line in text.splitlines()]
    for line, record in zip(text.decode().splitlines(), records, strict=True):  # canonical form
        assert line == json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return records


def test_a_real_bundle_validates(offices, tmp_path):
    ward, prov = offices.ward(visits=30), offices.province()
    offices.exchange(ward, prov)
    out = service.export_bundle(ward, tmp_path / "b.dtcd", now=NOW)
    zf = zipfile.ZipFile(out.path)
    manifest = json.loads(zf.read("manifest.json"))
    jsonschema.validate(manifest, _schema("manifest.schema.json"))
    _sign, seal = keys.own_private(prov)
    shared = X25519PrivateKey.from_private_bytes(seal).exchange(X25519PublicKey.from_public_bytes(
        __import__("base64").b64decode(manifest["ephemeral_key"])))
    seen = 0
    for f in manifest["files"]:
        validator = jsonschema.Draft202012Validator(_schema(f"{f['table']}.schema.json"))
        records = _plain_lines(zf.read(f["name"]), f["name"], shared,
                               bytes.fromhex(manifest["bundle_id"]))
        assert len(records) == f["rows"]
        for record in records:
            validator.validate(record)
            seen += 1
    assert seen == out.records and {f["table"] for f in manifest["files"]} == {s.name for s in TABLES}
    [done] = service.import_bundles(prov, [out.path], now=NOW)
    ack = json.loads(zipfile.ZipFile(tmp_path / "b.ack.dtca").read("ack.json"))
    jsonschema.validate(ack, _schema("ack.schema.json"))
    assert sum(len(v) for v in ack["records"].values()) == done.total("new")


def test_every_reference_of_an_exported_table_is_mapped(db):
    """A foreign key column a later step adds must become a uuid reference (`Spec.refs`) or be
    left out on purpose (`Spec.exclude`): a local id leaving the office would point at the wrong
    row at the province."""
    for spec in TABLES:
        for fk in db.execute(f"PRAGMA foreign_key_list({spec.name})"):
            column = fk[3]
            assert column in spec.refs or column in spec.exclude, (spec.name, column)
