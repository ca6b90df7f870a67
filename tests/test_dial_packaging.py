"""Each system's installer makes ucm-popup the handler of tel: and callto: links, and hands
the link to a command that dials it."""

from __future__ import annotations

import ast
import configparser
import re
from pathlib import Path

from ucm_popup.cli import parse_options

ROOT = Path(__file__).resolve().parents[1]


def test_linux_desktop_entry_handles_tel_and_callto_with_the_link_as_argument() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "packaging/linux/io.github.ucm_popup.UcmPopup.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert set(filter(None, desktop["MimeType"].split(";"))) == {
        "x-scheme-handler/tel", "x-scheme-handler/callto"}
    command = desktop["Exec"].replace("%u", "tel:+33612345678").split()[1:]
    options = parse_options(command)
    assert (options.command, options.number) == ("dial", "tel:+33612345678")
    plain_start = parse_options(desktop["Exec"].replace("%u", "").split()[1:])
    assert plain_start.command is None  # from the menu, without a link: the tray app


def test_windows_installer_registers_a_url_protocol_for_both_schemes() -> None:
    iss = (ROOT / "packaging/windows/ucm-popup.iss").read_text(encoding="utf-8")
    assert re.search(r'Capabilities\\URLAssociations"; ValueType: string; ValueName: "tel"', iss)
    assert re.search(r'URLAssociations"; ValueType: string; ValueName: "callto"', iss)
    assert 'ValueName: "URL Protocol"' in iss
    assert r'ValueData: """{app}\{#AppExe}"" dial ""%1"""' in iss
    assert r'Subkey: "Software\RegisteredApplications"' in iss


def test_macos_bundle_declares_both_url_schemes() -> None:
    spec = (ROOT / "packaging/pyinstaller/ucm-popup.spec").read_text(encoding="utf-8")
    schemes = re.search(r'"CFBundleURLSchemes": (\[[^\]]*\])', spec)
    assert schemes is not None and "CFBundleURLTypes" in spec
    assert ast.literal_eval(schemes.group(1)) == ["tel", "callto"]
