"""The project's own rules, run with the tests: lint, types, and the layering contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the test extra: pip install -e '.[test]'")
    return found


def check(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def test_ruff_lint() -> None:
    check([tool("ruff"), "check", "."])


def test_ruff_format() -> None:
    check([tool("ruff"), "format", "--check", "."])


def test_mypy_strict() -> None:
    check([tool("mypy")])


def test_import_contracts() -> None:
    """sessions <- printables <- app: the domain imports neither the UI nor PDF code."""
    check([tool("lint-imports")])


def test_the_project_never_reads_the_shared_folder() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("app", "sessions", "printables", "tests")
        for path in (ROOT / package).rglob("*.py")
        if "../shared" in path.read_text(encoding="utf-8") and path.name != "test_quality.py"
    ]
    assert offenders == []
