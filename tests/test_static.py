"""Static checks run with the tests, so CI (.ci/run runs the README's test command), the README
and a developer's `pytest` check the same things: ruff over the repository, and mypy as
configured in pyproject.toml ([tool.mypy]: the Qt-free core and the CLI's own modules)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


def test_ruff():
    done = _run("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy():
    done = _run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success: no issues found") or "\nSuccess: no issues found" in (
        done.stdout), done.stdout
