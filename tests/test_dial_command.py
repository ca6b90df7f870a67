"""Click-to-dial over real TLS: the API client's dial, the simulator's API side and call rows,
and ``ucm-popup dial`` as a user runs it."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ucm_popup.dial import Dialer
from ucm_popup.errors import AuthError, ServiceError, SettingsError
from ucm_popup.secrets import UCM_API_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.api import UcmApiClient


def dial_settings(sim: UcmSimulator) -> Settings:
    return Settings(ucm=sim.settings(), crm=CrmSettings(provider="none", default_region="FR"))


def accepted(sim: UcmSimulator) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "cookie"} for r in sim.dial_requests()]


async def test_dial_outbound_and_extension_reach_the_ucm(sim: UcmSimulator) -> None:
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        await api.dial("1002", "0612345678")
        await api.dial("1002", "1003", internal=True)
    assert accepted(sim) == [
        {"action": "dialOutbound", "caller": "1002", "outbound": "0612345678"},
        {"action": "dialExtension", "caller": "1002", "callee": "1003"},
    ]


async def test_an_expired_cookie_logs_in_again_and_dials_once(sim: UcmSimulator) -> None:
    dialer = Dialer(dial_settings(sim), MemorySecretStore({UCM_API_PASSWORD: sim.password}))
    try:
        await dialer.dial("06 12 34 56 78")
        sim.expire_api_sessions()
        result = await dialer.dial("+33 6 98 76 54 32")
    finally:
        await dialer.aclose()
    assert result.to_json() == {"extension": "1002", "number": "0698765432", "via": "ucm"}
    logins = [r for r in sim.api_received if r["action"] == "login"]
    assert len(logins) == 2  # one for the first dial, one after the UCM forgot the session
    statuses = [r["outbound"] for r in sim.dial_requests()]
    assert statuses == ["0612345678", "0698765432", "0698765432"]  # refused -6, then again


async def test_refusals_name_the_setting_to_check(sim: UcmSimulator) -> None:
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        sim.api_may_dial = False
        with pytest.raises(AuthError, match=r"status -47, no permission.*Permitted IP\(s\)"):
            await api.dial("1002", "0612345678")
        sim.api_may_dial = True
        with pytest.raises(ServiceError, match=r"status -15.*extension 1099 exists.*outbound "
                                               r"permission"):
            await api.dial("1099", "0612345678")
        with pytest.raises(ServiceError, match=r"extensions 1002 and 1099 both exist"):
            await api.dial("1002", "1099", internal=True)
        sim.dial_actions.clear()  # firmware without click-to-dial
        with pytest.raises(ServiceError, match=r"status -1\).*firmware may lack click-to-dial"):
            await api.dial("1002", "0612345678")
    with pytest.raises(AuthError, match="check the API user and password"):
        async with UcmApiClient(sim.settings(), "cdrapi", "wrong") as api:
            await api.dial("1002", "0612345678")


async def channels_when(api: UcmApiClient, ready: Callable[[list[dict[str, Any]]], bool],
                        bridged: bool = False) -> list[dict[str, Any]]:
    """The UCM's channel rows once ``ready`` holds for them (a generous deadline)."""
    async with asyncio.timeout(30):
        while not ready(rows := await api.list_channels(bridged=bridged)):
            await asyncio.sleep(0.01)
    return rows


async def test_the_simulator_plays_a_click_to_dial_call_as_the_ucm_originates_it(
    sim: UcmSimulator, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The call's phases (pick-up, far answer, hang-up) end when the test says, not after a
    # time the test would race against: each row set is read while it holds.
    next_phase: asyncio.Queue[None] = asyncio.Queue()

    async def play_phase_by_phase(steps: list[Any], speed: float = 1.0,
                                  ringing: Any = None) -> None:
        for step in steps:
            if step.delay_s > 0:
                await next_phase.get()
            await sim.notify(step.items)

    monkeypatch.setattr(sim, "play", play_phase_by_phase)
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        await api.dial("1002", "0612345678")
        (agent,) = await channels_when(api, lambda rows: len(rows) == 1)
        assert agent["channel"].startswith("PJSIP/1002-") and agent["state"] == "Ringing"
        assert agent["uniqueid"] == agent["linkedid"]  # the first channel of its call
        assert agent["callernum"] == agent["connectednum"] == "0612345678"
        assert agent["inbound_trunk_name"] == ""
        next_phase.put_nowait(None)  # the agent picks up: the trunk is dialled
        rows = await channels_when(api, lambda rows: len(rows) == 2)
        legs = {row["channel"][:11]: row for row in rows}
        assert legs["PJSIP/1002-"]["state"] == "Up"
        assert legs["PJSIP/trunk"]["state"] == "Ringing"
        assert await api.list_channels(bridged=True) == []
        next_phase.put_nowait(None)  # the far end answers: the two are bridged
        (joined,) = await channels_when(api, lambda rows: len(rows) == 1, bridged=True)
        legs = {row["channel"][:11]: row for row in await api.list_channels()}
        assert legs["PJSIP/1002-"]["state"] == "Up"
        trunk = legs["PJSIP/trunk"]
        assert legs["PJSIP/1002-"]["channel"] == agent["channel"]
        assert trunk["linkedid"] == agent["linkedid"] != trunk["uniqueid"]
        assert trunk["state"] == "Up"
        assert (joined["channel1"], joined["channel2"]) == (agent["channel"], trunk["channel"])
        assert joined["linkedid"] == ""
        assert (joined["uniqueid1"], joined["uniqueid2"]) == (agent["uniqueid"],
                                                              trunk["uniqueid"])
        next_phase.put_nowait(None)  # hang-up
        await channels_when(api, lambda rows: rows == [])
        assert await api.list_channels(bridged=True) == []


async def test_watch_prints_dialing_for_a_click_to_dial_call(sim: UcmSimulator,
                                                             tmp_path: Path) -> None:
    from test_watch_command import Watch
    from test_watch_command import write_config as watch_config

    sim.pickup_s, sim.far_answer_s, sim.talk_s = 0.2, 0.2, 0.2
    watch = await Watch.start("--config", str(watch_config(tmp_path / "watch.toml", sim)),
                              env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
            await api.dial("1002", "0612345678")
        lines = [await watch.line()]
        while lines[-1]["event"] != "ended":
            lines.append(await watch.line())
    finally:
        await watch.stop()
    assert [line["event"] for line in lines] == ["dialing", "answered", "ended"]
    assert (lines[0]["number"], lines[0]["direction"], lines[0]["trunk"]) == (
        "0612345678", "outbound", "MyTrunk")
    assert lines[-1]["answered"] is True


# -- the command, as a user runs it --------------------------------------------------------


def write_config(path: Path, sim: UcmSimulator, **ucm: Any) -> Path:
    values: dict[str, Any] = {"host": "127.0.0.1", "port": sim.port, "username": sim.username,
                              "extension": "1002", "fingerprint": sim.fingerprint,
                              "api_username": "cdrapi", **ucm}
    body = "\n".join(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text(f'[ucm]\n{body}\n\n[crm]\nprovider = "none"\ndefault_region = "FR"\n\n'
                    '[dial]\noutside_prefix = "0"\n', encoding="utf-8")
    return path


async def run_dial(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ucm_popup", "dial", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_dial_command_prints_what_the_ucm_was_sent(sim: UcmSimulator,
                                                         tmp_path: Path) -> None:
    config = write_config(tmp_path / "config.toml", sim)
    env = {"UCM_POPUP_UCM_API_PASSWORD": sim.password}
    code, out, err = await run_dial("--config", str(config), "tel:+33612345678", env=env)
    assert (code, err) == (0, "")
    assert json.loads(out) == {"extension": "1002", "number": "00612345678", "via": "ucm"}
    assert accepted(sim) == [{"action": "dialOutbound", "caller": "1002",
                              "outbound": "00612345678"}]
    assert sim.password not in out + err


@pytest.mark.parametrize("number", [
    "abc", "", "1234567890123456789012345678901234567890", "tel:+33612345678;phone-context=+1",
    "+999 1234",
])
async def test_dial_command_refuses_bad_numbers_before_the_ucm(
    sim: UcmSimulator, tmp_path: Path, number: str
) -> None:
    config = write_config(tmp_path / "config.toml", sim)
    code, out, err = await run_dial("--config", str(config), number,
                                    env={"UCM_POPUP_UCM_API_PASSWORD": sim.password})
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("ucm-popup: ") and "Traceback" not in err
    assert sim.api_requests == 0  # not even a login


async def test_dial_command_failures_are_one_line_with_their_exit_code(
    sim: UcmSimulator, tmp_path: Path
) -> None:
    password = {"UCM_POPUP_UCM_API_PASSWORD": sim.password}
    no_user = write_config(tmp_path / "no-user.toml", sim, api_username="")
    code, out, err = await run_dial("--config", str(no_user), "0612345678", env=password)
    assert (code, out) == (2, "") and "api_username" in err
    config = write_config(tmp_path / "config.toml", sim)
    code, out, err = await run_dial("--config", str(config), "0612345678")
    assert (code, out) == (2, "") and "UCM_POPUP_UCM_API_PASSWORD" in err
    sim.api_may_dial = False
    code, out, err = await run_dial("--config", str(config), "0612345678", env=password)
    assert (code, out) == (3, "") and "Permitted IP(s)" in err and err.count("\n") == 1
    sim.api_may_dial = True
    unknown = write_config(tmp_path / "unknown.toml", sim, extension="1099")
    code, out, err = await run_dial("--config", str(unknown), "0612345678", env=password)
    assert (code, out) == (4, "") and "extension 1099 exists" in err
    await sim.aclose()  # nobody answers at all
    code, out, err = await run_dial("--config", str(config), "0612345678", env=password)
    assert (code, out) == (4, "") and "cannot reach the UCM API" in err


async def test_dial_demo_dials_on_the_simulated_ucm() -> None:
    code, out, err = await run_dial("--demo", "+33 6 12 34 56 78")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"extension": "1002", "number": "0612345678", "via": "ucm"}


async def test_a_missing_password_is_a_settings_error(sim: UcmSimulator) -> None:
    dialer = Dialer(dial_settings(sim), MemorySecretStore())
    with pytest.raises(SettingsError, match="UCM API password is not set"):
        await dialer.dial("0612345678")


@pytest.mark.parametrize(("argv", "expected"), [
    (["tel:+33612345678"], ["dial", "tel:+33612345678"]),
    (["--demo", "CALLTO:1003"], ["--demo", "dial", "CALLTO:1003"]),
    (["--config", "tel:x.toml", "watch"], ["--config", "tel:x.toml", "watch"]),
    (["lookup", "tel:1"], ["lookup", "tel:1"]),
])
def test_a_link_as_the_only_argument_is_dialled(argv: list[str], expected: list[str]) -> None:
    from ucm_popup.cli import with_link_as_dial

    assert with_link_as_dial(argv) == expected
