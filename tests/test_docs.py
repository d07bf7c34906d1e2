"""The documentation is true: every command and option the README and docs/cli.md show exists,
every command is documented, the README's examples run, CI runs the README's test command, the
intake examples are accepted (or refused with the message shown), and nothing points outside the
repository. In the manner of sqlite-utils' tests/test_docs.py."""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from desk_app import __version__, paths
from desk_app.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_MD = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
INTAKE_MD = (ROOT / "docs" / "intake-format.md").read_text(encoding="utf-8")
GLOBAL_OPTIONS = {"-h", "--help", "--json", "--data-dir", "--version"}


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def shown_commands(text: str, exports: bool = False) -> list[list[str]]:
    """Every `desk-app …` line of the bash blocks, split as the shell would (comments dropped);
    with `exports`, the `export NAME=VALUE` lines too, in their place."""
    return [shlex.split(line, comments=True)[0 if line.startswith("export ") else 1:]
            for block in blocks(text, "bash") for line in block.splitlines()
            if line.startswith("desk-app ") or (exports and line.startswith("export "))]


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = _commands(_parser())


def section(name: str) -> str:
    """The part of docs/cli.md under `### desk-app NAME`, up to the next heading."""
    found = re.search(rf"^### `desk-app {name}`\n(.*?)(?=^#)", CLI_MD + "\n#", re.S | re.M)
    assert found, f"docs/cli.md has no section for `desk-app {name}`"
    return found.group(1)


# ---- commands and options --------------------------------------------------------------------


@pytest.mark.parametrize("argv", shown_commands(README) + shown_commands(CLI_MD),
                         ids=lambda argv: " ".join(argv)[:60])
def test_shown_commands_parse(argv):
    args = _parser().parse_args(argv)  # a usage error exits 2 and fails the test
    assert args.command in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_documented(name):
    examples = [_parser().parse_args(argv).command for argv in shown_commands(section(name))]
    assert name in examples, f"docs/cli.md shows no example of desk-app {name}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_argument_is_in_its_table(name):
    table = "\n".join(line for line in section(name).splitlines() if line.startswith("| `"))
    for action in COMMANDS[name]._actions:
        names = [o for o in action.option_strings if o not in GLOBAL_OPTIONS]
        if action.option_strings and not names:
            continue
        shown = names[0] if names else action.metavar
        assert f"`{shown}" in table, f"desk-app {name}: {shown} is not in docs/cli.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_documented_option_exists(name):
    known = {o for a in COMMANDS[name]._actions for o in a.option_strings}
    for line in section(name).splitlines():
        if line.startswith("| `"):
            first_column = line.split("|")[1]
            for option in re.findall(r"--[a-z][a-z-]*", first_column):
                assert option in known, f"desk-app {name} has no {option}"


# ---- the README's examples run ---------------------------------------------------------------


def test_readme_examples_run(tmp_path, monkeypatch, capsys):
    """The README's command-line block, in order, in a fresh folder (an office it creates)."""
    monkeypatch.setenv("DESK_APP_DATA_DIR", str(tmp_path / "default-data-dir"))
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    monkeypatch.chdir(tmp_path)
    expected = {  # what each command must say (its first words are enough to recognise it)
        "init": ("Đã thiết lập: Ủy ban nhân dân phường Nhân Hòa",
                 "Đã thiết lập cơ quan cấp tỉnh: Ủy ban nhân dân tỉnh Bắc Ninh"),
        "keys": ("Đã ghi tinh.key. Mã nhận dạng:", "Đã đăng ký khóa của",
                 "Đã ghi phuong.key. Mã nhận dạng:"),
        "export-bundle": "Đã xuất gói số 1 (",
        "import-bundle": ("Gói goi-1.dtcd của 24-09253, số 1\n", "số 1: đã nhập\n"),
        "ack": "Tỉnh đã xác nhận gói số 1:",
        "duplicates": "Không thấy đơn trùng.",
        "intake": '"receipt_no": "01/GBN-TCD"',
        "search": "Đặng Văn Dũng  [Kiến nghị]  Kiến nghị cấp giấy chứng nhận",
        "dashboard": "vụ việc đang giải quyết",
        "cases": ("#1 ", "Không có vụ việc nào."),
        "case": "Xem xét, giải quyết",  # the README's case is a kiến nghị
        "receipt": "Đã in giấy biên nhận số 01/GBN-TCD ra receipt-1.pdf",
        "log": ("Đã xuất 1 dòng sổ tiếp công dân ra so-tiep.xlsx",
                "Đã xuất 0 dòng sổ tiếp nhận, xử lý đơn ra so-don.pdf"),
        "deadline": "Thụ lý khiếu nại",
        "codes": "dat_dai              Đất đai",
        "demo": "Đã sinh 1000 lượt tiếp",
        "correct": "Đã đính chính lượt tiếp số 1 (phone).",
        "schedule": "Chưa xác định Chủ tịch",
        "report": "Đã ghi báo cáo quý IV năm 2026 (số liệu tính từ ngày 15/09/2026",
        "address": "9187  Phường Kinh Bắc, Bắc Ninh",
        "backup": "Đã sao lưu và kiểm tra: ",
        "check": "Đạt   ",
    }
    ran = []
    for argv in shown_commands(README, exports=True):
        if argv[0] == "export":  # `export NAME=VALUE …`: the variables the next commands read
            for pair in argv[1:]:
                monkeypatch.setenv(*pair.split("=", 1))
            continue
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"{argv}: {err}"
        command = _parser().parse_args(argv).command
        said = expected[command]  # one sentence, or one per example of the command
        assert any(words in out for words in ((said,) if isinstance(said, str) else said)), (
            argv, out)
        ran.append(command)
    assert set(ran) == set(expected)
    assert (tmp_path / "receipt-1.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "so-tiep.xlsx").read_bytes().startswith(b"PK")
    assert (tmp_path / "bao-cao.xlsx").read_bytes().startswith(b"PK")
    assert paths.db_path(tmp_path / "demo-office").exists()
    assert list((tmp_path / "usb-sao-luu").glob("*.keyring.json"))  # the backup opens elsewhere


# ---- the README's two commands and CI ----------------------------------------------------------


def _debian_commands() -> tuple[str, str]:
    shell = [b for b in blocks(README, "bash") if "python3 -m venv .venv" in b]
    gui = next(b for b in shell if "desk-app gui --demo" in b)
    tests = next(b for b in shell if "python -m pytest" in b)
    return gui, tests


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    between = re.search(r"# --- README: test command ---\n(.*?)# --- end ---\n", ci, re.S)
    assert between, ".ci/run lost its markers"
    assert between.group(1) == _debian_commands()[1]


def test_both_readme_commands_install_the_same_system_packages():
    gui, tests = _debian_commands()
    prefix = "&& python3 -m venv .venv"
    assert gui.split(prefix)[0] == tests.split(prefix)[0]
    assert gui.startswith("sudo apt-get update && sudo apt-get install -y")
    for package in ("libglib2.0-0", "poppler-utils", "python3-venv", "fonts-dejavu-core"):
        assert f" {package} " in gui.replace("\\\n", " ")


# ---- the intake file -----------------------------------------------------------------------


def _intake_examples() -> list[tuple[str, str, str]]:
    """(ok|error, the JSON, the message shown after an error example)."""
    found = re.findall(r"<!-- example: (ok|error) -->\n```json\n(.*?)```"
                       r"(?:\n\n[^\n`]*\n*```text\n(.*?)\n```)?", INTAKE_MD, re.S)
    assert len(found) >= 6
    return found


def test_intake_examples_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DESK_APP_DATA_DIR", str(tmp_path / "default-data-dir"))
    schema = json.loads((ROOT / "resources" / "schema" / "intake.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    data = str(tmp_path / "office")
    assert main(["--data-dir", data, "init", "--province", "24", "--commune", "9253"]) == 0
    capsys.readouterr()
    for number, (kind, text, shown) in enumerate(_intake_examples()):
        path = tmp_path / f"example-{number}.json"
        path.write_text(text, encoding="utf-8")
        code = main(["--data-dir", data, "intake", str(path)])
        out, err = capsys.readouterr()
        if kind == "ok":
            assert list(validator.iter_errors(json.loads(text))) == []
            assert (code, err) == (0, ""), err
            assert out.startswith("Đã ghi sổ lượt tiếp")
        else:
            assert (code, out, err) == (1, "", shown + "\n")


def test_the_readme_visit_is_the_first_example():
    first = next(text for kind, text, _ in _intake_examples() if kind == "ok")
    visit = ROOT / "docs" / "examples" / "visit.json"
    assert json.loads(visit.read_text(encoding="utf-8")) == json.loads(first)


# ---- self-contained --------------------------------------------------------------------------

TEXT_SUFFIXES = {".py", ".md", ".json", ".toml", ".txt", ".spec", ".nsi", ".ps1", ".ts", ""}


def _repository_text_files():
    for top in ("desk_app", "tests", "docs", "benchmarks", "resources", "installer", ".ci"):
        for path in sorted((ROOT / top).rglob("*")):
            if (path.is_file() and path.suffix in TEXT_SUFFIXES and "__pycache__" not in path.parts
                    and ".cache" not in path.parts):
                yield path
    yield from (ROOT / name for name in ("README.md", "CHANGELOG.md", "pyproject.toml"))


# Written in two pieces so that this file does not match itself.
OUTSIDE = re.compile("|".join(["DESIGN" + r"\.md", "DOMAIN" + r"\.md", "DESIGN" + " §",
                               "DOMAIN" + " §", r"\.\./" + "shared", r"(?:^|[\s`'\"(=])/" + "work/",
                               r"\bissue" + r" #?\d"]), re.I)


def test_nothing_points_outside_the_repository():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in _repository_text_files()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OUTSIDE.search(line)]
    assert found == []


def _headings(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {h.strip().replace("`", "") for h in re.findall(r"^#+ (.*)$", text, re.M)}


def test_citations_of_docs_resolve():
    """`docs/legal.md, “Counting days”` in a comment names a file and one of its headings."""
    cited = re.compile(r"docs/([\w-]+\.md)(?:, “([^”]+)”)?")
    for path in _repository_text_files():
        for name, heading in cited.findall(path.read_text(encoding="utf-8")):
            target = ROOT / "docs" / name
            assert target.exists(), f"{path.relative_to(ROOT)} cites docs/{name}"
            if heading:
                assert any(h == heading or h.startswith(heading) for h in _headings(target)), (
                    f"{path.relative_to(ROOT)} cites “{heading}” in docs/{name}")


@pytest.mark.parametrize("document", ["README.md", "CHANGELOG.md", *(
    f"docs/{p.name}" for p in sorted((ROOT / "docs").glob("*.md")))])
def test_links_resolve(document):
    path = ROOT / document
    for target in re.findall(r"\]\(([^)]+)\)", path.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "#")):
            continue
        file, _, anchor = target.partition("#")
        resolved = (path.parent / file).resolve()
        assert resolved.exists(), f"{document} links to {target}"
        if anchor and resolved.suffix == ".md":
            slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in _headings(resolved)}
            assert anchor in slugs, f"{document} links to {target}"


def test_changelog_has_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
