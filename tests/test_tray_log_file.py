"""The tray app's log file, as an administrator reads it after "the popup did not come":
the real app in a subprocess against the UCM simulator (real TLS), link dropped and back."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import sys
from pathlib import Path

import pytest
from test_watch_command import write_config

from ucm_popup import logs
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

pytestmark = pytest.mark.qt


def log_file() -> Path:
    # platformdirs' user_log_dir: $XDG_STATE_HOME/<app>/log on Linux (set per test by conftest),
    # ~/Library/Logs/<app> on macOS (HOME set per test below)
    return logs.default_log_file()


async def until_logged(text: str, timeout: float = 20.0) -> str:
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        content = log_file().read_text(encoding="utf-8") if log_file().exists() else ""
        if text in content:
            return content
        await asyncio.sleep(0.05)
    raise AssertionError(f"{text!r} not in the log file:\n{content}")


@pytest.mark.skipif(sys.platform == "win32",
                    reason="the Windows log folder comes from the system, not per test")
async def test_the_tray_app_logs_its_connection_story_without_secrets_or_numbers(
    sim: UcmSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform == "darwin":
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert log_file().is_relative_to(tmp_path)  # never the developer's own log
    config = write_config(tmp_path / "c.toml", sim)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ucm_popup", "--config", str(config),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "UCM_POPUP_UCM_PASSWORD": sim.password, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        await sim.wait_subscribed()
        await until_logged("UCM connected")
        await sim.play(sc.ring_call(sim.rows, caller="0612345678", name="Jane", ring_s=0,
                                    talk_s=0))
        await sim.drop_clients()
        await until_logged("UCM reconnecting: connection to the UCM lost")
        await sim.wait_subscribed()  # subscribed again: the app reconnected by itself
        content = await until_logged("UCM connected", timeout=5)
        deadline = asyncio.get_running_loop().time() + 10
        while content.count("UCM connected") < 2:
            assert asyncio.get_running_loop().time() < deadline, content
            await asyncio.sleep(0.05)
            content = log_file().read_text(encoding="utf-8")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), 20)
    assert (process.returncode, out) == (0, b"")
    # Nothing of ours on a terminal without -v (the offscreen platform says what it lacks).
    assert [line for line in err.decode().splitlines()
            if not line.startswith("This plugin does not support")] == []
    content = log_file().read_text(encoding="utf-8")
    lines = content.splitlines()
    assert "INFO ucm_popup.ui.app: ucm-popup " in lines[0]  # the version it ran
    assert lines[-1].endswith("ucm-popup stopped")  # a quit, not a crash
    assert sim.password not in content
    assert "0612345678" not in content and "Jane" not in content  # callers only with -v
    if os.name == "posix":  # the user's alone: with -v it would hold callers
        assert stat.S_IMODE(log_file().stat().st_mode) == 0o600
        # .../ucm-popup/log and .../ucm-popup on Linux, .../Logs/ucm-popup on macOS
        own = log_file().parents[: log_file().parent.parts[::-1].index("ucm-popup") + 1]
        assert [stat.S_IMODE(folder.stat().st_mode) for folder in own] == [0o700] * len(own)
        assert len(own) == (2 if sys.platform == "linux" else 1)


def test_an_unwritable_log_folder_is_no_reason_not_to_start(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert not logs.log_to_file(blocked / "ucm-popup.log", verbose=False)
