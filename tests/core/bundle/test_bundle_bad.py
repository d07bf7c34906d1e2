"""Every bad bundle is refused with its reason, and the province's file stays byte-identical."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app import messages
from desk_app.core.bundle import container, crypto, keys, service
from desk_app.core.errors import DeskError
from desk_app.core.storage.db import SCHEMA_VERSION
from tests.core.bundle.helpers import NOW, db_hash


@pytest.fixture
def pair(offices, tmp_path):
    ward, prov = offices.ward(visits=25), offices.province()
    offices.exchange(ward, prov)
    good = service.export_bundle(ward, tmp_path / "good.dtcd", now=NOW)
    return ward, prov, good.path


def _reason(name: str, reason: str, **extra) -> str:
    return messages.BUNDLE_REFUSED.format(name=name, why=messages.BUNDLE_REASONS[reason].format(**extra))


def _refused(prov, path: Path, expected: str) -> None:
    before = db_hash(prov)
    for dry in (True, False):
        with pytest.raises(DeskError) as exc:
            service.import_bundles(prov, [path], dry_run=dry, now=NOW)
        assert exc.value.message == expected
    assert db_hash(prov) == before
    assert not path.with_name(path.stem + ".ack.dtca").exists()


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def _write(path: Path, entries: dict[str, bytes], compress: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compress) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def _resign(ward, entries: dict[str, bytes], change) -> dict[str, bytes]:
    """The manifest changed and signed again with the ward's own key (a well-signed bundle
    whose contents are wrong in another way)."""
    manifest = json.loads(entries[container.MANIFEST])
    change(manifest)
    body = container.manifest_bytes(manifest)
    sign, _ = keys.own_private(ward)
    return {**entries, container.MANIFEST: body, container.SIGNATURE: crypto.sign(sign, body)}


def test_truncated(pair, tmp_path):
    _ward, prov, good = pair
    data = good.read_bytes()
    for size in (10, len(data) // 2, len(data) - 30):
        bad = tmp_path / f"cut{size}.dtcd"
        bad.write_bytes(data[:size])
        _refused(prov, bad, _reason(bad.name, "damaged"))


def test_bit_flipped_in_data_and_in_manifest(pair, tmp_path):
    _ward, prov, good = pair
    entries = _entries(good)
    name = "data/visits.jsonl.z.enc"
    flipped = bytearray(entries[name])
    flipped[len(flipped) // 2] ^= 0x01
    _refused(prov, _write(tmp_path / "flip.dtcd", {**entries, name: bytes(flipped)}),
             _reason("flip.dtcd", "damaged"))
    manifest = entries[container.MANIFEST].replace(b'"sequence": 1', b'"sequence": 2')
    _refused(prov, _write(tmp_path / "flipm.dtcd", {**entries, container.MANIFEST: manifest}),
             _reason("flipm.dtcd", "signature"))


def test_resigned_with_another_key(pair, tmp_path):
    _ward, prov, good = pair
    entries = _entries(good)
    other, _pub = crypto.new_signing_key()
    entries[container.SIGNATURE] = crypto.sign(other, entries[container.MANIFEST])
    _refused(prov, _write(tmp_path / "other.dtcd", entries), _reason("other.dtcd", "signature"))
    # and the manifest naming a signer the province does not know
    manifest = json.loads(entries[container.MANIFEST])
    manifest["signer"] = crypto.fingerprint(_pub)
    body = container.manifest_bytes(manifest)
    entries.update({container.MANIFEST: body, container.SIGNATURE: crypto.sign(other, body)})
    _refused(prov, _write(tmp_path / "other2.dtcd", entries),
             _reason("other2.dtcd", "unknown_key", office="24-09253"))


def test_wrong_schema_version_and_format(pair, tmp_path):
    ward, prov, good = pair
    entries = _resign(ward, _entries(good), lambda m: m.update(schema_version=SCHEMA_VERSION + 1))
    _refused(prov, _write(tmp_path / "newer.dtcd", entries),
             _reason("newer.dtcd", "schema", theirs=SCHEMA_VERSION + 1, ours=SCHEMA_VERSION))
    entries = _resign(ward, _entries(good), lambda m: m.update(format="desk-app-bundle/9"))
    _refused(prov, _write(tmp_path / "fmt.dtcd", entries), _reason("fmt.dtcd", "format"))


def test_unknown_office(offices, tmp_path):
    ward, prov = offices.ward(visits=5), offices.province()
    (tmp_path / "p.key").write_bytes(keys.public_file_bytes(prov))
    keys.register(ward, tmp_path / "p.key", now=NOW)  # the province never registered the ward
    out = service.export_bundle(ward, tmp_path / "u.dtcd", now=NOW)
    _refused(prov, out.path, _reason("u.dtcd", "unknown_office", office="24-09253"))


def test_sealed_for_another_province_key(offices, tmp_path):
    ward, prov = offices.ward(visits=5), offices.province()
    offices.exchange(ward, prov)
    keys.generate(prov, now=NOW)  # the province's key changed; the ward seals for the old one
    with prov.atomic():  # ... and the old private key is gone (a reinstalled province)
        prov.execute("DELETE FROM bundle_keys WHERE owner = 'self' AND valid_to IS NOT NULL")
    out = service.export_bundle(ward, tmp_path / "k.dtcd", now=NOW)
    _refused(prov, out.path, _reason("k.dtcd", "wrong_key"))


def test_sealed_key_mismatch_detected_by_the_tags(pair, tmp_path):
    """The manifest names the province's key but the files were sealed with another shared
    secret: the AEAD tags fail on the first frame."""
    ward, prov, good = pair
    entries = _resign(ward, _entries(good), lambda m: m.update(
        ephemeral_key=crypto.b64(crypto.new_sealing_key()[1])))
    _refused(prov, _write(tmp_path / "eph.dtcd", entries), _reason("eph.dtcd", "wrong_key"))


@pytest.mark.parametrize("name", ["../evil.jsonl.z", "/etc/passwd", "data/../../x.jsonl.z",
                                  "data\\..\\x.jsonl.z", "extra.txt"])
def test_paths_outside_the_folder(pair, tmp_path, name):
    _ward, prov, good = pair
    entries = {**_entries(good), name: b"x"}
    _refused(prov, _write(tmp_path / "path.dtcd", entries), _reason("path.dtcd", "path"))


def test_decompression_bombs(pair, tmp_path):
    ward, prov, good = pair
    entries = _entries(good)
    # a zip entry the zip itself compresses (a classic zip bomb hides there)
    _refused(prov, _write(tmp_path / "zbomb.dtcd", entries, zipfile.ZIP_DEFLATED),
             _reason("zbomb.dtcd", "bomb"))
    # a data stream that inflates beyond the ratio, well signed and sealed
    import zlib

    from desk_app.core.bundle import envelope

    manifest = json.loads(entries[container.MANIFEST])
    name = "data/officers.jsonl.z.enc"
    prov_key = keys.province_key(ward)
    eph_pub, shared = crypto.ephemeral(prov_key.seal_public)
    bundle_id = bytes.fromhex(manifest["bundle_id"])
    out = io.BytesIO()
    w = envelope.Writer(out, name, crypto.file_key(shared, bundle_id, name))
    w.pending.append(zlib.compress(b" " * (50 << 20), 9))  # 50 MB of spaces in ~50 KB
    w._flush()
    w._frame(b"{}", True)
    data = {**entries, name: out.getvalue()}
    for f in manifest["files"]:
        import hashlib
        other = f["name"] != name
        key = crypto.file_key(shared, bundle_id, f["name"])
        if other:  # re-seal the other files for the new ephemeral key
            plain = io.BytesIO()
            rw = envelope.Writer(plain, f["name"], key)
            rw.close()
            data[f["name"]] = plain.getvalue()
            f["rows"] = 0
        f["sha256"] = hashlib.sha256(data[f["name"]]).hexdigest()
        f["size"] = len(data[f["name"]])
    manifest["ephemeral_key"] = crypto.b64(eph_pub)
    body = container.manifest_bytes(manifest)
    sign, _ = keys.own_private(ward)
    data.update({container.MANIFEST: body, container.SIGNATURE: crypto.sign(sign, body)})
    _refused(prov, _write(tmp_path / "bomb.dtcd", data), _reason("bomb.dtcd", "bomb"))


def test_not_a_bundle_and_missing_file(pair, tmp_path):
    _ward, prov, _good = pair
    junk = tmp_path / "junk.dtcd"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _refused(prov, junk, _reason("junk.dtcd", "damaged"))
    with pytest.raises(DeskError) as exc:
        service.import_bundles(prov, [tmp_path / "none.dtcd"], now=NOW)
    assert exc.value.message == messages.BUNDLE_FILE_MISSING.format(path=tmp_path / "none.dtcd")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bytes_never_crash_and_never_half_import(pair, tmp_path, data):
    _ward, prov, good = pair
    raw = bytearray(good.read_bytes())
    op = data.draw(st.sampled_from(["flip", "cut", "insert", "overwrite"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if op == "flip":
        raw[at] ^= data.draw(st.integers(1, 255))
    elif op == "cut":
        del raw[at:]
    elif op == "insert":
        raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
    else:
        chunk = data.draw(st.binary(min_size=1, max_size=64))
        raw[at:at + len(chunk)] = chunk
    bad = tmp_path / "mutant.dtcd"
    bad.write_bytes(bytes(raw))
    before = db_hash(prov)
    try:
        [summary] = service.import_bundles(prov, [bad], now=NOW)
    except DeskError as exc:
        assert exc.message.startswith("Không nhận gói mutant.dtcd:")
        assert db_hash(prov) == before
    else:  # a change the zip does not read (its comment, an unused gap) imports whole
        assert summary.total("rejected") == 0
        assert prov.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 25
        with prov.atomic():  # back to the empty province for the next example
            # Officers are never deleted (0015_security): lifted for this reset only.
            prov.execute("DROP TRIGGER officers_no_delete")
            for table in ("bundle_conflicts", "bundle_remote", "bundle_imports"):
                prov.execute(f"DELETE FROM {table}")
            for table in ("case_events", "petitions", "visit_documents", "visit_representatives",
                          "visits", "identity_snapshots", "cases", "sessions", "persons",
                          "officers", "petition_log_keys"):
                prov.execute(f"DELETE FROM {table}")
            prov.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
            prov.execute("DELETE FROM search_vocab")
            prov.execute("CREATE TRIGGER officers_no_delete BEFORE DELETE ON officers BEGIN"
                         " SELECT RAISE(ABORT, 'officers are deactivated, never deleted'); END")


def test_deeply_nested_manifest(pair, tmp_path):
    _ward, prov, good = pair
    entries = _entries(good)
    entries[container.MANIFEST] = b"[" * 200_000 + b"]" * 200_000
    _refused(prov, _write(tmp_path / "deep.dtcd", entries), _reason("deep.dtcd", "damaged"))


def test_signed_with_a_retired_key(offices, tmp_path):
    """A key replaced after a loss: bundles it signs afterwards are refused."""
    from datetime import timedelta

    ward, prov = offices.ward(visits=5), offices.province()
    offices.exchange(ward, prov)
    old_fingerprint = keys.own_key(ward).fingerprint
    old_private, _ = keys.own_private(ward)
    later = NOW + timedelta(hours=1)
    keys.generate(ward, now=later)
    (tmp_path / "new.key").write_bytes(keys.public_file_bytes(ward))
    keys.register(prov, tmp_path / "new.key", now=later)
    out = service.export_bundle(ward, tmp_path / "new.dtcd", now=later + timedelta(hours=1))
    entries = _entries(out.path)
    manifest = json.loads(entries[container.MANIFEST])
    manifest["signer"] = old_fingerprint
    body = container.manifest_bytes(manifest)
    entries.update({container.MANIFEST: body, container.SIGNATURE: crypto.sign(old_private, body)})
    _refused(prov, _write(tmp_path / "stolen.dtcd", entries),
             _reason("stolen.dtcd", "key_retired", office="24-09253", since=later.date().isoformat()))
