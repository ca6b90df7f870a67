#!/usr/bin/env python3
"""Tray app figures: (a) ring -> popup on screen, (b) idle memory against a bare tray process.

    python bench/bench_popup.py [--calls 30] [--idle 8] [--gap 2] [--no-warm-up]

(a) runs the app's real pieces in one process (simulated UCM and Zoho over TLS/HTTP on
loopback, the UCM event stream, the core, the Qt bridge and the popup manager on the qasync
loop) and times, for each call, from the moment the simulated UCM sends the ringing frame to the
popup's first paint into a window the X server has mapped and exposed, and on to the CRM record
being filled in.
(b) starts ``ucm-popup --config FILE`` as a configured instance against the simulators (secrets
from the environment), lets it connect and idle, and reads its resident memory; the baseline is
a bare PySide6 QSystemTrayIcon with asyncio and ssl loaded.

Both run on a real X server: $DISPLAY if set, else a private Xvfb started here.  Without either,
on Qt's offscreen platform, where (a) only times the paint into an off-screen buffer (the output
says so).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

BASELINE = r"""
import asyncio, ssl, sys, time
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from PySide6.QtGui import QIcon, QPixmap
import qasync
app = QApplication([])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22); pixmap.fill()
tray = QSystemTrayIcon(QIcon(pixmap)); tray.show()
ctx = ssl.create_default_context()
async def idle():
    await asyncio.sleep(float(sys.argv[1]))
    print("idle", flush=True)
    await asyncio.sleep(3600)
with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
    runner.run(idle())
"""


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


# -- (a) latency ---------------------------------------------------------------------------


async def latency(calls: int, warm_up: bool = True, gap_s: float = 0.0
                  ) -> tuple[list[float], list[float], list[float]]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from ucm_popup.app import PopupApp
    from ucm_popup.demo import demo_environment
    from ucm_popup.ui.bridge import CoreBridge
    from ucm_popup.ui.popup import CallPopup
    from ucm_popup.ui.popup_manager import PopupManager

    shown: dict[str, float] = {}
    filled: dict[str, float] = {}
    titled: dict[str, float] = {}  # the CRM name in the title of a window on screen

    class FirstPaint(QObject):
        """Notes when a popup first paints into a window the window system has exposed."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, CallPopup):
                window = watched.windowHandle()
                if window is not None and window.isExposed():
                    shown.setdefault(watched.ringing.call_id, time.perf_counter())
                    self.titled(watched)
            elif (event.type() == QEvent.Type.WindowTitleChange
                  and isinstance(watched, CallPopup)):
                self.titled(watched)
            return False

        def titled(self, popup: CallPopup) -> None:
            """As a user (or a screen reader) sees it: a window on screen titled with the
            record's name."""
            window = popup.windowHandle()
            names = [match.name for match in popup.matches if match.name]
            if (window is not None and window.isExposed() and names
                    and popup.windowTitle().startswith(names[0])):
                titled.setdefault(popup.ringing.call_id, time.perf_counter())

    first_paint = FirstPaint()
    QApplication.instance().installEventFilter(first_paint)  # type: ignore[union-attr]
    async with demo_environment(schedule=False) as demo:
        settings = replace(demo.settings, popup=replace(demo.settings.popup, internal_calls=True))
        bridge = CoreBridge()
        core = PopupApp(bridge, settings, demo.secrets)
        state = Path(tempfile.mkdtemp()) / "popup.json"
        popups = PopupManager(settings.popup, open_url=print, create_url=lambda m, n: "",
                              state_file=state)

        def on_lookup(call_id: str, outcome: object) -> None:
            popups.on_lookup(call_id, outcome)  # type: ignore[arg-type]
            filled.setdefault(call_id, time.perf_counter())

        bridge.call.connect(popups.on_call)
        bridge.lookup.connect(on_lookup)
        if warm_up:  # as the tray app does once its icon is shown and the loop is idle
            popups.warm_up()
        await core.start()
        while core.health.connection.name != "CONNECTED":
            await asyncio.sleep(0.01)
        to_shown: list[float] = []
        to_filled: list[float] = []
        to_titled: list[float] = []
        for _ in range(calls):
            before = set(shown)
            sent = time.perf_counter()
            answer = demo.ucm.ring_now()
            if inspect.isawaitable(answer):
                answer = await answer
            if isinstance(answer, float):  # the simulator's own clock of the frame it sent
                sent = answer
            while set(shown) == before:
                await asyncio.sleep(0.001)
            call_id = (set(shown) - before).pop()
            while call_id not in filled:
                await asyncio.sleep(0.001)
            matched = popups.popups[call_id].matches
            deadline = time.perf_counter() + 5
            while matched and call_id not in titled and time.perf_counter() < deadline:
                await asyncio.sleep(0.001)
            to_shown.append((shown[call_id] - sent) * 1000)
            to_filled.append((filled[call_id] - sent) * 1000)
            if call_id in titled:
                to_titled.append((titled[call_id] - sent) * 1000)
            popups.dismiss_all()
            await asyncio.sleep(gap_s)  # an agent's calls come seconds apart, not back to back
        core.request_stop()
        await core.shutdown()
    return to_shown, to_filled, to_titled


# -- (b) memory ----------------------------------------------------------------------------


def idle_memory(idle_s: float) -> tuple[float, float]:
    baseline = subprocess.Popen([sys.executable, "-c", BASELINE, str(idle_s)],
                                stdout=subprocess.PIPE, text=True)
    assert baseline.stdout is not None
    baseline.stdout.readline()
    base = rss_mib(baseline.pid)
    baseline.kill()
    baseline.wait()
    app = asyncio.run(_configured_app_rss(idle_s))
    return base, app


async def _configured_app_rss(idle_s: float) -> float:
    from ucm_popup import secrets
    from ucm_popup.demo import demo_environment
    from ucm_popup.settings import save_settings

    async with demo_environment(schedule=False) as demo:
        folder = Path(tempfile.mkdtemp())
        config = folder / "config.toml"
        save_settings(config, demo.settings)
        env = {
            **os.environ,
            "XDG_RUNTIME_DIR": str(folder),
            "XDG_STATE_HOME": str(folder / "state"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        for name, variable in secrets.ENV_OVERRIDES.items():
            value = demo.secrets.get(name)
            if value:
                env[variable] = value
        app = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--config", str(config)],
                               env=env)
        try:
            await asyncio.sleep(idle_s)  # start, connect, subscribe, then idle
            assert app.poll() is None, "the app exited"
            return rss_mib(app.pid)
        finally:
            app.terminate()
            app.wait(timeout=10)


def start_xvfb() -> subprocess.Popen[bytes] | None:
    """A private Xvfb (its display in $DISPLAY, Qt on xcb), unless $DISPLAY is set already."""
    if os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        return None
    if not shutil.which("Xvfb"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return None
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_end,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        os.environ["DISPLAY"] = ":" + numbers.readline().strip()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return xvfb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--idle", type=float, default=8.0, help="0: no memory figures")
    parser.add_argument("--gap", type=float, default=2.0,
                        help="seconds between calls (0: back to back)")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="the first popup without the start-up warm-up, to compare")
    args = parser.parse_args()
    xvfb = start_xvfb()
    try:
        return run(args.calls, args.idle, not args.no_warm_up, args.gap)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


def run(calls: int, idle_s: float, warm_up: bool = True, gap_s: float = 2.0) -> int:
    from ucm_popup.ui.app import qt_application, run_on_qt_loop

    qapp = qt_application()
    where = ("on a real X server" if qapp.platformName() == "xcb"
             else f"on Qt's {qapp.platformName()} platform: painted off-screen, not on a screen")
    print(f"popup timing {where} (DISPLAY={os.environ.get('DISPLAY', '')})")
    to_shown, to_filled, to_titled = run_on_qt_loop(lambda: latency(calls, warm_up, gap_s))
    print(f"ringing frame -> popup painted, exposed:  p50 {statistics.median(to_shown):6.1f} ms   "
          f"max {max(to_shown):6.1f} ms   first {to_shown[0]:6.1f} ms   ({len(to_shown)} calls)")
    print(f"ringing frame -> CRM record filled in:    p50 {statistics.median(to_filled):6.1f} ms   "
          f"max {max(to_filled):6.1f} ms   (first lookups, then cache hits)")
    if to_titled:
        print(f"ringing frame -> CRM name in the title:   p50 {statistics.median(to_titled):6.1f} "
              f"ms   max {max(to_titled):6.1f} ms   first {to_titled[0]:6.1f} ms   "
              f"({len(to_titled)} calls with a record; warm-up {'on' if warm_up else 'off'})")
    if idle_s <= 0:
        return 0
    base, app = idle_memory(idle_s)
    print(f"idle RSS: bare PySide6 tray + asyncio + ssl {base:6.1f} MiB")
    print(f"idle RSS: ucm-popup (configured, connected)  {app:6.1f} MiB   ({app / base:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
