"""Soak of the tray core: many calls through the simulated UCM, with the link dropped at random.

    python bench/bench_soak.py [--calls 10000] [--drops 0.03] [--warm-up 25000] [--seed 1]

Runs the real ``PopupApp`` (no Qt: a view that records what it is told) following the real
``UcmEventStream`` over TLS on loopback to the UCM simulator, CRM provider "none". The
simulator places calls to the followed extension one after another (answered there, missed,
answered elsewhere in a ring group, internal), with a call to another extension now and then.
First ``--warm-up`` calls without drops, so that what the app remembers by design is full;
then ``--calls`` calls to the extension where, before any frame, with probability ``--drops``
per call, the simulator drops every link (a network cut, or a proper close) and the harness
waits until the app has logged in again. Prints, for the measured calls:

- missed popups: the ringing frame went out on a live link and the view got no ringing (aim 0);
- duplicates: a call that gave the view more than one ringing (aim 0);
- stuck open: a call whose ringing never got its ended (aim 0); stray: events for calls that
  did not ring the extension (aim 0);
- RSS growth over the measured calls (aim < 2 MiB), and over the warm-up;
- event-loop stalls: a 10 ms ticker late by more than 100 ms (aim 0), and the worst lateness.

The default run takes about a minute on this project's 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ucm_popup.app import Health, LookupOutcome, PopupApp, RecentCall
from ucm_popup.secrets import UCM_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings, UcmSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.events import CallEvent, Ended, Ringing
from ucm_popup.ucm.stream import UcmEventStream

X = "1002"
WAIT_S = 5.0  # for a ringing or an ended to reach the view before it counts as lost
STALL_S = 0.1
# The warm-up fills what the tracker remembers by design (ended channels: 10 minutes, at most
# 50,000; about 2.5 channels a call), so that growth after it is a leak.
WARM_UP_CALLS = 25_000
TICK_S = 0.01


class RecordingView:
    """The AppView the tray would be, counting ringing and ended per call.

    Only the last calls are kept (the harness's own memory must not grow with the calls):
    a call leaves the window with its counts checked, and an event for a call not in the
    window is stray.
    """

    WINDOW = 200

    def __init__(self) -> None:
        self.counts: OrderedDict[str, list[int]] = OrderedDict()  # call id -> [rang, ended]
        self.duplicates = self.stuck_open = self.stray = 0
        self.changed = asyncio.Event()

    def expect(self, call_id: str) -> None:
        """``call_id`` is about to ring the extension."""
        self.counts[call_id] = [0, 0]
        if len(self.counts) > self.WINDOW:
            self._check(*self.counts.popitem(last=False))

    def finish(self) -> None:
        while self.counts:
            self._check(*self.counts.popitem(last=False))

    def _check(self, call_id: str, counts: list[int]) -> None:
        rang, ended = counts
        self.duplicates += rang > 1
        self.stuck_open += ended < rang

    def health_changed(self, health: Health) -> None:
        pass

    def call_event(self, event: CallEvent) -> None:
        if isinstance(event, Ringing | Ended):
            counts = self.counts.get(event.call_id)
            if counts is None:
                self.stray += 1
            else:
                counts[isinstance(event, Ended)] += 1
        self.changed.set()

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None:
        pass

    def recent_calls_changed(self, calls: list[RecentCall]) -> None:
        pass

    def has_rung(self, call_id: str) -> bool:
        return self.counts[call_id][0] > 0

    def is_closed(self, call_id: str) -> bool:
        rang, ended = self.counts[call_id]
        return ended >= rang

    async def until(self, condition: Callable[[str], bool], call_id: str) -> bool:
        """Whether ``condition(call_id)`` came true within WAIT_S."""
        deadline = time.monotonic() + WAIT_S
        while not condition(call_id):
            self.changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                return condition(call_id)
        return True


@dataclass
class Figures:
    calls: int = 0
    noise_calls: int = 0
    drops: int = 0
    missed: int = 0
    duplicates: int = 0
    stuck_open: int = 0
    stray: int = 0
    rss_warm_up_mib: float = 0.0
    rss_growth_mib: float = 0.0
    stalls: int = 0
    worst_lateness_ms: float = 0.0
    seconds: float = 0.0
    tasks_left: int = 0


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Ticker:
    """Measures how late a 10 ms sleep wakes up: the event loop's stalls."""

    def __init__(self) -> None:
        self.stalls = 0
        self.worst = 0.0
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + TICK_S
            await asyncio.sleep(TICK_S)
            late = loop.time() - due
            self.worst = max(self.worst, late)
            self.stalls += late > STALL_S

    def stop(self) -> None:
        self.task.cancel()


def a_call(sim: UcmSimulator, rnd: random.Random, n: int) -> tuple[list[sc.Step], bool]:
    """The steps of call ``n`` and whether it rings X."""
    caller = f"06{rnd.randrange(10**8):08d}"
    kind = rnd.random()
    if kind < 0.08:  # another extension's call: the noise every subscriber sees
        return sc.ring_call(sim.rows, caller=caller, rings=("1005",), answered_by="1005",
                            ring_s=0, talk_s=0, followed=X), False
    if kind < 0.4:
        steps = sc.ring_call(sim.rows, caller=caller, name="ACME", answered_by="", ring_s=0)
    elif kind < 0.55:
        steps = sc.ring_call(sim.rows, caller=caller, rings=(X, "1003"), answered_by="1003",
                             ring_s=0, talk_s=0)
    elif kind < 0.65:
        steps = sc.ring_call(sim.rows, caller="1001", name="Reception", trunk="", ring_s=0,
                             talk_s=0)
    else:
        steps = sc.ring_call(sim.rows, caller=caller, name=f"Caller {n}", ring_s=0, talk_s=0)
    return steps, True


async def drop(sim: UcmSimulator, rnd: random.Random) -> None:
    if rnd.random() < 0.5:
        await sim.drop_clients()  # cut without a close frame
    else:
        await sim.close_clients()  # closed properly by the UCM
    await sim.wait_subscribed(timeout=30)


async def soak(calls: int, drops: float = 0.03, seed: int = 1,
               warm_up: int = WARM_UP_CALLS) -> Figures:
    rnd = random.Random(seed)
    figures = Figures()
    sim = await UcmSimulator().start()
    settings = Settings(ucm=UcmSettings(host="127.0.0.1", port=sim.port, username=sim.username,
                                        extension=X, fingerprint=sim.fingerprint),
                        crm=CrmSettings(provider="none"))

    def stream(ucm: UcmSettings, password: str) -> Any:  # the app's own, reconnecting fast
        return UcmEventStream(ucm, password, retry_initial=True, backoff_initial_s=0.05,
                              backoff_max_s=0.2)

    view = RecordingView()
    app = PopupApp(view, settings, MemorySecretStore({UCM_PASSWORD: sim.password}),
                   stream_factory=stream)
    ticker = Ticker()
    baseline = rss_mib()
    started = time.perf_counter()
    try:
        await app.start()
        await sim.wait_subscribed(timeout=30)
        n = 0
        while figures.calls < calls:
            if n == warm_up:
                gc.collect()
                figures.rss_warm_up_mib = rss_mib() - baseline
                baseline = rss_mib()
                ticker.stalls, ticker.worst = 0, 0.0
            steps, rings_x = a_call(sim, rnd, n)
            call_id = str(steps[0].items[0][1][0]["linkedid"])
            counted = n >= warm_up
            n += 1
            figures.calls += counted and rings_x
            figures.noise_calls += counted and not rings_x
            if rings_x:
                view.expect(call_id)
            for step in steps:
                if counted and rnd.random() < drops / len(steps):
                    figures.drops += 1
                    await drop(sim, rnd)
                await sim.notify(step.items)
                if step.ringing:
                    figures.missed += counted and not await view.until(view.has_rung, call_id)
            if rings_x:
                await view.until(view.is_closed, call_id)
            else:
                await asyncio.sleep(0)
        gc.collect()
        figures.rss_growth_mib = rss_mib() - baseline
        view.finish()
        figures.duplicates, figures.stuck_open = view.duplicates, view.stuck_open
        figures.stray = view.stray
    finally:
        figures.seconds = time.perf_counter() - started
        figures.stalls, figures.worst_lateness_ms = ticker.stalls, ticker.worst * 1000
        ticker.stop()
        await app.shutdown()
        figures.tasks_left = app.supervisor.running
        await sim.aclose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--drops", type=float, default=0.03, help="link drops per call")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warm-up", type=int, default=WARM_UP_CALLS,
                        help="calls placed first, without drops, before measuring")
    args = parser.parse_args()
    f = asyncio.run(soak(args.calls, args.drops, args.seed, args.warm_up))
    print(f"{f.calls} calls to {X} (+{f.noise_calls} to others) after a warm-up of "
          f"{args.warm_up} calls, {f.drops} link drops, {f.seconds:.0f} s in all")
    print(f"  missed popups {f.missed} (aim 0), duplicates {f.duplicates} (0), "
          f"stuck open {f.stuck_open} (0), stray {f.stray} (0)")
    print(f"  RSS growth {f.rss_growth_mib:+.2f} MiB (aim < 2; during the warm-up "
          f"{f.rss_warm_up_mib:+.2f} MiB), loop stalls over "
          f"{STALL_S * 1000:.0f} ms {f.stalls} (0), worst lateness "
          f"{f.worst_lateness_ms:.1f} ms, tasks left after shutdown {f.tasks_left}")


if __name__ == "__main__":
    main()
