"""The published UCM WebSocket frames (tests/fixtures/ucm/ws_*.json) through the client's code.

Each fixture says where it comes from ("_provenance": recorded from real UCMs, the vendor's
own documents, or inferred by us; see conftest.PROVENANCE). Each answer goes through
``ucm/protocol.py``'s parsers and the call tracker; the handshake replies, notify frames and the
inbound call are also served verbatim, over TLS on loopback, to the real ``UcmEventStream``:
what the user would see is the popup's number and name, then answered, then ended, on a link
that stays up.
"""

from __future__ import annotations

import hashlib
import json
import ssl
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, PROVENANCE, load_fixture
from ucm_support import CONNECTED, Follower, answered, ended, ringing
from websockets.asyncio.server import ServerConnection, serve

from ucm_popup.settings import UcmSettings
from ucm_popup.sim.ucm_certificate import make_certificate
from ucm_popup.ucm import protocol
from ucm_popup.ucm.events import Answered, Ended, Ringing
from ucm_popup.ucm.stream import UcmEventStream
from ucm_popup.ucm.tls import certificate_fingerprint
from ucm_popup.ucm.tracker import CallTracker

X = "1002"
CALL = "1747307232.1022"
HANDSHAKE = load_fixture("ucm/ws_handshake.json")
RESPONSES = load_fixture("ucm/ws_responses_and_call_rows.json")
BODIES = load_fixture("ucm/ws_event_bodies.json")
GUI = load_fixture("ucm/ws_gui_cookie_login_and_subscriptions.json")
INBOUND = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
WORKING_CLIENTS = RESPONSES["ws_response_envelope_used_by_working_clients"]


# Words the fixtures' own notes use for what nobody captured from a device.
NOT_CAPTURED = ("test double", "reconstructed", "rebuilt", "invented")


def test_every_ucm_fixture_says_where_it_comes_from() -> None:
    """Real recordings apart from shapes we inferred: a file whose notes say it was rebuilt,
    or transcribed from a test double, is never labelled a recording of a real UCM."""
    files = sorted((FIXTURES / "ucm").glob("*.json"))
    assert len(files) >= 8
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data.get("_provenance") in PROVENANCE, path.name
        notes = json.dumps({k: v for k, v in data.items() if k.startswith("_")}).lower()
        if any(word in notes for word in NOT_CAPTURED):
            assert data["_provenance"] == "inferred", path.name
        assert any(k in data for k in ("_source", "_sources", "_WARNING")), path.name


def parsed(frame: Any) -> dict[str, Any]:
    """A recorded frame as the stream reads it: its text through ``parse_frame``."""
    result = protocol.parse_frame(json.dumps(frame))
    assert result is not None
    return result


def notify_frame(eventname: str, eventbody: Any) -> dict[str, Any]:
    """A notify in the recorded envelope, with this name and body."""
    frame = json.loads(json.dumps(HANDSHAKE["notify_envelope"]))
    frame["message"].update(eventname=eventname, eventbody=eventbody)
    return frame


def sample_frames() -> list[dict[str, Any]]:
    """Every recorded notify of events other than X's calls, as frames."""
    frames = [notify_frame(s["eventname"], s["eventbody"]) for s in BODIES.values()
              if isinstance(s, dict) and "eventname" in s]
    return [*frames, HANDSHAKE["notify_PbxStatus_example"],
            RESPONSES["notify_frame_message_may_be_list"]]


# -- the parsers -------------------------------------------------------------------------


@pytest.mark.parametrize("frame", [
    HANDSHAKE["challenge_response_as_documented"],  # {"response": {...}, "status": 0}
    WORKING_CLIENTS["challenge_response"],  # {"type": "response", "message": {...}}
], ids=["form_b", "form_a"])
def test_recorded_challenge_replies_give_the_challenge_in_either_form(frame: Any) -> None:
    reply = parsed(frame)
    assert protocol.is_reply(reply) and not protocol.is_notify(reply)
    assert protocol.reply_status(reply) == 0
    challenge = protocol.reply_challenge(reply)
    assert challenge == (frame.get("response") or frame["message"])["challenge"]
    assert protocol.login_token(challenge, "secret") == hashlib.md5(
        (challenge + "secret").encode()).hexdigest()


@pytest.mark.parametrize(("frame", "action"), [
    (WORKING_CLIENTS["login_response"], "login"),
    (WORKING_CLIENTS["subscribe_response"], "subscribe"),
    (HANDSHAKE["subscribe_response"], "subscribe"),
    (HANDSHAKE["heartbeat_response"], "heartbeat"),  # status "0", a string
])
def test_recorded_replies_read_as_accepted(frame: Any, action: str) -> None:
    reply = parsed(frame)
    assert protocol.is_reply(reply) and not protocol.is_notify(reply)
    assert protocol.reply_action(reply) == action
    assert protocol.reply_status(reply) == 0


@pytest.mark.parametrize(("recorded", "action", "fields"), [
    (HANDSHAKE["challenge_request"], "challenge", {"username": "popup", "version": "1"}),
    (RESPONSES["login_request_used_by_working_clients"], "login",
     {"username": "popup", "token": "0" * 32}),
    (HANDSHAKE["subscribe_request"], "subscribe", {"eventnames": ["ActiveCallStatus"]}),
    (GUI["subscribe_frame_example"], "subscribe", {"eventnames": ["ActiveCallStatus"]}),
    (HANDSHAKE["heartbeat_request"], "heartbeat", {}),
    (GUI["logout"], "logout", {}),
])
def test_requests_have_the_shape_of_the_recorded_ones(recorded: Any, action: str,
                                                      fields: dict[str, Any]) -> None:
    sent = json.loads(protocol.request(action, **fields))
    assert sent.keys() == {k for k in recorded if not k.startswith("_")}  # "_where": a note
    assert sent["type"] == "request"
    assert sent["message"].keys() == recorded["message"].keys()
    assert sent["message"]["action"] == action


def test_the_subscription_is_the_one_the_ucm_pages_for_extensions_and_calls_use() -> None:
    pages = GUI["per_page_subscriptions"]
    assert set(protocol.EVENT_NAMES) == {*pages["extension"], *pages["activityCall"]}


def test_every_recorded_notify_is_read_as_one_and_gives_no_call_events() -> None:
    for frame in sample_frames():
        message = parsed(frame)
        assert protocol.is_notify(message) and not protocol.is_reply(message)
        for extension in (X, "1000", "4000"):  # 1000 rings in one of them: status only
            tracker = CallTracker(extension)
            assert tracker.feed_message(message["message"]) == []
            assert tracker.connection_lost() == []


def test_the_recorded_bridge_row_answers_a_ringing_4000() -> None:
    """The guide's bridge row (as transcribed: one ``channel``) answers 4000's ringing."""
    row = BODIES["ActiveCallStatus_bridge_as_transcribed"]["eventbody"][0]
    tracker = CallTracker("4000")
    ring = tracker.feed("ActiveCallStatus", [{
        "action": "add", "chantype": "unbridge", "channel": row["channel"], "state": "Ringing",
        "linkedid": "1.1", "uniqueid": "1.2", "connectednum": row["callerid2"]}])
    assert [(type(e), getattr(e, "number", "")) for e in ring] == [(Ringing, "4001")]
    assert [type(e) for e in tracker.feed("ActiveCallStatus", [row])] == [Answered]


def test_the_recorded_delete_row_ends_the_popup_of_its_channel() -> None:
    row = RESPONSES["ActiveCallStatus_delete_row"]["eventbody"][0]
    tracker = CallTracker("1802")
    ring = tracker.feed("ActiveCallStatus", [{
        "action": "add", "chantype": "unbridge", "channel": row["channel"], "state": "Ringing",
        "linkedid": "9.1", "uniqueid": "9.2", "connectednum": "0612345678"}])
    assert [type(e) for e in ring] == [Ringing]
    out = tracker.feed_message(parsed(notify_frame("ActiveCallStatus", [row]))["message"])
    assert [(type(e), e.call_id) for e in out] == [(Ended, "9.1")]
    assert tracker.state_sizes()["legs"] == 0


def test_the_tracker_reads_only_fields_the_recorded_rows_have() -> None:
    fields = RESPONSES["ActiveCallStatus_leg_fields"]
    unbridge = set(fields["fields_unbridge"])
    bridge = {f.split(" ")[0] for f in fields["fields_bridge"]}
    assert {"channel", "chantype", "action", "uniqueid", "linkedid", "state", "service",
            "callernum", "callername", "connectednum", "connectedname",
            "inbound_trunk_name"} <= unbridge
    assert {"channel1", "channel2", "linkedid"} <= bridge


def test_the_recorded_inbound_call_pops_up_with_the_caller_then_answers_and_ends() -> None:
    tracker = CallTracker(X)
    events = [e for frame in INBOUND for e in tracker.feed_message(parsed(frame)["message"])]
    assert [type(e) for e in events] == [Ringing, Answered, Ended]
    ring, _, end = events
    assert isinstance(ring, Ringing) and isinstance(end, Ended)
    assert (ring.call_id, ring.number, ring.name, ring.direction, ring.trunk) == (
        CALL, "0612345678", "ACME Corp", "inbound", "MyTrunk")
    assert end.answered and not end.answered_elsewhere


# -- served verbatim to the real stream ----------------------------------------------------


RECORDED_REPLIES = {
    "challenge": HANDSHAKE["challenge_response_as_documented"],
    "login": WORKING_CLIENTS["login_response"],
    "subscribe": HANDSHAKE["subscribe_response"],
    "heartbeat": HANDSHAKE["heartbeat_response"],
}


class RecordedUcm:
    """A TLS WebSocket on loopback that answers with the recorded replies, word for word,
    and then sends the recorded notify frames."""

    def __init__(self, frames: list[dict[str, Any]]) -> None:
        self.frames = frames
        self.requests: list[dict[str, Any]] = []
        self.fingerprint = ""
        self.port = 0

    async def handler(self, ws: ServerConnection) -> None:
        async for text in ws:
            message = json.loads(text)["message"]
            self.requests.append(message)
            await ws.send(json.dumps(RECORDED_REPLIES[message["action"]]))
            if message["action"] == "subscribe":
                for frame in self.frames:
                    await ws.send(json.dumps(frame))

    def settings(self) -> UcmSettings:
        return UcmSettings(host="127.0.0.1", port=self.port, username="popup", extension=X,
                           fingerprint=self.fingerprint)


@pytest.fixture
async def recorded_ucm(tmp_path: Path) -> AsyncIterator[RecordedUcm]:
    cert_pem, key_pem = make_certificate()
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "key.pem").write_bytes(key_pem)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    ucm = RecordedUcm([*sample_frames(), *INBOUND])
    ucm.fingerprint = certificate_fingerprint(ssl.PEM_cert_to_DER_cert(cert_pem.decode()))
    async with serve(ucm.handler, "127.0.0.1", 0, ssl=context) as server:
        ucm.port = next(iter(server.sockets)).getsockname()[1]
        yield ucm


async def test_the_real_stream_follows_the_recorded_ucm(recorded_ucm: RecordedUcm) -> None:
    stream = UcmEventStream(recorded_ucm.settings(), "secret", heartbeat_s=0.1,
                            open_timeout_s=5.0)
    follower = Follower(stream)
    try:
        assert await follower.lines(4) == [
            CONNECTED, ringing(CALL, "0612345678", "ACME Corp"), answered(CALL),
            ended(CALL, answered=True)]
        # The recorded heartbeat reply keeps the link up: no disconnected line comes.
        await follower.quiet(0.8)
    finally:
        await follower.aclose()
    challenge = HANDSHAKE["challenge_response_as_documented"]["response"]["challenge"]
    login = next(m for m in recorded_ucm.requests if m["action"] == "login")
    assert login["token"] == hashlib.md5((challenge + "secret").encode()).hexdigest()
    assert [m["action"] for m in recorded_ucm.requests][:3] == ["challenge", "login",
                                                                 "subscribe"]
    assert sum(m["action"] == "heartbeat" for m in recorded_ucm.requests) >= 4
