"""Keep-alive and reconnection of the UCM event stream against the simulator (real TLS)."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from ucm_support import CONNECTED, FAST, Follower, ended, follow, line, ringing

from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm import stream as stream_module
from ucm_popup.ucm.stream import UcmEventStream


async def ring(sim: UcmSimulator, f: Follower) -> str:
    """A call to 1002 that rings (and is left ringing)."""
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME")
    await sim.play(steps[:1])
    key = str(steps[0].items[0][1][0]["linkedid"])
    assert await f.lines(1) == [ringing(key, "0612345678", "ACME")]
    return key


async def test_abrupt_disconnect_ends_open_calls_and_reconnects(sim: UcmSimulator) -> None:
    f = await follow(sim)
    key = await ring(sim, f)
    rows_of_open_call = sim.unbridged.copy()
    await sim.drop_clients()
    assert await f.lines(3) == [
        {"event": "disconnected", "reason": "connection to the UCM lost"},
        ended(key, answered=False),
        CONNECTED,
    ]
    assert sim.connections == 2
    # The UCM repeats the rows of the call that was open: it must not ring a second time.
    repeated = [{**row, "action": "update"} for row in rows_of_open_call.values()]
    await sim.notify([sc.calls(*repeated)])
    await f.quiet(0.3)
    # A new call still works after the reconnection.
    await ring(sim, f)
    await f.aclose()


async def test_closed_by_the_ucm_and_pbx_restart(sim: UcmSimulator) -> None:
    f = await follow(sim)
    await sim.restart(down_s=0.5)  # close frames, then 503 for a while
    assert await f.lines(2, timeout=10) == [
        {"event": "disconnected", "reason": "connection closed by the UCM"}, CONNECTED]
    assert sim.connections >= 2
    await f.quiet(0.2)  # one disconnected line, not one per failed try
    await f.aclose()


async def test_heartbeat_sent_whatever_is_received(sim: UcmSimulator) -> None:
    assert stream_module.HEARTBEAT_S <= 20  # watch promises a request at least every 20 s
    f = await follow(sim, heartbeat_s=0.2)
    for _ in range(40):  # a busy link: a frame every 50 ms, never a quiet moment of 200 ms
        await sim.notify([sc.status(("1005", "Idle"))])
        await asyncio.sleep(0.05)
    # About ten are due in those 2 s; a client that sent them only when the link was quiet
    # would have sent none.  (Counted loosely: a busy test machine may delay a few.)
    assert len(sim.requests("heartbeat")) >= 3
    assert sim.connections == 1
    await f.aclose()


async def test_unanswered_heartbeats_drop_the_link(sim: UcmSimulator) -> None:
    sim.answer_heartbeats = False
    f = await follow(sim, heartbeat_s=0.1)
    assert await f.lines(1) == [
        {"event": "disconnected", "reason": "the UCM did not answer 2 heartbeats"}]
    sim.answer_heartbeats = True
    assert await f.lines(1) == [CONNECTED]
    await f.aclose()


async def test_silent_link_is_dead(sim: UcmSimulator) -> None:
    sim.answer_heartbeats = False
    f = await follow(sim, heartbeat_s=10, silence_s=0.3)
    assert await f.lines(1) == [
        {"event": "disconnected", "reason": "no frame from the UCM for 0.3 s"}]
    await f.aclose()


async def test_oversized_frame_drops_and_reconnects(sim: UcmSimulator) -> None:
    f = await follow(sim, max_size=64 * 1024)
    await sim.send_raw('{"type":"request","message":[' + " " * 100_000 + "]}")
    assert await f.lines(2) == [
        {"event": "disconnected", "reason": "a frame from the UCM was larger than 65536 bytes"},
        CONNECTED]
    await ring(sim, f)
    await f.aclose()


async def test_default_frame_limit_takes_a_big_frame(sim: UcmSimulator) -> None:
    assert stream_module.MAX_FRAME_BYTES >= 4 * 2**20
    f = await follow(sim)
    rows = [{"action": "add", "chantype": "unbridge", "channel": f"PJSIP/3{n:04d}-1",
             "state": "Up", "linkedid": str(n)} for n in range(4000)]  # ~400 kB
    await sim.notify([sc.calls(*rows)])
    await ring(sim, f)
    assert sim.connections == 1
    await f.aclose()


async def test_login_refused_after_a_drop_is_not_retried(sim: UcmSimulator) -> None:
    f = await follow(sim)
    sim.refuse_logins = True
    await sim.drop_clients()
    assert (await f.lines(1))[0]["event"] == "disconnected"
    error = await f.error()
    assert isinstance(error, AuthError)
    logins = len(sim.requests("login"))
    await asyncio.sleep(0.5)
    assert len(sim.requests("login")) == logins == 2
    await f.aclose()


async def test_a_bug_during_the_handshake_is_not_reported_as_unreachable(
    sim: UcmSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(self: UcmEventStream, ws: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(UcmEventStream, "_handshake", broken)
    f = Follower(UcmEventStream(sim.settings(), sim.password, retry_initial=True, **FAST))
    error = await f.error()  # raised to the caller's error policy, not retried for ever
    assert isinstance(error, ZeroDivisionError)
    assert sim.connections == 1
    await f.aclose()


def held_port() -> socket.socket:
    """A loopback port bound and not listening: connecting is refused, and no other program
    can take the port while the test holds it (it is handed to the simulator, or closed)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


async def test_unreachable_first_connection_raises() -> None:
    with held_port() as held:
        port = held.getsockname()[1]
        sim = UcmSimulator(port=port)
        f = Follower(UcmEventStream(sim.settings(), "pw", **FAST))
        error = await f.error()
    assert isinstance(error, ServiceError)
    assert str(error).startswith(f"cannot reach the UCM at 127.0.0.1:{port}: ")
    assert str(error).endswith("check [ucm] host and port")


async def test_tray_keeps_trying_until_the_ucm_is_there() -> None:
    held = held_port()
    port = held.getsockname()[1]
    sim = UcmSimulator(port=port, sock=held)
    f = Follower(UcmEventStream(sim.settings(), sim.password, retry_initial=True, **FAST))
    first = line(await f.next())
    assert first["event"] == "disconnected" and first["reason"] == "connection refused"
    await asyncio.sleep(0.3)  # a few refused tries: still one "disconnected" line
    await sim.start()
    try:
        sim_settings = sim.settings()
        assert sim_settings.port == port
        f.stream.ucm = sim_settings  # the fingerprint is known only now
        assert await f.lines(1, timeout=30) == [CONNECTED]
        await f.quiet(0.2)
    finally:
        await f.aclose()
        await sim.aclose()


class WallClock:
    """time.time() that the test can move, as a suspend moves it past the monotonic clock."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


async def test_waking_from_sleep_reconnects_at_once(sim: UcmSimulator) -> None:
    wall = WallClock()
    f = await follow(sim, wall_clock=wall)
    key = await ring(sim, f)
    wall.offset += 600  # the lid was closed for ten minutes; the link still looks alive
    assert await f.lines(3, timeout=20) == [
        {"event": "disconnected", "reason": "the computer was asleep"},
        ended(key, answered=False),  # whatever happened to that call, it is over
        CONNECTED,
    ]
    assert sim.connections == 2
    await ring(sim, f)  # popups come again
    await f.aclose()


class MonotonicClock:
    """time.monotonic() that the test can move: Windows' monotonic clock counts through sleep."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


async def test_waking_from_sleep_on_windows_reconnects_at_once(sim: UcmSimulator) -> None:
    wall, monotonic = WallClock(), MonotonicClock()
    f = await follow(sim, wall_clock=wall, clock=monotonic, heartbeat_s=5)
    key = await ring(sim, f)
    wall.offset += 600  # both clocks ran on through ten minutes of sleep...
    monotonic.offset += 600  # ...so only the late tick tells
    assert await f.lines(3, timeout=20) == [
        {"event": "disconnected", "reason": "the computer was asleep"},
        ended(key, answered=False),
        CONNECTED,
    ]
    assert sim.connections == 2
    await ring(sim, f)  # popups come again
    await f.aclose()


async def test_clock_steps_without_a_sleep_do_not_reconnect(sim: UcmSimulator) -> None:
    wall = WallClock()
    f = await follow(sim, wall_clock=wall)
    wall.offset -= 3600  # the time zone or NTP set the clock back
    await asyncio.sleep(1.3)
    wall.offset += 3  # a small step forward (NTP)
    await f.quiet(1.3)
    assert sim.connections == 1
    await f.aclose()
