"""The UI's catalogues: ``ucm_popup_<lang>.ts`` sources (in the repository) and the ``.qm``
files Qt loads, compiled from them at build time by ``pyside6-lrelease`` (PySide6's wheel):

    python -m ucm_popup.translations            # compile every .ts here into its .qm
    python -m ucm_popup.translations --update   # also refresh the .ts from the sources (lupdate)

``tasks.py``, the packaging scripts and the tests run the first; a developer who adds a visible
string runs the second, then writes its translations into each ``.ts``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ar")


def tool(name: str) -> str:
    """``pyside6-<name>`` of the running interpreter's PySide6 (its venv first, then PATH)."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return os.fspath(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / name,
                      Path(PySide6.__file__).parent / f"{name}.exe"):
        if candidate.exists():
            return os.fspath(candidate)
    raise FileNotFoundError(f"pyside6-{name} not found: install PySide6-Essentials")


def sources() -> list[Path]:
    return [HERE / f"ucm_popup_{language}.ts" for language in LANGUAGES]


def is_current(directory: Path = HERE) -> bool:
    """Every catalogue compiled and newer than its source."""
    for ts in sources():
        qm = directory / ts.with_suffix(".qm").name
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            return False
    return True


def build(directory: Path = HERE) -> list[Path]:
    """Compile every ``.ts`` into ``directory`` (written aside, then renamed: a parallel run
    never reads half a file)."""
    directory.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sources():
        qm = directory / ts.with_suffix(".qm").name
        partial = qm.with_name(f"{qm.name}.{os.getpid()}.tmp")
        subprocess.run([tool("lrelease"), "-silent", os.fspath(ts), "-qm", os.fspath(partial)],
                       check=True)
        os.replace(partial, qm)
        built.append(qm)
    return built


def update() -> None:
    """Refresh every ``.ts`` from the UI sources (new strings come in unfinished)."""
    ui = HERE.parent / "ui"
    files = sorted(os.fspath(path) for path in ui.glob("*.py"))
    for ts in sources():
        subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *files,
                        "-ts", os.fspath(ts)], check=True)
