"""Benchmark of the call tracker: rows per second through JSON parsing and tracking, one core.

    python bench/bench_tracker.py [--calls 20000] [--repeat 3]

Builds realistic notify frames as the UCM sends them (the text of WebSocket frames): each
call is a trunk leg, the rung extension's leg, ExtensionStatus rows, the answer (an update
to Up and a bridge row), a bridge delete and the delete rows, a few rows to a frame; one call
in ten rings the followed extension, the others ring other extensions (the noise a busy PBX
sends to every subscriber). Then, as the stream does: ``json.loads`` of each frame and
``CallTracker.feed_message`` of its ``message``, with ``expire`` once every 50 frames.
Prints rows per second for parse + track, and for each part alone, and what the tracker
still holds afterwards. Aim: over 50,000 rows/s.

``--unended N`` then rings the followed extension N times in distinct calls that never end
(their delete rows never come): the time per 1,000 calls as the table fills, the slowest
single frame, RSS growth and what the tracker holds. Aim: flat time per call, the state
bounded, no frame slower than a few milliseconds (a slow frame delays heartbeats).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import time
from typing import Any

from ucm_popup.ucm.tracker import CallTracker

X = "1002"


def notify(eventname: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"transactionid": "", "action": "notify", "eventname": eventname, "eventbody": rows}


def call_frames(n: int, rnd: random.Random) -> list[list[dict[str, Any]]]:
    """The notify items of one call, grouped in frames; returns (frames)."""
    linkedid = f"{1747307232 + n}.{1022 + 3 * n}"
    extension = X if n % 10 == 0 else str(1003 + n % 40)
    trunk = f"PJSIP/trunk_{1 + n % 3}-{2 * n:08x}"
    leg = f"PJSIP/{extension}-{2 * n + 1:08x}"
    number = f"06{rnd.randrange(10**8):08d}"
    common = {"service": "normal", "alloc_time": "2026-01-05 10:30:00", "callid": ""}
    trunk_row = {"action": "add", "chantype": "unbridge", "channel": trunk,
                 "uniqueid": linkedid, "linkedid": linkedid, "state": "Ring",
                 "callernum": number, "callername": "ACME Corp", "connectednum": "s",
                 "connectedname": "", "inbound_trunk_name": "MyTrunk",
                 "outbound_trunk_name": "", **common}
    leg_row = {"action": "add", "chantype": "unbridge", "channel": leg,
               "uniqueid": f"{linkedid}1", "linkedid": linkedid, "state": "Ringing",
               "callernum": extension, "callername": "Agent", "connectednum": number,
               "connectedname": "ACME Corp", "inbound_trunk_name": "",
               "outbound_trunk_name": "", **common}
    up = {"action": "update", "chantype": "unbridge", "channel": leg, "uniqueid": f"{linkedid}1",
          "linkedid": linkedid, "state": "Up", "callernum": extension, "callername": "Agent",
          "connectednum": number, "connectedname": "ACME Corp"}
    bridge = {"action": "add", "chantype": "bridge", "channel1": trunk, "channel2": leg,
              "callerid1": number, "callerid2": extension, "name1": "ACME Corp",
              "name2": "Agent", "uniqueid1": linkedid, "uniqueid2": f"{linkedid}1",
              "linkedid": "", "bridge_time": "2026-01-05 10:30:07",
              "inbound_trunk_name": "MyTrunk", "outbound_trunk_name": ""}

    def status(value: str) -> dict[str, Any]:
        return notify("ExtensionStatus", [{"extension": extension, "status": value}])

    def delete(channel: str, chantype: str = "unbridge") -> dict[str, Any]:
        return {"action": "delete", "chantype": chantype, "channel": channel}

    return [
        [notify("ActiveCallStatus", [trunk_row])],
        [notify("ActiveCallStatus", [leg_row]), status("Ringing")],
        [notify("ActiveCallStatus", [up, bridge])],
        [status("InUse")],
        [notify("ActiveCallStatus", [delete(trunk, "bridge")])],
        [notify("ActiveCallStatus", [delete(trunk), delete(leg)]), status("Idle")],
    ]


def build(calls: int, seed: int = 1) -> tuple[list[str], int]:
    """Frame texts of ``calls`` calls, several calls overlapping; and the number of rows."""
    rnd = random.Random(seed)
    texts: list[str] = []
    rows = 0
    in_flight: list[list[list[dict[str, Any]]]] = []
    started = 0
    while started < calls or in_flight:
        if started < calls and (not in_flight or (len(in_flight) < 20 and rnd.random() < 0.2)):
            in_flight.append(call_frames(started, rnd))
            started += 1
        frames = rnd.choice(in_flight)
        message = frames.pop(0)
        if not frames:
            in_flight.remove(frames)
        rows += sum(len(item["eventbody"]) for item in message)
        texts.append(json.dumps({"type": "request", "message": message}))
    return texts, rows


def run(texts: list[str], parse: bool, track: bool) -> tuple[float, int, CallTracker]:
    tracker = CallTracker(X)
    parsed = [json.loads(t) for t in texts] if not parse else []
    loads = json.loads
    feed = tracker.feed_message
    events = 0
    gc.collect()
    gc.freeze()  # the frames parsed beforehand are not the tracker's garbage to scan
    start = time.perf_counter()
    if parse and track:
        for i, text in enumerate(texts):
            events += len(feed(loads(text)["message"]))
            if i % 50 == 0:
                tracker.expire()
    elif parse:
        for text in texts:
            loads(text)
    else:
        for i, frame in enumerate(parsed):
            events += len(feed(frame["message"]))
            if i % 50 == 0:
                tracker.expire()
    elapsed = time.perf_counter() - start
    gc.unfreeze()
    return elapsed, events, tracker


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def unended(calls: int) -> None:
    """X rings in ``calls`` distinct calls whose delete rows never come."""
    tracker = CallTracker(X)
    rnd = random.Random(2)
    gc.collect()
    rss_before = rss_mib()
    slowest = 0.0
    events = 0
    block_start = time.perf_counter()
    blocks: list[float] = []
    for n in range(calls):
        frames = call_frames(n * 10, rnd)  # n * 10: a call that rings X
        start = time.perf_counter()
        for message in frames[:2]:  # trunk leg, X's ringing leg; nothing after
            events += len(tracker.feed_message(message))
        slowest = max(slowest, time.perf_counter() - start)
        if n % 50 == 0:
            tracker.expire()
        if (n + 1) % 1000 == 0:
            now = time.perf_counter()
            blocks.append(now - block_start)
            block_start = now
    gc.collect()
    print(f"{calls} unended ringings of {X}: seconds per 1,000 calls "
          f"first {blocks[0]:.3f}, last {blocks[-1]:.3f}, worst {max(blocks):.3f}; "
          f"slowest call {slowest * 1000:.1f} ms; events {events}; "
          f"RSS {rss_before:.0f} -> {rss_mib():.0f} MiB; held: {tracker.state_sizes()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unended", type=int, default=0,
                        help="then ring the extension in this many calls that never end")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    texts, rows = build(args.calls)
    size = sum(len(t) for t in texts)
    print(f"{len(texts)} frames, {rows} rows, {size / len(texts):.0f} bytes per frame, "
          f"{args.calls // 10} calls of extension {X} among {args.calls}")
    results = {}
    for label, parse, track in (("json.loads + tracker", True, True),
                                ("json.loads alone", True, False),
                                ("tracker alone", False, True)):
        best = min(run(texts, parse, track)[0] for _ in range(args.repeat))
        results[label] = rows / best
        print(f"  {label:22s} {rows / best:>10,.0f} rows/s  ({best * 1e6 / rows:.2f} µs/row)")
    _, events, tracker = run(texts, True, True)
    print(f"  events emitted: {events} (3 per call of {X}); held afterwards: "
          f"{tracker.state_sizes()}")
    print(f"ROWS PER SECOND (json.loads + tracking, one core): "
          f"{results['json.loads + tracker']:,.0f}  (aim: > 50,000)")
    if args.unended:
        unended(args.unended)


if __name__ == "__main__":
    main()
