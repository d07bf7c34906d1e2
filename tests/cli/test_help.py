"""The command line speaks Vietnamese, argparse's own words included (desk_app/cli_parser.py),
and every argument explains itself."""

from __future__ import annotations

import argparse
import importlib.metadata
import re

import pytest

from desk_app import __version__
from desk_app.cli import _parser

# argparse's English, as it would print it; none of it may reach a user.
ENGLISH = re.compile(r"usage:|options:|optional arguments|positional arguments|show this help"
                     r"|show program|\berror:|required|invalid|choose from|unrecognized"
                     r"|expected one|\bdefault\b|subcommands")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _nested(parser: argparse.ArgumentParser, prefix: str) -> dict[str, argparse.ArgumentParser]:
    """Every parser under this one by its command words ("schedule add"), itself included."""
    found = {prefix: parser}
    if any(isinstance(a, argparse._SubParsersAction) for a in parser._actions):
        for name, child in _subparsers(parser).items():
            found.update(_nested(child, f"{prefix} {name}"))
    return found


PARSER = _parser()
COMMANDS = _subparsers(PARSER)
EVERY_PARSER = {name: parser for command, child in COMMANDS.items()
                for name, parser in _nested(child, command).items()}


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_is_vietnamese(name):
    parser = COMMANDS[name] if name else PARSER
    text = parser.format_help()
    assert text.startswith(f"Cách dùng: desk-app{' ' + name if name else ''} [-h]")
    assert "hiện hướng dẫn này rồi thoát" in text
    assert "tùy chọn:" in text
    assert not ENGLISH.search(text), ENGLISH.search(text)


@pytest.mark.parametrize("name", EVERY_PARSER)
def test_every_argument_has_a_help_line_and_a_vietnamese_placeholder(name):
    for action in EVERY_PARSER[name]._actions:
        assert action.help and action.help.strip(), (name, action.dest)
        takes_value = action.nargs != 0
        if takes_value and not action.choices:
            # Without a metavar argparse would print the English destination name.
            assert action.metavar, (name, action.dest)


def test_every_command_has_a_help_line():
    listed = PARSER.format_help()
    for name in COMMANDS:
        assert re.search(rf"^  {name} +\S", listed, re.M), name


def test_cases_says_its_default_view():
    text = COMMANDS["cases"].format_help()
    assert "Không ghi --view thì liệt kê các vụ việc quá hạn (overdue)" in " ".join(text.split())
    assert "overdue: quá hạn (mặc định)" in " ".join(text.split())
    assert COMMANDS["cases"].get_default("view") == "overdue"


@pytest.mark.parametrize(("argv", "prog", "expected"), [
    (["init", "--province", "24"], "desk-app init", "thiếu tham số bắt buộc: --commune"),
    (["frobnicate"], "desk-app", "tham số LỆNH: lựa chọn không hợp lệ: 'frobnicate' (chọn một"
                                 " trong: 'gui', 'init',"),
    (["demo", "--visits", "nhiều"], "desk-app demo",
     "tham số --visits: phải là số nguyên từ 1 đến 10000000, không phải “nhiều”"),
    (["cases", "--view", "late"], "desk-app cases",
     "tham số --view: lựa chọn không hợp lệ: 'late'"),
    (["search", "x", "--bogus"], "desk-app", "không hiểu tham số: --bogus"),
    (["search", "x", "--limit"], "desk-app search", "tham số --limit: cần một giá trị"),
    (["intake"], "desk-app intake", "thiếu tham số bắt buộc: TỆP.json"),
])
def test_usage_errors_are_vietnamese(capsys, argv, prog, expected):
    """One line (cli_errors.Parser): what is wrong, then the help of the parser that reports
    it (unknown options: the root)."""
    with pytest.raises(SystemExit) as caught:
        _parser().parse_args(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Lệnh không đúng: {expected}"), err
    assert err.endswith(f". Xem hướng dẫn: {prog} -h\n")
    assert err.count("\n") == 1
    assert not ENGLISH.search(err), err


def test_other_argparse_users_keep_their_english(capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args(["init"])
    capsys.readouterr()
    plain = argparse.ArgumentParser(prog="other")
    plain.add_argument("--n", type=int, required=True)
    assert plain.format_usage().startswith("usage: other")
    assert "options:" in plain.format_help()
    with pytest.raises(SystemExit):
        plain.parse_args([])
    assert "error: the following arguments are required: --n" in capsys.readouterr().err


def test_version_is_the_package_version(capsys):
    with pytest.raises(SystemExit) as caught:
        _parser().parse_args(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"{__version__}\n"
    assert importlib.metadata.version("desk-app") == __version__
