"""Every kind of call on a real X server (Xvfb) with a real tray host: the tray app, run as a
user runs it, follows the UCM simulator (TLS, pinned) through an outgoing call, a blind and
an attended transfer to the agent, the agent transferring a call away, and a pickup; the
popup names the right party at each step (its window title) and says what happened."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS
from test_e2e_tray import desktop, screenshot

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]
__all__ = ["desktop"]  # the X server fixture, shared with the tray test


def popups(hooks: Path) -> list[dict[str, Any]]:
    try:
        return list(json.loads((hooks / "popups.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


async def popup_where(hooks: Path, what: str, test: Any, timeout: float = 15.0) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            for popup in popups(hooks):
                if test(popup):
                    return popup
            await asyncio.sleep(0.05)
    raise AssertionError(what)  # (unreachable: the timeout raises)


async def no_popup(hooks: Path, call_id: str, timeout: float = 15.0) -> None:
    async with asyncio.timeout(timeout):
        while any(p["call_id"] == call_id for p in popups(hooks)):
            await asyncio.sleep(0.05)


def linkedid(steps: list[sc.Step], prefix: str = "") -> str:
    for step in steps:
        for name, body in step.items:
            for row in body if name == "ActiveCallStatus" else []:
                if row.get("action") == "add" and str(row.get("channel")).startswith(prefix):
                    return str(row["linkedid"])
    raise AssertionError("no leg")


async def test_the_popup_follows_every_kind_of_call(desktop: dict[str, str], tmp_path: Path,
                                                    sim: UcmSimulator) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[ucm]\nhost = "127.0.0.1"\nport = {sim.port}\nusername = "{sim.username}"\n'
        f'extension = "1002"\nfingerprint = "{sim.fingerprint}"\n\n'
        '[crm]\nprovider = "none"\n\n'
        '[popup]\noutbound_calls = true\nclose_after_answered_s = 1\n', encoding="utf-8")
    hooks, runtime = tmp_path / "hooks", tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "XDG_STATE_HOME": str(tmp_path / "state"), "UCM_POPUP_TEST_HOOK_DIR": str(hooks),
           "UCM_POPUP_UCM_PASSWORD": sim.password}
    log = (tmp_path / "app.log").open("w")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ucm_popup", "--config", str(config), "-v", env=env,
        stdout=log, stderr=log)
    try:
        await sim.wait_subscribed(timeout=30)
        rows = sim.rows

        # The agent calls a customer: "Calling …", the call, then it goes.
        steps = sc.outgoing_call(rows, number="0612345678", ring_s=1.0, talk_s=1.0)
        key = linkedid(steps)
        play = asyncio.create_task(sim.play(steps))
        popup = await popup_where(hooks, "an outgoing popup",
                                  lambda p: p["status"] == "Calling 0612345678")
        assert popup["call_id"] == key and popup["title"].startswith("0612345678 — ")
        screenshot(env, ARTIFACTS / "e2e-outgoing-call.png")
        await popup_where(hooks, "the call answered",
                          lambda p: p["call_id"] == key and p["status"].startswith("On call"))
        await play
        await no_popup(hooks, key)

        # A colleague transfers a caller blind: the popup names the caller, not 1003.
        steps = sc.blind_transfer_call(rows, caller="0144556677", name="DUBOIS", ring_s=0.5,
                                       talk_s=1.0)
        key = linkedid(steps)
        play = asyncio.create_task(sim.play(steps))
        popup = await popup_where(hooks, "the transferred caller's popup",
                                  lambda p: p["call_id"] == key)
        assert popup["title"].startswith("DUBOIS — ") and popup["status"] == "Incoming call"
        await play
        await no_popup(hooks, key)

        # An attended transfer: 1003 first, then the caller once 1003 completes it.
        steps = sc.attended_transfer_call(rows, caller="0478123456", name="LYON LOGISTIQUE",
                                          ring_s=0.5, talk_s=1.5)
        key = linkedid(steps, "PJSIP/1002-")
        play = asyncio.create_task(sim.play(steps))
        popup = await popup_where(hooks, "1003's call", lambda p: p["call_id"] == key)
        assert popup["title"].startswith("1003 — ")
        await popup_where(hooks, "the caller after the transfer",
                          lambda p: p["title"].startswith("LYON LOGISTIQUE — "))
        screenshot(env, ARTIFACTS / "e2e-transferred-call.png")
        await play
        await no_popup(hooks, key)

        # The agent transfers a call away: the popup says where it went, then closes.
        steps = sc.transfer_away_call(rows, caller="0612345678", name="ACME Corp",
                                      ring_s=0.5, talk_s=1.5)
        key = linkedid(steps)
        play = asyncio.create_task(sim.play(steps))
        await popup_where(hooks, "where the call went",
                          lambda p: p["call_id"] == key and p["status"] == "Transferred to 1003")
        await play
        await no_popup(hooks, key)

        # The agent picks up 1003's ringing phone: the caller pops up, answered.
        steps = sc.pickup_call(rows, caller="0612345678", name="ACME Corp", ring_s=0.5,
                               talk_s=1.5)
        key = linkedid(steps)
        play = asyncio.create_task(sim.play(steps))
        await popup_where(hooks, "the picked-up call",
                          lambda p: p["call_id"] == key and p["title"].startswith("ACME Corp — ")
                          and p["status"].startswith("On call"))
        await play
        await no_popup(hooks, key)
    except BaseException:
        screenshot(env, ARTIFACTS / "e2e-failure-calls.png")
        log.flush()
        print((tmp_path / "app.log").read_text()[-5000:])
        raise
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
        log.close()
