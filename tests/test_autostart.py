"""Start at login: real files on Linux (and a macOS LaunchAgent written under a temp HOME),
the Windows Run key through a stand-in registry, and every entry checked by content."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import require_tool

from ucm_popup import __version__, autostart


def parse_exec(value: str) -> list[str]:
    """Split a desktop entry's Exec value back into arguments, as the XDG spec says."""
    # Undo the string escapes of the desktop entry format first, then the Exec quoting.
    unescaped = value.replace("\\\\", "\x00").replace("%%", "%")
    unescaped = unescaped.replace("\x00", "\\")
    args: list[str] = []
    current, quoted, i, in_arg = "", False, 0, False
    while i < len(unescaped):
        c = unescaped[i]
        if quoted:
            if c == "\\" and i + 1 < len(unescaped) and unescaped[i + 1] in '"`$\\':
                current += unescaped[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                current += c
        elif c == '"':
            quoted, in_arg = True, True
        elif c == " ":
            if in_arg:
                args.append(current)
            current, in_arg = "", False
        else:
            current, in_arg = current + c, True
        i += 1
    if in_arg:
        args.append(current)
    return args


def exec_line(entry: str) -> str:
    return next(line[5:] for line in entry.splitlines() if line.startswith("Exec="))


def validate_desktop_file(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    require_tool(tool, "desktop-file-validate (apt: desktop-file-utils)")
    assert tool is not None
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def autostart_dir() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart"


# --- Linux, for real ------------------------------------------------------------------------


def test_linux_entry_appears_is_valid_and_goes_away_leaving_others() -> None:
    other = autostart_dir() / "other-app.desktop"
    other.parent.mkdir(parents=True)
    other_text = "[Desktop Entry]\nType=Application\nName=Other\nExec=other-app\n"
    other.write_text(other_text, encoding="utf-8")

    assert not autostart.is_enabled(system="linux")
    autostart.enable(["/opt/ucm-popup/ucm-popup"], system="linux")

    entry = autostart_dir() / "ucm-popup.desktop"
    assert entry.is_file()
    assert autostart.is_enabled(system="linux")
    assert exec_line(entry.read_text(encoding="utf-8")) == "/opt/ucm-popup/ucm-popup"
    validate_desktop_file(entry)

    autostart.disable(system="linux")
    assert not entry.exists()
    assert not autostart.is_enabled(system="linux")
    assert sorted(p.name for p in autostart_dir().iterdir()) == ["other-app.desktop"]
    assert other.read_text(encoding="utf-8") == other_text
    autostart.disable(system="linux")  # a second switch-off is harmless


def test_linux_default_command_starts_this_app(tmp_path: Path) -> None:
    autostart.enable(system="linux")
    entry = (autostart_dir() / "ucm-popup.desktop").read_text(encoding="utf-8")
    command = parse_exec(exec_line(entry))
    assert command == [sys.executable, "-m", "ucm_popup"]
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["/home/jo smith/ucm popup/ucm-popup"],
        ["/usr/bin/python3", "-m", "ucm_popup", "--config", '/srv/cfg/100% $HOME "q" `x` a\\b'],
        ["/opt/app", "it's", "a;b", "x|y", "~", "#c", "(p)", "*?<>&"],
    ],
)
def test_linux_exec_quoting_round_trips_and_validates(command: list[str]) -> None:
    autostart.enable(command, system="linux")
    entry = autostart_dir() / "ucm-popup.desktop"
    assert parse_exec(exec_line(entry.read_text(encoding="utf-8"))) == command
    validate_desktop_file(entry)


def test_linux_entry_switched_off_by_the_desktop_counts_as_off() -> None:
    entry = autostart_dir() / "ucm-popup.desktop"
    autostart.enable(["/opt/ucm-popup/ucm-popup"], system="linux")
    entry.write_text(
        entry.read_text(encoding="utf-8").replace(
            "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"
        ),
        encoding="utf-8",
    )
    assert not autostart.is_enabled(system="linux")
    autostart.enable(["/opt/ucm-popup/ucm-popup"], system="linux")
    assert autostart.is_enabled(system="linux")


def test_linux_administrators_system_wide_entry_is_hidden_for_this_user_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system_dir = tmp_path / "etc-xdg"
    system_entry = system_dir / "autostart" / "ucm-popup.desktop"
    system_entry.parent.mkdir(parents=True)
    system_text = autostart.build_desktop_entry(["/usr/bin/ucm-popup"])
    system_entry.write_text(system_text, encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system_dir))

    assert autostart.is_enabled(system="linux")
    autostart.disable(system="linux")
    assert not autostart.is_enabled(system="linux")
    user_entry = autostart_dir() / "ucm-popup.desktop"
    assert "Hidden=true" in user_entry.read_text(encoding="utf-8")
    validate_desktop_file(user_entry)
    assert system_entry.read_text(encoding="utf-8") == system_text

    autostart.enable(["/usr/bin/ucm-popup"], system="linux")
    assert autostart.is_enabled(system="linux")
    assert system_entry.read_text(encoding="utf-8") == system_text


def test_entry_refuses_a_line_break_in_an_argument() -> None:
    with pytest.raises(ValueError):
        autostart.build_desktop_entry(["/opt/app", "a\nExec=evil"])


# --- default command ------------------------------------------------------------------------


def test_default_command_of_a_frozen_bundle_is_the_executable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/ucm-popup/ucm-popup")
    assert autostart.default_command() == ["/opt/ucm-popup/ucm-popup"]


def test_default_command_of_the_windows_bundle_is_its_windowed_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = tmp_path / "ucm-popup.exe"
    windowed = tmp_path / "ucm-popup-tray.exe"
    console.write_bytes(b"MZ")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(console))
    monkeypatch.setattr(sys, "platform", "win32")
    assert autostart.default_command() == [str(console)]  # no twin: the program itself
    windowed.write_bytes(b"MZ")
    assert autostart.default_command() == [str(windowed)]


def test_default_command_from_a_venv_runs_the_module() -> None:
    assert autostart.default_command() == [sys.executable, "-m", "ucm_popup"]


# --- macOS: content, and the file under a temporary HOME -------------------------------------


def test_launch_agent_content() -> None:
    command = ["/Applications/UCM Popup.app/Contents/MacOS/ucm-popup"]
    agent = plistlib.loads(autostart.build_launch_agent_plist(command))
    assert agent["Label"] == "io.github.ucm_popup.UcmPopup"
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True


def test_macos_launch_agent_appears_and_goes_away_leaving_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    agents = tmp_path / "home" / "Library" / "LaunchAgents"
    agents.mkdir(parents=True)
    other = agents / "com.example.other.plist"
    other.write_bytes(plistlib.dumps({"Label": "com.example.other", "RunAtLoad": True}))
    before = other.read_bytes()

    autostart.enable(["/Applications/UCM Popup.app/Contents/MacOS/ucm-popup"], system="darwin")
    assert autostart.is_enabled(system="darwin")
    ours = agents / "io.github.ucm_popup.UcmPopup.plist"
    assert plistlib.loads(ours.read_bytes())["RunAtLoad"] is True

    autostart.disable(system="darwin")
    assert not autostart.is_enabled(system="darwin")
    assert sorted(p.name for p in agents.iterdir()) == ["com.example.other.plist"]
    assert other.read_bytes() == before


# --- Windows: the Run key value, and the switch against a stand-in registry ------------------


def test_run_key_value_quotes_paths_with_spaces() -> None:
    exe = r"C:\Users\Jo Smith\AppData\Local\Programs\ucm-popup\ucm-popup.exe"
    assert autostart.run_key_value([exe]) == f'"{exe}"'
    assert autostart.run_key_value([r"C:\Python\pythonw.exe", "-m", "ucm_popup"]) == (
        r'"C:\Python\pythonw.exe" -m ucm_popup'
    )
    assert autostart.run_key_value(["C:\\a.exe", "--config", "C:\\My Files\\c.toml"]) == (
        '"C:\\a.exe" --config "C:\\My Files\\c.toml"'
    )


class FakeRegistry:
    """The few winreg calls autostart uses, over a dict of key path -> {value name: data}."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_SET_VALUE = 2
    REG_SZ = 1

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, Any]] = {}

    class _Key(SimpleNamespace):
        def __enter__(self) -> FakeRegistry._Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def OpenKey(self, root: str, path: str, reserved: int = 0, access: int = 0) -> _Key:
        if f"{root}\\{path}" not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(path=f"{root}\\{path}")

    def CreateKeyEx(self, root: str, path: str, reserved: int = 0, access: int = 0) -> _Key:
        self.keys.setdefault(f"{root}\\{path}", {})
        return self._Key(path=f"{root}\\{path}")

    def QueryValueEx(self, key: _Key, name: str) -> tuple[Any, int]:
        try:
            return self.keys[key.path][name], self.REG_SZ
        except KeyError:
            raise FileNotFoundError(name) from None

    def SetValueEx(self, key: _Key, name: str, reserved: int, kind: int, data: str) -> None:
        assert kind == self.REG_SZ
        self.keys[key.path][name] = data

    def DeleteValue(self, key: _Key, name: str) -> None:
        try:
            del self.keys[key.path][name]
        except KeyError:
            raise FileNotFoundError(name) from None


def test_windows_run_value_appears_and_goes_away_leaving_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = FakeRegistry()
    run_key = "HKCU\\" + autostart.RUN_KEY
    registry.keys[run_key] = {"OneDrive": '"C:\\OneDrive\\OneDrive.exe" /background'}
    monkeypatch.setattr(autostart, "_winreg", lambda: registry)
    exe = r"C:\Users\Jo\AppData\Local\Programs\ucm-popup\ucm-popup.exe"

    assert not autostart.is_enabled(system="win32")
    autostart.enable([exe], system="win32")
    assert autostart.is_enabled(system="win32")
    assert registry.keys[run_key]["ucm-popup"] == f'"{exe}"'

    autostart.disable(system="win32")
    assert not autostart.is_enabled(system="win32")
    assert registry.keys[run_key] == {"OneDrive": '"C:\\OneDrive\\OneDrive.exe" /background'}
    autostart.disable(system="win32")


def test_windows_switch_off_without_a_run_key_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = FakeRegistry()
    monkeypatch.setattr(autostart, "_winreg", lambda: registry)
    assert not autostart.is_enabled(system="win32")
    autostart.disable(system="win32")
    assert registry.keys == {}


def test_windows_startup_apps_switch_is_read_and_turning_on_here_clears_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Task Manager's "Startup apps" can switch a Run entry off without removing it: then the
    app does not start, and Settings must say so; turning it on in Settings turns it on."""
    registry = FakeRegistry()
    monkeypatch.setattr(autostart, "_winreg", lambda: registry)
    approved = "HKCU\\" + autostart.STARTUP_APPROVED_KEY
    autostart.enable([r"C:\ucm-popup\ucm-popup.exe"], system="win32")
    registry.keys[approved] = {"ucm-popup": bytes([3]) + bytes(11),  # switched off
                               "OneDrive": bytes([3]) + bytes(11)}
    assert not autostart.is_enabled(system="win32")
    registry.keys[approved]["ucm-popup"] = bytes([2]) + bytes(11)  # switched on again
    assert autostart.is_enabled(system="win32")
    registry.keys[approved]["ucm-popup"] = bytes([7]) + bytes(11)
    autostart.enable([r"C:\ucm-popup\ucm-popup.exe"], system="win32")
    assert autostart.is_enabled(system="win32")
    assert registry.keys[approved] == {"OneDrive": bytes([3]) + bytes(11)}  # others untouched
    registry.keys[approved]["ucm-popup"] = bytes([3]) + bytes(11)
    autostart.disable(system="win32")
    assert not autostart.is_enabled(system="win32")
    assert "ucm-popup" not in registry.keys[approved]


def test_macos_login_items_switch_is_read_and_turning_on_here_clears_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """System Settings' Login Items can switch the agent off and keep its plist: launchd then
    lists the label as disabled.  Settings shows that as off, and turning it on enables it."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    disabled = {autostart.APP_ID}
    asked: list[tuple[str, ...]] = []

    def launchctl(*args: str) -> str:
        asked.append(args)
        if args[0] == "enable":
            disabled.discard(args[1].rsplit("/", 1)[1])
        return "disabled services = {\n" + "".join(
            f'\t"{label}" => disabled\n' for label in sorted(disabled | {"com.example.x"})) + "}\n"

    monkeypatch.setattr(autostart, "_launchctl", launchctl)
    command = ["/Applications/UCM Popup.app/Contents/MacOS/ucm-popup"]
    autostart.launch_agent_path().parent.mkdir(parents=True)
    autostart.launch_agent_path().write_bytes(autostart.build_launch_agent_plist(command))
    assert not autostart.is_enabled(system="darwin")  # the plist is there, switched off
    autostart.enable(command, system="darwin")
    assert ("enable", f"{autostart._gui_domain()}/{autostart.APP_ID}") in asked
    assert autostart.is_enabled(system="darwin")
    assert "com.example.x" not in {args[-1].rsplit("/", 1)[-1] for args in asked
                                   if args[0] == "enable"}  # others' switches untouched
