"""The Windows installer script (packaging/windows/ucm-popup.iss), read where it can be read on
Linux: the per-user paths it names are the app's own (platformdirs' Windows layout), the
uninstaller stops this user's tray only and takes the customer data of the index with it, and an
upgrade keeps "Start at login" and restarts the tray it closed.  Running it is a manual check
(docs/windows-macos.md) and the Windows workflow's silent install."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_packaging_files import iss_defines

from ucm_popup import autostart
from ucm_popup.crm.index import INDEX_FILE

ISS = Path(__file__).resolve().parent.parent / "packaging" / "windows" / "ucm-popup.iss"
LOCAL = r"C:\Users\jo\AppData\Local"


def section(name: str) -> str:
    text = ISS.read_text(encoding="utf-8")
    found = re.search(rf"^\[{re.escape(name)}\]\n(.*?)(?=^\[\w+\]\n|\Z)", text, re.M | re.S)
    assert found, f"no [{name}] section"
    return found[1]


def pascal(name: str) -> str:
    """One function or procedure of the [Code] section, without its comments."""
    code = section("Code")
    found = re.search(rf"^(?:function|procedure) {name}\b.*?^end;", code, re.M | re.S)
    assert found, f"no {name} in [Code]"
    return re.sub(r"\{\s[^}]*\}", "", found[0])  # { a comment }, not {#Define}


def on_windows(path: str) -> str:
    """``{localappdata}\\...`` as the Windows path of the user above."""
    return path.replace("{localappdata}", LOCAL)


@pytest.fixture
def windows_dirs(monkeypatch: pytest.MonkeyPatch) -> object:
    from platformdirs.windows import Windows

    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL)
    return Windows("ucm-popup", appauthor=False)


def windows_path(path: str) -> str:
    return path.replace("/", "\\")


def test_the_paths_the_installer_names_are_the_apps_own_on_windows(windows_dirs: object) -> None:
    defines = iss_defines()
    state = windows_path(windows_dirs.user_state_dir)  # type: ignore[attr-defined]
    assert on_windows(defines["StateDir"]) == state
    assert defines["IndexFile"] == INDEX_FILE
    assert on_windows(defines["LogDir"]) == windows_path(
        windows_dirs.user_log_dir)  # type: ignore[attr-defined]
    runtime = windows_path(windows_dirs.user_runtime_dir)  # type: ignore[attr-defined]
    assert on_windows(defines["TrayLock"]) == runtime + "\\ucm-popup.lock"


def test_the_uninstaller_stops_this_users_tray_only_and_removes_the_index() -> None:
    run = section("UninstallRun")
    assert "taskkill.exe" in run
    assert '/FI ""USERNAME eq {username}""' in run  # not every user's on a terminal server
    deleted = section("UninstallDelete")
    for suffix in ("", "-wal", "-shm"):
        assert f'Name: "{{#StateDir}}\\{{#IndexFile}}{suffix}"' in deleted
    assert 'Name: "{#LogDir}"' in deleted
    assert "config.toml" not in deleted  # an administrator's deployed settings stay


def test_an_upgrade_keeps_start_at_login_switched_on_in_the_app() -> None:
    defines = iss_defines()
    assert defines["RunValue"] == autostart.RUN_VALUE_NAME
    is_on = pascal("AutostartIsOn")
    assert "RegQueryStringValue(HKCU, '{#RunKey}', '{#RunValue}', Value)" in is_on
    assert "'{#AppExe}'" in is_on  # ours: it starts our tray, from any earlier install folder
    wizard = pascal("InitializeWizard")
    assert re.search(r"if AutostartIsOn and \(not TasksGivenOnCommandLine\) then\s+"
                     r"WizardSelectTasks\('autostart'\);", wizard)
    given = pascal("TasksGivenOnCommandLine")
    assert "{param:TASKS|}" in given and "{param:MERGETASKS|}" in given
    # The Run value goes only when the task is unticked, and only when it starts this install.
    step = pascal("CurStepChanged")
    assert re.search(r"if not WizardIsTaskSelected\('autostart'\) then\s+"
                     r"if RegQueryStringValue", step)


def test_a_silent_upgrade_starts_again_the_tray_it_closed() -> None:
    setup = pascal("InitializeSetup")
    assert re.search(r"TrayWasRunning := FileExists\(ExpandConstant\('\{#TrayLock\}'\)\)\s+"
                     r"and \(not DeleteFile\(ExpandConstant\('\{#TrayLock\}'\)\)\);", setup)
    step = pascal("CurStepChanged")
    assert re.search(r"if TrayWasRunning and WizardSilent then\s+"
                     r"Exec\(ExpandConstant\('\{app\}\\\{#AppExe\}'\)", step)
    setup_section = section("Setup")
    assert "CloseApplications=force" in setup_section  # closed before its files are replaced
