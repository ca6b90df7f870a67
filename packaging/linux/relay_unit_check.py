"""The site relay's systemd unit as the .deb installs it: present, disabled, with its private
state directory. Used by the smoke test (on the installed package) and by the tests (on a .deb
that build-deb.sh packs around a stand-in bundle). Only the standard library."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

UNIT_NAME = "ucm-popup-relay.service"
UNIT_PATH = f"usr/lib/systemd/system/{UNIT_NAME}"


def relay_unit_problems(root: Path, control: Path | None = None,
                        systemctl_root: Path | None = None) -> list[str]:
    """What is wrong with the relay unit under ``root`` (an unpacked or installed package);
    ``control``: the package's control files (dpkg-deb -e), to check no script enables it;
    ``systemctl_root``: ask systemctl whether the unit is enabled there."""
    unit = root / UNIT_PATH
    if not unit.is_file():
        return [f"no relay unit at /{UNIT_PATH}"]
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(unit.read_text())
    service = parser["Service"] if parser.has_section("Service") else {}
    problems = []
    expected = {"ExecStart": "/usr/bin/ucm-popup relay", "StateDirectory": "ucm-popup-relay",
                "StateDirectoryMode": "0700", "DynamicUser": "yes"}
    for key, value in expected.items():
        if service.get(key) != value:
            problems.append(f"the relay unit's {key} is {service.get(key)!r}, not {value!r}")
    if not (root / "usr/bin/ucm-popup").exists():
        problems.append("the relay unit's program /usr/bin/ucm-popup is not in the package")
    # Enabled means a link in a .wants/.requires folder: the package must ship none.
    # (os.walk, not glob: an absolute link points outside an unpacked root, so it dangles.)
    enabled = [os.path.relpath(os.path.join(folder, UNIT_NAME), root)
               for top in ("etc/systemd", "usr/lib/systemd")
               for folder, _dirs, files in os.walk(root / top)
               if UNIT_NAME in files and folder.endswith((".wants", ".requires"))]
    if enabled:
        problems.append(f"the package enables the relay: {', '.join(enabled)}")
    if control is not None:
        for script in ("preinst", "postinst"):
            text = (control / script).read_text() if (control / script).is_file() else ""
            if "ucm-popup-relay" in text or "systemctl" in text:
                problems.append(f"the package's {script} starts or enables the relay")
    if systemctl_root is not None and shutil.which("systemctl"):
        state = subprocess.run(["systemctl", f"--root={systemctl_root}", "is-enabled",
                                UNIT_NAME], capture_output=True, text=True).stdout.strip()
        if state != "disabled":
            problems.append(f"systemctl says the relay is {state!r}, not 'disabled'")
    return problems
