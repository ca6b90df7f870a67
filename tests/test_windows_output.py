"""The headless commands' output as Windows gives it: a stdout in the console's code page
(cp1252, emulated with ``PYTHONIOENCODING``) and a reader that closes the pipe
(``watch | more``: ``OSError(EINVAL)`` there, not ``BrokenPipeError``)."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from test_watch_command import Watch, write_config

from ucm_popup.cli import main
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

NAMES = "Łukasz Żółć · Иван Петров · 李小龙 · 🙂"  # none of it in cp1252 but the dot


async def test_watch_writes_utf8_whatever_the_code_page(sim: UcmSimulator,
                                                        tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", sim)
    watch = await Watch.start("--config", str(config),
                              env={"UCM_POPUP_UCM_PASSWORD": sim.password,
                                   "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        await sim.play(sc.ring_call(sim.rows, caller="0612345678", name=NAMES,
                                    ring_s=0, talk_s=0)[:1])
        ringing = await watch.line()  # read as UTF-8 JSON by Watch.line
        assert ringing["event"] == "ringing" and ringing["name"] == NAMES
    finally:
        code, _out, err = await watch.stop()
    if sys.platform != "win32":  # SIGTERM is TerminateProcess there: no clean stop to check
        assert (code, err) == (0, "")


class _ClosedPipe(io.RawIOBase):
    """A stdout whose reader has gone, as Windows reports it: EINVAL on write."""

    def __init__(self, fileno: int) -> None:
        self._fileno = fileno

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")

    def fileno(self) -> int:
        return self._fileno


def test_watch_ends_with_0_when_its_reader_closes_the_pipe_on_windows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with open(tmp_path / "stdout", "wb") as target:
        stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedPipe(target.fileno())),
                                  encoding="utf-8")
        monkeypatch.setattr(sys, "stdout", stdout)
        code = main(["watch", "--demo"])
        monkeypatch.undo()
    assert code == 0
    assert capsys.readouterr().err == ""


def test_an_error_line_under_cp1252_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    import subprocess

    config = tmp_path / NAMES.split()[0] / "config.toml"
    result = subprocess.run([sys.executable, "-m", "ucm_popup", "watch", "--config",
                             str(config)], capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"})
    assert result.returncode == 2
    err = result.stderr.decode("cp1252")
    assert err.count("\n") == 1 and "Traceback" not in err and "unexpected" not in err
    assert "\\u0141ukasz" in err or "Łukasz" in err  # the folder, escaped or as it is


class _WindowsSocketError(OSError):
    """A WinError as Windows raises it: the errno mapped to EINVAL, the text its own."""

    winerror = 10065


def test_a_windows_socket_error_is_told_in_its_own_words_not_invalid_argument() -> None:
    from ucm_popup.ucm.stream import _reason

    error = _WindowsSocketError(errno.EINVAL, "A socket operation was attempted to an "
                                "unreachable host")
    assert _reason(error) == "a socket operation was attempted to an unreachable host"
    assert _reason(ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed")) == (
        "connection refused")  # elsewhere, as before


def test_saving_over_a_read_only_settings_file_says_so_and_leaves_nothing(
        tmp_path: Path) -> None:
    import stat

    from ucm_popup.settings import CrmSettings, Settings, save_settings

    path = tmp_path / "config.toml"
    path.write_text('[crm]\nprovider = "none"\n', encoding="utf-8")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # Windows' read-only attribute too
    try:
        with pytest.raises(PermissionError) as raised:
            save_settings(path, Settings(crm=CrmSettings(provider="zoho-v2")))
        assert raised.value.strerror == "read-only (deployed by an administrator?)"
        assert raised.value.filename == str(path)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no temp file
        assert path.read_text(encoding="utf-8") == '[crm]\nprovider = "none"\n'
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_failed_link_with_no_console_and_no_tray_is_shown_in_a_message_box(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The windowed ``ucm-popup-tray.exe dial "%1"`` has no stderr: a failure with no tray to
    hand it to would vanish; it goes to a message box instead (the box is a manual check)."""
    from ucm_popup import cli

    shown: list[str] = []
    monkeypatch.setattr(cli, "show_message_box", shown.append)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    code = cli.main(["dial", "tel:not-a-number", "--config", "/nonexistent/config.toml"])
    monkeypatch.undo()
    assert code == 2
    assert len(shown) == 1 and shown[0].startswith("ucm-popup: ")
