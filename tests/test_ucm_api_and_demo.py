"""The simulator's HTTPS API (and the small client of it), and the demo UCM."""

from __future__ import annotations

import time
from dataclasses import replace

import httpx
import pytest
from ucm_support import CONNECTED, FAST, Follower, line

from ucm_popup.errors import AuthError, CertificateError, ServiceError
from ucm_popup.settings import UcmSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.demo_data import DEMO_CALLS
from ucm_popup.sim.ucm import UcmSimulator, start_demo_ucm
from ucm_popup.ucm.api import UcmApiClient
from ucm_popup.ucm.stream import UcmEventStream


async def test_api_lists_the_channels_of_a_ringing_call(sim: UcmSimulator) -> None:
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME")
    await sim.play(steps[:1])
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        rows = await api.list_channels()
        assert {row["channel"][:11] for row in rows} == {"PJSIP/trunk", "PJSIP/1002-"}
        ringing = next(row for row in rows if row["state"] == "Ringing")
        assert ringing["connectednum"] == "0612345678"  # inverted on the rung leg
        assert await api.list_channels(bridged=True) == []
        status = await api.call("getSystemStatus")
        assert "up-time" in status
        api._cookie = "sid1-expired"  # the UCM forgot the session: log in again, once
        assert len(await api.list_channels()) == 2


async def test_api_status_codes(sim: UcmSimulator) -> None:
    url = f"https://127.0.0.1:{sim.port}/api"
    async with httpx.AsyncClient(verify=False) as client:  # the raw protocol, no trust needed
        async def post(request: dict[str, object]) -> dict[str, object]:
            reply = (await client.post(url, json={"request": request})).json()
            assert isinstance(reply, dict)
            return reply

        challenge = await post({"action": "challenge", "user": "cdrapi", "version": "1.0"})
        assert challenge["status"] == 0
        bad = await post({"action": "login", "user": "cdrapi", "token": "0" * 32})
        assert bad == {"response": {}, "status": -37}
        assert (await post({"action": "getSystemStatus", "cookie": "sid1-1"}))["status"] == -6
        assert (await post({"nothing": 1}))["status"] == -1
    with pytest.raises(AuthError, match="cdrapi"):
        async with UcmApiClient(sim.settings(), "cdrapi", "wrong") as api:
            await api.call("getSystemStatus")
    with pytest.raises(CertificateError):
        pinned_wrong = replace(sim.settings(), fingerprint="cd" * 32)
        async with UcmApiClient(pinned_wrong, "cdrapi", sim.password) as api:
            await api.call("getSystemStatus")


async def test_demo_rings_the_cycle() -> None:
    demo = await start_demo_ucm(schedule=False)
    try:
        assert demo.settings.host == "127.0.0.1" and demo.settings.extension == "1002"
        assert demo.settings.fingerprint == demo.simulator.fingerprint
        f = Follower(UcmEventStream(demo.settings, demo.password, **FAST))
        assert await f.lines(1) == [CONNECTED]
        seen = []
        for call in DEMO_CALLS:
            before = time.perf_counter()
            sent = await demo.ring_now()
            assert before <= sent <= time.perf_counter()
            event = line(await f.next())
            assert event["event"] == "ringing"
            seen.append((event["direction"], event["number"], event["name"]))
            assert (event["number"], event["name"]) == (call.caller_number, call.caller_name)
        assert [d for d, _n, _m in seen] == ["inbound"] * 4 + ["internal"]
        await f.aclose()
    finally:
        await demo.aclose()


async def test_demo_schedule_rings_about_three_seconds_after_start() -> None:
    demo = await start_demo_ucm(schedule=True)
    try:
        f = Follower(UcmEventStream(demo.settings, demo.password, **FAST))
        start = time.monotonic()
        assert await f.lines(1) == [CONNECTED]
        event = line(await f.next(timeout=8))
        assert event["event"] == "ringing" and 1.5 < time.monotonic() - start < 6
        await f.aclose()
    finally:
        await demo.aclose()
    assert not demo._tasks  # the schedule and the call being played were stopped


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000,
                                  b'{"a":' * 5000 + b"1" + b"}" * 5000,
                                  b"\xff\xfe not UTF-8", b"[1, 2]"])
async def test_api_answer_that_is_not_a_json_object_is_one_service_error(body: bytes) -> None:
    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    api = UcmApiClient(UcmSettings(host="pbx", port=8089), "cdrapi", "secret")
    api._client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    async with api:
        with pytest.raises(ServiceError, match="pbx:8089 answered something that is not a JSON"):
            await api.call("getSystemStatus")
