"""The national calendar of each year, as `calendar._national_year` computed it, kept in a
file between runs.

Importing python-holidays takes ~0.2 s (it loads every country), more than a command such as
`desk-app dashboard` spends on its query (docs/scale.md, “Start-up”). A year's holidays
depend only on python-holidays' version and on resources/rules/holidays_vn.json, so they
are stored per year in the user's cache folder, in a file named for both (a hash of
python-holidays' version file and of the corrections); a new version or
a changed corrections file starts a new file. Reading or writing the cache may fail (a
read-only home): the year is then computed as before.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from functools import cache
from pathlib import Path

FORMAT = 2
# ({holiday: label}, {swapped working day: label}, {day: source})
Year = tuple[dict[date, str], dict[date, str], dict[date, str]]
_PARTS = ("days", "workdays", "sources")


@cache
def _file(overrides: str) -> Path | None:
    try:
        # python-holidays' version file, found without importing the package (importing
        # importlib.metadata alone costs ~30 ms).
        from importlib.util import find_spec

        spec = find_spec("holidays")
        if spec is None or not spec.origin:
            return None
        version_file = Path(spec.origin).with_name("version.py").read_bytes()
        holidays_version = hashlib.sha256(version_file).hexdigest()[:8]
        digest = hashlib.sha256(Path(overrides).read_bytes()).hexdigest()[:16]
    except (OSError, ValueError, ImportError):
        return None
    from desk_app import paths

    return paths.cache_dir() / f"national-{FORMAT}-{holidays_version}-{digest}.json"


@cache
def _loaded(overrides: str) -> dict:
    path = _file(overrides)
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        data = {}
    return data if isinstance(data, dict) else {}


def _key(year: int, on: frozenset[str]) -> str:
    """A year and the corrections file's switches that are on (calendar.switches)."""
    return ":".join([str(year), *sorted(on)])


def get(year: int, overrides: str, on: frozenset[str] = frozenset()) -> Year | None:
    found = _loaded(overrides).get(_key(year, on))
    if not isinstance(found, dict):
        return None
    try:
        days, workdays, sources = ({date.fromisoformat(d): str(n) for d, n in found[part].items()}
                                   for part in _PARTS)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return days, workdays, sources


def put(year: int, overrides: str, on: frozenset[str], value: Year) -> None:
    path = _file(overrides)
    if path is None:
        return
    data = _loaded(overrides)
    data[_key(year, on)] = {part: {d.isoformat(): n for d, n in sorted(values.items())}
                            for part, values in zip(_PARTS, value, strict=True)}
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(part, path)
    except OSError:
        part.unlink(missing_ok=True)
