"""The CLI's lists (dashboard views, case actions, flags) are the core's, not copies."""

from __future__ import annotations

from desk_app.cli import _parser
from desk_app.core.cases import labels, lifecycle


def test_the_cli_takes_views_actions_and_flags_from_the_core():
    parser = _parser()
    cases = next(a for a in parser._subparsers._group_actions[0].choices["cases"]._actions
                 if a.dest == "view")
    assert cases.choices == tuple(labels.VIEWS) and cases.default == labels.DEFAULT_VIEW
    case = parser._subparsers._group_actions[0].choices["case"]
    act = next(a for a in case._actions if a.dest == "act")
    assert ", ".join(lifecycle.CLI_ACTIONS) in act.help
    flag = next(a for a in parser._subparsers._group_actions[0].choices["cases"]._actions
                if a.dest == "flag")
    assert ", ".join(labels.FLAGS) in flag.help
