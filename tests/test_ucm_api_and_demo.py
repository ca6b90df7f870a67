"""The simulator's HTTPS API (and the small client of it), and the demo UCM."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from typing import Any

import httpx
import pytest
from conftest import load_fixture
from ucm_support import CONNECTED, FAST, Follower, line

from ucm_popup.errors import AuthError, CertificateError, ServiceError
from ucm_popup.settings import UcmSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.demo_data import DEMO_CALLS
from ucm_popup.sim.ucm import UcmSimulator, start_demo_ucm
from ucm_popup.ucm import protocol
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


async def test_api_refusals_against_the_simulator(sim: UcmSimulator) -> None:
    with pytest.raises(AuthError, match=r"refused user 'cdrapi' \(status -37\)"):
        async with UcmApiClient(sim.settings(), "cdrapi", "wrong") as api:
            await api.call("getSystemStatus")
    async with UcmApiClient(sim.settings(), "cdrapi", sim.password) as api:
        with pytest.raises(ServiceError, match="answered status -1 to noSuchAction"):
            await api.call("noSuchAction")
        assert "up-time" in await api.call("getSystemStatus")  # the session is still good


async def test_api_with_a_wrong_pin_sends_no_request(sim: UcmSimulator) -> None:
    pinned_wrong = replace(sim.settings(), fingerprint="cd" * 32)
    with pytest.raises(CertificateError) as caught:
        async with UcmApiClient(pinned_wrong, "cdrapi", sim.password) as api:
            await api.call("getSystemStatus")
    assert caught.value.fingerprint == sim.fingerprint  # shown, so that it can be pinned
    assert "not the pinned fingerprint" in str(caught.value)
    assert sim.api_requests == 0  # not even the challenge with the user name


async def test_api_without_a_pin_does_not_trust_a_self_signed_ucm(sim: UcmSimulator) -> None:
    with pytest.raises(CertificateError, match="not trusted"):
        async with UcmApiClient(sim.settings(pinned=False), "cdrapi", sim.password) as api:
            await api.call("getSystemStatus")
    assert sim.api_requests == 0


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


# -- published answers, through the client's own parsers --------------------------------------
# Kept apart by where they come from (each fixture's "_provenance", see conftest.PROVENANCE):
# LOGIN was recorded from real UCMs (login, channels, dialOutbound); SHAPES are inferred, the
# replies of another project's test double of the /api endpoint; STATUS_CODES are the texts
# of Grandstream's API document.

LOGIN = load_fixture("ucm/https_api_login_and_channels.json", provenance="recorded")
SHAPES = load_fixture("ucm/https_api_response_shapes.json", provenance="inferred")
STATUS_CODES = load_fixture("ucm/https_api_status_codes.json", provenance="vendor")
RECORDED_PASSWORD = "example-password"  # the recording's token is md5(challenge + this)


class ReplayedUcm:
    """Answers each action with a published reply, byte for byte as JSON: recorded from real
    UCMs where we have one (LOGIN), else the inferred shape (SHAPES); ``script`` overrides the
    next answers of an action."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.script: dict[str, list[Any]] = {}
        self.answers: dict[str, Any] = {
            "challenge": LOGIN["challenge_response_cloudUCM"],
            "login": LOGIN["login_response_cloudUCM"],
            "logout": SHAPES["logout"]["reply"],
            "getSystemStatus": SHAPES["getSystemStatus"],
            "getSystemGeneralStatus": SHAPES["getSystemGeneralStatus"],
            "listBridgedChannels": {"response": LOGIN["listBridgedChannels_response_body"],
                                    "status": 0},
            "listUnBridgedChannels": {"response": {"channel": [], "total_page": 1}, "status": 0},
            "dialOutbound": LOGIN["dialOutbound_response"],
        }

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)["request"]
        self.requests.append(body)
        action = body["action"]
        queued = self.script.get(action)
        answer = queued.pop(0) if queued else self.answers.get(
            action, LOGIN["wrong_format_error_cloudUCM"])
        return httpx.Response(200, content=json.dumps(answer).encode())

    def client(self) -> UcmApiClient:
        api = UcmApiClient(UcmSettings(host="pbx", port=8089), "cdrapi", RECORDED_PASSWORD)
        api._client = httpx.AsyncClient(transport=httpx.MockTransport(self))
        return api


async def test_real_ucms_recorded_login_and_bridged_channels() -> None:
    ucm = ReplayedUcm()
    async with ucm.client() as api:
        rows = await api.list_channels(bridged=True)
        assert [(r["channel1"], r["callerid1"], r["inbound_trunk_name"]) for r in rows] == [
            ("PJSIP/trunk_1-0000026e", "+919039096942", "AIRTEL")]
        assert await api.list_channels() == []
        # (inferred: the test double's sample system status)
        assert (await api.call("getSystemGeneralStatus"))["prog-version"] == "1.0.33.30"
        assert await api.call("dialOutbound", caller="1001", outbound="0612345678") == {
            "need_apply": "no"}
    challenge, login = ucm.requests[:2]
    assert challenge == LOGIN["challenge_request"]["request"]
    recorded_login = LOGIN["login_request_cloudUCM"]["request"]
    assert login == {"action": "login", "user": "cdrapi", "token": recorded_login["token"]}
    cookie = LOGIN["login_response_cloudUCM"]["response"]["cookie"]
    assert all(r["cookie"] == cookie for r in ucm.requests[2:])
    assert ucm.requests[-1] == {"action": "logout", "cookie": cookie}


@pytest.mark.parametrize("expired", ["-6", "-8"])
async def test_session_expiry_in_the_inferred_shapes_logs_in_again_once(expired: str) -> None:
    assert expired in STATUS_CODES["_observed_usage"]  # what real clients re-login on
    ucm = ReplayedUcm()
    gone = {**SHAPES["any_action_bad_cookie"], "status": int(expired)}
    ucm.script["getSystemStatus"] = [gone]
    async with ucm.client() as api:
        assert (await api.call("getSystemStatus"))["up-time"] == "2 03:04:05"
    assert [r["action"] for r in ucm.requests] == [
        "challenge", "login", "getSystemStatus", "challenge", "login", "getSystemStatus",
        "logout"]
    ucm.script["getSystemStatus"] = [gone, gone]  # still refused after a fresh login
    with pytest.raises(ServiceError, match=f"answered status {expired} to getSystemStatus"):
        async with ucm.client() as api:
            await api.call("getSystemStatus")


async def test_refusals_in_the_inferred_shapes_are_one_line_errors() -> None:
    ucm = ReplayedUcm()
    ucm.script["login"] = [SHAPES["login_bad_token"]]
    with pytest.raises(AuthError, match=r"refused user 'cdrapi' \(status -37\)"):
        async with ucm.client() as api:
            await api.call("getSystemStatus")
    assert STATUS_CODES["-37"] == "Wrong account or password!"
    ucm = ReplayedUcm()
    ucm.script["listBridgedChannels"] = [SHAPES["denied_action"]]
    async with ucm.client() as api:
        with pytest.raises(ServiceError, match="answered status -47 to listBridgedChannels"):
            await api.list_channels(bridged=True)
        with pytest.raises(ServiceError, match="answered status -1 to recapi"):
            await api.call("recapi", recording_file="x.wav")  # the recorded -1 answer
        # cdrapi of firmware 1.0.33.30 answers with no status at all: an error, not a crash
        ucm.script["cdrapi"] = [SHAPES["cdrapi_reply_no_status"]]
        with pytest.raises(ServiceError, match="answered status None to cdrapi"):
            await api.call("cdrapi")


def test_documented_and_inferred_websocket_replies_read_in_both_forms() -> None:
    handshake = load_fixture("ucm/ws_handshake.json")
    rows = load_fixture("ucm/ws_responses_and_call_rows.json")
    documented = protocol.parse_frame(json.dumps(handshake["challenge_response_as_documented"]))
    assert documented is not None and protocol.is_reply(documented)
    assert protocol.reply_challenge(documented) == "0000001652831717"
    assert protocol.reply_status(documented) == 0 and protocol.reply_action(documented) == ""
    used = rows["ws_response_envelope_used_by_working_clients"]
    for action in ("challenge", "login", "subscribe"):
        frame = protocol.parse_frame(json.dumps(used[f"{action}_response"]).encode())
        assert frame is not None and protocol.is_reply(frame) and not protocol.is_notify(frame)
        assert (protocol.reply_action(frame), protocol.reply_status(frame)) == (action, 0)
    beat = protocol.parse_frame(json.dumps(handshake["heartbeat_response"]))
    assert beat is not None and protocol.reply_status(beat) == 0  # "0", a string
    for notify in (handshake["notify_PbxStatus_example"], rows["notify_frame_message_may_be_list"]):
        frame = protocol.parse_frame(json.dumps(notify))
        assert frame is not None and protocol.is_notify(frame) and not protocol.is_reply(frame)


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000,
                                  b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                                  b"\xff\xfe not UTF-8", b"[1, 2]"])
async def test_api_answer_that_is_not_a_json_object_is_one_service_error(body: bytes) -> None:
    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body)

    api = UcmApiClient(UcmSettings(host="pbx", port=8089), "cdrapi", "secret")
    api._client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    async with api:
        with pytest.raises(ServiceError, match="pbx:8089 answered something that is not a JSON"):
            await api.call("getSystemStatus")
