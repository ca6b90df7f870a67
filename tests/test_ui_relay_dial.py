"""The tray app of a desk fed by the site relay (offscreen, the real qasync loop): a second
``ucm-popup dial`` handed over its single-instance channel is dialled through the relay by
the running app, and its popups offer Call with no API user set."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from mqtt_support import Broker, mosquitto_available
from test_relay_dial import desk_config, dialled
from test_relay_faults import mqtt_of
from test_relay_site import passwords

from ucm_popup.cli import Options
from ucm_popup.dial import Dialer
from ucm_popup.instance_channel import ask_running_instance
from ucm_popup.relay.site import SiteRelay
from ucm_popup.secrets import UCM_API_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.ucm import UcmSimulator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt


def test_the_running_relay_desk_dials_for_a_second_dial_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mosquitto_available()
    users = passwords()
    broker = Broker(tmp_path / "broker", users)
    broker.write_files()
    config = desk_config(tmp_path, broker, "1002")
    monkeypatch.setenv("UCM_POPUP_MQTT_PASSWORD", users["1002"])  # the desk's broker password
    seen: dict[str, Any] = {}

    async def script(app: Any) -> None:
        await broker.start(keep_port=True)  # the desk's settings name the port
        sim = await UcmSimulator().start()
        settings = Settings(ucm=sim.settings(""), crm=CrmSettings(provider="none"),
                            mqtt=mqtt_of(broker, "relay"))
        dialer = Dialer(settings, MemorySecretStore({UCM_API_PASSWORD: sim.password}))
        relay = SiteRelay(settings, sim.password, users["relay"], dial=dialer.dial_for)
        task = asyncio.get_running_loop().create_task(relay.run())
        try:
            async with asyncio.timeout(20):
                while relay.state != "online":
                    await asyncio.sleep(0.05)
            seen["call_buttons"] = app.popups.dial_ready
            seen["answer"] = await asyncio.to_thread(ask_running_instance, False,
                                                     "tel:+33-6-12-34-56-78")
            seen["dialled"] = dialled(sim)  # the UCM took it before the relay said ok
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await dialer.aclose()
            await sim.aclose()
            await broker.stop()

    code = run_app_with(Options(command=None, config_path=config, demo=False, verbose=False),
                        script)
    assert code == 0
    assert seen["call_buttons"] is True
    assert seen["answer"] == {"ok": True, "extension": "1002", "number": "00612345678",
                              "via": "relay"}
    assert seen["dialled"] == [{"action": "dialOutbound", "caller": "1002",
                                "outbound": "00612345678"}]


def run_app_with(options: Options, script: Any) -> int:
    """The tray app as ``ucm-popup`` starts it: with its single-instance channel listening."""
    import sys

    from ucm_popup.ui.app import TrayApp, qt_application, run_on_qt_loop
    from ucm_popup.ui.single_instance import SingleInstance, server_name

    qapp = qt_application()  # first: the channel's socket notifier needs Qt's event loop
    instance = SingleInstance(server_name(options.demo))
    assert instance.acquire()
    app = TrayApp(qapp, options, instance)

    async def main() -> int:
        running = asyncio.ensure_future(app.run())
        try:
            async with asyncio.timeout(40):
                while app.tray is None or app.core is None:
                    await asyncio.sleep(0.01)
                await script(app)
                app.request_stop()
                return await running
        finally:
            running.cancel()

    old_hook = sys.excepthook
    try:
        return run_on_qt_loop(main)
    finally:
        sys.excepthook = old_hook
        instance.release()
