"""The call tracker: UCM rows in, the ``watch`` events of one extension out."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

import pytest
from conftest import load_fixture

from ucm_popup.ucm import tracker as tracker_module
from ucm_popup.ucm.events import Answered, CallEvent, Ended, Ringing, to_json
from ucm_popup.ucm.tracker import CallTracker

X = "1002"
CALL = "1747307232.1022"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def leg(channel: str, state: str | None, linkedid: str = CALL, *, action: str = "add",
        uniqueid: str | None = None, callernum: str | None = "", callername: str | None = "",
        connectednum: str | None = "", connectedname: str | None = "", trunk: str = "",
        service: str = "normal") -> dict[str, Any]:
    row: dict[str, Any] = {
        "action": action, "chantype": "unbridge", "channel": channel,
        "uniqueid": uniqueid or linkedid, "linkedid": linkedid, "service": service,
        "callernum": callernum, "callername": callername,
        "connectednum": connectednum, "connectedname": connectedname,
        "inbound_trunk_name": trunk, "outbound_trunk_name": "",
    }
    if state is not None:
        row["state"] = state
    return row


def update(channel: str, state: str, linkedid: str = CALL) -> dict[str, Any]:
    return {"action": "update", "chantype": "unbridge", "channel": channel,
            "linkedid": linkedid, "state": state}


def delete(channel: str) -> dict[str, Any]:
    return {"action": "delete", "chantype": "unbridge", "channel": channel}


def bridge(channel1: str, channel2: str) -> dict[str, Any]:
    return {"action": "add", "chantype": "bridge", "channel1": channel1, "channel2": channel2,
            "linkedid": "", "bridge_time": "2026-01-05 10:30:07"}


def status(value: str, extension: str = X) -> dict[str, Any]:
    return {"extension": extension, "status": value}


def trunk_leg(channel: str = "PJSIP/trunk_1-00000031", linkedid: str = CALL,
              number: str = "0612345678", name: str = "ACME Corp",
              dialled: str = "s") -> dict[str, Any]:
    return leg(channel, "Ring", linkedid, uniqueid=linkedid, callernum=number,
               callername=name, connectednum=dialled, trunk="MyTrunk")


def x_ringing(channel: str = "PJSIP/1002-00000032", linkedid: str = CALL,
              number: str | None = "0612345678", name: str | None = "ACME Corp",
              **kw: Any) -> dict[str, Any]:
    return leg(channel, "Ringing", linkedid, uniqueid=linkedid + "1", callernum=X,
               callername="Reception", connectednum=number, connectedname=name, **kw)


def calls(tracker: CallTracker, *rows: dict[str, Any] | list[dict[str, Any]]
          ) -> list[CallEvent]:
    """Each row in its own frame, as the fixture has them; a list is one frame."""
    out: list[CallEvent] = []
    for row in rows:
        body = row if isinstance(row, list) else [row]
        name = "ExtensionStatus" if "status" in body[0] else "ActiveCallStatus"
        out += tracker.feed(name, body)
    return out


def lines(events: Sequence[CallEvent]) -> list[dict[str, Any]]:
    return [{k: v for k, v in to_json(e).items() if k != "time"} for e in events]


def ringing(number: str = "0612345678", name: str = "ACME Corp", *, call_id: str = CALL,
            direction: str = "inbound", trunk: str = "MyTrunk",
            queue: str = "", transferred_by: str = "") -> dict[str, Any]:
    return {"event": "ringing", "call_id": call_id, "extension": X, "direction": direction,
            "number": number, "name": name, "trunk": trunk, "queue": queue,
            "transferred_by": transferred_by}


def answered(call_id: str = CALL) -> dict[str, Any]:
    return {"event": "answered", "call_id": call_id, "extension": X}


def ended(answered: bool, elsewhere: bool = False, call_id: str = CALL,
          transferred_to: str = "") -> dict[str, Any]:
    return {"event": "ended", "call_id": call_id, "extension": X, "answered": answered,
            "answered_elsewhere": elsewhere, "transferred_to": transferred_to}


# -- the reconstructed inbound sequence --------------------------------------------------


def test_inbound_fixture_gives_exactly_ringing_answered_ended_at_the_right_frames() -> None:
    frames = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
    tracker = CallTracker(X)
    per_frame = [lines(tracker.feed_message(frame["message"])) for frame in frames]
    assert per_frame == [
        [], [ringing()], [], [answered()], [], [], [], [ended(True)], [],
    ]
    assert tracker.state_sizes()["legs"] == 0
    assert tracker.state_sizes()["calls"] == 0


def test_fixture_through_feed_and_json_text_gives_the_same_lines() -> None:
    frames = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
    tracker = CallTracker(X)
    out: list[CallEvent] = []
    for frame in frames:
        for item in json.loads(json.dumps(frame))["message"]:
            out += tracker.feed(item["eventname"], item["eventbody"])
    assert lines(out) == [ringing(), answered(), ended(True)]


def test_fixture_as_one_frame_with_x_leg_before_the_trunk_leg_is_still_inbound() -> None:
    frames = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
    items = [item for frame in frames for item in frame["message"]]
    items[0], items[1] = items[1], items[0]  # the trunk leg comes after X's leg
    tracker = CallTracker(X)
    assert lines(tracker.feed_message(items)) == [ringing(), answered(), ended(True)]


def test_trunk_leg_later_in_a_frame_where_x_already_stopped_ringing() -> None:
    tracker = CallTracker(X)
    mine, trunk = "PJSIP/1002-00000032", "PJSIP/trunk_1-00000031"
    out = calls(tracker, [x_ringing(mine), delete(mine), trunk_leg(trunk), delete(trunk)])
    assert lines(out) == [ringing(), ended(False)]
    assert tracker.state_sizes()["calls"] == 0


def test_fixture_message_as_single_object_and_non_notify_items() -> None:
    frames = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
    tracker = CallTracker(X)
    out: list[CallEvent] = []
    for frame in frames:
        out += tracker.feed_message({"action": "heartbeat", "status": 0})
        for item in frame["message"]:
            out += tracker.feed_message(item)
    assert lines(out) == [ringing(), answered(), ended(True)]


def test_fixture_is_not_modified() -> None:
    frames = load_fixture("ucm/ws_inbound_call_sequence.json")["frames"]
    before = copy.deepcopy(frames)
    tracker = CallTracker(X)
    for frame in frames:
        tracker.feed_message(frame["message"])
    assert frames == before


# -- call shapes ---------------------------------------------------------------------------


def test_internal_call_1001_to_1002() -> None:
    tracker = CallTracker(X)
    caller = "PJSIP/1001-00000040"
    mine = "PJSIP/1002-00000041"
    out = calls(
        tracker,
        leg(caller, "Ring", "1747307300.1", callernum="1001", callername="Alice",
            connectednum="1002"),
        x_ringing(mine, "1747307300.1", "1001", "Alice"),
        update(mine, "Up", "1747307300.1"),
        update(caller, "Up", "1747307300.1"),
        bridge(caller, mine),
        delete(caller),
        delete(mine),
    )
    assert lines(out) == [
        ringing("1001", "Alice", call_id="1747307300.1", direction="internal", trunk=""),
        answered("1747307300.1"),
        ended(True, call_id="1747307300.1"),
    ]


def test_internal_call_with_empty_connected_fields_reads_the_calling_leg() -> None:
    tracker = CallTracker(X)
    out = calls(
        tracker,
        leg("PJSIP/1001-00000040", "Ring", "7.1", callernum="1001", callername="Alice"),
        x_ringing("PJSIP/1002-00000041", "7.1", None, None),
    )
    assert lines(out) == [ringing("1001", "Alice", call_id="7.1", direction="internal",
                                  trunk="")]


def test_inbound_with_junk_connected_number_falls_back_to_the_trunk_caller() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, trunk_leg(), x_ringing(number="s", name=""))
    assert lines(out) == [ringing()]


def test_null_caller_fields_give_empty_strings() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, x_ringing(number=None, name=None))
    # No calling leg known: inbound, so that the number is looked up.
    assert lines(out) == [ringing("", "", trunk="")]


def test_ringing_legs_own_trunk_name_makes_it_inbound() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, x_ringing(trunk="OtherTrunk"))
    assert lines(out) == [ringing(trunk="OtherTrunk")]


def test_ring_group_answered_by_x() -> None:
    tracker = CallTracker(X)
    mine, other = "PJSIP/1002-00000050", "PJSIP/1003-00000051"
    out = calls(
        tracker,
        trunk_leg(dialled="6400"),
        [x_ringing(mine),
         leg(other, "Ringing", uniqueid="x.3", callernum="1003", connectednum="0612345678")],
        update(mine, "Up"),
        delete(other),
        bridge("PJSIP/trunk_1-00000031", mine),
        delete(mine),
    )
    # The ring group's number is the trunk leg's connected number (best effort).
    assert lines(out) == [ringing(queue="6400"), answered(), ended(True)]


@pytest.mark.parametrize("how", ["state", "bridge"])
def test_ring_group_answered_elsewhere(how: str) -> None:
    tracker = CallTracker(X)
    mine, other = "PJSIP/1002-00000050", "PJSIP/1003-00000051"
    answer = update(other, "Up") if how == "state" else bridge("PJSIP/trunk_1-00000031", other)
    out = calls(
        tracker,
        trunk_leg(),
        x_ringing(mine),
        leg(other, "Ringing", uniqueid="x.3", callernum="1003", connectednum="0612345678"),
        answer,
        delete(mine),
        delete(other),
    )
    assert lines(out) == [ringing(), ended(False, elsewhere=True)]


def test_a_ring_group_nobody_took_says_others_rang_a_call_for_x_alone_does_not() -> None:
    # A desk writes a missed call to the CRM only when it rang alone: the ended event says.
    tracker = CallTracker(X)
    mine, other = "PJSIP/1002-00000050", "PJSIP/1003-00000051"
    group = calls(
        tracker,
        trunk_leg(),  # the UCM named no group number
        x_ringing(mine),
        leg(other, "Ringing", uniqueid="x.3", callernum="1003", connectednum="0612345678"),
        delete(mine),
        delete(other),
    )
    alone = calls(CallTracker(X), trunk_leg(), x_ringing(),
                  delete("PJSIP/1002-00000032"), delete("PJSIP/trunk_1-00000031"))
    assert [(e.answered, e.rang_others) for e in group if isinstance(e, Ended)] == [(False, True)]
    assert [(e.answered, e.rang_others) for e in alone if isinstance(e, Ended)] == [(False, False)]
    assert "rang_others" not in lines(group)[-1]  # not a watch key


def test_calling_extension_up_while_x_rings_is_not_answered_elsewhere() -> None:
    # A colleague's call answered by a queue or IVR first: the caller's own leg is Up.
    tracker = CallTracker(X)
    caller, mine = "PJSIP/1001-00000040", "PJSIP/1002-00000041"
    out = calls(
        tracker,
        leg(caller, "Up", "7.1", callernum="1001", callername="Alice", connectednum="6500"),
        x_ringing(mine, "7.1", "1001", "Alice", service="queue"),
        update(caller, "Up", "7.1"),
        delete(mine),
    )
    assert lines(out) == [
        ringing("1001", "Alice", call_id="7.1", direction="internal", trunk="", queue="6500"),
        ended(False, call_id="7.1"),
    ]


def test_transfer_to_x_not_taken_is_not_answered_elsewhere() -> None:
    # 1003 talks with the caller and transfers the call to X; its leg repeats Up rows.
    tracker = CallTracker(X)
    colleague, mine, trunk = "PJSIP/1003-00000051", "PJSIP/1002-00000052", "PJSIP/trunk_1-0031"
    out = calls(
        tracker,
        trunk_leg(trunk),
        leg(colleague, "Ringing", uniqueid="x.3", callernum="1003", connectednum="0612345678"),
        update(colleague, "Up"),
        bridge(trunk, colleague),
        x_ringing(mine),
        update(colleague, "Up"),
        bridge(trunk, colleague),
        delete(mine),
    )
    assert lines(out) == [ringing(transferred_by="1003"), ended(False)]


def test_missed_call_is_not_answered_elsewhere() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, trunk_leg(), x_ringing(),
                delete("PJSIP/1002-00000032"), delete("PJSIP/trunk_1-00000031"))
    assert lines(out) == [ringing(), ended(False)]


def test_other_extension_answering_after_x_stopped_ringing_is_not_elsewhere() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, trunk_leg(), x_ringing(), delete("PJSIP/1002-00000032"),
                leg("PJSIP/1003-00000051", "Up", uniqueid="x.3"))
    assert lines(out) == [ringing(), ended(False)]


def test_queue_retry_on_a_new_channel_gives_a_new_pair_with_the_same_call_id() -> None:
    tracker = CallTracker(X)
    first, second = "PJSIP/1002-00000060", "PJSIP/1002-00000062"
    out = calls(
        tracker,
        trunk_leg(dialled="6500"),
        x_ringing(first, service="queue"),
        delete(first),
        x_ringing(first, service="queue"),  # late repeat of the ended leg: nothing
        x_ringing(second, service="queue"),
        update(second, "Up"),
        delete(second),
    )
    assert lines(out) == [
        ringing(queue="6500"), ended(False), ringing(queue="6500"), answered(), ended(True),
    ]


def test_two_channels_of_x_in_one_call_are_one_ringing() -> None:
    # A desk phone and a softphone on the same extension both ring.
    tracker = CallTracker(X)
    desk, soft = "PJSIP/1002-00000070", "PJSIP/1002-00000071"
    out = calls(tracker, trunk_leg(), x_ringing(desk), x_ringing(soft),
                update(soft, "Up"), delete(desk), delete(soft))
    assert lines(out) == [ringing(), answered(), ended(True)]


def dialing(number: str, *, call_id: str, direction: str = "outbound", name: str = "",
            trunk: str = "MyTrunk") -> dict[str, Any]:
    return {"event": "dialing", "call_id": call_id, "extension": X, "direction": direction,
            "number": number, "name": name, "trunk": trunk}


def test_x_dialling_out_gives_dialing_answered_ended() -> None:
    tracker = CallTracker(X)
    mine, out_trunk = "PJSIP/1002-00000080", "PJSIP/trunk_2-00000081"
    out = calls(
        tracker,
        leg(mine, "Ring", "8.1", callernum=X, connectednum="0699999999"),
        leg(out_trunk, "Ringing", "8.1", uniqueid="8.2", callernum="0699999999",
            connectednum=X, trunk="MyTrunk"),
        update(mine, "Up", "8.1"),
        update(out_trunk, "Up", "8.1"),
        bridge(mine, out_trunk),
        delete(out_trunk),
        delete(mine),
    )
    assert lines(out) == [dialing("0699999999", call_id="8.1"), answered("8.1"),
                          ended(True, call_id="8.1")]


def test_x_calling_another_extension_gives_internal_dialing() -> None:
    tracker = CallTracker(X)
    mine, other = "PJSIP/1002-00000090", "PJSIP/1001-00000091"
    out = calls(
        tracker,
        leg(mine, "Ring", "9.1", callernum=X, connectednum="1001"),
        leg(other, "Ringing", "9.1", uniqueid="9.2", callernum="1001", connectednum=X),
        update(other, "Up", "9.1"), update(mine, "Up", "9.1"),
        delete(other), delete(mine),
    )
    assert lines(out) == [dialing("1001", call_id="9.1", direction="internal", trunk=""),
                          answered("9.1"), ended(True, call_id="9.1")]


def test_other_extensions_calls_give_no_events() -> None:
    tracker = CallTracker("100")  # PJSIP/1002-... is not extension 100's channel
    out = calls(tracker, trunk_leg(), x_ringing(), update("PJSIP/1002-00000032", "Up"),
                status("Idle", "1002"), delete("PJSIP/1002-00000032"))
    assert out == []


def test_callernum_equal_to_x_alone_is_not_x_ringing() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, leg("PJSIP/1003-000000a0", "Ringing", callernum=X,
                             connectednum="0612345678"))
    assert out == []


def test_sip_channels_are_followed_too() -> None:
    tracker = CallTracker(X)
    out = calls(tracker, x_ringing("SIP/1002-000000b0"), delete("SIP/1002-000000b0"))
    assert lines(out) == [ringing(trunk=""), ended(False)]


def test_ringing_state_is_case_insensitive_and_down_is_ignored() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-000000c0"
    out = calls(tracker, leg(mine, "Down", uniqueid="c0.1", connectednum="0612345678"),
                update(mine, "RINGING"), update(mine, "ringing"), update(mine, "Ring"),
                delete(mine))
    assert lines(out) == [ringing(name="", trunk=""), ended(False)]


# -- rows repeated, partial, late, reordered ----------------------------------------------


def test_update_for_an_unknown_channel_counts_as_add_and_partial_updates_merge() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-000000d0"
    first = {"action": "update", "chantype": "unbridge", "channel": mine, "linkedid": CALL,
             "connectednum": "0612345678", "connectedname": "ACME Corp"}
    out = calls(tracker, trunk_leg(), first, {"action": "update", "channel": mine,
                                              "state": "Ringing"})
    assert lines(out) == [ringing()]


def test_delete_rows_carry_only_the_channel_and_bridge_deletes_name_any_field() -> None:
    tracker = CallTracker(X)
    mine, trunk = "PJSIP/1002-00000032", "PJSIP/trunk_1-00000031"
    out = calls(
        tracker, trunk_leg(), x_ringing(), bridge(trunk, mine),
        {"action": "delete", "chantype": "bridge", "channel1": trunk, "channel2": mine},
        {"action": "delete", "chantype": "bridge", "channel": mine},
        delete("PJSIP/1009-deadbeef"),  # unknown channel: ignored
        {"chantype": "unbridge", "action": "delete", "channel": trunk},
    )
    assert lines(out) == [ringing(), answered()]
    assert lines(calls(tracker, {"chantype": "unbridge", "action": "delete",
                                 "channel": mine})) == [ended(True)]


def test_duplicate_and_late_rows_give_no_second_events() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000032"
    rows = [trunk_leg(), x_ringing(), x_ringing(), update(mine, "Up"), update(mine, "Up"),
            bridge("PJSIP/trunk_1-00000031", mine), delete(mine), delete(mine),
            x_ringing(), update(mine, "Up"), update(mine, "Ring"), update(mine, "Down")]
    assert lines(calls(tracker, *rows)) == [ringing(), answered(), ended(True)]


def test_up_before_ringing_reordered_gives_ringing_then_answered() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, trunk_leg(), {**x_ringing(), "state": "Up"}, x_ringing(),
                delete(mine))
    assert lines(out) == [ringing(), answered(), ended(True)]


def test_ended_channels_are_forgotten_after_some_minutes() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    calls(tracker, x_ringing(), delete("PJSIP/1002-00000032"))
    assert tracker.state_sizes()["remembered"] == 1
    clock.now += tracker_module.REMEMBER_S + 1
    assert tracker.expire() == []
    assert tracker.state_sizes() == {"legs": 0, "calls": 0, "open_calls": 0, "remembered": 0}


# -- ExtensionStatus fallback ------------------------------------------------------------


def test_idle_ends_an_open_call_after_a_short_grace() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, trunk_leg(), x_ringing(), status("Ringing"), update(mine, "Up"),
                status("InUse"), status("Idle"))
    assert lines(out) == [ringing(), answered()]
    clock.now += 1.0
    assert tracker.expire() == []
    clock.now += 1.5
    assert lines(tracker.expire()) == [ended(True)]
    # The delete rows that come later change nothing.
    assert calls(tracker, delete(mine), delete("PJSIP/trunk_1-00000031"), x_ringing()) == []
    assert tracker.state_sizes()["legs"] == 0


def test_idle_followed_by_delete_rows_in_the_grace_ends_once() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    out = calls(tracker, trunk_leg(), x_ringing(), status("Idle"))
    clock.now += 0.5
    out += calls(tracker, delete("PJSIP/1002-00000032"))
    clock.now += 5
    out += tracker.expire()
    assert lines(out) == [ringing(), ended(False)]


def test_busy_again_within_the_grace_cancels_the_idle_fallback() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    calls(tracker, x_ringing(), status("Idle"), status("InUse"))
    clock.now += 10
    assert tracker.expire() == []


def test_idle_before_a_new_ringing_does_not_end_it() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    out = calls(tracker, status("Idle"), x_ringing())
    clock.now += 10
    out += tracker.expire()
    assert lines(out) == [ringing(trunk="")]


def test_extension_status_ringing_without_rows_gives_nothing() -> None:
    tracker = CallTracker(X)
    assert calls(tracker, status("Ringing"), status("Idle")) == []
    assert tracker.expire() == []


def test_idle_of_another_extension_does_not_end_xs_call() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    calls(tracker, x_ringing(), status("Idle", "1003"))
    clock.now += 10
    assert tracker.expire() == []


# -- connection lost ---------------------------------------------------------------------


def test_connection_lost_ends_open_calls_and_late_rows_never_ring_again() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000032"
    other_call = "1747307999.2000"
    assert lines(calls(tracker, trunk_leg(), x_ringing(), update(mine, "Up"),
                       x_ringing("PJSIP/1002-00000099", other_call))) == [
        ringing(), answered(), ringing(call_id=other_call, trunk=""),
    ]
    lost = tracker.connection_lost()
    assert all(isinstance(e, Ended) for e in lost)
    assert lines(lost) == [ended(True), ended(False, call_id=other_call)]
    assert tracker.state_sizes()["legs"] == 0
    after = calls(tracker, trunk_leg(), x_ringing(), update(mine, "Up"),
                  x_ringing("PJSIP/1002-00000040"), delete(mine),
                  delete("PJSIP/1002-00000040"))
    assert after == []
    # A new call after the reconnect is followed as usual.
    fresh = calls(tracker, x_ringing("PJSIP/1002-000000f0", "1747308000.1"))
    assert lines(fresh) == [ringing(call_id="1747308000.1", trunk="")]


def test_connection_lost_with_nothing_open() -> None:
    tracker = CallTracker(X)
    assert tracker.connection_lost() == []


# -- bad input ---------------------------------------------------------------------------

BAD_BODIES: list[object] = [
    None, 0, 1.5, True, "text", "", {}, [], {"action": "add"},
    [None], [0], ["row"], [[]], [[{"channel": "PJSIP/1002-1"}]], [{}],
    [{"action": "add"}], [{"action": None, "channel": "PJSIP/1002-1"}],
    [{"action": ["add"], "channel": "PJSIP/1002-1", "state": "Ringing"}],
    [{"action": "add", "chantype": "unbridge", "channel": None, "state": "Ringing"}],
    [{"action": "add", "chantype": "unbridge", "channel": 1002, "state": "Ringing"}],
    [{"action": "add", "chantype": "unbridge", "channel": ["PJSIP/1002-1"]}],
    [{"action": "add", "chantype": "unbridge", "channel": {"a": 1}, "state": "Ringing"}],
    [{"action": "add", "chantype": "unbridge", "channel": "PJSIP/1002-2", "state": 5,
      "linkedid": {"x": 1}, "uniqueid": [1]}],
    [{"action": "add", "chantype": "unbridge", "channel": "PJSIP/1003-3", "state": "Ringing"}],
    [{"action": "delete", "chantype": "unbridge"}],
    [{"action": "delete", "chantype": "unbridge", "channel": {"x": 1}}],
    [{"action": "delete", "chantype": "bridge", "channel1": None, "channel2": 3}],
    [{"action": "add", "chantype": "bridge", "channel1": [], "channel2": {}, "channel": 1}],
    [{"action": "update", "chantype": "mystery", "channel": "PJSIP/1002-4",
      "state": ["Up"], "linkedid": 1747307232.5}],
    [{"action": "add", "channel": "PJSIP/1002-5", "state": "Ringing", "linkedid": 10**5000,
      "connectednum": float("nan"), "connectedname": 10**5000}],
]
BAD_STATUS_BODIES: list[object] = [
    None, 3, "Idle", [None], [{"extension": None}], [{"extension": X, "status": None}],
    [{"extension": X, "status": ["Idle"]}], [{"extension": int(X), "status": 7}],
    [{"extension": [X], "status": "Idle"}], {"extension": X, "status": "Idle"},
]


@pytest.mark.parametrize("body", BAD_BODIES)
def test_malformed_active_call_bodies_never_raise(body: object) -> None:
    tracker = CallTracker(X)
    tracker.feed("ActiveCallStatus", copy.deepcopy(body))
    tracker.feed_message({"action": "notify", "eventname": "ActiveCallStatus",
                          "eventbody": copy.deepcopy(body)})
    tracker.expire()
    # ... and the tracker still works afterwards.
    assert lines(calls(tracker, x_ringing("PJSIP/1002-77777777"))) == [ringing(trunk="")]


@pytest.mark.parametrize("body", BAD_STATUS_BODIES)
def test_malformed_extension_status_bodies_never_raise(body: object) -> None:
    tracker = CallTracker(X)
    tracker.feed("ExtensionStatus", body)
    tracker.expire()


@pytest.mark.parametrize("message", [
    None, 0, "notify", [], {}, [None, 1, "x"], {"action": "notify"},
    {"action": "notify", "eventname": None, "eventbody": []},
    {"action": "notify", "eventname": ["ActiveCallStatus"], "eventbody": []},
    {"action": "notify", "eventname": {"a": 1}, "eventbody": []},
    {"action": "notify", "eventname": "PbxStatus", "eventbody": {"cpu": 3}},
    {"action": "notify", "eventname": "NoSuchStatus", "eventbody": [1, 2]},
    {"action": "notify", "eventname": "ActiveCallStatus/1002", "eventbody": "x"},
    [{"action": "notify", "eventname": 5, "eventbody": None}],
])
def test_malformed_messages_never_raise(message: object) -> None:
    tracker = CallTracker(X)
    assert tracker.feed_message(message) == []


def test_every_sample_event_body_of_the_guide_gives_no_events() -> None:
    samples = load_fixture("ucm/ws_event_bodies.json")
    for extension in (X, "4000", "1000"):
        tracker = CallTracker(extension)
        for key, sample in samples.items():
            if isinstance(sample, dict) and "eventname" in sample:
                item = {"action": "notify", **sample}
                assert tracker.feed_message([item]) == [], key
        assert tracker.expire() == []
        assert tracker.connection_lost() == []


def test_unknown_event_names_are_ignored_with_a_debug_line_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    tracker = CallTracker(X)
    with caplog.at_level("DEBUG", logger="ucm_popup.ucm.tracker"):
        for _ in range(3):
            assert tracker.feed("CallQueueStatus", [{"extension": "6500"}]) == []
    assert sum("CallQueueStatus" in r.getMessage() for r in caplog.records) == 1


def test_tiered_event_name_is_read_as_its_plain_name() -> None:
    tracker = CallTracker(X)
    out = tracker.feed("ActiveCallStatus/1002", [x_ringing()])
    assert [type(e) for e in out] == [Ringing]


# -- memory ------------------------------------------------------------------------------


def test_endless_noise_keeps_the_state_bounded() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    for n in range(3000):
        call = f"1747300000.{n}"
        trunk, agent = f"PJSIP/trunk_1-{n:08x}", f"PJSIP/{1003 + n % 5}-{n:08x}"
        rows = [trunk_leg(trunk, call), leg(agent, "Ringing", call, uniqueid=call + "9")]
        if n % 3:  # some delete rows are lost
            rows += [update(agent, "Up", call), delete(trunk), delete(agent)]
        assert tracker.feed("ActiveCallStatus", rows) == []
        clock.now += 1.0
        tracker.expire()
    sizes = tracker.state_sizes()
    assert sizes["remembered"] <= 2 * tracker_module.REMEMBER_S + 10  # 10 minutes of calls
    assert sizes["legs"] == 2 * 1000  # the calls whose delete rows were lost
    clock.now += tracker_module.LEG_TTL_S + tracker_module.SWEEP_EVERY_S
    assert tracker.expire() == []  # nothing of X's to end
    sizes = tracker.state_sizes()
    assert (sizes["legs"], sizes["calls"], sizes["open_calls"]) == (0, 0, 0)
    assert 0 < sizes["remembered"] <= 2 * 1000  # only the legs forgotten just now
    clock.now += tracker_module.REMEMBER_S
    tracker.expire()
    assert tracker.state_sizes()["remembered"] == 0
    # After all that noise, X's next call still pops up and ends.
    assert lines(calls(tracker, trunk_leg(), x_ringing(), delete("PJSIP/1002-00000032"))) == [
        ringing(), ended(False)]


def test_xs_call_whose_rows_stop_for_hours_is_ended() -> None:
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    calls(tracker, x_ringing(), update("PJSIP/1002-00000032", "Up"))
    clock.now += tracker_module.LEG_TTL_S + tracker_module.SWEEP_EVERY_S
    assert lines(tracker.expire()) == [ended(True)]


def test_too_many_legs_forgets_the_oldest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tracker_module, "MAX_LEGS", 100)
    clock = FakeClock()
    tracker = CallTracker(X, clock=clock)
    assert len(calls(tracker, x_ringing())) == 1
    for n in range(1000):
        clock.now += 0.01
        tracker.feed("ActiveCallStatus", [leg(f"PJSIP/1003-{n:08x}", "Ringing", f"1.{n}")])
    assert tracker.state_sizes()["legs"] <= 101
    assert tracker.state_sizes()["calls"] <= 101
    # X's own ringing was not pushed out by the noise.
    assert lines(calls(tracker, delete("PJSIP/1002-00000032"))) == [
        ended(False, call_id=CALL)
    ]


def x_call(n: int) -> list[dict[str, Any]]:
    """One frame: a caller's trunk leg and X ringing, in call ``n`` (never deleted here)."""
    call = f"1747400000.{n}"
    return [trunk_leg(f"PJSIP/trunk_1-{n:08x}", call, number=f"06{n:08d}"),
            x_ringing(f"PJSIP/1002-{n:08x}", call, number=f"06{n:08d}")]


def test_unended_calls_of_x_stay_bounded_and_the_oldest_are_ended_for_the_popup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tracker_module, "MAX_OPEN_CALLS", 5)
    monkeypatch.setattr(tracker_module, "MAX_LEGS", 20)
    tracker = CallTracker(X)
    events = []
    for n in range(200):  # their delete rows never come
        events += tracker.feed("ActiveCallStatus", x_call(n))
    sizes = tracker.state_sizes()
    assert sizes["open_calls"] == 5
    assert sizes["legs"] <= 20 + 5 and sizes["calls"] <= 20 + 5
    rang = [e.call_id for e in events if isinstance(e, Ringing)]
    closed = [e.call_id for e in events if isinstance(e, Ended)]
    assert rang == [f"1747400000.{n}" for n in range(200)]
    assert closed == rang[:195]  # oldest first, each once, none answered
    # The newest calls still work: hung up, each ends; repeated rows reopen nothing.
    out = calls(tracker, delete("PJSIP/1002-000000c7"), x_call(199), x_call(0))
    assert lines(out) == [ended(False, call_id="1747400000.199")]
    assert [e.call_id for e in tracker.connection_lost()] == [
        f"1747400000.{n}" for n in range(195, 199)]


def test_a_call_that_starts_while_the_tables_are_full_rings_and_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tracker_module, "MAX_OPEN_CALLS", 3)
    monkeypatch.setattr(tracker_module, "MAX_LEGS", 10)
    tracker = CallTracker(X, clock=FakeClock())  # the clock stands still: all legs alike
    for n in range(3):
        tracker.feed("ActiveCallStatus", x_call(n))
    for n in range(10):
        tracker.feed("ActiveCallStatus", [leg(f"PJSIP/1003-{n:08x}", "Ringing", f"1.{n}")])
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, [trunk_leg(), x_ringing(mine)], update(mine, "Up"), delete(mine))
    assert lines(out) == [ringing(), ended(False, call_id="1747400000.0"), answered(),
                          ended(True)]


def test_a_new_calls_legs_are_not_forgotten_before_it_rings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tracker_module, "MAX_LEGS", 10)
    tracker = CallTracker(X, clock=FakeClock())
    for n in range(10):  # X rings in ten calls at once: as many legs as MAX_LEGS
        tracker.feed("ActiveCallStatus", [x_ringing(f"PJSIP/1002-{n:08x}", f"1.{n}")])
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, [trunk_leg(), x_ringing(mine)], delete(mine))
    assert lines(out) == [ringing(), ended(False)]


def test_events_are_the_contract_types() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, x_ringing(), update(mine, "Up"), delete(mine))
    assert [type(e) for e in out] == [Ringing, Answered, Ended]


# -- pickups and transfers read from other rows ---------------------------------------------


def test_a_pickup_read_from_a_relinked_leg_without_a_bridge_row() -> None:
    # X dials *8; the UCM moves X's leg into the rung call (its linkedid becomes the caller's).
    tracker = CallTracker(X)
    colleague, picking = "PJSIP/1003-00000101", "PJSIP/1002-00000102"
    out = calls(
        tracker,
        trunk_leg(),
        leg(colleague, "Ringing", uniqueid="x.5", callernum="1003", connectednum="0612345678"),
        leg(picking, "Ring", "8.8", callernum=X, connectednum="*8"),
        update(picking, "Up", CALL),
        delete(colleague),
        delete(picking),
    )
    assert lines(out) == [ringing(), answered(), ended(True)]


def test_a_feature_code_that_joins_no_call_gives_nothing() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000103"
    out = calls(tracker, leg(mine, "Ring", "8.9", callernum=X, connectednum="*8"),
                update(mine, "Up", "8.9"), delete(mine))
    assert out == [] and tracker.state_sizes()["open_calls"] == 0


def test_a_new_connected_number_while_talking_to_a_customer_is_no_transfer() -> None:
    tracker = CallTracker(X)
    mine = "PJSIP/1002-00000032"
    out = calls(tracker, trunk_leg(), x_ringing(mine), update(mine, "Up"),
                {**update(mine, "Up"), "connectednum": "6400"}, delete(mine))
    assert lines(out) == [ringing(), answered(), ended(True)]


def test_a_colleague_handing_x_another_colleague_is_a_transfer_without_a_trunk() -> None:
    tracker = CallTracker(X)
    first, mine = "PJSIP/1003-00000104", "PJSIP/1002-00000105"
    out = calls(
        tracker,
        leg(first, "Ring", "9.9", callernum="1003", connectednum=X),
        leg(mine, "Ringing", "9.9", uniqueid="9.91", callernum=X, connectednum="1003"),
        update(mine, "Up", "9.9"),
        {**update(mine, "Up", "9.9"), "connectednum": "1005", "connectedname": "Bob"},
        delete(first), delete(mine),
    )
    assert lines(out) == [
        ringing("1003", "", call_id="9.9", direction="internal", trunk=""), answered("9.9"),
        {"event": "transferred", "call_id": "9.9", "extension": X, "number": "1005",
         "name": "Bob", "trunk": "", "transferred_by": "1003"},
        ended(True, call_id="9.9")]


def test_a_ringing_colleague_whose_row_learns_the_call_later_is_not_an_answer() -> None:
    # A ring group: 1003's first row has no linkedid; its next names the call. X's ringing
    # is then missed, not answered elsewhere.
    tracker = CallTracker(X)
    other, mine = "PJSIP/1003-00000106", "PJSIP/1002-00000107"
    out = calls(
        tracker,
        trunk_leg(),
        x_ringing(mine),
        leg(other, "Ringing", "", uniqueid="x.7", callernum="1003", connectednum="0612345678"),
        {**update(other, "Ringing"), "linkedid": CALL},
        delete(mine), delete(other),
    )
    assert lines(out) == [ringing(), ended(False)]


# -- numbers that are not numbers --------------------------------------------------------------


@pytest.mark.parametrize("field", ["connectednum", "linkedid", "uniqueid", "callernum"])
@pytest.mark.parametrize("raw", ["1e400", "-1e400", "NaN", "Infinity", "12.5", "true",
                                 "4" * 4200, "9" * 41, "[1002]", '{"n": 1}'])
def test_a_row_whose_number_or_id_is_no_number_is_skipped(field: str, raw: str) -> None:
    """As the UCM's JSON text arrives: 1e400 is read as inf, NaN as nan; neither is a call."""
    row = x_ringing()
    text = json.dumps({"action": "notify", "eventname": "ActiveCallStatus", "eventbody": [row]})
    text = text.replace(f'"{field}": "{row[field]}"', f'"{field}": {raw}')
    tracker = CallTracker(X)
    assert tracker.feed_message(json.loads(text)) == []
    assert tracker.state_sizes()["legs"] == 0
    assert lines(calls(tracker, x_ringing("PJSIP/1002-77777777"))) == [ringing(trunk="")]


def test_a_number_sent_as_a_sane_integer_is_read_as_text() -> None:
    tracker = CallTracker(X)
    text = json.dumps({"action": "notify", "eventname": "ActiveCallStatus",
                       "eventbody": [x_ringing()]}).replace('"0612345678"', "33612345678")
    assert lines(tracker.feed_message(json.loads(text))) == [ringing("33612345678", trunk="")]
