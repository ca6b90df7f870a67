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


def extract(files: list[Path]) -> dict[tuple[str, str], bool]:
    """(context, source) -> numerus for every ``translate("ctx", "text"[, None, n])`` and
    ``QT_TRANSLATE_NOOP("ctx", "text")`` in ``files``, in order of appearance.  (lupdate's
    Python reader drops a plural whose count is not a literal, so the catalogue is read here.)"""
    import ast

    found: dict[tuple[str, str], bool] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("translate", "QT_TRANSLATE_NOOP"):
                continue
            context, text = node.args[0], node.args[1]
            if isinstance(context, ast.Constant) and isinstance(text, ast.Constant):
                key = (str(context.value), str(text.value))
                found[key] = found.get(key, False) or len(node.args) >= 4
    return found


def read(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> its translation (one entry, or one per plural form)."""
    import xml.etree.ElementTree as ET

    if not ts.exists():
        return {}
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                   "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            result[(name, message.findtext("source") or "")] = forms or [translation.text or ""]
    return result


def write(ts: Path, language: str, messages: dict[tuple[str, str], bool],
          translated: dict[tuple[str, str], list[str]]) -> None:
    """``ts`` with every message of ``messages``; untranslated ones are marked unfinished."""
    from xml.sax.saxutils import escape

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}">']
    contexts: dict[str, list[tuple[str, bool]]] = {}
    for (context, source), numerus in messages.items():
        contexts.setdefault(context, []).append((source, numerus))
    for context, entries in contexts.items():
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, numerus in entries:
            forms = translated.get((context, source))
            if language == "en" and not numerus:
                forms = [source]  # the sources are English: only plurals need words
            lines.append('    <message numerus="yes">' if numerus else "    <message>")
            lines.append(f"        <source>{escape(source)}</source>")
            state = "" if forms and all(forms) else ' type="unfinished"'
            if numerus:
                lines.append(f"        <translation{state}>")
                lines += [f"            <numerusform>{escape(form)}</numerusform>"
                          for form in (forms or [""])]
                lines.append("        </translation>")
            else:
                text = forms[0] if forms else ""
                lines.append(f"        <translation{state}>{escape(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def update() -> None:
    """Refresh every ``.ts`` from the UI sources: new strings come in unfinished, translations
    of strings still in use are kept, those of strings gone are dropped."""
    messages = extract(sorted((HERE.parent / "ui").glob("*.py")))
    for ts in sources():
        language = ts.stem.removeprefix("ucm_popup_")
        write(ts, language, messages, read(ts))
