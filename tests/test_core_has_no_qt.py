"""The core (ucm, crm, sim, settings, secrets, commands) must import without Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "ucm_popup.cli",
    "ucm_popup.settings",
    "ucm_popup.settings_checks",
    "ucm_popup.secrets",
    "ucm_popup.demo",
    "ucm_popup.ucm.events",
    "ucm_popup.sim.demo_data",
    "ucm_popup.autostart",
    "ucm_popup.app",
]


def test_core_modules_do_not_import_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import ucm_popup.ucm, ucm_popup.crm, ucm_popup.sim, ucm_popup.commands\n"
        f"mods = {CORE_MODULES!r}\n"
        "for pkg in (ucm_popup.ucm, ucm_popup.crm, ucm_popup.sim, ucm_popup.commands):\n"
        "    mods += [pkg.__name__ + '.' + m.name for m in pkgutil.iter_modules(pkg.__path__)]\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "qt = ('PySide6', 'qasync', 'shiboken6')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(len(mods), bad)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count = int(result.stdout.split()[0])
    assert count >= len(CORE_MODULES)
