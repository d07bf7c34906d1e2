"""resources/rules/README.md prints the whole rule table, generated from the rule files."""

from __future__ import annotations

import json

from desk_app.core.cases import rule_table
from desk_app.paths import resources_dir


def test_the_readme_table_is_in_sync_with_the_rule_files():
    readme = (resources_dir() / "rules" / "README.md").read_text(encoding="utf-8")
    assert rule_table.updated_readme(readme, rule_table.render()) == readme, (
        "run: python -m desk_app.core.cases.rule_table")
    assert rule_table.main(["--check"]) == 0


def test_every_rule_of_every_era_is_in_the_table_with_its_period_day_kind_and_basis():
    table = rule_table.render()
    for path in sorted((resources_dir() / "rules").glob("deadlines-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        era = f"{data['name']} (from {data['effective_from']})"
        for rule in data["rules"]:
            line = next(line for line in table.splitlines()
                        if line.startswith(f"| {era} | `{rule['key']}` "))
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            assert cells[4] == str(rule["period"]) and cells[5] == rule["days"], line
            assert cells[7] == rule["basis"].replace("|", "\\|")
            assert cells[9] == rule.get("verify", "")
    # The shipped calendar's own days, with their sources, and the 24/11 switch.
    assert "| 2026-01-02 | Nghỉ hoán đổi (làm bù ngày 10/01/2026) (off) | Công văn 12729/VPCP-KGVX" \
        in table
    assert "switch `culture_day_off` (off by default)" in table


def test_the_schedule_rules_are_in_the_table_and_a_set_without_them_inherits(tmp_path,
                                                                            monkeypatch):
    table = rule_table.render()
    for path in sorted((resources_dir() / "rules").glob("deadlines-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        era = f"{data['name']} (from {data['effective_from']})"
        for rule in data["schedule_rules"]:
            line = next(line for line in table.splitlines()
                        if line.startswith(f"| {era} | `{rule['key']}` "))
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            assert cells[2] == "periodic (head)" and cells[5] == "before the session day", line
            assert (cells[3], cells[4], cells[6]) == (str(rule["period"]), rule["days"],
                                                      rule["basis"])
            assert cells[7] == rule.get("verify", "")
    # A later set without the block shows the earlier one's rules, marked inherited.
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in (resources_dir() / "rules").glob("deadlines-*.json"):
        (rules / path.name).write_bytes(path.read_bytes())
    newer = json.loads((rules / "deadlines-2026-07-01.json").read_text(encoding="utf-8"))
    del newer["schedule_rules"]
    (rules / "deadlines-2026-07-01.json").write_text(json.dumps(newer, ensure_ascii=False),
                                                    encoding="utf-8")
    assert ("| tu-2026-07-01 (from 2026-07-01) (inherited) | `schedule_posting` "
            in rule_table.render(rules))


def test_a_stale_readme_is_reported(tmp_path, monkeypatch, capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in (resources_dir() / "rules").iterdir():
        (rules / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(rule_table, "resources_dir", lambda: tmp_path)
    data = json.loads((rules / "deadlines-2026-07-01.json").read_text(encoding="utf-8"))
    data["rules"][0]["period"] = 11
    (rules / "deadlines-2026-07-01.json").write_text(json.dumps(data, ensure_ascii=False),
                                                    encoding="utf-8")
    assert rule_table.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert rule_table.main([]) == 0 and rule_table.main(["--check"]) == 0
