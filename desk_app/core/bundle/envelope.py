"""One data file of a bundle: records as JSON lines, compressed, cut into frames, each frame
sealed with AES-256-GCM when the bundle is encrypted. Written and read as a stream: a
bundle of any size passes through a few megabytes of memory.

A frame is a 4-byte big-endian length (its top bit marks the last frame) and the frame's bytes.
The last frame holds the trailer, {"rows", "size", "sha256"} of the plain JSON lines: inside
the seal, so a lost file reveals not even the hash of its contents. Reading stops at the
first bad length, tag, size or ratio (a decompression bomb) with `EnvelopeError`.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from typing import IO

from desk_app.core.bundle import crypto

FRAME_TARGET = 1 << 20  # compressed bytes per frame when writing
LINES_TARGET = 256 << 10  # characters of JSON lines compressed at a time when writing
MAX_FRAME = 4 << 20  # a longer frame is refused when reading
MAX_PLAIN = 4 << 30  # plain bytes per data file
MAX_RATIO = 200  # plain bytes per compressed byte (JSON lines compress ~10×)
MAX_LINE = 16 << 20  # one record
_LAST = 1 << 31


class EnvelopeError(Exception):
    """The data file is damaged, cut, tampered with, sealed for another key, or a bomb."""


class Writer:
    def __init__(self, out: IO[bytes], name: str, aead: crypto.AESGCM | None) -> None:
        self.out, self.name, self.aead = out, name, aead
        self.zip = zlib.compressobj(1)  # fast: JSON lines still shrink about 6×
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.index = 0
        self.rows = 0
        self.size = 0
        self.sha = hashlib.sha256()
        self.lines: list[str] = []
        self.lines_size = 0

    def write(self, record: dict) -> None:
        self.write_line(json.dumps(record, ensure_ascii=False, separators=(",", ":"),
                                   sort_keys=True))

    def write_line(self, line: str) -> None:
        """One record already serialised (no newline): lines are gathered and compressed a
        few hundred kilobytes at a time (zlib per line costs more than the JSON)."""
        self.lines.append(line)
        self.lines_size += len(line)
        self.rows += 1
        if self.lines_size >= LINES_TARGET:
            self._compress()

    def _compress(self) -> None:
        if not self.lines:
            return
        data = ("\n".join(self.lines) + "\n").encode()
        self.lines, self.lines_size = [], 0
        self.size += len(data)
        self.sha.update(data)
        chunk = self.zip.compress(data)
        if chunk:
            self.pending.append(chunk)
            self.pending_size += len(chunk)
            if self.pending_size >= FRAME_TARGET:
                self._flush()

    def _frame(self, body: bytes, last: bool) -> None:
        if self.aead is not None:
            body = self.aead.encrypt(crypto.frame_nonce(self.index), body,
                                     crypto.frame_aad(self.name, last))
        self.out.write((len(body) | (_LAST if last else 0)).to_bytes(4, "big"))
        self.out.write(body)
        self.index += 1

    def _flush(self) -> None:
        if self.pending:
            self._frame(b"".join(self.pending), False)
        self.pending, self.pending_size = [], 0

    def close(self) -> dict:
        self._compress()
        tail = self.zip.flush()
        if tail:
            self.pending.append(tail)
        self._flush()
        trailer = {"rows": self.rows, "size": self.size, "sha256": self.sha.hexdigest()}
        self._frame(json.dumps(trailer, sort_keys=True).encode(), True)
        return trailer


def _frames(src: IO[bytes], name: str, aead: crypto.AESGCM | None) -> Iterator[tuple[bytes, bool]]:
    index = 0
    while True:
        head = src.read(4)
        if len(head) != 4:
            raise EnvelopeError("cut")
        value = int.from_bytes(head, "big")
        last, length = bool(value & _LAST), value & ~_LAST
        if length > MAX_FRAME:
            raise EnvelopeError("frame too long")
        body = src.read(length)
        if len(body) != length:
            raise EnvelopeError("cut")
        if aead is not None:
            try:
                body = aead.decrypt(crypto.frame_nonce(index), body, crypto.frame_aad(name, last))
            except crypto.InvalidTag:
                raise EnvelopeError("tag") from None
        index += 1
        yield body, last
        if last:
            if src.read(1):
                raise EnvelopeError("bytes after the last frame")
            return


def read_lines(src: IO[bytes], name: str, aead: crypto.AESGCM | None) -> Iterator[bytes]:
    """The plain JSON lines of a data file, checked against the sealed trailer at the end
    (a caller must consume the iterator fully before trusting what it read)."""
    unzip = zlib.decompressobj()
    sha = hashlib.sha256()
    compressed = plain = rows = 0
    rest = b""
    for body, last in _frames(src, name, aead):
        if last:
            try:
                trailer = json.loads(body)
            except (ValueError, RecursionError):
                raise EnvelopeError("trailer") from None
            if not isinstance(trailer, dict):
                raise EnvelopeError("trailer")
            try:
                tail = unzip.flush()
            except zlib.error:
                raise EnvelopeError("deflate") from None
            if tail or rest or not unzip.eof:
                raise EnvelopeError("cut inside the data")
            if trailer != {"rows": rows, "size": plain, "sha256": sha.hexdigest()}:
                raise EnvelopeError("trailer mismatch")
            return
        compressed += len(body)
        data = body
        while data:
            try:
                out = unzip.decompress(data, 1 << 20)
            except zlib.error:
                raise EnvelopeError("deflate") from None
            data = unzip.unconsumed_tail
            plain += len(out)
            if plain > MAX_PLAIN or plain > MAX_RATIO * max(compressed, 1024):
                raise EnvelopeError("bomb")
            sha.update(out)
            rest += out
            if len(rest) > MAX_LINE and b"\n" not in rest:
                raise EnvelopeError("line too long")
            *lines, rest = rest.split(b"\n")
            for line in lines:
                rows += 1
                yield line
        if unzip.unused_data:
            raise EnvelopeError("data after the end of the stream")
    raise EnvelopeError("cut")
