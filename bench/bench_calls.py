"""Benchmark of the call tracker on every kind of call: outgoing (phone, click-to-dial),
blind and attended transfers, a call handed away, pickups; one core.

    python bench/bench_calls.py [--calls 6000] [--busy 20000]

Plays the UCM simulator's own calls (``sim/ucm_scenarios.py``) one after another as the text
of WebSocket frames, then ``json.loads`` and ``CallTracker.feed_message`` of each, as the
stream does: rows per second, and the events per call. Then, with ``--busy`` live legs of
other extensions' calls held (a busy PBX), the time the tracker takes for the agent's
outgoing calls and transfers, whose far party it looks for among the live legs.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.ucm.tracker import CallTracker

X = "1002"
KINDS: list[tuple[str, Callable[[sc.CallRows], list[sc.Step]]]] = [
    ("outgoing", lambda r: sc.outgoing_call(r, number="0612345678")),
    ("click-to-dial", lambda r: sc.click_to_dial_call(r, extension=X, number="0612345678")),
    ("blind transfer", lambda r: sc.blind_transfer_call(r, caller="0612345678")),
    ("attended transfer", lambda r: sc.attended_transfer_call(r, caller="0612345678")),
    ("handed away", lambda r: sc.transfer_away_call(r, caller="0612345678")),
    ("pickup", lambda r: sc.pickup_call(r, caller="0612345678")),
]


def frames_of(steps: list[sc.Step]) -> list[str]:
    return [json.dumps({"type": "request", "message": [
        {"transactionid": "", "action": "notify", "eventname": name, "eventbody": body}
        for name, body in step.items]}) for step in steps]


def run(texts: list[str], tracker: CallTracker) -> tuple[float, int]:
    events = 0
    started = time.perf_counter()
    for text in texts:
        events += len(tracker.feed_message(json.loads(text)["message"]))
    return time.perf_counter() - started, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=6000)
    parser.add_argument("--busy", type=int, default=20000)
    args = parser.parse_args()

    rows = sc.CallRows()
    texts: list[str] = []
    row_count = 0
    for n in range(args.calls):
        steps = KINDS[n % len(KINDS)][1](rows)
        row_count += sum(len(body) for step in steps for _name, body in step.items)
        texts += frames_of(steps)
    tracker = CallTracker(X)
    seconds, events = run(texts, tracker)
    print(f"{args.calls} calls of every kind, {row_count} rows in {len(texts)} frames")
    print(f"ROWS PER SECOND (json.loads + tracking, one core): {row_count / seconds:,.0f}; "
          f"{events / args.calls:.1f} events per call; held: {tracker.state_sizes()}")

    # A busy PBX: other extensions' calls ringing (their legs live), then the agent's calls.
    busy = CallTracker(X)
    noise = [sc.ring_call(rows, caller=f"06{n:08d}", rings=("1005",))[0]
             for n in range(args.busy // 2)]
    run(frames_of(noise), busy)
    per_kind = []
    for what, make in KINDS:
        texts = frames_of(make(rows))
        took, _ = run(texts, busy)
        per_kind.append(f"{what} {took * 1000:.1f} ms")
    print(f"with {busy.state_sizes()['legs']} live legs of other calls, one call of each kind "
          f"(all its frames): {', '.join(per_kind)}")


if __name__ == "__main__":
    main()
