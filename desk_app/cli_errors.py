"""How the command line fails: one Vietnamese line on stderr, exit 1 (2 for a usage error).

`DeskError` carries its sentence; SQLite and disk failures are put into words by
`core.storage.failures`; anything else is a bug: its traceback goes to the log file in the
platformdirs log folder and the line says where.
"""

from __future__ import annotations

import argparse
import logging
import re
import sqlite3
import sys
import tempfile
import traceback
import unicodedata
from datetime import datetime
from pathlib import Path

from desk_app import messages, paths
from desk_app.core.errors import DeskError

MAX_LINE = 1000  # an error line; user values inside it are cut well before this


def one_line(text: str) -> str:
    """A message as one printable line: line breaks become spaces, control and format
    characters (escape sequences, bidi overrides) and lone surrogates are shown escaped."""
    out = []
    for ch in str(text):
        if ch in "\r\n\t\v\f":
            out.append(" ")
        elif "\ud800" <= ch <= "\udfff" or unicodedata.category(ch) in ("Cc", "Cf"):
            out.append(ch.encode("unicode_escape", "backslashreplace").decode("ascii"))
        else:
            out.append(ch)
    line = "".join(out)
    return line if len(line) <= MAX_LINE else line[:MAX_LINE - 1] + "…"


def say(text: str) -> None:
    print(one_line(text), file=sys.stderr)


# --- usage errors (exit 2) ----------------------------------------------------------------

def _quoted(text: str) -> str:
    return text.strip().strip("'\"")


_USAGE_PATTERNS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"),
     lambda m: messages.USAGE_REQUIRED.format(names=m["names"])),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"),
     lambda m: messages.USAGE_UNRECOGNIZED.format(args=m["args"])),
    (re.compile(r"argument (?P<name>[^:]+): invalid \w+ value: (?P<value>.+)"),
     lambda m: messages.USAGE_INVALID_INT.format(name=m["name"], value=_quoted(m["value"]))),
    (re.compile(r"argument (?P<name>[^:]+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     lambda m: messages.USAGE_INVALID_CHOICE.format(
         name=m["name"], value=_quoted(m["value"]),
         choices=", ".join(_quoted(c) for c in m["choices"].split(",")))),
    (re.compile(r"argument (?P<name>[^:]+): expected (one|at least one) argument"),
     lambda m: messages.USAGE_EXPECTED_ONE.format(name=m["name"])),
    (re.compile(r"argument (?P<name>[^:]+): (?P<rest>.+)"),
     lambda m: f"{m['name']} {m['rest']}"),  # our own types' sentences follow the name
)


def usage_detail(message: str) -> str:
    message = message.replace("argument command:", "argument lệnh:")
    for pattern, render in _USAGE_PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            return render(found)
    return message


class Parser(argparse.ArgumentParser):
    """argparse with one Vietnamese line (and exit 2) for a usage error, not its usage text."""

    def error(self, message: str):
        command = self.prog.removeprefix("desk-app")
        self.exit(2, one_line(messages.USAGE.format(detail=usage_detail(message),
                                                     command=command)) + "\n")


def int_in(low: int, high: int):
    """An argparse type: an integer in [low, high] (ids and limits end up in SQLite, whose
    integers stop at 2**63 - 1), else a usage error naming the bounds."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(messages.USAGE_RANGE.format(
                low=low, high=high, value=text[:40]))
        return value

    parse.__name__ = "int"
    return parse


SQLITE_MAX = 2**63 - 1
ROW_ID = int_in(1, SQLITE_MAX)
LIMIT = int_in(1, 100_000)


def bad_text_argument(argv: list[str]) -> str | None:
    """An argument the terminal could not decode (Python keeps its bytes as lone surrogates):
    it cannot be stored, searched or printed."""
    return next((a for a in argv if any("\ud800" <= ch <= "\udfff" for ch in a)), None)


# --- failures (exit 1) ----------------------------------------------------------------------

def _log_file() -> Path:
    for folder in (paths.log_dir, lambda: Path(tempfile.gettempdir())):
        try:
            path = folder() / "desk_app.log"
            with open(path, "a", encoding="utf-8"):
                return path
        except OSError:
            continue
    return Path("desk_app.log")


def log_unexpected(exc: BaseException) -> Path:
    """Append the traceback to the log file; return where it went."""
    path = _log_file()
    try:
        with open(path, "a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(f"{datetime.now().isoformat(timespec='seconds')} ERROR desk-app "
                     f"{' '.join(sys.argv[1:])[:500]}\n")
            fh.write("".join(traceback.format_exception(exc)))
    except OSError:
        logging.getLogger("desk_app").exception("unexpected error", exc_info=exc)
    return path


def report(exc: BaseException, db_path: Path | None) -> int:
    """Print the one line for a failed command; returns the exit code."""
    if isinstance(exc, DeskError):
        say(exc.message)
        return 1
    from desk_app.core.storage import failures

    if isinstance(exc, sqlite3.Error | OSError):
        known = failures.describe(exc, db_path or Path.cwd() / paths.DB_FILENAME)
        if known is not None:
            say(known.message)
            return 1
    say(messages.UNEXPECTED.format(kind=type(exc).__name__, log=log_unexpected(exc)))
    return 1
