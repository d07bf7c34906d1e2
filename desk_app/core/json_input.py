"""JSON written by a person or another program (intake files, session files): the ways it can
be malformed beyond bad syntax — nesting deep enough to exhaust Python's stack, numbers too
long to parse or too big for SQLite, lone UTF-16 surrogates that no database or printer can
encode — become Vietnamese sentences instead of tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from desk_app import messages
from desk_app.core.errors import DeskError

MAX_DEPTH = 32  # an intake is 4 levels deep; anything far deeper is not a form
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # SQLite's INTEGER
_DIGIT_LIMIT = 4300  # Python's default int_max_str_digits


def shown(value: object, limit: int = 60) -> str:
    """A value for a message: its repr cut short (a field may hold megabytes)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def loads(text: str, path: str | Path):
    """json.loads, with a message for what its JSONDecodeError does not cover (the caller
    still formats JSONDecodeError, which knows the line and column)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise DeskError(messages.JSON_TOO_DEEP.format(path=path, limit=MAX_DEPTH)) from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # an integer literal longer than Python parses
        raise DeskError(messages.JSON_NUMBER_TOO_LONG.format(path=path, limit=_DIGIT_LIMIT)) from None


def _surrogate(text: str) -> str | None:
    return next((ch for ch in text if "\ud800" <= ch <= "\udfff"), None)


def check_text(field: str, text: str) -> None:
    bad = _surrogate(text)
    if bad is not None:
        raise DeskError(messages.JSON_TEXT_INVALID.format(field=field, code=ord(bad)), field=field)


def check(data: object, path: str | Path) -> None:
    """Walk the parsed value without recursion: depth, integer range, encodable text."""
    stack = [(data, 0, "")]
    while stack:
        value, depth, field = stack.pop()
        if depth > MAX_DEPTH:
            raise DeskError(messages.JSON_TOO_DEEP.format(path=path, limit=MAX_DEPTH))
        if isinstance(value, str):
            check_text(field or "?", value)
        elif isinstance(value, int) and not isinstance(value, bool):
            if not INT_MIN <= value <= INT_MAX:
                raise DeskError(messages.JSON_NUMBER_RANGE.format(
                    field=field or "?", value=shown(value, 30)), field=field or None)
        elif isinstance(value, dict):
            for key, item in value.items():
                name = key if len(key) <= 40 else key[:39] + "…"  # a key may be megabytes
                check_text(name, key)
                stack.append((item, depth + 1, name))
        elif isinstance(value, list):
            stack.extend((item, depth + 1, field) for item in value)
