"""The settings dialog's pages: validation in words, Save (keyring + TOML), Cancel, no keyring.

The dialog runs on a qasync loop, as in the app (``run`` drives a scenario coroutine on it),
so the keyring is read in a thread and nothing runs a nested event loop.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

# pytest-qt makes its QApplication before the autouse fixtures run: pick the platform first
os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from conftest import ARTIFACTS

from ucm_popup import secrets
from ucm_popup.settings import load_settings
from ucm_popup.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

ADMIN_FILE = """\
# Deployed by IT: call 4242 before changing anything.
[ucm]
host = "pbx.example.com"   # the UCM in building A
port = 8089
username = "popup"
extension = "1002"
legacy = true

[crm]
provider = "none"
"""


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[Any]:
    import qasync

    qapp.setQuitOnLastWindowClosed(False)  # as the tray app: closing the dialog quits nothing
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    asyncio.set_event_loop(None)


def run(loop: Any, scenario: Coroutine[Any, Any, Any], timeout: float = 60) -> Any:
    return loop.run_until_complete(asyncio.wait_for(scenario, timeout))


async def until(condition: Callable[[], Any], timeout: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def open_dialog(path: Path, store: secrets.SecretStore) -> SettingsDialog:
    dialog = SettingsDialog(path, store)
    dialog.resize(760, 860)
    dialog.show()
    await dialog.wait_ready()
    return dialog


def shot(widget: QWidget, name: str) -> Path:
    """Save a screenshot to tests/artifacts and the current one to docs/screenshots."""
    for _ in range(5):  # a text change -> layout request -> the page's deferred re-fit
        QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"settings-{name}.png"
    assert widget.grab().save(str(path))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, SCREENSHOTS / path.name)
    return path


def shown_problem(dialog: SettingsDialog, page: str, key: str) -> str:
    """The message under ``key`` as the user sees it (on its tab, not inside a closed fold)."""
    dialog.tabs.setCurrentIndex(list(dialog.pages).index(page))
    row = dialog.pages[page].rows[key]  # type: ignore[attr-defined]
    return row.problem.text() if row.problem.isVisibleTo(dialog) else ""


def test_first_run_names_every_field_to_fill_and_refuses_save(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        dialog = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        assert dialog.banner.isHidden()
        assert dialog.welcome.text().startswith("Welcome to ucm-popup. Fill in the PBX page")
        assert not dialog.welcome.isHidden()
        host_problem = shown_problem(dialog, "PBX", "host")
        assert host_problem == "Enter the UCM's address, like pbx.example.com"
        assert shown_problem(dialog, "PBX", "username").startswith("Enter the UCM user name")
        assert shown_problem(dialog, "PBX", "password") == "Enter the password of that UCM user"
        assert shown_problem(dialog, "PBX", "extension") == "Enter your extension number, like 1002"
        assert not dialog.save_button.isEnabled()
        assert "Fix the fields marked in red" in dialog.status.text()
        assert dialog.tabs.tabText(0) == "PBX (4 to fix)"
        shot(dialog, "pbx-first-run")
        dialog.tabs.setCurrentIndex(1)
        assert dialog.crm.grant_fold.content.isVisibleTo(dialog)  # first Zoho set-up: steps open
        shot(dialog, "crm-first-run")
        dialog.buttons.accepted.emit()  # even if Save were pressed: refused, nothing written
        await asyncio.sleep(0.05)
        assert not (tmp_path / "config.toml").exists()
        dialog.reject()

    run(qloop, scenario())


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("host", "https://pbx.example.com", "Enter only the address, like pbx.example.com"),
        ("host", "pbx.example.com:8089", "Put the port in the Web port field"),
        ("host", "pbx example", "An address has no spaces"),
        ("extension", "ext 12", "An extension is a number, like 1002"),
        ("ca_file", "/no/such/ca.pem", "No file there"),
    ],
)
def test_pbx_fields_say_what_to_type(
    tmp_path: Path, qloop: Any, field: str, text: str, message: str
) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "pw"})
        dialog = await open_dialog(path, store)
        assert dialog.save_button.isEnabled()
        getattr(dialog.pbx, field).setText(text)
        assert shown_problem(dialog, "PBX", field).startswith(message)
        assert not dialog.save_button.isEnabled()
        getattr(dialog.pbx, field).setText("1003" if field == "extension" else "")
        if field == "host":
            dialog.pbx.host.setText("10.0.0.5")
        assert shown_problem(dialog, "PBX", field) == ""
        assert dialog.save_button.isEnabled()
        dialog.reject()

    run(qloop, scenario())


def test_crm_fields_say_what_to_type(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "pw"}))
        crm = dialog.crm
        assert not crm.common.isVisibleTo(dialog)  # provider none: nothing more to fill
        crm.provider.setCurrentIndex(crm.provider.findData("zoho-v2"))
        assert shown_problem(dialog, "CRM", "client_id").startswith("Paste the Client ID")
        assert shown_problem(dialog, "CRM", "client_secret").startswith("Paste the Client Secret")
        assert shown_problem(dialog, "CRM", "refresh_token").startswith("Get a refresh token")
        crm.v2_accounts.setText("http://accounts.zoho.eu")
        assert shown_problem(dialog, "CRM", "zoho_v2.accounts_url").startswith("Use https://")
        assert "see Advanced" in shown_problem(dialog, "CRM", "data_centre")
        crm.v2_accounts.setText("http://127.0.0.1:8080")  # loopback: simulators and tests
        assert shown_problem(dialog, "CRM", "zoho_v2.accounts_url") == ""
        crm.v2_web.setText("crm.zoho.eu")
        assert shown_problem(dialog, "CRM", "zoho_v2.web_url").startswith("Enter a full address")
        for row in range(crm.modules.count()):
            crm.modules.item(row).setCheckState(Qt.CheckState.Unchecked)
        assert shown_problem(dialog, "CRM", "modules") == "Tick at least one module to search"
        crm.provider.setCurrentIndex(crm.provider.findData("zoho-v1"))
        assert shown_problem(dialog, "CRM", "authtoken") == "Enter the v1 auth token"
        crm.v1_server.setEditText("http://crm.zoho.com")
        assert shown_problem(dialog, "CRM", "zoho_v1.server").startswith("Use https://")
        assert not dialog.save_button.isEnabled()
        assert dialog.tabs.tabText(1).startswith("CRM (")
        dialog.reject()

    run(qloop, scenario())


def test_choosing_a_data_centre_fills_the_three_addresses(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        dialog = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        crm = dialog.crm
        crm.data_centre.setCurrentIndex(crm.data_centre.findData("EU"))
        crm.data_centre.activated.emit(crm.data_centre.currentIndex())
        assert crm.v2_server.text() == "https://www.zohoapis.eu"
        assert crm.v2_accounts.text() == "https://accounts.zoho.eu"
        assert crm.v2_web.text() == "https://crm.zoho.eu"
        assert "https://api-console.zoho.eu" in crm.grant_steps[0].text()
        crm.v2_advanced.set_open(True)
        crm.v2_web.setText("https://crm.example.eu")
        crm.v2_web.textEdited.emit("https://crm.example.eu")
        assert crm.data_centre.currentData() == ""  # "Other": the fields stay as edited
        assert crm.v2_accounts.text() == "https://accounts.zoho.eu"
        dialog.reject()

    run(qloop, scenario())


def test_save_puts_secrets_in_the_keyring_and_the_rest_in_toml(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "old-pw"})
        dialog = await open_dialog(path, store)
        emitted: list[Any] = []
        dialog.saved.connect(emitted.append)
        assert not dialog.banner.isHidden() and "legacy" in dialog.banner.text()
        assert dialog.welcome.isHidden()  # not the first run
        dialog.pbx.host.setText("pbx2.example.com")
        dialog.pbx.password.set_typed("n3w-Password")
        crm = dialog.crm
        crm.provider.setCurrentIndex(crm.provider.findData("zoho-v2"))
        crm.data_centre.setCurrentIndex(crm.data_centre.findData("EU"))
        crm.data_centre.activated.emit(crm.data_centre.currentIndex())
        crm.client_id.setText("1000.ABCDEF")
        crm.client_secret.set_typed("client-s3cret")
        crm.refresh_token.set_typed("1000.refresh.token")
        crm.modules.setCurrentRow(2)  # Accounts first, Leads unticked
        crm.move_up.click()
        crm.move_up.click()
        crm.modules.item(2).setCheckState(Qt.CheckState.Unchecked)
        crm.region.setCurrentIndex(crm.region.findData("FR"))
        popup = dialog.popup
        popup.on_answered.setChecked(True)
        popup.internal_calls.setChecked(False)
        popup.close_missed.setValue(0)
        popup.corner.setCurrentIndex(popup.corner.findData("top-left"))
        assert dialog.save_button.isEnabled(), dialog.status.text()
        dialog.save_button.click()
        await until(lambda: emitted)
        assert not dialog.isVisible()
        settings, warnings = load_settings(path)
        assert emitted == [settings]
        assert settings.ucm.host == "pbx2.example.com"
        assert settings.crm.provider == "zoho-v2"
        assert settings.crm.modules == ("Accounts", "Contacts")
        assert settings.crm.default_region == "FR"
        assert settings.zoho_v2.accounts_url == "https://accounts.zoho.eu"
        assert settings.zoho_v2.client_id == "1000.ABCDEF"
        assert (settings.popup.show_on, settings.popup.internal_calls) == ("answered", False)
        assert (settings.popup.close_after_missed_s, settings.popup.corner) == (0, "top-left")
        text = path.read_text()
        assert "# Deployed by IT: call 4242 before changing anything." in text
        assert "# the UCM in building A" in text and "legacy = true" in text
        assert warnings  # the unknown key is still reported, not silently dropped
        for secret in ("n3w-Password", "client-s3cret", "1000.refresh.token"):
            assert secret not in text
        assert store.get(secrets.UCM_PASSWORD) == "n3w-Password"
        assert store.get(secrets.ZOHO_V2_CLIENT_SECRET) == "client-s3cret"
        assert store.get(secrets.ZOHO_V2_REFRESH_TOKEN) == "1000.refresh.token"

    run(qloop, scenario())


def test_an_empty_secret_field_keeps_the_stored_secret(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "kept"})
        dialog = await open_dialog(path, store)
        assert "saved in the keyring" in dialog.pbx.password.edit.placeholderText()
        assert dialog.pbx.password.edit.text() == ""  # a stored secret is never shown
        emitted: list[Any] = []
        dialog.saved.connect(emitted.append)
        dialog.save_button.click()
        await until(lambda: emitted)
        assert store.get(secrets.UCM_PASSWORD) == "kept"

    run(qloop, scenario())


SECOND_ROUND = """
[ucm]
host = "pbx.example.com"
username = "popup"
extension = "1002"
api_username = "cdrapi"
[crm]
provider = "zoho-v2"
default_region = "FR"
log_calls = true
add_unknown = "Leads"
index = "desk"
index_max_age_s = 600
[popup]
outbound_calls = true
[dial]
outside_prefix = "0"
international_prefix = "011"
[relay]
extensions = ["1002", "1003"]
crm_lookup = false
"""


def test_the_dialog_keeps_every_setting_it_was_given(tmp_path: Path, qloop: Any) -> None:
    """Opening the dialog and reading it back changes no key, the second round's included
    (a page that forgot one would reset it on Save)."""
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(SECOND_ROUND)
        loaded, _ = load_settings(path)
        dialog = await open_dialog(path, secrets.MemorySecretStore())
        assert dialog.current_settings() == loaded
        assert dialog.popup.outbound_calls.isChecked()
        dialog.popup.outbound_calls.setChecked(False)
        assert dialog.current_settings().popup.outbound_calls is False

    run(qloop, scenario())


def test_cancel_changes_nothing(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        before = path.read_bytes()
        store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "old"})
        dialog = await open_dialog(path, store)
        emitted: list[Any] = []
        dialog.saved.connect(emitted.append)
        dialog.pbx.host.setText("other.example.com")
        dialog.pbx.password.set_typed("typed-but-cancelled")
        dialog.popup.corner.setCurrentIndex(0)
        dialog.cancel_button.click()
        await asyncio.sleep(0.1)
        assert not dialog.isVisible()
        assert path.read_bytes() == before
        assert store.get(secrets.UCM_PASSWORD) == "old"
        assert emitted == []

    run(qloop, scenario())


def test_without_a_keyring_the_dialog_says_so_and_stores_no_secret(
    tmp_path: Path, qloop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # conftest selects keyring's null backend: no usable keyring on this "system"
    monkeypatch.setenv("UCM_POPUP_UCM_PASSWORD", "from-env")

    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE.replace('provider = "none"', 'provider = "zoho-v2"'))
        dialog = await open_dialog(path, secrets.default_secret_store())
        assert dialog.keyring_problem and "no system keyring" in dialog.keyring_problem
        password = dialog.pbx.password
        assert password.status.text() == (
            "Taken from the environment variable UCM_POPUP_UCM_PASSWORD."
        )
        secret = dialog.crm.client_secret
        assert not secret.edit.isEnabled()  # nothing to type into: it could not be kept safely
        assert secret.status.text().startswith("No keyring on this computer, so this cannot")
        assert "UCM_POPUP_ZOHO_CLIENT_SECRET" in secret.status.text()
        banner = dialog.banner.text()
        assert banner.startswith("Passwords and tokens cannot be saved: no system keyring")
        assert "never writes them to a plain file" in banner
        assert not dialog.crm.grant_button.isEnabled()
        dialog.tabs.setCurrentIndex(1)
        shot(dialog, "crm-no-keyring")
        dialog.crm.client_id.setText("1000.ABC")
        emitted: list[Any] = []
        dialog.saved.connect(emitted.append)
        assert dialog.save_button.isEnabled(), dialog.status.text()
        dialog.save_button.click()
        await until(lambda: emitted)
        assert load_settings(path)[0].zoho_v2.client_id == "1000.ABC"
        assert not list(tmp_path.glob("*secret*")) and "from-env" not in path.read_text()

    run(qloop, scenario())


def test_a_refused_keyring_write_saves_nothing(tmp_path: Path, qloop: Any) -> None:
    class RefusingStore(secrets.MemorySecretStore):
        def set(self, name: str, value: str) -> None:
            raise secrets.NoKeyringError("the keyring is locked")

    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        before = path.read_bytes()
        dialog = await open_dialog(path, RefusingStore({secrets.UCM_PASSWORD: "old"}))
        dialog.pbx.host.setText("new.example.com")
        dialog.pbx.password.set_typed("new")
        dialog.save_button.click()
        await until(lambda: "Nothing was saved" in dialog.status.text())
        assert dialog.status.text() == "Nothing was saved: the keyring is locked."
        assert dialog.isVisible() and path.read_bytes() == before
        dialog.reject()

    run(qloop, scenario())


def test_a_bad_value_in_the_file_is_named_and_the_rest_kept(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE.replace("port = 8089", "port = 99999"))
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "x"}))
        assert "• [ucm] port: 99999 is not a TCP port (1-65535) (shown with its default" in (
            dialog.banner.text()
        )
        assert "• [ucm] unknown key 'legacy': kept in the file but not used" in dialog.banner.text()
        assert dialog.pbx.host.text() == "pbx.example.com"
        assert dialog.pbx.port.value() == 8089
        shot(dialog, "file-problems")
        dialog.reject()

    run(qloop, scenario())


def test_popup_page_offers_screens_and_corners(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE.replace("legacy = true\n", "") + "\n[popup]\nscreen = 3\n")
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "x"}))
        assert dialog.banner.isHidden() and dialog.save_button.isEnabled()
        popup = dialog.popup
        assert popup.screen_choice.itemText(0).endswith("the main screen")
        assert popup.screen_choice.currentText() == "Screen 4 (not connected now)"
        assert popup.values().screen == 3  # kept until the user picks another screen
        assert [popup.corner.itemData(i) for i in range(4)] == [
            "top-left", "top-right", "bottom-left", "bottom-right"
        ]
        assert popup.close_missed.specialValueText() == "until I close it"
        for row in popup.rows.values():
            assert row.editor.toolTip() and row.hint.text()
        popup.screen_choice.setCurrentIndex(0)
        dialog.tabs.setCurrentIndex(2)
        shot(dialog, "popup")
        dialog.reject()

    run(qloop, scenario())


def test_every_field_has_a_hint(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        dialog = await open_dialog(tmp_path / "c.toml", secrets.MemorySecretStore())
        for title, page in dialog.pages.items():
            for key, row in page.rows.items():  # type: ignore[attr-defined]
                assert len(row.hint.text()) > 20, (title, key)
                assert row.editor.toolTip() == row.hint.text(), (title, key)
        dialog.reject()

    run(qloop, scenario())


def test_secrets_from_the_environment_are_shown_as_such(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        environ = {"UCM_POPUP_ZOHO_REFRESH_TOKEN": "from-env"}
        store = secrets.EnvOverlay(secrets.MemorySecretStore(), environ)
        dialog = await open_dialog(tmp_path / "config.toml", store)
        token = dialog.crm.refresh_token
        assert token.status.text().startswith(
            "Taken from the environment variable UCM_POPUP_ZOHO_REFRESH_TOKEN, which wins"
        )
        assert token.edit.text() == ""  # the value itself is never shown
        assert shown_problem(dialog, "CRM", "refresh_token") == ""
        assert shown_problem(dialog, "CRM", "client_secret") != ""
        dialog.reject()

    run(qloop, scenario())


def test_the_dialog_also_opens_outside_a_running_loop(tmp_path: Path, qapp: QApplication) -> None:
    store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "pw"})
    (tmp_path / "config.toml").write_text(ADMIN_FILE)
    dialog = SettingsDialog(tmp_path / "config.toml", store)  # keyring read at once
    assert dialog.ready is None
    assert dialog.pbx.password.stored and dialog.save_button.isEnabled()
    dialog.reject()


# The XDG entry; Windows' Run key and macOS' LaunchAgent have their own tests
# (test_autostart.py, test_autostart_native.py), which never touch the runner's real ones.
LINUX_AUTOSTART = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the desktop's XDG autostart entry, which only Linux has (the dialog would write the "
    "runner's real Run key or LaunchAgent)")


def start_at_login_entry() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "ucm-popup.desktop"


@LINUX_AUTOSTART
def test_start_at_login_adds_a_valid_entry_and_removes_it(tmp_path: Path, qloop: Any) -> None:
    from test_autostart import exec_line, parse_exec, validate_desktop_file

    from ucm_popup import autostart

    other = start_at_login_entry().with_name("other-app.desktop")
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other-app\n")

    async def save_with(checked: bool) -> SettingsDialog:
        path = tmp_path / "config.toml"
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "x"}))
        dialog.popup.start_at_login.setChecked(checked)
        dialog.save_button.click()
        await until(lambda: not dialog.isVisible())
        return dialog

    async def scenario() -> None:
        (tmp_path / "config.toml").write_text(ADMIN_FILE)
        dialog = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        assert not dialog.popup.start_at_login.isChecked()
        assert str(start_at_login_entry()) in dialog.popup.rows["start_at_login"].hint.text()
        dialog.reject()

        await save_with(True)
        entry = start_at_login_entry()
        assert parse_exec(exec_line(entry.read_text())) == autostart.default_command()
        validate_desktop_file(entry)

        reopened = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        assert reopened.popup.start_at_login.isChecked()  # read back from the system
        reopened.reject()

        await save_with(False)
        assert not entry.exists()
        assert sorted(p.name for p in entry.parent.iterdir()) == ["other-app.desktop"]

    run(qloop, scenario())


@LINUX_AUTOSTART
def test_cancel_leaves_start_at_login_alone(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        (tmp_path / "config.toml").write_text(ADMIN_FILE)
        dialog = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        dialog.popup.start_at_login.setChecked(True)
        dialog.cancel_button.click()
        await asyncio.sleep(0.1)
        assert not start_at_login_entry().exists()

    run(qloop, scenario())


@LINUX_AUTOSTART
def test_a_start_at_login_failure_is_said_and_the_settings_kept(
    tmp_path: Path, qloop: Any
) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        start_at_login_entry().parent.parent.mkdir(parents=True)
        start_at_login_entry().parent.write_text("not a folder")  # the autostart dir is a file
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "x"}))
        emitted: list[Any] = []
        dialog.saved.connect(emitted.append)
        dialog.pbx.extension.setText("1003")
        dialog.popup.start_at_login.setChecked(True)
        dialog.save_button.click()
        await until(lambda: dialog.status.text().startswith("Settings saved, but"))
        assert "starting at login could not be turned on" in dialog.status.text()
        assert str(start_at_login_entry().parent) in dialog.status.text()
        assert dialog.isVisible()  # stays open so that the agent reads why
        assert emitted and load_settings(path)[0].ucm.extension == "1003"
        dialog.reject()

    run(qloop, scenario())


def test_a_secret_field_says_whether_save_will_replace_the_stored_value(
    tmp_path: Path, qloop: Any
) -> None:
    async def scenario() -> None:
        path = tmp_path / "config.toml"
        path.write_text(ADMIN_FILE)
        dialog = await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: "old"}))
        field = dialog.pbx.password
        assert field.status.text().startswith("Saved in the system keyring")
        field.set_typed("new")  # as a grant code's exchange fills the refresh token
        assert field.status.text().startswith("New value: it replaces the one in the keyring")
        field.set_typed("")
        assert field.status.text().startswith("Saved in the system keyring")
        dialog.reject()

    run(qloop, scenario())
