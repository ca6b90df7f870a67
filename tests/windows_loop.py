"""Windows' default event loops, as the relay's MQTT client meets them, emulated on Linux.

On Windows ``asyncio``'s default loop and ``qasync.QEventLoop`` are proactor loops: they have
no ``add_reader``/``add_writer`` (they raise ``NotImplementedError``), which aiomqtt needs.
``emulate()`` makes both defaults behave so here; a selector loop chosen by name
(``asyncio.SelectorEventLoop``, ``qasync.QSelectorEventLoop``) keeps them, as on Windows.

Run as a script, it is ``ucm-popup`` started under that emulation:
``python tests/windows_loop.py watch --config ...``.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any, NoReturn


def _no_fd_watching(self: Any, *args: Any) -> NoReturn:
    raise NotImplementedError("a proactor loop watches no file descriptors (Windows)")


class ProactorLikeLoop(asyncio.SelectorEventLoop):
    add_reader = _no_fd_watching  # type: ignore[assignment]
    add_writer = _no_fd_watching  # type: ignore[assignment]


class ProactorLikePolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        return ProactorLikeLoop()


def proactor_like_qt_loop() -> type:
    import qasync

    return type("QIOCPLikeEventLoop", (qasync.QSelectorEventLoop,),
                {"add_reader": _no_fd_watching, "add_writer": _no_fd_watching})


def emulate() -> None:
    """For this whole process: the platform's default loops lack add_reader, as on Windows."""
    import qasync

    asyncio.set_event_loop_policy(ProactorLikePolicy())
    qasync.QEventLoop = proactor_like_qt_loop()


if __name__ == "__main__":
    emulate()
    from ucm_popup.cli import main

    sys.exit(main(sys.argv[1:]))
