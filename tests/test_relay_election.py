"""The standby relay's rules without a broker (docs/standby-relay.md): the election and its
tie rule, what a new leader publishes again, and what a desk keeps or drops when the lead
changes.  The same rules run against a real mosquitto in test_relay_standby.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ucm_popup.errors import SettingsError
from ucm_popup.relay.broker import Topics, broker_urls
from ucm_popup.relay.desk import RelayEventSource
from ucm_popup.relay.standby import (
    ACTIVE,
    ANNOUNCE,
    CLAIM,
    REASSERT,
    STANDBY,
    STEP_DOWN,
    Election,
    Journal,
)
from ucm_popup.settings import MqttSettings, load_settings, save_settings
from ucm_popup.ucm.events import to_json

TOPICS = Topics("ucm-popup")
ONLINE_A = {"state": "online", "node": "a"}
ONLINE_B = {"state": "online", "node": "b"}


def settled(node: str, *, status: dict[str, Any] | None = None,
            nodes: dict[str, bool] | None = None) -> tuple[Election, str]:
    election = Election(node)
    if status is not None:
        election.on_status(status)
    for other, alive in (nodes or {}).items():
        election.on_node_status(other, {"state": "online" if alive else "offline"})
    return election, election.settle()


def test_a_relay_alone_claims_and_one_that_comes_back_to_a_live_leader_waits() -> None:
    assert settled("a")[1] == CLAIM
    assert settled("a", status=ONLINE_B, nodes={"b": True})[1] == ""  # b leads and lives
    assert settled("a", status=ONLINE_B, nodes={"b": False})[1] == CLAIM  # b's will is in
    assert settled("a", status={"state": "offline", "node": "b"})[1] == CLAIM
    # Its own previous life named in relay/status (restarted before its will came): claims.
    assert settled("a", status=ONLINE_A, nodes={"a": True})[1] == CLAIM


def test_a_standby_claims_when_the_leader_goes_and_not_before_it_settled() -> None:
    election, action = settled("b", status=ONLINE_A, nodes={"a": True})
    assert (action, election.role) == ("", STANDBY)
    assert election.on_node_status("a", {"state": "offline"}) == CLAIM  # a's last will
    fresh = Election("b")
    assert fresh.on_status({"state": "offline", "node": "a"}) == ""  # not settled yet
    election, _ = settled("b", status=ONLINE_A, nodes={"a": True})
    assert election.on_status({"state": "offline", "node": "a"}) == CLAIM  # a clean stop


def test_the_tie_rule_the_first_name_keeps_the_lead_and_both_agree() -> None:
    a, b = Election("a"), Election("b")
    for election in (a, b):
        assert election.settle() == CLAIM
        election.role = ACTIVE
    # Whatever order the broker gives the two claims in, each sees the other's:
    assert b.on_status(ONLINE_A) == STEP_DOWN
    assert a.on_status(ONLINE_B) == REASSERT
    b.role = STANDBY
    assert b.on_status(ONLINE_A) == ""  # a's reassertion: b stays standby
    assert a.on_status(ONLINE_A) == ""


@given(st.lists(st.sampled_from("abcd"), min_size=2, max_size=4, unique=True),
       st.permutations(range(4)))
def test_any_number_of_simultaneous_claims_leaves_exactly_the_first_name(
        nodes: list[str], order: list[int]) -> None:
    elections = {node: Election(node) for node in nodes}
    for election in elections.values():
        election.settle()
        election.role = ACTIVE
    claims = [n for n in (nodes[i] for i in order if i < len(nodes))]
    # Every relay sees every claim in the broker's one order (and the reassertions after).
    queue = [{"state": "online", "node": n} for n in claims]
    while queue:
        status = queue.pop(0)
        for election in elections.values():
            action = election.on_status(status)
            if action == STEP_DOWN:
                election.role = STANDBY
            elif action == REASSERT:
                queue.append({"state": "online", "node": election.node})
    leaders = [n for n, e in elections.items() if e.role == ACTIVE]
    assert leaders == [min(nodes)]


def test_a_relay_hears_its_own_old_will_and_says_it_is_here() -> None:
    election, _ = settled("a")
    assert election.on_node_status("a", {"state": "offline"}) == ANNOUNCE
    election.role = ACTIVE
    assert election.on_status({"state": "offline", "node": "a"}) == REASSERT


def message(event: str, call_id: str, extension: str = "1002", **extra: Any) -> dict[str, Any]:
    return {"event": event, "call_id": call_id, "extension": extension, **extra}


def test_a_new_leader_publishes_calls_in_progress_and_ends_nobody_published() -> None:
    clock = [100.0]
    journal = Journal(lambda: clock[0])
    for name, call in (("ringing", "talking"), ("answered", "talking"),
                       ("ringing", "published"), ("ended", "published"),
                       ("ringing", "unpublished-end"), ("ended", "unpublished-end"),
                       ("ringing", "old"), ("ended", "old")):
        journal.add(message(name, call))
        if call in ("published", "unpublished-end", "talking", "old") and not (
                call == "unpublished-end" and name == "ended"):
            journal.echo(message(name, call))
    clock[0] += 60  # the leader was silent a minute: "gap" rang and ended meanwhile
    journal.add(message("ringing", "gap"))
    journal.add(message("ended", "gap"))
    replayed = journal.takeover()
    assert all(m["replay"] is True for m in replayed)
    assert [(m["call_id"], m["event"]) for m in replayed] == [
        ("talking", "ringing"), ("talking", "answered"),
        ("unpublished-end", "ringing"), ("unpublished-end", "ended"),
        ("gap", "ringing"), ("gap", "ended")]
    assert [m["call_id"] for m in journal.takeover()] == ["talking", "talking"]  # ends: once


def desk() -> RelayEventSource:
    return RelayEventSource(MqttSettings(url="mqtt://127.0.0.1:1", username="1002"), "1002",
                            "")


def read(source: RelayEventSource, topic: str, data: dict[str, Any]) -> list[str]:
    return [to_json(e)["event"] for e in source._read(topic, json.dumps(data).encode())]


def test_a_desk_drops_what_a_new_leader_or_a_second_leader_sends_again() -> None:
    source = desk()
    events = TOPICS.events("1002")
    assert read(source, TOPICS.status, ONLINE_A) == ["connected"]
    assert read(source, events, message("ringing", "x", node="a")) == ["ringing"]
    assert read(source, events, message("ended", "x", node="a")) == ["ended"]
    # b led for a moment too (a split): its late ringing of the same call is no new call
    assert read(source, events, message("ringing", "x", node="b")) == []
    assert read(source, events, message("ringing", "x", node="a", replay=True)) == []
    # a queue ringing the desk again for the same call, from the same relay, rings again
    assert read(source, events, message("ringing", "x", node="a")) == ["ringing"]


def test_a_desk_keeps_its_calls_while_a_standby_takes_over() -> None:
    source = desk()
    events = TOPICS.events("1002")
    read(source, TOPICS.node_status("b"), {"state": "online", "role": "standby"})
    read(source, TOPICS.node_status("a"), {"state": "online", "role": "active"})
    read(source, TOPICS.status, ONLINE_A)
    read(source, events, message("ringing", "x", node="a"))
    # a dies: both its wills; no "disconnected", no end of the call ringing
    assert read(source, TOPICS.node_status("a"), {"state": "offline"}) == []
    assert read(source, TOPICS.status, {"state": "offline", "node": "a"}) == []
    assert read(source, TOPICS.status, ONLINE_B) == ["connected"]
    assert source.relay.node == "b"
    assert read(source, events, message("ringing", "x", node="b", replay=True)) == []
    assert read(source, events, message("ended", "x", node="b")) == ["ended"]


def test_without_a_standby_the_desk_ends_its_calls_at_once_and_after_a_wait_in_vain() -> None:
    source = desk()
    events = TOPICS.events("1002")
    read(source, TOPICS.status, ONLINE_A)
    read(source, events, message("ringing", "x", node="a"))
    assert read(source, TOPICS.status, {"state": "offline", "node": "a"}) == [
        "disconnected", "ended"]
    source = desk()
    read(source, TOPICS.node_status("b"), {"state": "online", "role": "standby"})
    read(source, TOPICS.status, ONLINE_A)
    read(source, events, message("ringing", "y", node="a"))
    assert read(source, TOPICS.status, {"state": "offline", "node": "a"}) == []
    assert [to_json(e)["event"] for e in source._no_takeover()] == ["disconnected", "ended"]


def test_the_two_settings_read_back_and_bad_values_name_the_key(tmp_path: Path) -> None:
    path = tmp_path / "relay.toml"
    path.write_text('[mqtt]\nurl = "mqtts://broker1.example.com"\n'
                    'fallback_urls = ["mqtts://broker2.example.com:8883"]\n\n'
                    '[relay]\nnode = "a"\n')
    settings, warnings = load_settings(path)
    assert (settings.relay.node, settings.mqtt.fallback_urls, warnings) == (
        "a", ("mqtts://broker2.example.com:8883",), [])
    assert broker_urls(settings.mqtt) == ("mqtts://broker1.example.com",
                                          "mqtts://broker2.example.com:8883")
    save_settings(path, settings)
    assert load_settings(path)[0] == settings
    for body, key in (('[relay]\nnode = "a/b"\n', "[relay] node"),
                      ('[relay]\nnode = "é"\n', "[relay] node"),
                      ('[mqtt]\nfallback_urls = ["mqtt://broker2.example.com"]\n',
                       "[mqtt] fallback_urls"),
                      ('[mqtt]\nfallback_urls = "mqtts://b"\n', "fallback_urls")):
        path.write_text(body)
        with pytest.raises(SettingsError, match=re.escape(key)):
            load_settings(path)


def test_a_call_the_new_leader_does_not_name_ends_at_the_desk_soon_after() -> None:
    """A relay started again a moment ago leads: it cannot know a call that began before it
    reached the UCM, so its end would never come; the desk ends it once the new leader has
    named the calls it knows."""
    source = desk()
    events = TOPICS.events("1002")
    read(source, TOPICS.node_status("b"), {"state": "online", "role": "standby"})
    read(source, TOPICS.status, ONLINE_A)
    read(source, events, message("ringing", "known", node="a"))
    read(source, events, message("ringing", "unknown", node="a"))
    read(source, events, message("answered", "unknown", node="a"))
    read(source, TOPICS.status, {"state": "offline", "node": "a"})
    read(source, TOPICS.status, ONLINE_B)
    assert read(source, events, message("ringing", "known", node="b", replay=True)) == []
    assert source._deadline_passed(0.0) == []  # not yet
    ended = [to_json(e) for e in source._deadline_passed(float("inf"))]
    assert [(e["event"], e["call_id"], e["answered"]) for e in ended] == [
        ("ended", "unknown", True)]
    assert read(source, events, message("ended", "known", node="b")) == ["ended"]
    assert read(source, events, message("ended", "unknown", node="b")) == []
