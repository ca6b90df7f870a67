#!/usr/bin/env python3
"""Two commands for a fresh machine, on any system with Python 3.11+ and pip:

    python3 tasks.py demo    install into .venv and run ``ucm-popup --demo``
    python3 tasks.py test    install into .venv, run ruff, mypy and the whole test suite
                             (in parallel, then the tests that need the machine alone)
    python3 tasks.py test --all-pythons
                             the same, then the core tests and the event-loop soak test on
                             every other supported interpreter found (python3.11, 3.12, 3.13),
                             each in its own .venv-3.x (CI always sets this)

Only the standard library is used here, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SUPPORTED = ("3.11", "3.12", "3.13")
CORE_MARKERS = "not qt and not e2e and not keyring_integration"
# Tests that need the machine to themselves run after the others, one at a time: one X
# display with one tray host (e2e), the session's keyring (keyring_integration), the soak's
# event-loop timing (soak).  Every other test runs in parallel workers (pytest-xdist), so it
# must be safe there: its own temp dir, ports, displays and processes.
SERIAL_MARKERS = "e2e or keyring_integration or soak"
# The tests mostly wait (on subprocesses, sockets, simulated calls): a worker more than the
# machine has cores keeps both busy.
WORKERS = str((os.cpu_count() or 1) + 1)


def run(*cmd: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def venv_python(where: Path) -> Path:
    return where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


STAMP = "ucm-popup-installed.txt"  # in the venv: what was installed from which pyproject.toml
# setuptools explains at length, on every editable install, that a folder named like the
# package may shadow it; here that folder *is* the package.  A newcomer's first screen
# should not start with a warning about nothing.
QUIET_BUILD = {"PYTHONWARNINGS": "ignore:Editable installation"}


def install_key(extras: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} {extras or '-'}"


def install_is_current(where: Path, extras: str) -> bool:
    """The venv has this project installed from the same pyproject.toml, with ``extras`` (an
    install with extras also serves a run that needs none).  The install is editable, so code
    changes need no reinstall; dependencies and entry points only change with pyproject.toml."""
    try:
        digest, installed = (where / STAMP).read_text(encoding="utf-8").split()
    except (OSError, ValueError):
        return False
    wanted_digest, wanted = install_key(extras).split()
    return digest == wanted_digest and wanted in (installed, "-")


def ensure_venv(where: Path, python: str, extras: str) -> Path:
    if not venv_python(where).exists():
        if python == sys.executable:
            venv.EnvBuilder(with_pip=True, clear=True).create(where)
        else:
            run(python, "-m", "venv", "--clear", where)
    py = venv_python(where)
    if install_is_current(where, extras):
        return py
    (where / STAMP).unlink(missing_ok=True)  # half an install is no install
    env = {**os.environ, **QUIET_BUILD}
    pip = (py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check")
    run(*pip, "--upgrade", "pip", env=env)
    run(*pip, "-e", f".{extras}", env=env)
    (where / STAMP).write_text(install_key(extras) + "\n", encoding="utf-8")
    return py


def interpreter_candidates(version: str) -> list[str]:
    """Where python<version> may live: PATH (pyenv shims included), pyenv's own tree, /usr."""
    names = [shutil.which(f"python{version}") or ""]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    names += sorted(str(p) for p in pyenv_root.glob(f"versions/{version}*/bin/python{version}"))
    names += [f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"]
    return [n for n in names if n and Path(n).exists()]


def other_interpreters() -> list[tuple[str, str]]:
    mine = f"{sys.version_info.major}.{sys.version_info.minor}"
    found = []
    for version in SUPPORTED:
        if version == mine:
            continue
        for exe in interpreter_candidates(version):
            probe = subprocess.run([exe, "-c", "import venv, ensurepip"], capture_output=True)
            if probe.returncode == 0:
                found.append((version, exe))
                break
    return found


def build_translations(py: Path) -> None:
    """The UI's .qm catalogues from their .ts sources (pyside6-lrelease, in the venv)."""
    run(py, "-m", "ucm_popup.translations")


def pytest_passes(py: Path, markers: str = "", *options: str) -> None:
    """The tests selected by ``markers`` (all when ""): the xdist-safe ones in parallel,
    then the others one at a time.  A pass that selects nothing is no failure (exit 5)."""
    within = f"({markers}) and " if markers else ""
    for selection, parallel in ((f"{within}not ({SERIAL_MARKERS})", True),
                                (f"{within}({SERIAL_MARKERS})", False)):
        workers = ("-n", WORKERS) if parallel else ("-p", "no:xdist")
        cmd = [str(py), "-m", "pytest", *workers, "-m", selection, *options]
        print("+", " ".join(cmd), flush=True)
        code = subprocess.run(cmd, cwd=ROOT).returncode
        if code not in (0, 5):
            raise subprocess.CalledProcessError(code, cmd)


def test(args: list[str]) -> int:
    unknown = [a for a in args if a != "--all-pythons"]
    if unknown:
        print(f"tasks.py test: unknown option {' '.join(unknown)}\n{__doc__}", file=sys.stderr)
        return 2
    py = ensure_venv(ROOT / ".venv", sys.executable, "[test]")
    build_translations(py)
    run(py, "-m", "ruff", "check", "ucm_popup", "tests", "bench", "tasks.py")
    run(py, "-m", "mypy", "ucm_popup")
    run(py, "-m", "mypy", "ucm_popup", "--platform", "win32")  # Windows and macOS, from Linux
    run(py, "-m", "mypy", "ucm_popup", "--platform", "darwin")
    pytest_passes(py)
    if "--all-pythons" not in args:
        return 0
    for version, exe in other_interpreters():
        print(f"== core tests and soak test on Python {version}", flush=True)
        other = ensure_venv(ROOT / f".venv-{version}", exe, "[test]")
        pytest_passes(other, CORE_MARKERS, "-p", "no:cacheprovider")
    return 0


def demo(args: list[str]) -> int:
    py = ensure_venv(ROOT / ".venv", sys.executable, "")
    build_translations(py)
    return subprocess.run([str(py), "-m", "ucm_popup", "--demo", *args], cwd=ROOT).returncode


def main() -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py is run by any python3
        print("ucm-popup needs Python 3.11 or newer", file=sys.stderr)
        return 2
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        if command == "test":
            return test(sys.argv[2:])
        if command == "demo":
            return demo(sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    except KeyboardInterrupt:
        return 130
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
