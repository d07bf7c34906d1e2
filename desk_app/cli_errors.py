"""How the command line fails: one Vietnamese line on stderr, exit 1 (2 for a usage error).

`DeskError` carries its sentence; SQLite and disk failures are put into words by
`core.storage.failures`; anything else is a bug: its traceback goes to the log file in the
platformdirs log folder and the line says where.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from desk_app import messages, paths
from desk_app.cli_parser import ArgumentParser
from desk_app.core.errors import DeskError
from desk_app.core.text import visible

MAX_LINE = 1000  # an error line; user values inside it are cut well before this
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """A message as one printable line: line breaks become spaces; control and format
    characters (escape sequences, bidi overrides) and lone surrogates are shown as their code
    points (<U+001B>), as every other output of the CLI shows them (core.text.visible)."""
    line = visible(_LINE_BREAKS.sub(" ", str(text)))
    return line if len(line) <= MAX_LINE else line[:MAX_LINE - 1] + "…"


def say(text: str) -> None:
    print(one_line(text), file=sys.stderr)


# --- usage errors (exit 2) ----------------------------------------------------------------

class Parser(ArgumentParser):
    """argparse in Vietnamese (cli_parser) that reports a usage error in one line and exit 2,
    naming the command's own help, instead of printing its usage text."""

    def error(self, message: str):
        self.exit(2, one_line(messages.USAGE.format(detail=message.rstrip("."),
                                                     prog=self.prog)) + "\n")


class InitParser(Parser):
    """`desk-app init`: --commune is required, except for a province office (--mode province)."""

    def parse_known_args(self, args=None, namespace=None):
        found, extra = super().parse_known_args(args, namespace)
        if getattr(found, "mode", "ward") != "province" and getattr(found, "commune", None) is None:
            self.error("thiếu tham số bắt buộc: --commune")
        return found, extra


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
CODE = int_in(0, SQLITE_MAX)  # a unit code (province, commune): checked against the catalogue later


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

    if isinstance(exc, (*failures.DB_ERRORS, OSError)):
        known = failures.describe(exc, db_path or Path.cwd() / paths.DB_FILENAME)
        if known is not None:
            say(known.message)
            return 1
    say(messages.UNEXPECTED.format(kind=type(exc).__name__, log=log_unexpected(exc)))
    return 1
