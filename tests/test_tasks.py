"""``tasks.py``: the newcomer's ``demo`` installs once, not on every run; ``test`` runs the suite
in parallel, then the tests that need the machine alone, and other Pythons on request."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_tasks(monkeypatch: pytest.MonkeyPatch, root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("tasks_under_test", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    monkeypatch.setattr(tasks, "ROOT", root)
    return tasks


def test_an_install_is_redone_only_when_pyproject_or_extras_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout, venv = tmp_path / "checkout", tmp_path / "checkout" / ".venv"
    venv.mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    tasks = load_tasks(monkeypatch, checkout)
    assert not tasks.install_is_current(venv, "")  # a venv made by hand: install once
    (venv / tasks.STAMP).write_text(tasks.install_key("[test]") + "\n", encoding="utf-8")
    assert tasks.install_is_current(venv, "[test]")
    assert tasks.install_is_current(venv, "")  # the demo needs no more than the tests
    (venv / tasks.STAMP).write_text(tasks.install_key("") + "\n", encoding="utf-8")
    assert not tasks.install_is_current(venv, "[test]")  # the test tools are missing
    with (checkout / "pyproject.toml").open("a", encoding="utf-8") as pyproject:
        pyproject.write("\n# a new dependency, say\n")
    assert not tasks.install_is_current(venv, "")
    (venv / tasks.STAMP).write_text("garbage", encoding="utf-8")
    assert not tasks.install_is_current(venv, "")


def test_setuptools_editable_install_warning_is_silenced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = load_tasks(monkeypatch, ROOT)
    # How setuptools words it (SetuptoolsWarning.emit: summary, then the boxed details).
    warn = ("import warnings\n"
            "warnings.warn('Editable installation.\\n!!\\n\\n' + '*' * 80 + '\\nPlease be "
            "careful with folders in your working directory', UserWarning)\n")
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    shown = subprocess.run([sys.executable, "-c", warn], capture_output=True, text=True,
                           env=plain)
    assert "Please be careful" in shown.stderr
    quiet = subprocess.run([sys.executable, "-c", warn], capture_output=True, text=True,
                           env={**plain, **tasks.QUIET_BUILD})
    assert quiet.stderr == ""


def recorded_runs(tasks: ModuleType, monkeypatch: pytest.MonkeyPatch, args: list[str],
                  exit_codes: dict[str, int] | None = None) -> tuple[int, list[list[str]]]:
    """``tasks.py test ARGS`` with every command recorded, none run (installs are current)."""
    commands: list[list[str]] = []

    def fake_run(cmd: list[str], **_kwargs: object) -> subprocess.CompletedProcess[str]:
        commands.append([str(c) for c in cmd])
        code = next((c for marker, c in (exit_codes or {}).items() if marker in cmd), 0)
        if code and _kwargs.get("check"):
            raise subprocess.CalledProcessError(code, cmd)
        return subprocess.CompletedProcess(cmd, code)

    monkeypatch.setattr(tasks.subprocess, "run", fake_run)
    monkeypatch.setattr(tasks, "ensure_venv", lambda where, exe, extras: where / "bin/python")
    monkeypatch.setattr(tasks, "other_interpreters",
                        lambda: [("3.12", "/usr/bin/python3.12"), ("3.13", "/usr/bin/python3.13")])
    monkeypatch.setattr(tasks.sys, "argv", ["tasks.py", "test", *args])
    return tasks.main(), commands


def pytest_selections(commands: list[list[str]]) -> list[tuple[str, bool, str]]:
    """(venv, in parallel, -m expression) of each pytest run."""
    return [(Path(c[0]).parent.parent.name, "-n" in c, c[c.index("-m", 3) + 1])
            for c in commands if c[1:3] == ["-m", "pytest"]]


def test_the_suite_runs_in_parallel_then_the_machine_alone_tests_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = load_tasks(monkeypatch, tmp_path)
    code, commands = recorded_runs(tasks, monkeypatch, [])
    assert code == 0
    assert [c[1:3] for c in commands] == [["-m", "ucm_popup.translations"], ["-m", "ruff"],
                                          ["-m", "mypy"], ["-m", "mypy"], ["-m", "mypy"],
                                          ["-m", "pytest"], ["-m", "pytest"]]
    assert [c[-2:] for c in commands if c[1:3] == ["-m", "mypy"]][1:] == [
        ["--platform", "win32"], ["--platform", "darwin"]]  # Windows and macOS, from Linux
    serial = "e2e or keyring_integration or soak"
    assert pytest_selections(commands) == [(".venv", True, f"not ({serial})"),
                                           (".venv", False, f"({serial})")]
    # Each of those markers is declared (pytest --strict-markers), so the serial pass runs.
    declared = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert all(f'"{marker}: ' in declared for marker in serial.split(" or "))


def test_other_pythons_only_with_all_pythons_and_a_failing_pass_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = load_tasks(monkeypatch, tmp_path)
    code, commands = recorded_runs(tasks, monkeypatch, ["--all-pythons"])
    assert code == 0
    core = "not qt and not e2e and not keyring_integration"
    serial = "e2e or keyring_integration or soak"
    assert pytest_selections(commands)[2:] == [
        (".venv-3.12", True, f"({core}) and not ({serial})"),
        (".venv-3.12", False, f"({core}) and ({serial})"),
        (".venv-3.13", True, f"({core}) and not ({serial})"),
        (".venv-3.13", False, f"({core}) and ({serial})"),
    ]
    code, commands = recorded_runs(tasks, monkeypatch, ["--all-pythons"], {"-n": 1})
    assert code == 1 and len(pytest_selections(commands)) == 1  # stops at the first failure
    code, commands = recorded_runs(tasks, monkeypatch, [], {"no:xdist": 5})
    assert code == 0 and len(pytest_selections(commands)) == 2  # a pass with no test in it
    code, commands = recorded_runs(tasks, monkeypatch, ["--every-python"])
    assert code == 2 and commands == []
