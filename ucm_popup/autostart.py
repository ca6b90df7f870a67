"""Start at login: an XDG autostart entry (Linux and other free desktops), the per-user Run key
(Windows) or a LaunchAgent (macOS).

Only the standard library, no Qt.  ``enable`` writes one entry of ours and ``disable`` removes
exactly that entry (the file named after the app, or the registry value named ``ucm-popup``);
nothing else in those places is touched.  The content builders are pure functions, so every
system's entry can be checked on any system.
"""

from __future__ import annotations

import os
import plistlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from ucm_popup import APP_NAME

APP_ID = "io.github.ucm_popup.UcmPopup"  # the reverse-DNS id of the AppStream metainfo
DESKTOP_FILE_NAME = f"{APP_NAME}.desktop"
LAUNCH_AGENT_FILE_NAME = f"{APP_ID}.plist"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = APP_NAME
# Task Manager's and Settings' "Startup apps" switch: a binary value named like the Run value,
# whose first byte is odd (03, 07) when the user switched the app off, even (02, 06) when on.
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
# Marks the entries this module wrote, for whoever reads the file.
MARKER_KEY = "X-UcmPopup-Autostart"
WINDOWS_TRAY_PROGRAM = "ucm-popup-tray.exe"  # packaging/pyinstaller/ucm-popup.spec

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def default_command() -> list[str]:
    """The command that starts the tray app: the frozen executable, or this Python."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        # The Windows bundle has a windowed twin that opens no console window at login.
        windowless = program.with_name(WINDOWS_TRAY_PROGRAM)
        if sys.platform == "win32" and windowless.exists():
            program = windowless
        return [str(program)]
    python = Path(sys.executable)
    if sys.platform == "win32":
        # pythonw.exe starts without a console window, which a tray app at login must not show.
        windowless = python.with_name("pythonw.exe")
        if windowless.exists():
            python = windowless
    return [str(python), "-m", "ucm_popup"]


# --- pure content builders ------------------------------------------------------------------


def _exec_argument(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the specification asks."""
    if arg and not (_EXEC_RESERVED & set(arg)):
        quoted = arg
    else:
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        quoted = f'"{escaped}"'
    # The value is then a desktop-entry string: backslashes doubled, field codes escaped.
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def desktop_exec(command: list[str]) -> str:
    if not command:
        raise ValueError("the autostart command is empty")
    return " ".join(_exec_argument(arg) for arg in command)


def build_desktop_entry(command: list[str]) -> str:
    """The XDG autostart entry (a desktop entry) that starts ``command`` at login."""
    for arg in command:
        if "\n" in arg or "\r" in arg:
            raise ValueError("an autostart argument cannot contain a line break")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=UCM Popup\n"
        "Comment=Caller popups with Zoho CRM records for a Grandstream UCM extension\n"
        f"Exec={desktop_exec(command)}\n"
        f"Icon={APP_NAME}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARKER_KEY}=true\n"
    )


def build_hidden_desktop_entry() -> str:
    """The user's entry that switches off an administrator's system-wide one (XDG spec)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=UCM Popup\n"
        f"Exec={APP_NAME}\n"
        "Hidden=true\n"
        f"{MARKER_KEY}=true\n"
    )


def build_launch_agent_plist(command: list[str]) -> bytes:
    """The macOS LaunchAgent that starts ``command`` when the user logs in."""
    if not command:
        raise ValueError("the autostart command is empty")
    agent: dict[str, Any] = {
        "Label": APP_ID,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",  # the graphical login only, not ssh sessions
    }
    return plistlib.dumps(agent, fmt=plistlib.FMT_XML)


def run_key_value(command: list[str]) -> str:
    """The command line stored in the Run key (quoted the way Windows splits it again).

    The program's path is always quoted, as Windows asks of Run entries (an unquoted path with
    spaces could start another program); a path cannot contain a double quote.
    """
    if not command:
        raise ValueError("the autostart command is empty")
    if '"' in command[0]:
        raise ValueError("a Windows program path cannot contain a double quote")
    return " ".join([f'"{command[0]}"', *(subprocess.list2cmdline([a]) for a in command[1:])])


# --- where each system keeps it -------------------------------------------------------------


def xdg_autostart_path() -> Path:
    config_home = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config_home) if os.path.isabs(config_home) else Path.home() / ".config"
    return base / "autostart" / DESKTOP_FILE_NAME


def xdg_system_autostart_paths() -> list[Path]:
    """Where an administrator may put a system-wide entry (``$XDG_CONFIG_DIRS``)."""
    dirs = os.environ.get("XDG_CONFIG_DIRS", "") or "/etc/xdg"
    return [Path(d) / "autostart" / DESKTOP_FILE_NAME for d in dirs.split(":") if os.path.isabs(d)]


def launch_agent_path() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / LAUNCH_AGENT_FILE_NAME


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _desktop_entry_enabled(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    # A user (or their desktop's settings) may switch an entry off without deleting it.
    for line in text.splitlines():
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip().lower()
        if key == "Hidden" and value == "true":
            return False
        if key == "X-GNOME-Autostart-enabled" and value == "false":
            return False
    return True


def _winreg() -> ModuleType:
    import winreg  # only on Windows; tests hand in a stand-in

    return winreg


def _switched_off_in_startup_apps(reg: ModuleType) -> bool:
    try:
        with reg.OpenKey(reg.HKEY_CURRENT_USER, STARTUP_APPROVED_KEY) as key:
            data, _ = reg.QueryValueEx(key, RUN_VALUE_NAME)
    except OSError:  # never switched in Task Manager: the Run value alone decides
        return False
    return isinstance(data, bytes | bytearray) and len(data) > 0 and bool(data[0] & 1)


def _forget_startup_apps_switch(reg: ModuleType) -> None:
    try:
        with reg.OpenKey(reg.HKEY_CURRENT_USER, STARTUP_APPROVED_KEY, 0,
                         reg.KEY_SET_VALUE) as key:
            reg.DeleteValue(key, RUN_VALUE_NAME)
    except OSError:
        pass


def _launchctl(*args: str) -> str:
    """launchctl's output; "" where it cannot run (not macOS) or fails."""
    try:
        return subprocess.run(["launchctl", *args], capture_output=True, text=True,
                              timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _gui_domain() -> str:
    if sys.platform == "win32":  # no launchd there; for mypy's win32 pass
        return ""
    return f"gui/{os.getuid()}"


def _switched_off_in_login_items() -> bool:
    """The user switched the agent off (System Settings, Login Items; or ``launchctl
    disable``): launchd keeps the plist and lists the label as disabled."""
    listed = _launchctl("print-disabled", _gui_domain())
    return re.search(rf'"{re.escape(APP_ID)}"\s*=>\s*(true|disabled)\b', listed) is not None


def _system(system: str | None) -> str:
    name = system or sys.platform
    if name == "win32":
        return "windows"
    if name == "darwin":
        return "macos"
    return "xdg"


# --- the switch -----------------------------------------------------------------------------


def is_enabled(*, system: str | None = None) -> bool:
    """Whether ucm-popup starts at login for this user."""
    kind = _system(system)
    if kind == "windows":
        reg = _winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _ = reg.QueryValueEx(key, RUN_VALUE_NAME)
        except OSError:  # FileNotFoundError: no Run key or no value of ours
            return False
        return bool(value) and not _switched_off_in_startup_apps(reg)
    if kind == "macos":
        return launch_agent_path().is_file() and not _switched_off_in_login_items()
    user_entry = xdg_autostart_path()
    if user_entry.exists():  # the user's entry overrides a system-wide one of the same name
        return _desktop_entry_enabled(user_entry)
    return any(_desktop_entry_enabled(path) for path in xdg_system_autostart_paths())


def enable(command: list[str] | None = None, *, system: str | None = None) -> None:
    """Start ``command`` (default: this app's own) at login; replaces an earlier entry of ours."""
    command = list(command) if command is not None else default_command()
    kind = _system(system)
    if kind == "windows":
        reg = _winreg()
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, RUN_VALUE_NAME, 0, reg.REG_SZ, run_key_value(command))
        _forget_startup_apps_switch(reg)  # turned on here: on, whatever Task Manager said
    elif kind == "macos":
        _write_atomically(launch_agent_path(), build_launch_agent_plist(command))
        if _switched_off_in_login_items():  # turned on here: on, whatever Login Items said
            _launchctl("enable", f"{_gui_domain()}/{APP_ID}")
    else:
        _write_atomically(xdg_autostart_path(), build_desktop_entry(command).encode("utf-8"))


def disable(*, system: str | None = None) -> None:
    """Remove the entry ``enable`` added, and nothing else; a no-op when there is none."""
    kind = _system(system)
    if kind == "windows":
        reg = _winreg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, RUN_VALUE_NAME)
        except FileNotFoundError:
            pass
        _forget_startup_apps_switch(reg)
    elif kind == "macos":
        launch_agent_path().unlink(missing_ok=True)
    else:
        xdg_autostart_path().unlink(missing_ok=True)
        if any(_desktop_entry_enabled(path) for path in xdg_system_autostart_paths()):
            # An administrator's entry starts it for everyone: hide it for this user only.
            hidden = build_hidden_desktop_entry().encode("utf-8")
            _write_atomically(xdg_autostart_path(), hidden)
