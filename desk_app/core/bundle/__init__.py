"""The sync bundle to the province (docs/bundle.md): a signed, encrypted `.dtcd` file of the
office's rows since the last acknowledged one; verified, dry-run and applied all or nothing
at the province, which answers with a signed acknowledgement.

  crypto.py     Ed25519 signatures, X25519 sealing (HKDF + AES-256-GCM), fingerprints
  keys.py       the office's key pairs (inside the database) and the other side's public keys
  envelope.py   a data file as framed, compressed, optionally sealed records (streamed)
  tables.py     which tables leave the office and how a row becomes a record (uuids, refs)
  container.py  the zip: manifest, signature, safe reading (names, sizes, ratios)
  exporter.py   the ward writes a bundle; the ledger of what was sent
  importer.py   the province verifies, dry-runs and applies; conflicts; tombstones
  ack.py        the province's signed acknowledgement, and the ward reading it
  province.py   province mode: its office, consolidated search, cross-ward duplicates
  service.py    the entry points the faces call (the one place for roles and audit)
"""
