"""End to end on a real X server (Xvfb) with a real system-tray host (Debian's trayer).

``ucm-popup --demo`` runs as a real subprocess on xcb against the built-in simulators: the tray
icon docks, the demo's first call rings, a popup titled with the CRM record's name appears, a
real mouse click on Open in CRM hands the record's URL to a stand-in browser (through
``UCM_POPUP_BROWSER``), the call ends and the popup goes.  Waits are conditions with deadlines,
never fixed sleeps; a failure saves a screenshot of the whole screen to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS, require_tool

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
from x11_tray import X11, X11Error  # shared with the packaging smoke test

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

RECORD_NAME = "Jane Doe"
RECORD_URL_TAIL = "/crm/org808232144/tab/Contacts/3477061000000419001"


def wait_for(what: str, condition: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def tray_selection_owned(display: str) -> bool:
    """Does a tray host own _NET_SYSTEM_TRAY_S0?"""
    try:
        x11 = X11(display)
    except X11Error:  # the display is not up yet
        return False
    try:
        return x11.tray_owned()
    finally:
        x11.close()


def stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def desktop(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """An X server (1280x800 unless a test asks for another size) with trayer docked on it."""
    size = getattr(request, "param", "1280x800")
    for tool in ("Xvfb", "trayer", "xdotool", "xwininfo"):
        require_tool(shutil.which(tool), tool)
    # -displayfd: the server picks a free display number itself (no race with other servers)
    read_end, write_end = os.pipe()
    xvfb_log = (tmp_path / "xvfb.log").open("w")
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=xvfb_log, stderr=subprocess.STDOUT, pass_fds=(write_end,),
    )
    os.close(write_end)
    processes = [xvfb]
    try:
        with os.fdopen(read_end) as numbers:
            display = ":" + numbers.readline().strip()
        assert display != ":", f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()}"
        env = {**os.environ, "DISPLAY": display}
        wait_for("Xvfb to accept connections",
                 lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                        capture_output=True).returncode == 0, timeout=15)
        trayer_log = (tmp_path / "trayer.log").open("w")
        trayer_command = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                          "--height", "28", "--SetDockType", "true", "--transparent", "false"]
        trayers: list[subprocess.Popen[Any]] = []

        def tray_ready() -> bool:
            # GTK in trayer now and then fails to open a display that has just come up
            # ("cannot open display"): start it again rather than fail the test.
            if not trayers or trayers[-1].poll() is not None:
                trayers.append(subprocess.Popen(trayer_command, env=env, stdout=trayer_log,
                                                stderr=subprocess.STDOUT))
                processes.append(trayers[-1])
            return tray_selection_owned(display)

        try:
            wait_for("trayer to own _NET_SYSTEM_TRAY_S0", tray_ready)
        except AssertionError as exc:
            logs = [(tmp_path / name).read_text()[-800:] for name in ("xvfb.log", "trayer.log")]
            raise AssertionError(f"{exc}\nXvfb (exit {xvfb.poll()}): {logs[0]}\n"
                                 f"trayer: {logs[1]}") from None
        yield env
    finally:
        for process in reversed(processes):
            stop(process)
        xvfb_log.close()


def screenshot(env: dict[str, str], path: Path) -> None:
    """The whole X screen (every monitor), grabbed by Qt from outside the app."""
    code = (
        "import sys\nfrom PySide6.QtGui import QGuiApplication, QPainter, QPixmap\n"
        "app = QGuiApplication([])\n"
        "desk = QGuiApplication.primaryScreen().virtualGeometry()\n"
        "picture = QPixmap(desk.size())\n"
        "painter = QPainter(picture)\n"
        "for screen in QGuiApplication.screens():\n"
        "    where = screen.geometry().topLeft() - desk.topLeft()\n"
        "    painter.drawPixmap(where, screen.grabWindow(0))\n"
        "painter.end()\n"
        "sys.exit(0 if picture.save(sys.argv[1]) else 1)\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", code, str(path)], env={**env, "QT_QPA_PLATFORM": "xcb"},
                   capture_output=True, timeout=30)


def docked_tray_icon(env: dict[str, str]) -> tuple[int, int] | None:
    """The centre of ucm-popup's icon window inside trayer's panel, if it is docked there."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                          text=True).stdout.splitlines()
    panel = next((i for i, line in enumerate(tree) if '("panel" "trayer")' in line), None)
    if panel is None:
        return None
    depth = len(tree[panel]) - len(tree[panel].lstrip())
    for line in tree[panel + 1:]:
        if len(line) - len(line.lstrip()) <= depth:
            break
        match = re.search(r'"ucm-popup"\)\s+(\d+)x(\d+)\S*\s+\+(-?\d+)\+(-?\d+)', line)
        if match:
            width, height, x, y = map(int, match.groups())
            return x + width // 2, y + height // 2
    return None


def visible_app_windows(env: dict[str, str]) -> list[str]:
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "ucm-popup"],
                            env=env, capture_output=True, text=True)
    return result.stdout.split()


def windows_named(env: dict[str, str], name: str) -> list[str]:
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                            env=env, capture_output=True, text=True)
    return result.stdout.split()


# The agent's work: a text field that has the keyboard and writes down what it receives.
EDITOR = r"""
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
field = QLineEdit()
field.setWindowTitle("agent-editor")
field.textChanged.connect(lambda text: open(sys.argv[1], "w").write(text))
field.resize(300, 40)
field.move(40, 300)
field.show()
app.exec()
"""


def focused_window(env: dict[str, str]) -> str:
    return subprocess.run(["xdotool", "getwindowfocus"], env=env, capture_output=True,
                          text=True).stdout.strip()


def test_demo_call_pops_up_opens_the_record_and_goes(desktop: dict[str, str], tmp_path: Path,
                                                      request: pytest.FixtureRequest) -> None:
    opened = tmp_path / "browser-opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(
        "import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write(sys.argv[2] + '\\n')\n"
    )
    hooks = tmp_path / "hooks"
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {
        **desktop,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_RUNTIME_DIR": str(runtime),
        "UCM_POPUP_BROWSER": f"{sys.executable} {browser} {opened}",
        "UCM_POPUP_TEST_HOOK_DIR": str(hooks),
    }
    typed = tmp_path / "typed.txt"
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(typed)], env=env)
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--demo", "-v"], env=env,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        field = wait_for("the agent's text field", lambda: windows_named(env, "agent-editor"))[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", field], env=env, check=True)
        # the tray icon docked in trayer: Qt found a tray and the icon's window is mapped there
        wait_for("the tray icon", lambda: "tray icon shown" in (tmp_path / "app.log").read_text())
        icon = wait_for("the icon docked in trayer's panel", lambda: docked_tray_icon(env))
        # the demo's first call rings after ~3 s: a popup titled with the record's name
        popup = wait_for(f"a popup titled {RECORD_NAME!r}",
                         lambda: windows_named(env, RECORD_NAME), timeout=30)[0]
        # what a window manager reads before it gives a new window the keyboard: "no input"
        # (WM_HINTS) and "not shown by a user's action" (_NET_WM_USER_TIME 0)
        hints = subprocess.run(["xprop", "-id", popup, "WM_HINTS", "_NET_WM_USER_TIME"], env=env,
                               capture_output=True, text=True).stdout
        assert "accepts input or input focus: False" in hints, hints
        assert "_NET_WM_USER_TIME(CARDINAL) = 0" in hints, hints
        # the popup left the keyboard with the agent's work: what they type still lands there
        assert focused_window(env) == field
        subprocess.run(["xdotool", "type", "--delay", "20", "note"], env=env, check=True)
        wait_for("the typing to reach the agent's field",
                 lambda: typed.exists() and typed.read_text() == "note", timeout=10)

        def open_button() -> dict[str, Any] | None:
            try:
                popups = json.loads((hooks / "popups.json").read_text())
            except (OSError, ValueError):
                return None
            for popup in popups:
                button = popup["buttons"]["open_crm"]
                if RECORD_NAME in popup["title"] and button["visible"]:
                    return button
            return None

        button = wait_for("the Open in CRM button", open_button)
        screenshot(env, ARTIFACTS / "e2e-popup.png")
        subprocess.run(["xdotool", "mousemove", str(button["x"]), str(button["y"]), "click", "1"],
                       env=env, check=True)
        url = wait_for("the browser to be handed a URL",
                       lambda: opened.exists() and opened.read_text().strip())
        assert url.splitlines()[0].endswith(RECORD_URL_TAIL), url
        assert url.startswith(("https://", "http://127.0.0.1", "http://localhost")), url
        # the call ends (talk time in the demo) and the popup closes after close_after_answered_s
        wait_for("the popup to go", lambda: not windows_named(env, RECORD_NAME), timeout=40)
        # the tray menu, opened with a real right click, with the recent calls submenu
        before = len(visible_app_windows(env))
        subprocess.run(["xdotool", "mousemove", str(icon[0]), str(icon[1]), "click", "3"],
                       env=env, check=True)
        wait_for("the tray menu", lambda: len(visible_app_windows(env)) > before)
        subprocess.run(["xdotool", "key", "Down", "Right"], env=env, check=True)
        wait_for("the recent calls submenu", lambda: len(visible_app_windows(env)) > before + 1)
        screenshot(env, ARTIFACTS / "e2e-tray-menu.png")
        subprocess.run(["xdotool", "key", "Escape", "Escape"], env=env, check=True)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=15) == 0
    except BaseException:
        screenshot(env, ARTIFACTS / f"e2e-failure-{request.node.name}.png")
        print((tmp_path / "app.log").read_text()[-5000:])
        raise
    finally:
        stop(app)
        stop(editor)
        log.close()


def test_a_second_instance_says_so_and_exits_0(desktop: dict[str, str], tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "UCM_POPUP_CONFIG": str(tmp_path / "none.toml")}
    log = (tmp_path / "first.log").open("w")
    first = subprocess.Popen([sys.executable, "-m", "ucm_popup", "-v"], env=env, stdout=log,
                             stderr=subprocess.STDOUT)
    try:
        wait_for("the first instance's tray icon",
                 lambda: "tray icon shown" in (tmp_path / "first.log").read_text())
        second = subprocess.Popen([sys.executable, "-m", "ucm_popup"],
                                  env={**env, "PYTHONFAULTHANDLER": "1"}, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        try:
            _out, err = second.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            second.send_signal(signal.SIGABRT)  # faulthandler prints where it hangs
            _out, err = second.communicate(timeout=10)
            first_log = (tmp_path / "first.log").read_text()[-2000:]
            raise AssertionError(f"the second instance hung:\n{err[-4000:]}\n"
                                 f"first instance's log:\n{first_log}") from None
        assert second.returncode == 0
        assert "already running" in err
        assert first.poll() is None
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=15) == 0
    finally:
        stop(first)
        log.close()


def split_into_two_monitors(display: str, width: int, height: int) -> None:
    """Make the X screen two monitors side by side, as ``xrandr --setmonitor`` does (RandR 1.5):
    Qt then sees two QScreens, the left one primary."""
    import ctypes
    import ctypes.util

    class MonitorInfo(ctypes.Structure):
        _fields_ = [("name", ctypes.c_ulong), ("primary", ctypes.c_int),
                    ("automatic", ctypes.c_int), ("noutput", ctypes.c_int),
                    ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
                    ("height", ctypes.c_int), ("mwidth", ctypes.c_int),
                    ("mheight", ctypes.c_int), ("outputs", ctypes.POINTER(ctypes.c_ulong))]

    class Resources(ctypes.Structure):
        _fields_ = [("timestamp", ctypes.c_ulong), ("config_timestamp", ctypes.c_ulong),
                    ("ncrtc", ctypes.c_int), ("crtcs", ctypes.POINTER(ctypes.c_ulong)),
                    ("noutput", ctypes.c_int), ("outputs", ctypes.POINTER(ctypes.c_ulong))]

    require_tool(ctypes.util.find_library("Xrandr"), "libXrandr (Debian package libxrandr2)")
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    randr = ctypes.CDLL(ctypes.util.find_library("Xrandr") or "libXrandr.so.2")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    randr.XRRGetScreenResourcesCurrent.restype = ctypes.POINTER(Resources)
    randr.XRRGetScreenResourcesCurrent.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    randr.XRRSetMonitor.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(MonitorInfo)]
    connection = xlib.XOpenDisplay(display.encode())
    assert connection, f"cannot open {display}"
    try:
        root = xlib.XDefaultRootWindow(connection)
        resources = randr.XRRGetScreenResourcesCurrent(connection, root).contents
        output = (ctypes.c_ulong * 1)(resources.outputs[0])
        half = width // 2
        for name, primary, outputs, x in ((b"LEFT", 1, output, 0), (b"RIGHT", 0, None, half)):
            monitor = MonitorInfo(xlib.XInternAtom(connection, name, 0), primary, 0,
                                  1 if outputs else 0, x, 0, half, height, 300, 200, outputs)
            randr.XRRSetMonitor(connection, root, ctypes.byref(monitor))
        xlib.XSync(connection, 0)
    finally:
        xlib.XCloseDisplay(connection)


def window_geometry(env: dict[str, str], window: str) -> tuple[int, int, int, int]:
    shell = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], env=env,
                           capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in shell.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


@pytest.mark.parametrize("desktop", ["2560x800"], indirect=True)
def test_a_popup_dragged_to_the_second_monitor_stays_there(desktop: dict[str, str],
                                                           tmp_path: Path,
                                                           request: pytest.FixtureRequest) -> None:
    split_into_two_monitors(desktop["DISPLAY"], 2560, 800)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    state = tmp_path / "state"
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "XDG_STATE_HOME": str(state)}
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--demo", "-v"], env=env,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        popup = wait_for("the demo call's popup", lambda: windows_named(env, RECORD_NAME),
                         timeout=30)[0]
        x, y, width, _height = window_geometry(env, popup)
        assert x + width <= 1280, "the popup starts in the corner of the left (primary) monitor"
        # a real drag: press on the card's status line, move across, release on the right one
        grab_x, grab_y = x + 80, y + 16
        subprocess.run(["xdotool", "mousemove", "--sync", str(grab_x), str(grab_y),
                        "mousedown", "1"], env=env, check=True)
        for step in range(1, 11):
            subprocess.run(["xdotool", "mousemove", "--sync", str(grab_x + step * 100),
                            str(grab_y - step * 20)], env=env, check=True)
        subprocess.run(["xdotool", "mouseup", "1"], env=env, check=True)
        remembered = state / "ucm-popup" / "popup-position.json"
        saved = wait_for("the dragged position to be remembered",
                         lambda: remembered.exists() and json.loads(remembered.read_text()))
        assert saved == {"x": x + 1000, "y": y - 200}
        # the layout after the drag keeps it where it was dropped, on the right monitor
        assert window_geometry(env, popup)[:2] == (x + 1000, y - 200)
        screenshot(env, ARTIFACTS / "e2e-popup-on-second-monitor.png")
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=15) == 0
    except BaseException:
        screenshot(env, ARTIFACTS / f"e2e-failure-{request.node.name}.png")
        print((tmp_path / "app.log").read_text()[-5000:])
        raise
    finally:
        stop(app)
        log.close()


# -- KDE, GNOME with AppIndicator: the icon is a StatusNotifierItem on the session bus -------

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_XML = f"""<node><interface name="{WATCHER}">
<method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>
<method name="RegisterStatusNotifierHost"><arg type="s" direction="in"/></method>
<property name="RegisteredStatusNotifierItems" type="as" access="read"/>
<property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
<property name="ProtocolVersion" type="i" access="read"/>
<signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
<signal name="StatusNotifierItemUnregistered"><arg type="s"/></signal>
<signal name="StatusNotifierHostRegistered"/>
</interface></node>"""


def serve_watcher(address: str, items: list[str], stop: Any) -> None:
    """A StatusNotifier watcher with a host (the part of a KDE or GNOME panel an app talks
    to): it says a host is there and notes which items register."""
    from jeepney import HeaderFields, MessageType, new_error, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(address) as bus:
        bus.send_and_get_reply(message_bus.RequestName(WATCHER))
        properties = {"IsStatusNotifierHostRegistered": ("b", True), "ProtocolVersion": ("i", 0)}
        while not stop.is_set():
            try:
                message = bus.receive(timeout=0.2)
            except TimeoutError:
                continue
            if message.header.message_type is not MessageType.method_call:
                continue
            member = message.header.fields.get(HeaderFields.member)
            if member == "Introspect":
                bus.send(new_method_return(message, "s", (WATCHER_XML,)))
            elif member == "Get":
                name = message.body[1]
                value = ("as", list(items)) if name == "RegisteredStatusNotifierItems" else (
                    properties[name])
                bus.send(new_method_return(message, "v", (value,)))
            elif member == "GetAll":
                everything = {**properties, "RegisteredStatusNotifierItems": ("as", list(items))}
                bus.send(new_method_return(message, "a{sv}", (everything,)))
            elif member in ("RegisterStatusNotifierItem", "RegisterStatusNotifierHost"):
                if member == "RegisterStatusNotifierItem":
                    items.append(message.body[0])
                bus.send(new_method_return(message))
            else:
                bus.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    require_tool(shutil.which("dbus-daemon"), "dbus-daemon (Debian package dbus)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address",
         f"--address=unix:path={tmp_path / 'bus'}"], stdout=subprocess.PIPE, text=True)
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().strip()
    finally:
        stop(daemon)


def test_a_left_click_on_a_statusnotifier_icon_opens_the_menu_at_the_pointer(
        desktop: dict[str, str], session_bus: str, tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    import threading

    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    items: list[str] = []
    done = threading.Event()
    watcher = threading.Thread(target=serve_watcher, args=(session_bus, items, done), daemon=True)
    watcher.start()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**desktop, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "DBUS_SESSION_BUS_ADDRESS": session_bus}
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--demo", "-v"], env=env,
                           stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for("the icon to register with the StatusNotifier watcher", lambda: items)
        before = set(visible_app_windows(env))
        subprocess.run(["xdotool", "mousemove", "--sync", "700", "500"], env=env, check=True)
        # what the panel sends on a left click; Qt's item then reports no icon geometry
        with open_dbus_connection(session_bus) as bus:
            item = DBusAddress("/StatusNotifierItem", bus_name=items[0],
                               interface="org.kde.StatusNotifierItem")
            bus.send_and_get_reply(new_method_call(item, "Activate", "ii", (700, 500)))

        def menu_at() -> tuple[int, int] | None:
            popups = set(windows_named(env, "Missed call|Call — ucm-popup"))  # the demo rings
            for window in set(visible_app_windows(env)) - before - popups:
                return window_geometry(env, window)[:2]
            return None

        assert wait_for("the tray menu", menu_at) == (700, 500)
        screenshot(env, ARTIFACTS / "e2e-statusnotifier-menu.png")
        subprocess.run(["xdotool", "key", "Escape"], env=env, check=True)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=15) == 0
    except BaseException:
        screenshot(env, ARTIFACTS / f"e2e-failure-{request.node.name}.png")
        print((tmp_path / "app.log").read_text()[-5000:])
        raise
    finally:
        done.set()
        stop(app)
        log.close()
        watcher.join(5)
