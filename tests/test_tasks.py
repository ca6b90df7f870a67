"""``tasks.py``: the newcomer's ``python3 tasks.py demo`` installs once, not on every run."""

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
