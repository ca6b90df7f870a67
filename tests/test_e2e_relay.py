"""End to end on a real X server with a real tray host, in relay mode: the tray app on a desk
that holds no UCM password and no CRM credentials, a real ``ucm-popup relay`` that looks the
caller up in the Zoho simulator, and a real mosquitto between them. A ring at the simulated
UCM pops up the caller's record on the desk."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS
from mqtt_support import RELAY_USER, Broker, mosquitto_available
from test_e2e_tray import RECORD_NAME, desktop, docked_tray_icon, screenshot, stop
from test_e2e_tray import windows_named as named
from test_relay_site import desk_config, passwords, ucm_toml

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import start_demo_zoho

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]
__all__ = ["desktop"]


async def until(what: str, condition: Callable[[], Any], timeout: float = 20.0) -> Any:
    """``wait_for`` that lets this loop's simulators and broker run meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await asyncio.to_thread(condition)
        if value:
            return value
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


async def test_a_ring_pops_up_the_relays_record_on_a_desk_without_ucm_password(
        desktop: dict[str, str], tmp_path: Path, request: pytest.FixtureRequest) -> None:
    mosquitto_available()
    users = passwords()
    sim = await UcmSimulator().start()
    zoho = await start_demo_zoho()
    broker = await Broker(tmp_path / "broker", users).start()
    z = zoho.settings
    relay_config = tmp_path / "relay.toml"
    relay_config.write_text(
        ucm_toml(sim) + '\n[crm]\nprovider = "zoho-v2"\ndefault_region = "FR"\n\n'
        f'[zoho_v2]\nserver = "{z.server}"\naccounts_url = "{z.accounts_url}"\n'
        f'web_url = "{z.web_url}"\nclient_id = "{z.client_id}"\n\n'
        + broker.mqtt_toml(RELAY_USER) + "\n[relay]\ncrm_lookup = true\n")
    relay = subprocess.Popen(
        [sys.executable, "-m", "ucm_popup", "relay", "--config", str(relay_config)],
        env={**os.environ, "UCM_POPUP_UCM_PASSWORD": sim.password,
             "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER],
             "UCM_POPUP_ZOHO_CLIENT_SECRET": zoho.client_secret,
             "UCM_POPUP_ZOHO_REFRESH_TOKEN": zoho.refresh_token},
        stderr=subprocess.PIPE)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "UCM_POPUP_MQTT_PASSWORD": users["1002"]}
    for name in ("UCM_POPUP_UCM_PASSWORD", "UCM_POPUP_ZOHO_CLIENT_SECRET",
                 "UCM_POPUP_ZOHO_REFRESH_TOKEN"):
        env.pop(name, None)
    log_path = tmp_path / "app.log"
    log = log_path.open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "ucm_popup", "--config",
         str(desk_config(tmp_path, broker, "1002")), "-v"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        await sim.wait_subscribed(1, timeout=30)
        await until("the tray icon", lambda: "tray icon shown" in log_path.read_text())
        await until("the icon docked in trayer's panel", lambda: docked_tray_icon(env))
        await until("the desk to reach the relay",
                    lambda: "UCM connected" in log_path.read_text())
        steps = sc.ring_call(sim.rows, caller="0612345678", name="", rings=("1002",),
                             answered_by="1002", ring_s=30)
        await sim.play(steps[:1])
        await until(f"a popup titled {RECORD_NAME!r}", lambda: named(env, RECORD_NAME),
                    timeout=30)
        await asyncio.to_thread(screenshot, env, ARTIFACTS / "e2e-relay-popup.png")
        app.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(app.wait, 15) == 0
        relay.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(relay.wait, 15) == 0
    except BaseException:
        screenshot(env, ARTIFACTS / f"e2e-failure-{request.node.name}.png")
        print(log_path.read_text()[-5000:])
        raise
    finally:
        stop(app)
        stop(relay)
        log.close()
        await broker.stop()
        await zoho.aclose()
        await sim.aclose()
