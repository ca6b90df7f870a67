"""Relay mode on Windows' event loops, proven on Linux: with the platform's default loops
emulated as Windows has them (no ``add_reader``, ``tests/windows_loop.py``), a ``watch`` desk
and a tray desk in relay mode still connect to a real mosquitto and get a ring, because the
app chooses a selector loop wherever it makes one (``ucm_popup/loops.py``)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import STOPPED_BY_SIGTERM
from mqtt_support import RELAY_USER, Broker, mosquitto_available, running_broker
from test_relay_faults import in_process_relay, ring, stop
from test_relay_site import desk_config, passwords, relay_config
from windows_loop import ProactorLikePolicy, proactor_like_qt_loop

from ucm_popup.sim.ucm import UcmSimulator

HERE = Path(__file__).resolve().parent


def test_the_emulated_default_loops_refuse_add_reader_as_windows_does() -> None:
    """The emulation bites: what ``asyncio.run`` or ``qasync.QEventLoop`` would give is no use
    to aiomqtt, so the tests below pass only because the app chooses its loop itself."""
    loop = ProactorLikePolicy().new_event_loop()
    try:
        with pytest.raises(NotImplementedError):
            loop.add_reader(0, lambda: None)
    finally:
        loop.close()


async def _json_line(stream: asyncio.StreamReader, timeout: float = 20.0) -> dict[str, Any]:
    raw = await asyncio.wait_for(stream.readline(), timeout)
    assert raw.endswith(b"\n"), "watch ended without a line"
    data = json.loads(raw)
    assert isinstance(data, dict)
    return data


@STOPPED_BY_SIGTERM
async def test_watch_in_relay_mode_connects_and_rings_on_a_loop_without_add_reader(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        _, relay = await in_process_relay(tmp_path, sim, broker, users)
        watch = await asyncio.create_subprocess_exec(
            sys.executable, str(HERE / "windows_loop.py"), "watch",
            "--config", str(desk_config(tmp_path, broker, "1002")),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env={**os.environ, "UCM_POPUP_MQTT_PASSWORD": users["1002"]})
        try:
            assert watch.stdout is not None and watch.stderr is not None
            connected = await _json_line(watch.stdout)
            assert (connected["event"], connected["extension"]) == ("connected", "1002")
            _, call = await ring(sim)
            ringing = await _json_line(watch.stdout)
            assert (ringing["event"], ringing["call_id"], ringing["number"]) == (
                "ringing", call, "0612345678")
            watch.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(watch.communicate(), 20)
            assert watch.returncode == 0, err.decode()
            assert b"unexpected" not in err
        finally:
            if watch.returncode is None:
                watch.kill()
                await watch.wait()
            await stop(relay)


class _Site:
    """The UCM simulator, a real mosquitto and a real ``ucm-popup relay``, served from a
    thread with a loop of its own while the tray app runs on the main thread."""

    def __init__(self, folder: Path, users: dict[str, str]) -> None:
        self.folder, self.users = folder, users
        self.loop = asyncio.SelectorEventLoop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.relay: subprocess.Popen[bytes] | None = None

    def run(self, coroutine: Any, timeout: float = 30.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def until_ringing(self, extension: str) -> str:
        """Ring ``extension`` from the site's loop; the call's id."""
        _, call = await asyncio.wrap_future(
            asyncio.run_coroutine_threadsafe(ring(self.sim, extension), self.loop))
        return call

    def start(self) -> None:
        self.thread.start()
        self.sim = self.run(UcmSimulator().start())
        self.broker = self.run(Broker(self.folder / "broker", self.users).start())
        self.relay = subprocess.Popen(
            [sys.executable, "-m", "ucm_popup", "relay", "--config",
             str(relay_config(self.folder, self.sim, self.broker))],
            stdout=subprocess.DEVNULL, stderr=open(self.folder / "relay.err", "wb"),
            env={**os.environ, "UCM_POPUP_UCM_PASSWORD": self.sim.password,
                 "UCM_POPUP_MQTT_PASSWORD": self.users[RELAY_USER]})
        self.run(self.sim.wait_subscribed(1, timeout=20))

    def close(self) -> None:
        if self.relay is not None:
            self.relay.terminate()
            self.relay.wait(20)
        if getattr(self, "broker", None) is not None:
            self.run(self.broker.stop())
        if getattr(self, "sim", None) is not None:
            self.run(self.sim.aclose())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.mark.qt
def test_the_tray_in_relay_mode_connects_and_pops_up_on_a_loop_without_add_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qasync
    from test_ui_app import run_app

    from ucm_popup.options import Options
    from ucm_popup.ui.icons import TrayState

    mosquitto_available()
    users = passwords()
    monkeypatch.setattr(qasync, "QEventLoop", proactor_like_qt_loop())
    monkeypatch.setenv("UCM_POPUP_MQTT_PASSWORD", users["1002"])
    site = _Site(tmp_path, users)

    async def script(app: Any) -> dict[str, Any]:
        seen: dict[str, Any] = {"loop": type(asyncio.get_running_loop()).__name__}
        await _until(lambda: app.tray.state is TrayState.CONNECTED)
        seen["tooltip"] = app.tray.tooltip()
        call = await site.until_ringing("1002")
        await _until(lambda: call in app.popups.popups)
        seen["popup"] = app.popups.popups[call].windowTitle()
        return seen

    policy = asyncio.get_event_loop_policy()
    asyncio.set_event_loop_policy(ProactorLikePolicy())
    try:
        site.start()
        options = Options(command=None, config_path=desk_config(tmp_path, site.broker, "1002"),
                          demo=False, verbose=False)
        code, seen = run_app(options, script)
    finally:
        asyncio.set_event_loop_policy(policy)
        site.close()
    assert code == 0
    assert seen["loop"] == "QSelectorEventLoop"
    assert seen["tooltip"].startswith("ucm-popup — Connected"), seen["tooltip"]
    assert "0612345678" in seen["popup"] or "ACME" in seen["popup"], seen["popup"]


async def _until(condition: Any, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)
