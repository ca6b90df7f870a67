"""Every secret through a real Secret Service keyring: gnome-keyring in a private D-Bus session.

Nothing here touches the user's keyring: the session bus, the keyring daemon, HOME and the XDG
directories are all private to the test and go away with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import require_tool

from ucm_popup.secrets import ENV_OVERRIDES, MQTT_PASSWORD, UCM_API_PASSWORD

pytestmark = pytest.mark.keyring_integration

# Run in the private session, once per step, each in a new process: what one process stored,
# the next one reads back from the daemon (not from a cache in the same interpreter).
STEP = textwrap.dedent(
    """
    import sys
    import keyring
    from ucm_popup import secrets

    names = list(secrets.ENV_OVERRIDES)  # every secret the app keeps
    value = {name: f"{name}: s3cret é ✓ {len(name)}" for name in names}
    step = sys.argv[1]
    assert secrets.keyring_backend_problem() is None, secrets.keyring_backend_problem()
    backend = keyring.get_keyring()
    assert type(backend).__module__ == "keyring.backends.SecretService", backend
    store = secrets.default_secret_store()  # what the app uses: env overlay on the keyring
    if step == "store":
        for name in names:
            store.set(name, value[name])
    elif step == "read":
        for name in names:
            assert store.get(name) == value[name], name
            # in the daemon, under the documented service and name, for any keyring tool
            assert keyring.get_password("ucm-popup", name) == value[name], name
    elif step == "delete":
        for name in names:
            store.delete(name)
        store.delete(names[0])  # deleting what is already gone is fine
    elif step == "gone":
        for name in names:
            assert store.get(name) is None, name
    print(step, "ok", type(backend).__name__, " ".join(names))
    """
)


def run_in_private_keyring(tmp_path: Path, commands: list[str]) -> str:
    """Run ``commands`` (shell) one after another in a private D-Bus session whose
    gnome-keyring holds an unlocked login keyring; return their standard output."""
    daemon = shutil.which("gnome-keyring-daemon")
    require_tool(daemon, "gnome-keyring-daemon (Debian package gnome-keyring)")
    require_tool(shutil.which("dbus-run-session"), "dbus-run-session (Debian package dbus)")
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        # override conftest's null backend: these tests want the real Secret Service
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    for variable in ENV_OVERRIDES.values():  # an environment value would hide the keyring's
        env.pop(variable, None)
    # the keyring password comes on stdin; --unlock creates and unlocks the login keyring
    unlock = f'printf "test-password" | "{daemon}" --unlock --components=secrets >/dev/null'
    shell = " && ".join([unlock, *commands])
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        env=env, capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "s3cret" not in result.stdout + result.stderr
    return result.stdout


def test_every_secret_round_trips_through_gnome_keyring(tmp_path: Path) -> None:
    script = tmp_path / "step.py"
    script.write_text(STEP, encoding="utf-8")
    python = sys.executable
    steps = [f'"{python}" "{script}" {step}' for step in ("store", "read", "delete", "gone")]
    output = run_in_private_keyring(tmp_path, steps)
    names = " ".join(ENV_OVERRIDES)
    assert UCM_API_PASSWORD in names and MQTT_PASSWORD in names  # the last two added
    assert output.split("\n")[:4] == [
        f"store ok Keyring {names}", f"read ok Keyring {names}", f"delete ok Keyring {names}",
        f"gone ok Keyring {names}"
    ]


# The settings dialog saving into the real keyring: what an agent does on first run.
DIALOG = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    import keyring, qasync
    from PySide6.QtWidgets import QApplication
    from ucm_popup import secrets
    from ucm_popup.settings import load_settings
    from ucm_popup.ui.settings_dialog import SettingsDialog

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    path = Path(sys.argv[1])

    async def main():
        dialog = SettingsDialog(path, secrets.default_secret_store())
        dialog.show()
        await dialog.wait_ready()
        assert dialog.keyring_problem is None, dialog.keyring_problem
        dialog.pbx.host.setText("pbx.example.com")
        dialog.pbx.username.setText("popup")
        dialog.pbx.extension.setText("1002")
        dialog.pbx.password.set_typed("pbx-s3cret")
        dialog.crm.provider.setCurrentIndex(dialog.crm.provider.findData("none"))
        saved = []
        dialog.saved.connect(saved.append)
        dialog.save_button.click()
        for _ in range(500):
            if saved:
                break
            await asyncio.sleep(0.02)
        assert saved, dialog.status.text()
        assert keyring.get_password("ucm-popup", "ucm-password") == "pbx-s3cret"
        assert load_settings(path)[0].ucm.host == "pbx.example.com"
        reopened = SettingsDialog(path, secrets.default_secret_store())
        await reopened.wait_ready()
        assert reopened.pbx.password.stored and reopened.pbx.password.edit.text() == ""
        print("dialog ok")

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(main())
    loop.close()  # stops the executor thread the keyring calls ran in
    """
)


def test_the_settings_dialog_saves_the_password_in_gnome_keyring(tmp_path: Path) -> None:
    script = tmp_path / "dialog.py"
    script.write_text(DIALOG, encoding="utf-8")
    config = tmp_path / "config.toml"
    output = run_in_private_keyring(tmp_path, [f'"{sys.executable}" "{script}" "{config}"'])
    assert output.strip().endswith("dialog ok")
    assert "pbx-s3cret" not in config.read_text()
