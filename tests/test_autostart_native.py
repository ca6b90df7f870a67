"""Start at login against the real system where it runs: the Windows registry's Run key, and a
LaunchAgent that macOS's own plutil accepts.  Each test runs only on its system (the Windows
and macOS workflows run them at every push); elsewhere the fakes in test_autostart.py stand in.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ucm_popup import autostart


@pytest.fixture
def run_key() -> Iterator[Any]:
    """The real HKCU Run key; a value of ours that was there before is put back afterwards."""
    winreg: Any = pytest.importorskip("winreg")
    key = winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, autostart.RUN_KEY, 0,
                             winreg.KEY_READ | winreg.KEY_SET_VALUE)
    try:
        before = winreg.QueryValueEx(key, autostart.RUN_VALUE_NAME)[0]
    except FileNotFoundError:
        before = None
    try:
        yield key
    finally:
        if before is None:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, autostart.RUN_VALUE_NAME)
        else:
            winreg.SetValueEx(key, autostart.RUN_VALUE_NAME, 0, winreg.REG_SZ, before)
        winreg.CloseKey(key)


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows registry")
def test_windows_run_value_in_the_real_registry(run_key: Any) -> None:
    import winreg

    program = r"C:\Users\Jo Smith\AppData\Local\Programs\ucm-popup\ucm-popup-tray.exe"
    autostart.enable([program])
    assert autostart.is_enabled()
    value, kind = winreg.QueryValueEx(run_key, autostart.RUN_VALUE_NAME)
    assert (value, kind) == (f'"{program}"', winreg.REG_SZ)
    autostart.disable()
    assert not autostart.is_enabled()
    with pytest.raises(FileNotFoundError):
        winreg.QueryValueEx(run_key, autostart.RUN_VALUE_NAME)
    autostart.disable()  # a second switch-off is harmless


@pytest.mark.skipif(sys.platform != "darwin", reason="macOS LaunchAgents")
def test_macos_launch_agent_is_one_that_launchd_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plutil = shutil.which("plutil")
    assert plutil, "plutil comes with every macOS"
    monkeypatch.setenv("HOME", str(tmp_path))
    autostart.enable(["/Applications/UCM Popup.app/Contents/MacOS/ucm-popup"])
    agent = tmp_path / "Library" / "LaunchAgents" / f"{autostart.APP_ID}.plist"
    assert autostart.is_enabled()
    lint = subprocess.run([plutil, "-lint", str(agent)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    label = subprocess.run([plutil, "-extract", "Label", "raw", str(agent)],
                           capture_output=True, text=True)
    assert label.stdout.strip() == autostart.APP_ID
    autostart.disable()
    assert not agent.exists() and not autostart.is_enabled()
