"""Every CLI command with random arguments (hypothesis): exit 0, 1 or 2 and nothing else; a
failure is one line on stderr and not an unexpected error; a refusal leaves the database and
the data folder as they were.

The arguments follow each command's own options (read from the parser), with random values:
any text, huge and negative numbers, dates right and wrong, files with random JSON, folders
where files belong. `gui` is left out (it opens a window), and so is `--data-dir` (a random
folder would get a new office).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app import cli, paths
from desk_app.core.cases.labels import FLAGS
from desk_app.core.cases.lifecycle import ACTIONS
from desk_app.core.catalog import PETITION_KIND_LABELS
from desk_app.core.documents.slips import SLIPS
from tests.support import connect, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cli import example_visit  # noqa: E402

settings.register_profile("cli", max_examples=int(os.environ.get("CLI_EXAMPLES", "60")),
                          deadline=None, derandomize="CLI_EXAMPLES" not in os.environ,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])

TEXT = st.text(st.characters(codec=None), max_size=20) | st.sampled_from(
    ["", "-", "--", "\ud800", "\x1b[31m", "Nguyễn", "đất", "1", "0", "-1", str(10**20),
     "9" * 5000, "2026-11-20", "20/11/2026", "2026-02-30", "x" * 10_000])
INTEGER = st.integers(min_value=-3, max_value=6).map(str) | st.sampled_from(
    [str(10**20), str(2**63), str(2**63 - 1), "-0", "1e3", "0x10", "١٢", " 7 "])
DAY = st.dates().map(str) | st.sampled_from(
    ["2026-11-20", "2026-02-30", "20/11/2026", "0/0/2147483648", "", "today", "9999-12-31"])
SKIP = {"-h", "--help", "--version", "--data-dir"}
# Values a user would type for a free-text option, so that many commands reach the core.
PLAUSIBLE = {
    "act": [*ACTIONS, "frobnicate"], "kind": [*SLIPS, *PETITION_KIND_LABELS, "x"],
    "flag": [*FLAGS, "x"], "text": ["Dũng", "dang van dung", "đất", "027090", "\x1b[2J"],
    "note": ["Ghi chú", ""], "body": ["Sở Xây dựng tỉnh Bắc Ninh", ""], "doc_no": ["12/QĐ-UBND"],
    "reason": ["Không thuộc thẩm quyền"], "name": ["UBND phường", ""], "parent": [""],
    "suspended": ["2026-08-03:2026-08-20", "2026-08-03:", ":", "x"],
    "officer": ["Lê Văn Tám:Công chức", "Lê Văn Tám", ":"],
}


@pytest.fixture(scope="module")
def office_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli-prop") / "data"
    work = data.parent
    assert cli.main(["--data-dir", str(data), "init", "--province", "24", "--commune", "9253",
                     "--officer", "Nguyễn Thị Hồng Nhung"]) == 0
    for n, kind in enumerate(("kien_nghi", "khieu_nai", "to_cao")):
        visit = example_visit(petition_kind=kind, person={
            **example_visit()["person"], "id_number": f"0270900{n:05d}"})
        path = work / f"v{n}.json"
        path.write_text(json.dumps(visit, ensure_ascii=False), encoding="utf-8")
        assert cli.main(["--data-dir", str(data), "intake", str(path)]) == 0
    return data


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: p for name, p in sub.choices.items() if name != "gui"}


COMMANDS = _commands()


@st.composite
def argv_for(draw, work: Path):
    name = draw(st.sampled_from(sorted(COMMANDS)))
    parser = COMMANDS[name]

    def value(action) -> str:
        dest = action.dest
        plausible = draw(st.integers(0, 9)) < 7  # mostly values that get past the parser
        if action.choices:
            return draw(st.sampled_from(list(action.choices))) if plausible else draw(TEXT)
        if dest in ("out",):
            suffix = draw(st.sampled_from([".pdf", ".xlsx", ".txt", "", ".PDF", "/"]))
            return str(work / f"out-{draw(st.integers(0, 9))}{suffix}")
        if dest == "to":  # `backup --to`: a folder under the test's own, never the cwd
            return str(work / f"usb-{draw(st.integers(0, 3))}")
        if dest in ("file", "session_file"):
            return str(draw(input_file(work)))
        if action.type is not None and getattr(action.type, "__name__", "") == "int" \
                or action.type is int:
            return draw(INTEGER) if plausible else draw(TEXT)
        if plausible and dest in PLAUSIBLE:
            return draw(st.sampled_from(PLAUSIBLE[dest]))
        if any(word in dest for word in ("date", "today", "on", "received", "accepted",
                                         "decided", "decision", "dialogue", "refused")):
            return draw(DAY | TEXT)
        return draw(TEXT | INTEGER)

    args = [name]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or SKIP & set(action.option_strings):
            continue
        if action.option_strings:
            if not (action.required and draw(st.integers(0, 9)) > 0) and not draw(st.booleans()):
                continue
            args.append(draw(st.sampled_from(action.option_strings)))
            if action.nargs != 0:
                args.append(value(action))
        elif action.nargs in ("?", "*") and not draw(st.booleans()):
            continue
        else:
            count = 2 if action.nargs == "+" and draw(st.booleans()) else 1
            args += [value(action) for _ in range(count)]
    if draw(st.integers(0, 9)) == 0:  # now and then something that does not belong
        args.insert(draw(st.integers(0, len(args))), draw(TEXT))
    return args


@st.composite
def input_file(draw, work: Path) -> Path:
    kind = draw(st.sampled_from(["visit", "json", "bytes", "folder", "missing"]))
    path = work / f"in-{draw(st.integers(0, 5))}.json"
    if kind == "folder":
        return work
    if kind == "missing":
        return work / "no-such-file.json"
    if kind == "visit":
        visit = example_visit()
        for key in draw(st.lists(st.sampled_from(sorted(visit)), max_size=2)):
            visit[key] = draw(TEXT | st.integers() | st.none() | st.lists(TEXT, max_size=2))
        content = json.dumps(visit, ensure_ascii=False).encode("utf-8", "surrogatepass")
    elif kind == "json":
        content = json.dumps(draw(st.recursive(
            st.none() | st.booleans() | st.integers() | TEXT,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
            max_leaves=8)), ensure_ascii=False).encode("utf-8", "surrogatepass")
    else:
        content = draw(st.binary(max_size=200))
    path.write_bytes(content)
    return path


def _state(data: Path):
    db = paths.db_path(data, create=False)
    files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*"))
    with contextlib.closing(connect(db)) as conn:
        return files, snapshot(conn)


@settings(settings.get_profile("cli"))
@given(data=st.data())
def test_every_command_with_random_arguments(office_dir, tmp_path_factory, monkeypatch, data):
    logs = tmp_path_factory.mktemp("logs")
    monkeypatch.setattr(paths, "log_dir", lambda: logs)
    work = tmp_path_factory.mktemp("work")
    argv = data.draw(argv_for(work))
    before = _state(office_dir)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(["--data-dir", str(office_dir), *argv])
        except SystemExit as exc:
            code = exc.code
    message = err.getvalue()
    assert code in (0, 1, 2), (argv, code, message)
    assert "Traceback" not in message, argv
    assert "Lỗi không mong muốn" not in message, (argv, message)
    assert not list(logs.iterdir()), argv  # nothing unexpected was logged
    if code != 0:
        assert message.endswith("\n") and message.count("\n") == 1, (argv, message)
        assert message.strip(), argv
        assert _state(office_dir) == before, (argv, message)
    assert not [p for p in work.rglob("*.part")], argv
