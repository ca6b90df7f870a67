#!/usr/bin/env python3
"""Smoke-test the built .deb: install it, then run the installed app as a user would.

    python3 packaging/linux/smoke_test.py dist/ucm-popup_<v>_<arch>.deb [--system]

Without --system the package is unpacked into a throwaway root (dpkg-deb -x); with --system it
is installed into this machine with apt-get (root only; this also proves that its Depends can
be met).  Then, with a clean environment (temporary HOME and XDG dirs, no Python variables, no
SSL_CERT_* variables):

1. the package's files: program, PATH link, desktop entry and metainfo (validated), icons;
   the site relay's systemd unit: present, disabled (no link, no maintainer script enables
   it; ``systemctl --root`` agrees), its private state directory (relay_unit_check.py);
2. ``ucm-popup --version`` prints the package's version;
3. ``UCM_POPUP_SELFCHECK=1 ucm-popup``: nothing the frozen app loads lazily is missing;
4. ``ucm-popup lookup --demo 0612345678`` finds the demo's Jane Doe;
5. ``ucm-popup watch --demo`` prints a "ringing" line within 10 s and exits 0 on SIGTERM;
6. where Xvfb, trayer and xdotool exist: ``ucm-popup --demo`` under Xvfb with trayer as the tray
   host docks its tray icon and shows a popup titled "Jane Doe" (the demo's first caller).

Start time to the tray icon = from just before the program is executed until its tray icon
window (an X window of class ucm-popup) has been reparented into trayer, polled every 10 ms
through libX11; the time until the app logs "tray icon shown" is printed beside it.

Only the standard library: it runs with the system's python3, outside any virtualenv.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from check_app import (  # noqa: E402  (the shared headless checks, next to this folder)
    CheckFailure,
    check_lookup_demo,
    check_selfcheck,
    check_version,
    check_watch_demo,
    stop,
)
from x11_tray import X11, X11Error, free_display  # noqa: E402  (next to check_app)

sys.path.insert(0, str(ROOT / "packaging" / "linux"))
from relay_unit_check import relay_unit_problems  # noqa: E402  (next to this file)

APP_ID = "io.github.ucm_popup.UcmPopup"
DEMO_CALLER = "Jane Doe"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ARTIFACTS = ROOT / "tests" / "artifacts"


class SmokeFailure(CheckFailure):
    pass


def say(message: str) -> None:
    print(f"smoke: {message}", flush=True)


def check(condition: object, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def wait_for(what: str, condition: Callable[[], Any], timeout: float, step: float = 0.01) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")


# --- the package ----------------------------------------------------------------------------


def deb_field(deb: Path, field: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True, check=True
    ).stdout.strip()


def install(deb: Path, system: bool, scratch: Path) -> Path:
    """Returns the root the package's files are under."""
    if system:
        check(os.geteuid() == 0, "--system needs root")
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", str(deb.resolve())],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return Path("/")
    apt_get = shutil.which("apt-get")
    if apt_get:  # would the package install here?  (its Depends can be met)
        result = subprocess.run(
            [apt_get, "install", "--simulate", "--no-install-recommends", str(deb.resolve())],
            capture_output=True,
            text=True,
        )
        check(result.returncode == 0, f"apt-get cannot install the package: {result.stderr}")
        say("apt-get install --simulate: its Depends can be met here")
    root = scratch / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def check_removal() -> None:
    """``apt-get remove`` takes away every file and link the package put in place."""
    listed = subprocess.run(
        ["dpkg", "-L", "ucm-popup"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    # Directories such as /usr/share/icons/hicolor/48x48/apps belong to other packages too,
    # and so do links to directories (/lib is one to usr/lib on a merged-/usr system).
    ours = [p for p in listed if not os.path.isdir(p)] + ["/opt/ucm-popup"]
    subprocess.run(
        ["apt-get", "remove", "-y", "-qq", "ucm-popup"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    left = [path for path in ours if os.path.lexists(path)]
    check(not left, f"apt-get remove left {left[:5]}")
    say(f"apt-get remove: all {len(ours)} files of the package are gone")


def check_files(root: Path) -> None:
    program = root / "opt/ucm-popup/ucm-popup"
    link = root / "usr/bin/ucm-popup"
    check(program.is_file() and os.access(program, os.X_OK), f"{program} is not a program")
    check(
        link.is_symlink() and link.resolve() == program.resolve(),
        f"{link} does not lead to {program}",
    )
    desktop = root / f"usr/share/applications/{APP_ID}.desktop"
    metainfo = root / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
    for size in HICOLOR_SIZES:
        icon = root / f"usr/share/icons/hicolor/{size}x{size}/apps/ucm-popup.png"
        check(icon.is_file(), f"missing icon {icon}")
    check(
        (root / "usr/share/icons/hicolor/scalable/apps/ucm-popup.svg").is_file(),
        "missing the scalable icon",
    )
    for tool, args, path in (
        ("desktop-file-validate", [], desktop),
        ("appstreamcli", ["validate", "--no-net"], metainfo),
    ):
        check(path.is_file(), f"missing {path}")
        exe = shutil.which(tool)
        if exe is None:
            say(f"{tool} not installed: {path.name} not validated")
            continue
        result = subprocess.run([exe, *args, str(path)], capture_output=True, text=True)
        check(result.returncode == 0, f"{tool} {path.name}: {result.stdout}{result.stderr}")
    say("package files: program, PATH link, desktop entry, metainfo, icons: ok")


def clean_environment(scratch: Path) -> dict[str, str]:
    home = scratch / "home"
    runtime = scratch / "runtime"
    for path in (home, runtime):
        path.mkdir(mode=0o700, exist_ok=True)
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_RUNTIME_DIR": str(runtime),
    }


# --- the tray app on Xvfb with trayer -------------------------------------------------------


def screenshot(env: dict[str, str], path: Path) -> None:
    """Grab the screen with PySide6 from the development virtualenv, when there is one."""
    python = os.environ.get("SCREENSHOT_PYTHON") or str(ROOT / ".venv" / "bin" / "python")
    if not Path(python).exists():
        say(f"no Python with PySide6 at {python}: no screenshot")
        return
    code = (
        "import sys\nfrom PySide6.QtGui import QGuiApplication\napp = QGuiApplication([])\n"
        "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [python, "-c", code, str(path)],
        env={**env, "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        timeout=30,
    )
    if result.returncode == 0:
        say(f"screenshot: {path}")


def windows_named(env: dict[str, str], name: str) -> list[str]:
    result = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=env,
        capture_output=True,
        text=True,
    )
    return result.stdout.split()


class TrayStart:
    def __init__(self, process: subprocess.Popen[Any], started: float) -> None:
        self.process, self.started = process, started
        self.to_tray = self.to_log = 0.0


def x11_docked(x11: X11 | None) -> bool:
    return x11 is not None and x11.icon_docked("ucm-popup")


def start_to_tray(
    app: Path,
    args: list[str],
    env: dict[str, str],
    x11: X11,
    log_path: Path,
    processes: list[subprocess.Popen[Any]],
) -> TrayStart:
    """Start the tray app; time exec -> icon docked in trayer, and exec -> its log line."""
    command = [str(app), *args, "-v"]
    with log_path.open("w") as log:
        started = time.monotonic()
        run = TrayStart(
            subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT), started
        )
    processes.append(run.process)

    def docked() -> bool:
        if not run.to_log and "tray icon shown" in log_path.read_text(errors="replace"):
            run.to_log = time.monotonic() - started
        check(run.process.poll() is None, f"{command} exited {run.process.returncode}")
        return x11.icon_docked("ucm-popup")

    wait_for(f"the tray icon of {command} to dock in trayer", docked, 30)
    run.to_tray = time.monotonic() - started
    if not run.to_log:
        wait_for(
            "the log line 'tray icon shown'",
            lambda: "tray icon shown" in log_path.read_text(errors="replace"),
            10,
        )
        run.to_log = time.monotonic() - started
    label = " ".join(["ucm-popup", *args]) if args else "ucm-popup (first run)"
    say(
        f"{label}: tray icon docked in trayer {run.to_tray:.2f} s after exec "
        f"(log line 'tray icon shown' at {run.to_log:.2f} s)"
    )
    return run


def check_tray_demo(
    app: Path, base_env: dict[str, str], scratch: Path, figures: dict[str, Any]
) -> None:
    """Fills ``figures`` as it goes, so a later failure keeps the earlier measurements."""
    missing = [tool for tool in ("Xvfb", "trayer", "xdotool") if not shutil.which(tool)]
    if missing:
        say(f"{', '.join(missing)} not installed: tray and popup not checked")
        if os.environ.get("CI"):
            raise SmokeFailure(f"{missing} missing in CI")
        return
    display = free_display()
    env = {**base_env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    processes: list[subprocess.Popen[Any]] = []
    log_path = scratch / "tray-app.log"
    x11: X11 | None = None
    try:
        processes.append(
            subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_for(
            "Xvfb",
            lambda: (
                subprocess.run(
                    ["xdotool", "getdisplaygeometry"], env=env, capture_output=True
                ).returncode
                == 0
            ),
            15,
            0.05,
        )
        x11 = X11(display)
        processes.append(
            subprocess.Popen(
                [
                    "trayer",
                    "--edge",
                    "top",
                    "--align",
                    "right",
                    "--widthtype",
                    "request",
                    "--height",
                    "28",
                    "--SetDockType",
                    "true",
                    "--transparent",
                    "false",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_for("trayer to own _NET_SYSTEM_TRAY_S0", x11.tray_owned, 15)

        # First run as an agent meets it: no settings yet, so the settings dialog opens too.
        first_run_env = {**env, "UCM_POPUP_CONFIG": str(scratch / "no-settings.toml")}
        first_run = start_to_tray(app, [], first_run_env, x11, log_path, processes)
        figures["first_run_to_tray_s"] = first_run.to_tray
        code = stop(first_run.process)
        check(code == 0, f"ucm-popup (first run) exited {code} on SIGTERM, not 0")
        wait_for("the first run's icon to go", lambda: not x11_docked(x11), 10)

        demo = start_to_tray(app, ["--demo"], env, x11, log_path, processes)
        figures["demo_to_tray_s"] = demo.to_tray
        figures["demo_to_log_s"] = demo.to_log
        wait_for(
            f"a popup window titled {DEMO_CALLER!r}",
            lambda: windows_named(env, DEMO_CALLER),
            30,
            0.05,
        )
        figures["demo_to_popup_s"] = time.monotonic() - demo.started
        say(f"popup {DEMO_CALLER!r} shown {figures['demo_to_popup_s']:.1f} s after exec")
        screenshot(env, ARTIFACTS / "smoke-deb-popup.png")
        code = stop(demo.process)
        check(code == 0, f"ucm-popup --demo exited {code} on SIGTERM, not 0")
    except BaseException:
        screenshot(env, ARTIFACTS / "smoke-deb-failure.png")
        if log_path.exists():
            print(log_path.read_text(errors="replace")[-4000:], file=sys.stderr)
        raise
    finally:
        if x11 is not None:  # before Xvfb goes: Xlib exits the process on a lost display
            x11.close()
        for process in reversed(processes):
            stop(process)


def check_relay_unit(deb: Path, root: Path, scratch: Path) -> None:
    control = scratch / "control"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    problems = relay_unit_problems(root, control=control, systemctl_root=root)
    check(not problems, "; ".join(problems))
    say("relay unit: present, disabled, private state directory: ok")


def main() -> int:
    parser = argparse.ArgumentParser(description="Smoke-test the ucm-popup .deb.")
    parser.add_argument("deb", type=Path)
    parser.add_argument(
        "--system",
        action="store_true",
        help="install into this machine with apt-get (root) instead of a temp root",
    )
    args = parser.parse_args()
    deb: Path = args.deb
    if not deb.is_file():
        print(f"smoke: no such package: {deb}", file=sys.stderr)
        return 2
    figures: dict[str, Any] = {}
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ucm-popup-smoke-") as temp:
        scratch = Path(temp)
        try:
            version = deb_field(deb, "Version")
            root = install(deb, args.system, scratch)
            check_files(root)
            check_relay_unit(deb, root, scratch)
        except CheckFailure as failure:
            print(f"smoke: FAILED: {failure}", file=sys.stderr)
            return 1
        app = root / "usr/bin/ucm-popup"
        env = clean_environment(scratch)
        # Every check runs even after one failed, so one CI run tells everything.
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("version_s", lambda: check_version(app, env, version)),
            ("", lambda: check_selfcheck(app, env)),
            ("lookup_s", lambda: check_lookup_demo(app, env)),
            ("watch_ringing_s", lambda: check_watch_demo(app, env)),
            ("", lambda: check_tray_demo(app, env, scratch, figures)),
        ]
        for name, step in steps:
            try:
                result = step()
            except (CheckFailure, X11Error) as failure:
                print(f"smoke: FAILED: {failure}", file=sys.stderr)
                failures.append(str(failure))
                continue
            if name:
                figures[name] = result
        files = [
            p for p in (root / "opt/ucm-popup").rglob("*") if p.is_file() and not p.is_symlink()
        ]
        figures["bundle_mb"] = sum(p.stat().st_size for p in files) / 1048576
        if args.system:
            try:
                check_removal()
            except CheckFailure as failure:
                print(f"smoke: FAILED: {failure}", file=sys.stderr)
                failures.append(str(failure))
    figures["deb_mb"] = deb.stat().st_size / 1048576
    print("smoke: figures " + json.dumps({k: round(v, 2) for k, v in figures.items()}))
    if failures:
        say(f"{len(failures)} check(s) failed")
        return 1
    say("all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
