"""The tray app assembled (offscreen, on the real qasync loop): start, reload, errors, quit."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS

from ucm_popup.app import Connection, PopupApp
from ucm_popup.cli import Options
from ucm_popup.settings import CrmSettings, Settings, UcmSettings, save_settings
from ucm_popup.ucm.events import Connected, Ringing
from ucm_popup.ui.icons import TrayState

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt's QApplication
pytestmark = pytest.mark.qt
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


class Stream:
    def __init__(self, ucm: UcmSettings, _password: str) -> None:
        self.ucm = ucm

    async def events(self) -> AsyncIterator[Any]:
        yield Connected(self.ucm.extension)
        yield Ringing("c1", self.ucm.extension, "inbound", "0612345678", "ACME Corp", "Trunk")
        await asyncio.Event().wait()


def run_app(options: Options, script: Any) -> tuple[int, Any]:
    from ucm_popup.ui.app import TrayApp, qt_application, run_on_qt_loop

    qapp = qt_application()
    app = TrayApp(qapp, options, None)

    async def main() -> tuple[int, Any]:
        running = asyncio.ensure_future(app.run())
        try:
            async with asyncio.timeout(20):
                while app.tray is None or app.core is None:
                    await asyncio.sleep(0.01)
                seen = await script(app)
                app.request_stop()
                return await running, seen
        finally:
            running.cancel()

    old_hook = sys.excepthook
    try:
        return run_on_qt_loop(main)
    finally:
        sys.excepthook = old_hook


async def until(condition: Any) -> None:
    while not condition():
        await asyncio.sleep(0.01)


def test_unconfigured_start_then_settings_saved_reconnects_without_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UCM_POPUP_UCM_PASSWORD", "pw")
    monkeypatch.setattr(PopupApp, "_make_stream", lambda self, services, pw: Stream(
        services.settings.ucm, pw))
    config = tmp_path / "config.toml"
    save_settings(config, Settings(crm=CrmSettings(provider="none")))
    options = Options(command=None, config_path=config, demo=False, verbose=False)

    async def script(app: Any) -> dict[str, Any]:
        seen: dict[str, Any] = {"first": app.tray.state}
        new = Settings(ucm=UcmSettings(host="127.0.0.1", username="popup", extension="1002"),
                       crm=CrmSettings(provider="none"))
        app.reload_settings(new)  # what SettingsDialog.saved delivers
        await until(lambda: app.tray.state is TrayState.CONNECTED)
        await until(lambda: "c1" in app.popups.popups)
        seen["popup"] = app.popups.popups["c1"].windowTitle()
        seen["tooltip"] = app.tray.tooltip()
        app.report_error(RuntimeError("boom: GET https://crm.example/?access_token=s3cr3t\n"
                                      "<b>second line</b>"))
        app.report_error(RuntimeError("boom again"))  # at most one notice a minute
        seen["errors"] = [n for n in app.tray.notifications if "error" in n[0]]
        return seen

    code, seen = run_app(options, script)
    assert code == 0
    assert seen["first"] is TrayState.NOT_CONFIGURED
    assert "ACME Corp" in seen["popup"]
    assert seen["tooltip"].startswith("ucm-popup — Connected (extension 1002)")
    assert len(seen["errors"]) == 1
    _title, message = seen["errors"][0]
    assert message.startswith("RuntimeError: boom: GET https://crm.example/?access_token=***"
                              "\\n<b>second line</b> (")  # one line, the token masked
    assert "s3cr3t" not in message and "\n" not in message


def test_bad_settings_file_says_what_is_wrong(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[ucm]\nport = 'eighty'\n")
    options = Options(command=None, config_path=config, demo=False, verbose=False)

    async def script(app: Any) -> Any:
        await until(lambda: app.core.health.connection is Connection.NOT_CONFIGURED)
        return app.tray.state, app.tray.tooltip()

    code, (state, tooltip) = run_app(options, script)
    assert code == 0 and state is TrayState.NOT_CONFIGURED
    assert "[ucm] port: expected a whole number, got 'eighty'" in tooltip


def test_single_instance_per_name_and_the_first_hears_of_the_second(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ucm_popup.ui.single_instance import SingleInstance, server_name

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert server_name(True) != server_name(False)  # the demo runs beside the real one
    first = SingleInstance(server_name(False))
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.another_started, timeout=5000):
            assert not SingleInstance(server_name(False)).acquire()
        demo = SingleInstance(server_name(True))
        assert demo.acquire()
        demo.release()
    finally:
        first.release()
    again = SingleInstance(server_name(False))
    assert again.acquire()  # released: a new start may run
    again.release()


def test_about_shows_the_package_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    config = tmp_path / "config.toml"
    save_settings(config, Settings(crm=CrmSettings(provider="none")))
    options = Options(command=None, config_path=config, demo=False, verbose=False)

    async def script(app: Any) -> str:
        app.log_file = tmp_path / "ucm-popup.log"
        app.show_about()
        await until(lambda: app._about.isVisible())
        await asyncio.sleep(0.1)  # laid out
        ARTIFACTS.mkdir(exist_ok=True)
        assert app._about.grab().save(str(ARTIFACTS / "about.png"))
        shutil.copyfile(ARTIFACTS / "about.png", SCREENSHOTS / "about.png")
        text = str(app._about.text())
        app._about.close()
        return text

    code, text = run_app(options, script)
    assert code == 0
    assert text.startswith(f"ucm-popup {version('ucm-popup')}\n")
    assert f"Settings: {config}\nLog: {tmp_path / 'ucm-popup.log'}" in text  # for support


@pytest.mark.parametrize(
    ("environ", "system", "chosen"),
    [
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
         "linux", "xcb"),  # GNOME or Plasma on Wayland, with XWayland
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":1"}, "linux", "xcb"),
        ({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"},
         "linux", "wayland"),  # the user's choice wins
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "linux", None),  # X11: Qt picks xcb
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "win32", None),
    ],
)
def test_wayland_desktops_run_the_popup_on_xwayland(
    environ: dict[str, str], system: str, chosen: str | None
) -> None:
    from ucm_popup.ui.app import prefer_xwayland

    before = dict(environ)
    changed = prefer_xwayland(environ, system)
    assert environ.get("QT_QPA_PLATFORM") == chosen
    assert changed == (environ != before)
