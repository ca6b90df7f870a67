"""What a hostile UCM frame costs the stream before it is skipped (or tracked), one core.

    python bench/bench_hostile_frames.py [--repeat 20]

Times ``protocol.parse_frame`` (and, for frames that parse, ``CallTracker.feed_message``, as
the stream does) on frames a broken or malicious server could send: nesting far deeper than
the JSON parser's recursion limit, a row with a 3 MiB caller name, 2 KB of binary junk.
Prints the median time per frame in milliseconds.  The point: a frame that is skipped costs
no more than parsing it would, so junk cannot stall popups for long.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from ucm_popup.ucm import protocol
from ucm_popup.ucm.tracker import CallTracker


def notify(rows: object) -> str:
    return json.dumps({"type": "request", "message": [
        {"transactionid": "", "action": "notify", "eventname": "ActiveCallStatus",
         "eventbody": rows}]})


FRAMES: dict[str, str | bytes] = {
    "100,000-deep list (200 KB)": "[" * 100_000 + "]" * 100_000,
    "5,000-deep objects (30 KB)": '{"a":' * 5000 + "1" + "}" * 5000,
    "100,000-deep rows in a notify": notify([]).replace("[]", "[" * 100_000 + "]" * 100_000),
    "a row with a 3 MiB caller name": notify([{
        "action": "add", "chantype": "unbridge", "channel": "PJSIP/1002-00000001",
        "state": "Ringing", "linkedid": "1.1", "connectednum": "0612345678",
        "connectedname": "x" * 3 * 2**20}]),
    "2 KB of binary junk": bytes(range(256)) * 8,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"median over {args.repeat} runs, per frame (parse, then track what parses):")
    for name, frame in FRAMES.items():
        times = []
        for _ in range(args.repeat):
            tracker = CallTracker("1002")
            start = time.perf_counter()
            parsed = protocol.parse_frame(frame)
            if parsed is not None and protocol.is_notify(parsed):
                tracker.feed_message(parsed["message"])
            times.append(time.perf_counter() - start)
        what = "skipped" if parsed is None else "tracked"
        print(f"  {name:<34} {statistics.median(times) * 1000:8.2f} ms  ({what})")


if __name__ == "__main__":
    main()
