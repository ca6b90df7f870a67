"""Helpers for the UCM tests: follow a stream in the background, compare watch lines."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from ucm_popup.ucm.events import CallEvent, to_json
from ucm_popup.ucm.stream import UcmEventStream

# The keys of the watch lines, docs/json-output.md (more may be added; tests compare these).
CONTRACT_KEYS = {
    "connected": ("extension",),
    "disconnected": ("reason",),
    "ringing": ("call_id", "extension", "direction", "number", "name", "trunk",
                "transferred_by"),
    "dialing": ("call_id", "extension", "direction", "number", "name", "trunk"),
    "transferred": ("call_id", "extension", "number", "name", "trunk", "transferred_by"),
    "answered": ("call_id", "extension"),
    "ended": ("call_id", "extension", "answered", "answered_elsewhere", "transferred_to"),
}
FAST = {"backoff_initial_s": 0.05, "backoff_max_s": 0.2, "open_timeout_s": 5.0}


def line(event: CallEvent) -> dict[str, Any]:
    """The event's watch line with its documented keys, without the time."""
    data = to_json(event)
    return {"event": data["event"], **{k: data[k] for k in CONTRACT_KEYS[data["event"]]}}


class Follower:
    """Runs ``stream.events()`` in a task; the test takes what it yields."""

    def __init__(self, stream: UcmEventStream) -> None:
        self.stream = stream
        self.queue: asyncio.Queue[CallEvent | BaseException] = asyncio.Queue()
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        try:
            async for event in self.stream.events():
                self.queue.put_nowait(event)
        except Exception as exc:
            self.queue.put_nowait(exc)

    async def next(self, timeout: float = 20.0) -> CallEvent:
        item = await asyncio.wait_for(self.queue.get(), timeout)
        if isinstance(item, BaseException):
            raise item
        return item

    async def lines(self, count: int, timeout: float = 20.0) -> list[dict[str, Any]]:
        return [line(await self.next(timeout)) for _ in range(count)]

    async def error(self, timeout: float = 20.0) -> BaseException:
        item = await asyncio.wait_for(self.queue.get(), timeout)
        assert isinstance(item, BaseException), f"expected an error, got {item}"
        return item

    async def quiet(self, seconds: float = 0.3) -> None:
        """Nothing more comes for a while."""
        await asyncio.sleep(seconds)
        assert self.queue.empty(), f"unexpected: {self.queue.get_nowait()}"

    async def aclose(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


def ringing(call_id: str, number: str, name: str, trunk: str = "MyTrunk",
            direction: str = "inbound", extension: str = "1002",
            transferred_by: str = "") -> dict[str, Any]:
    return {"event": "ringing", "call_id": call_id, "extension": extension,
            "direction": direction, "number": number, "name": name, "trunk": trunk,
            "transferred_by": transferred_by}


def dialing(call_id: str, number: str, name: str = "", trunk: str = "MyTrunk",
            direction: str = "outbound", extension: str = "1002") -> dict[str, Any]:
    return {"event": "dialing", "call_id": call_id, "extension": extension,
            "direction": direction, "number": number, "name": name, "trunk": trunk}


def transferred(call_id: str, number: str, name: str, trunk: str = "MyTrunk",
                transferred_by: str = "1003", extension: str = "1002") -> dict[str, Any]:
    return {"event": "transferred", "call_id": call_id, "extension": extension,
            "number": number, "name": name, "trunk": trunk, "transferred_by": transferred_by}


def answered(call_id: str, extension: str = "1002") -> dict[str, Any]:
    return {"event": "answered", "call_id": call_id, "extension": extension}


def ended(call_id: str, answered: bool, elsewhere: bool = False,
          extension: str = "1002", transferred_to: str = "") -> dict[str, Any]:
    return {"event": "ended", "call_id": call_id, "extension": extension,
            "answered": answered, "answered_elsewhere": elsewhere,
            "transferred_to": transferred_to}


CONNECTED = {"event": "connected", "extension": "1002"}


async def follow(sim: Any, **options: Any) -> Follower:
    """A Follower of a stream to ``sim`` that has seen its ``connected`` line."""
    follower = Follower(UcmEventStream(sim.settings(), sim.password, **{**FAST, **options}))
    assert await follower.lines(1) == [CONNECTED]
    return follower
