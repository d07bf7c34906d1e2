"""argparse in Vietnamese: the words argparse itself prints (usage, options, errors).

argparse asks gettext for each of its own sentences through two module-level names, `_` and
`ngettext` (its translation hooks). Installing a gettext catalogue would need a compiled .mo file
and a Vietnamese locale in the environment; instead `ArgumentParser` below points those two hooks
at the table `VI` only while one of its own methods runs, then restores them, so any other
argparse user in the same process (pytest, the benchmarks) keeps its English. A sentence that is
missing from the table (a newer Python's) stays in English rather than failing.

Our own help texts are Vietnamese already; `HelpFormatter` also replaces argparse's default
metavars (the English argument name in capitals) by a Vietnamese placeholder, and lists the
commands without argparse's line for the command placeholder itself.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator
from contextlib import contextmanager

# argparse's msgids (Python 3.11–3.14) → Vietnamese. Keys must stay byte-identical to argparse's.
VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",  # Python ≤ 3.9
    "subcommands": "lệnh",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "in số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n":
        "%(prog)s: lỗi: %(message)s\nXem hướng dẫn: %(prog)s -h\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "not allowed with argument %s": "không dùng được cùng tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    # %(type)s is Python's type name (int): not said; the usage line above shows what is expected.
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r?":
        "lựa chọn không hợp lệ: %(value)r; có phải là %(closest)r?",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được tệp '%(filename)s': %(error)s",
}
VI_PLURAL = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
}
# What the help shows for an argument that takes a value and has no metavar of its own.
DEFAULT_METAVAR = "GIÁ_TRỊ"


def gettext_vi(message: str) -> str:
    return VI.get(message, message)


def ngettext_vi(singular: str, plural: str, n: int) -> str:
    return VI_PLURAL.get((singular, plural)) or (singular if n == 1 else plural)


@contextmanager
def vietnamese() -> Iterator[None]:
    """argparse speaks Vietnamese inside this block (re-entrant; restored on exit)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext_vi, ngettext_vi  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _in_vietnamese(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with vietnamese():
            return method(*args, **kwargs)

    return wrapper


class HelpFormatter(argparse.HelpFormatter):
    """Vietnamese placeholders where argparse would print the English destination name."""

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return DEFAULT_METAVAR

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        return DEFAULT_METAVAR

    def _format_action(self, action: argparse.Action) -> str:
        # The list of commands under its heading, without the placeholder line (LỆNH) above it.
        if isinstance(action, argparse._SubParsersAction):
            return self._join_parts([self._format_action(command)
                                     for command in action._get_subactions()])
        return super()._format_action(action)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of a description (lists of codes, a JSON example)."""


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (usage, headings, errors) are Vietnamese.

    Sub-parsers made by `add_subparsers().add_parser` are of this class too.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        with vietnamese():  # the group headings and -h's help are translated here
            super().__init__(*args, **kwargs)

    add_argument = _in_vietnamese(argparse.ArgumentParser.add_argument)
    add_argument_group = _in_vietnamese(argparse.ArgumentParser.add_argument_group)
    add_subparsers = _in_vietnamese(argparse.ArgumentParser.add_subparsers)
    parse_args = _in_vietnamese(argparse.ArgumentParser.parse_args)
    parse_known_args = _in_vietnamese(argparse.ArgumentParser.parse_known_args)
    format_usage = _in_vietnamese(argparse.ArgumentParser.format_usage)
    format_help = _in_vietnamese(argparse.ArgumentParser.format_help)
    error = _in_vietnamese(argparse.ArgumentParser.error)
