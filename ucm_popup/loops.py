"""The asyncio loop every command runs on, chosen here rather than left to the platform.

aiomqtt (the site relay's MQTT client) watches its socket with ``loop.add_reader`` and
``add_writer``.  Windows' default loop, the proactor, has neither, so a desk in relay mode
would never connect there.  A selector loop has them on Linux, macOS and Windows alike, and
everything else the app does (TLS WebSocket, HTTP, timers, ``to_thread``) runs on it too: one
code path everywhere.  The one thing a Windows selector loop cannot do is start a child process
with ``asyncio.create_subprocess_*``, so the app starts its children with ``subprocess`` and
waits for them in a thread.

The tray app's loop is qasync's selector kind for the same reason (``ui/app.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def new_event_loop() -> asyncio.AbstractEventLoop:
    return asyncio.SelectorEventLoop()


def run(main: Coroutine[Any, Any, T],
        loop_factory: Callable[[], asyncio.AbstractEventLoop] = new_event_loop) -> T:
    """``asyncio.run`` on a loop of our choice (3.11's ``asyncio.run`` takes no factory)."""
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        return runner.run(main)
