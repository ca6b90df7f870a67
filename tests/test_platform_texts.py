"""What a Windows or macOS agent reads, and what their paths look like, checked on Linux."""

from __future__ import annotations

from pathlib import Path

import pytest

from ucm_popup.errors import SettingsError
from ucm_popup.secrets import keyring_advice
from ucm_popup.settings import load_settings


def test_a_windows_path_in_double_quotes_gets_a_clear_error_saying_how_to_write_it(
        tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    for line in ('ca_file = "C:\\certs\\ucm.pem"', 'ca_file = "C:\\Users\\jo\\ca.pem"'):
        config.write_text(f"[ucm]\n{line}\n", encoding="utf-8")
        with pytest.raises(SettingsError) as raised:
            load_settings(config)
        assert "line 2" in str(raised.value)
        assert "single quotes ('C:\\certs\\ca.pem')" in str(raised.value)
    config.write_text("[ucm]\nca_file = 'C:\\certs\\ucm.pem'\n", encoding="utf-8")
    assert load_settings(config)[0].ucm.ca_file == "C:\\certs\\ucm.pem"  # as the hint says
    config.write_text('[ucm]\nport = "x\n', encoding="utf-8")  # no backslash: no hint
    with pytest.raises(SettingsError) as raised:
        load_settings(config)
    assert "backslash" not in str(raised.value)


def test_no_keyring_advice_fits_the_agents_system() -> None:
    assert "gnome-keyring" in keyring_advice("linux")
    for system in ("win32", "darwin"):
        assert "gnome-keyring" not in keyring_advice(system)
        assert "environment variables" in keyring_advice(system)
    assert "Credential Manager" in keyring_advice("win32")
    assert "Keychain" in keyring_advice("darwin")


@pytest.mark.qt
def test_the_browser_command_is_split_by_the_systems_own_rules() -> None:
    from ucm_popup.ui.app import browser_command

    chrome = r'"C:\Program Files\Google\Chrome\Application\chrome.exe" --new-window'
    assert browser_command(chrome, "win32") == [
        r"C:\Program Files\Google\Chrome\Application\chrome.exe", "--new-window"]
    assert browser_command(r"C:\Tools\browser.exe", "win32") == [r"C:\Tools\browser.exe"]
    assert browser_command("firefox --new-tab", "linux") == ["firefox", "--new-tab"]
    assert browser_command("'/opt/my browser/run' -x", "darwin") == ["/opt/my browser/run", "-x"]
