"""Calls as the UCM reports them: the ActiveCallStatus / ExtensionStatus rows of each step.

A call is a list of ``Step``s: a delay, then the notify items of one frame. The rows follow
docs/ucm-event-stream.md: the trunk leg ``Ring`` with the caller in ``callernum`` (only the
trunk leg names the inbound trunk); each rung extension's leg ``Ringing`` with the caller in
``connectednum`` (inverted); ``Up`` and a bridge row naming ``channel1``/``channel2`` (its
``linkedid`` empty) on answer; ``delete`` rows that carry only the channel. Transfers and
pickups re-bridge existing legs, as Asterisk does: new bridge rows between legs of two calls
and ``connectednum`` updates on the legs that stay.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from ucm_popup.sim.demo_data import DEMO_EXTENSION, DemoCall

Item = tuple[str, Any]  # (eventname, eventbody)


@dataclass
class Step:
    delay_s: float
    items: list[Item]
    ringing: bool = False  # the frame that rings the extension being followed


@dataclass
class CallRows:
    """Builds the rows of calls with fresh channel names and ids."""

    trunk_channel: str = "PJSIP/trunk_1"
    _seq: itertools.count[int] = field(default_factory=lambda: itertools.count(0x20))

    def _ids(self) -> tuple[int, str]:
        n = next(self._seq)
        return n, f"{int(time.time())}.{1000 + n}"

    def leg(self, who: str, state: str, linkedid: str = "", **fields: Any) -> dict[str, Any]:
        """An ``add`` row of a new leg; ``who`` is an extension or ``"trunk"``."""
        n, uniqueid = self._ids()
        prefix = self.trunk_channel if who == "trunk" else f"PJSIP/{who}"
        row: dict[str, Any] = {
            "action": "add", "chantype": "unbridge", "channel": f"{prefix}-{n:08x}",
            "uniqueid": uniqueid, "linkedid": linkedid or uniqueid, "state": state,
            "service": "normal", "callernum": "", "callername": "", "connectednum": "",
            "connectedname": "", "callid": "", "alloc_time": time.strftime("%Y-%m-%d %H:%M:%S"),
            "inbound_trunk_name": "", "outbound_trunk_name": "",
        }
        row.update(fields)
        return row


def update(row: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**row, "action": "update", **fields}


def delete(row: dict[str, Any]) -> dict[str, Any]:
    return {"chantype": "unbridge", "action": "delete", "channel": row["channel"]}


def bridge(
    calling: dict[str, Any], answering: dict[str, Any], action: str = "add"
) -> dict[str, Any]:
    if action == "delete":
        return {"chantype": "bridge", "action": "delete", "channel": calling["channel"]}
    return {
        "action": action, "chantype": "bridge", "channel": calling["channel"],
        "channel1": calling["channel"], "channel2": answering["channel"],
        "callerid1": calling["callernum"], "callerid2": answering["callernum"],
        "name1": calling["callername"], "name2": answering["callername"],
        "uniqueid1": calling["uniqueid"], "uniqueid2": answering["uniqueid"],
        "bridge_time": time.strftime("%Y-%m-%d %H:%M:%S"),
        "bridge_timestamp": str(int(time.time())),
        "inbound_trunk_name": calling.get("inbound_trunk_name", ""), "outbound_trunk_name": "",
        "dial_service": "normal", "linkedid": "",
    }


def status(*pairs: tuple[str, str]) -> Item:
    return ("ExtensionStatus", [{"extension": e, "status": s} for e, s in pairs])


def calls(*rows: dict[str, Any]) -> Item:
    return ("ActiveCallStatus", list(rows))


def ring_call(
    rows: CallRows,
    *,
    caller: str,
    name: str = "",
    trunk: str = "MyTrunk",
    rings: tuple[str, ...] = (DEMO_EXTENSION,),
    answered_by: str = DEMO_EXTENSION,
    ring_s: float = 6.0,
    talk_s: float = 8.0,
    service: str = "normal",
    followed: str = DEMO_EXTENSION,
) -> list[Step]:
    """A call that rings ``rings`` at once (one extension, a ring group or a queue).

    ``trunk`` empty: an internal call from extension ``caller``. ``answered_by`` empty:
    nobody answers and the caller hangs up after ``ring_s``.
    """
    if trunk:
        origin = rows.leg("trunk", "Ring", callernum=caller, callername=name,
                          connectednum="s", inbound_trunk_name=trunk)
    else:
        origin = rows.leg(caller, "Ring", callernum=caller, callername=name,
                          connectednum=rings[0])
    link = origin["linkedid"]
    legs = {
        ext: rows.leg(ext, "Ringing", link, service=service, callernum=ext,
                      connectednum=caller, connectedname=name)
        for ext in rings
    }
    first = Step(0.0, [calls(origin, *legs.values()),
                       status(*((e, "Ringing") for e in rings))], ringing=followed in rings)
    answerer = legs.get(answered_by)
    if answerer is None:
        gone = [delete(leg) for leg in legs.values()]
        return [first, Step(ring_s, [calls(*gone, delete(origin)),
                                     status(*((e, "Idle") for e in rings))])]
    others = [leg for ext, leg in legs.items() if ext != answered_by]
    answer = Step(ring_s, [
        calls(update(answerer, state="Up"), update(origin, state="Up"),
              *(delete(leg) for leg in others), bridge(origin, answerer)),
        status((answered_by, "InUse"), *((e, "Idle") for e in rings if e != answered_by)),
    ])
    hang_up = Step(talk_s, [
        calls(bridge(origin, answerer, "delete"), delete(answerer), delete(origin)),
        status((answered_by, "Idle")),
    ])
    return [first, answer, hang_up]


def queue_retry_call(
    rows: CallRows, *, caller: str, name: str = "", trunk: str = "MyTrunk",
    extension: str = DEMO_EXTENSION, ring_s: float = 4.0, talk_s: float = 5.0,
) -> list[Step]:
    """A queue rings ``extension``, gives up, rings it again on a new channel; it answers."""
    origin = rows.leg("trunk", "Up", callernum=caller, callername=name, connectednum="s",
                      inbound_trunk_name=trunk, service="queue")
    link = origin["linkedid"]

    def ring() -> dict[str, Any]:
        return rows.leg(extension, "Ringing", link, service="queue", callernum=extension,
                        connectednum=caller, connectedname=name)

    first, second = ring(), ring()
    return [
        Step(0.0, [calls(origin, first), status((extension, "Ringing"))], ringing=True),
        Step(ring_s, [calls(delete(first)), status((extension, "Idle"))]),
        Step(1.0, [calls(second), status((extension, "Ringing"))], ringing=True),
        Step(ring_s / 2, [calls(update(second, state="Up"), bridge(origin, second)),
                          status((extension, "InUse"))]),
        Step(talk_s, [calls(bridge(origin, second, "delete"), delete(second), delete(origin)),
                      status((extension, "Idle"))]),
    ]


def demo_call(rows: CallRows, call: DemoCall, extension: str = DEMO_EXTENSION) -> list[Step]:
    """One call of the demo cycle (``sim/demo_data.DEMO_CALLS``)."""
    return ring_call(
        rows, caller=call.caller_number, name=call.caller_name, trunk=call.trunk,
        rings=call.rings, answered_by=call.answered_by, ring_s=call.ring_seconds,
        talk_s=call.talk_seconds, service="queue" if call.queue else "normal",
        followed=extension,
    )


def with_repeats(steps: list[Step]) -> list[Step]:
    """The same call with every frame sent twice, and late rows after it ended: the first
    frame's leg rows again (a ``Ringing`` update of the ended extension leg, a late trunk
    ``Ring``) as "phantom" rows, whose ``linkedid`` is empty as the UCM sends them after a
    hang-up.  Never a late row that keeps the call's ``linkedid``: no recording or note shows
    a UCM sending one after the delete rows (docs/ucm-event-stream.md)."""
    out: list[Step] = []
    for step in steps:
        out.append(step)
        out.append(Step(0.0, step.items))
    late: list[dict[str, Any]] = []
    for _name, body in steps[0].items:
        for row in body if isinstance(body, list) else []:
            if row.get("chantype") == "unbridge" and "state" in row:
                late.append(update(row, linkedid=""))
    if late:
        out.append(Step(0.2, [calls(*late)]))
    return out


def merged(*timelines: list[Step]) -> list[Step]:
    """Several calls at once (noise from other extensions): steps in time order, each
    timeline keeping its own delays."""
    stamped: list[tuple[float, int, Step]] = []
    for index, steps in enumerate(timelines):
        at = 0.0
        for step in steps:
            at += step.delay_s
            stamped.append((at, index, step))
    stamped.sort(key=lambda entry: (entry[0], entry[1]))
    out: list[Step] = []
    previous = 0.0
    for at, _index, step in stamped:
        out.append(Step(at - previous, step.items, step.ringing))
        previous = at
    return out


def click_to_dial_call(
    rows: CallRows,
    *,
    extension: str,
    number: str,
    callee_extension: bool = False,
    trunk: str = "MyTrunk",
    pickup_s: float = 1.0,
    answer_s: float = 1.0,
    talk_s: float = 5.0,
) -> list[Step]:
    """A call the UCM originates for ``dialOutbound``/``dialExtension``.

    As in Asterisk, the agent's ringing channel is the first of its call (its ``uniqueid`` is
    the ``linkedid``) and, the UCM being the caller, its caller and connected fields both hold
    the number dialled; no trunk or calling-extension leg exists yet. Once the agent picks up
    (``pickup_s``) the far leg is dialled: the trunk, or ``number``'s own extension. It answers
    after ``answer_s``; the two are bridged (a bridge row's ``linkedid`` is empty) and hang up
    after ``talk_s``.
    """
    agent = rows.leg(extension, "Ringing", callernum=number, connectednum=number)
    link = agent["linkedid"]
    if callee_extension:
        far = rows.leg(number, "Ringing", link, callernum=number, connectednum=extension)
        far_status: tuple[tuple[str, str], ...] = ((number, "Ringing"),)
    else:
        far = rows.leg("trunk", "Ringing", link, callernum=number, connectednum=extension,
                       inbound_trunk_name=trunk, outbound_trunk_name=trunk)
        far_status = ()
    joined = {**bridge(agent, far), "linkedid": "", "inbound_trunk_name": "",
              "outbound_trunk_name": "" if callee_extension else trunk}
    return [
        Step(0.0, [calls(agent), status((extension, "Ringing"))], ringing=True),
        Step(pickup_s, [calls(update(agent, state="Up")), status((extension, "InUse"))]),
        Step(0.0, [calls(far), *([status(*far_status)] if far_status else [])]),
        Step(answer_s, [calls(update(far, state="Up"), joined),
                        *([status((number, "InUse"))] if callee_extension else [])]),
        Step(talk_s, [calls({"chantype": "bridge", "action": "delete",
                             "channel": agent["channel"]}, delete(far), delete(agent)),
                      status((extension, "Idle"),
                             *([(number, "Idle")] if callee_extension else []))]),
    ]


def reordered(steps: list[Step]) -> list[Step]:
    """The same call with the rows of every frame in reverse order."""
    return [Step(step.delay_s, [(name, list(reversed(body)) if isinstance(body, list) else body)
                                for name, body in reversed(step.items)], step.ringing)
            for step in steps]


def outgoing_call(
    rows: CallRows, *, extension: str = DEMO_EXTENSION, number: str, to_extension: bool = False,
    trunk: str = "MyTrunk", answered: bool = True, ring_s: float = 2.0, talk_s: float = 5.0,
) -> list[Step]:
    """``extension`` dials ``number`` from its phone: its leg is the call's first channel
    (state ``Ring``), then the far leg (the trunk, or ``number``'s extension) rings."""
    mine = rows.leg(extension, "Ring", callernum=extension, connectednum=number)
    link = mine["linkedid"]
    if to_extension:
        far = rows.leg(number, "Ringing", link, callernum=number, connectednum=extension)
    else:
        far = rows.leg("trunk", "Ringing", link, callernum=number, connectednum=extension,
                       outbound_trunk_name=trunk)
    steps = [Step(0.0, [calls(mine), status((extension, "InUse"))]),
             Step(0.0, [calls(far)], ringing=True)]
    if not answered:
        return [*steps, Step(ring_s, [calls(delete(far), delete(mine)),
                                      status((extension, "Idle"))])]
    return [
        *steps,
        Step(ring_s, [calls(update(far, state="Up"), update(mine, state="Up"),
                            bridge(mine, far))]),
        Step(talk_s, [calls(bridge(mine, far, "delete"), delete(far), delete(mine)),
                      status((extension, "Idle"))]),
    ]


def blind_transfer_call(
    rows: CallRows, *, caller: str, name: str = "", trunk: str = "MyTrunk",
    colleague: str = "1003", to: str = DEMO_EXTENSION, queue: str = "",
    others: tuple[str, ...] = (), answered: bool = True, talk_s: float = 2.0,
    ring_s: float = 2.0,
) -> list[Step]:
    """``colleague`` answers an outside caller, then transfers the call to ``to`` without
    announcing it (or to ``queue``, which rings ``to`` and ``others``). The new legs share
    the caller's ``linkedid``; their connected fields name the colleague who transferred,
    as the transfer's first connected-line update does."""
    origin = rows.leg("trunk", "Ring", callernum=caller, callername=name, connectednum="s",
                      inbound_trunk_name=trunk)
    link = origin["linkedid"]
    first = rows.leg(colleague, "Ringing", link, callernum=colleague, connectednum=caller,
                     connectedname=name)
    service = "queue" if queue else "normal"
    rung = {ext: rows.leg(ext, "Ringing", link, service=service, callernum=ext,
                          connectednum=colleague, connectedname="")
            for ext in (to, *others)}
    steps = [
        Step(0.0, [calls(origin, first), status((colleague, "Ringing"))]),
        Step(ring_s, [calls(update(first, state="Up"), update(origin, state="Up"),
                            bridge(origin, first)), status((colleague, "InUse"))]),
        Step(talk_s, [calls(bridge(origin, first, "delete"), delete(first), *rung.values()),
                      status((colleague, "Idle"), *((e, "Ringing") for e in rung))],
             ringing=True),
    ]
    mine = rung[to]
    if not answered:
        return [*steps, Step(ring_s, [calls(*(delete(leg) for leg in rung.values()),
                                            delete(origin)),
                                      status(*((e, "Idle") for e in rung))])]
    return [
        *steps,
        Step(ring_s, [calls(update(mine, state="Up", connectednum=caller, connectedname=name),
                            *(delete(rung[e]) for e in others), bridge(origin, mine)),
                      status((to, "InUse"), *((e, "Idle") for e in others))]),
        Step(talk_s, [calls(bridge(origin, mine, "delete"), delete(mine), delete(origin)),
                      status((to, "Idle"))]),
    ]


def attended_transfer_call(
    rows: CallRows, *, caller: str, name: str = "", trunk: str = "MyTrunk",
    colleague: str = "1003", to: str = DEMO_EXTENSION, talk_s: float = 2.0,
    ring_s: float = 1.0,
) -> list[Step]:
    """``colleague`` answers an outside caller, puts it on hold and calls ``to`` on a second
    channel (a second call), talks, then completes the transfer: the caller's leg is bridged
    to ``to``'s leg, the colleague's two legs hang up, and ``to``'s leg's connected fields
    become the caller."""
    origin = rows.leg("trunk", "Ring", callernum=caller, callername=name, connectednum="s",
                      inbound_trunk_name=trunk)
    link = origin["linkedid"]
    first = rows.leg(colleague, "Ringing", link, callernum=colleague, connectednum=caller,
                     connectedname=name)
    consult = rows.leg(colleague, "Ring", callernum=colleague, connectednum=to)
    mine = rows.leg(to, "Ringing", consult["linkedid"], callernum=to, connectednum=colleague)
    return [
        Step(0.0, [calls(origin, first), status((colleague, "Ringing"))]),
        Step(ring_s, [calls(update(first, state="Up"), update(origin, state="Up"),
                            bridge(origin, first)), status((colleague, "InUse"))]),
        Step(talk_s, [calls(consult, mine), status((to, "Ringing"))], ringing=True),
        Step(ring_s, [calls(update(mine, state="Up"), update(consult, state="Up"),
                            bridge(consult, mine)), status((to, "InUse"))]),
        Step(talk_s, [calls(bridge(origin, first, "delete"), bridge(consult, mine, "delete"),
                            delete(first), delete(consult), bridge(origin, mine),
                            update(mine, connectednum=caller, connectedname=name)),
                      status((colleague, "Idle"))]),
        Step(talk_s, [calls(bridge(origin, mine, "delete"), delete(mine), delete(origin)),
                      status((to, "Idle"))]),
    ]


def transfer_away_call(
    rows: CallRows, *, caller: str, name: str = "", trunk: str = "MyTrunk",
    agent: str = DEMO_EXTENSION, to: str = "1003", talk_s: float = 2.0, ring_s: float = 1.0,
) -> list[Step]:
    """``agent`` answers an outside caller, then transfers it blind to ``to``."""
    steps = ring_call(rows, caller=caller, name=name, trunk=trunk, rings=(agent,),
                      answered_by=agent, ring_s=ring_s, talk_s=talk_s, followed=agent)
    origin = steps[0].items[0][1][0]
    mine = steps[0].items[0][1][1]
    target = rows.leg(to, "Ringing", origin["linkedid"], callernum=to, connectednum=caller,
                      connectedname=name)
    return [
        steps[0], steps[1],
        Step(talk_s, [calls(bridge(origin, mine, "delete"), delete(mine), target),
                      status((agent, "Idle"), (to, "Ringing"))]),
        Step(ring_s, [calls(update(target, state="Up"), bridge(origin, target)),
                      status((to, "InUse"))]),
        Step(talk_s, [calls(bridge(origin, target, "delete"), delete(target), delete(origin)),
                      status((to, "Idle"))]),
    ]


def pickup_call(
    rows: CallRows, *, caller: str, name: str = "", trunk: str = "MyTrunk",
    rings: str = "1003", picker: str = DEMO_EXTENSION, code: str = "*8",
    ring_s: float = 1.0, talk_s: float = 2.0,
) -> list[Step]:
    """An outside caller rings ``rings``; ``picker`` dials ``code`` (a call of its own) and
    picks it up: the picker's leg is bridged to the caller's, the rung leg hangs up."""
    origin = rows.leg("trunk", "Ring", callernum=caller, callername=name, connectednum="s",
                      inbound_trunk_name=trunk)
    rung = rows.leg(rings, "Ringing", origin["linkedid"], callernum=rings, connectednum=caller,
                    connectedname=name)
    picking = rows.leg(picker, "Ring", callernum=picker, connectednum=code)
    return [
        Step(0.0, [calls(origin, rung), status((rings, "Ringing"))],
             ringing=rings == DEMO_EXTENSION),
        Step(ring_s, [calls(picking), status((picker, "InUse"))]),
        Step(0.0, [calls(update(picking, state="Up", connectednum=caller, connectedname=name),
                         update(origin, state="Up"), bridge(origin, picking), delete(rung)),
                   status((rings, "Idle"))]),
        Step(talk_s, [calls(bridge(origin, picking, "delete"), delete(picking), delete(origin)),
                      status((picker, "Idle"))]),
    ]
