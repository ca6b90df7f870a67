"""``tel:`` and ``callto:`` links for real: ``xdg-open`` on an X server (Xvfb) finds ucm-popup's
desktop entry through ``xdg-mime``, and the running ``--demo`` tray app dials the number on its
simulated UCM; so does a second ``ucm-popup dial``.  The demo writes the dial requests its
simulator received to a test folder, with its process id, so the test knows which process
dialled (the running app, not a second login)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import require_tool
from test_e2e_tray import desktop, stop, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]
__all__ = ["desktop"]  # the X server fixture, shared with the tray test

DESKTOP_ENTRY = Path(__file__).resolve().parents[1] / "packaging" / "linux" / \
    "io.github.ucm_popup.UcmPopup.desktop"


def link_handler_env(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """A private XDG data and config home holding the shipped desktop entry (run with this
    Python and --demo) registered as the default handler of tel: and callto:."""
    data, config = tmp_path / "xdg-link-data", tmp_path / "xdg-link-config"
    (data / "applications").mkdir(parents=True)
    config.mkdir()
    entry = DESKTOP_ENTRY.read_text(encoding="utf-8")
    assert "\nExec=ucm-popup %u\n" in entry
    entry = entry.replace("Exec=ucm-popup %u", f"Exec={sys.executable} -m ucm_popup --demo %u")
    (data / "applications" / DESKTOP_ENTRY.name).write_text(entry, encoding="utf-8")
    env = {**env, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)}
    for name in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                 "GNOME_DESKTOP_SESSION_ID", "BROWSER"):
        env.pop(name, None)  # xdg-open's generic path: the one that reads mimeapps.list
    for scheme in ("tel", "callto"):
        subprocess.run(["xdg-mime", "default", DESKTOP_ENTRY.name,
                        f"x-scheme-handler/{scheme}"], env=env, check=True, timeout=30)
        found = subprocess.run(["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
                               env=env, capture_output=True, text=True, timeout=30).stdout
        assert found.strip() == DESKTOP_ENTRY.name
    return env


def dials(hook: Path) -> dict[str, Any]:
    path = hook / "ucm-dials.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"dials": []}


def test_links_and_a_second_dial_go_through_the_running_demo_app(
    desktop: dict[str, str], tmp_path: Path
) -> None:
    for tool in ("xdg-open", "xdg-mime"):
        require_tool(shutil.which(tool), f"{tool} (apt: xdg-utils)")
    hook = tmp_path / "hook"
    env = {**link_handler_env(desktop, tmp_path), "QT_QPA_PLATFORM": "xcb",
           "UCM_POPUP_TEST_HOOK_DIR": str(hook)}
    socket = Path(env["XDG_RUNTIME_DIR"]) / "ucm-popup" / "ucm-popup-demo.sock"
    log = (tmp_path / "tray.log").open("w")
    tray = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--demo"], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for("the demo app to listen on its instance socket", socket.exists)
        opened = subprocess.run(["xdg-open", "tel:+33612345678"], env=env, capture_output=True,
                                text=True, timeout=60)
        assert opened.returncode == 0, opened.stderr
        seen = wait_for("the tel: link's dial", lambda: dials(hook)["dials"] and dials(hook))
        assert seen["pid"] == tray.pid  # the running app dialled: its login, its UCM
        assert seen["dials"] == [
            {"action": "dialOutbound", "caller": "1002", "outbound": "0612345678"}]

        opened = subprocess.run(["xdg-open", "callto:1003"], env=env, capture_output=True,
                                text=True, timeout=60)
        assert opened.returncode == 0, opened.stderr
        wait_for("the callto: link's dial", lambda: len(dials(hook)["dials"]) == 2)
        assert dials(hook)["dials"][1] == {"action": "dialExtension", "caller": "1002",
                                           "callee": "1003"}

        second = subprocess.run([sys.executable, "-m", "ucm_popup", "dial", "--demo",
                                 "+1 212 555 0142"], env=env, capture_output=True, text=True,
                                timeout=60)
        assert (second.returncode, second.stderr) == (0, "")
        assert json.loads(second.stdout) == {"extension": "1002", "number": "0012125550142",
                                             "via": "ucm"}
        refused = subprocess.run([sys.executable, "-m", "ucm_popup", "dial", "--demo", "abc"],
                                 env=env, capture_output=True, text=True, timeout=60)
        assert (refused.returncode, refused.stdout) == (2, "")
        assert refused.stderr.startswith("ucm-popup: the running ucm-popup could not dial: ")
        final = dials(hook)
        assert final["pid"] == tray.pid and len(final["dials"]) == 3
        assert tray.poll() is None  # still running, serving the next link
    finally:
        stop(tray)
        log.close()
