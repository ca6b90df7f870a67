#!/usr/bin/env python3
"""Headless checks of an installed or bundled ucm-popup, on Linux, Windows and macOS alike.

    python3 packaging/check_app.py PATH/TO/ucm-popup [--version X.Y.Z]

1. ``ucm-popup --version`` prints ``ucm-popup X.Y.Z`` (the expected version, where given);
2. ``UCM_POPUP_SELFCHECK=1 ucm-popup`` (a frozen bundle only) reports nothing missing;
3. ``ucm-popup lookup --demo 0612345678`` finds the demo's Jane Doe (CRM client, phone numbers
   and the simulated Zoho over TLS, all frozen);
4. ``ucm-popup watch --demo`` prints "connected" and then a "ringing" line within 10 s, and
   exits 0 when stopped (SIGTERM; on Windows the process is ended and the code not checked).

Each check prints one line; the first failure ends with exit 1.  The environment is taken as
given: callers isolate HOME and the XDG dirs (packaging/linux/smoke_test.py does).
Only the standard library: it runs with any python3, outside the app's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

WATCH_DEADLINE_S = 10.0


class CheckFailure(Exception):
    pass


def say(message: str) -> None:
    print(f"check: {message}", flush=True)


def check(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailure(message)


def stop(process: subprocess.Popen[Any]) -> int | None:
    """SIGTERM (TerminateProcess on Windows), then kill; the exit code, None if killed."""
    if process.poll() is None:
        if sys.platform == "win32":
            process.terminate()
        else:
            process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
            return None
    return process.returncode


def check_version(app: Path, env: dict[str, str], version: str | None) -> float:
    started = time.monotonic()
    result = subprocess.run(
        [str(app), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    elapsed = time.monotonic() - started
    check(result.returncode == 0, f"--version exited {result.returncode}: {result.stderr}")
    printed = result.stdout.strip()
    check(printed.startswith("ucm-popup "), f"--version printed {printed!r}")
    if version is not None:
        check(printed == f"ucm-popup {version}", f"--version printed {printed!r}, not {version}")
    say(f"--version: {printed} ({elapsed:.2f} s)")
    return elapsed


def check_selfcheck(app: Path, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [str(app)],
        env={**env, "UCM_POPUP_SELFCHECK": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except ValueError:
        message = f"the bundle's self-check printed no report: {result.stderr[-2000:]}"
        raise CheckFailure(message) from None
    failed = report.get("failed", ["?"])
    details = {name: report[name].get("error") for name in failed if name in report}
    check(result.returncode == 0 and not failed, f"the bundle lacks something: {details}")
    tls = report["tls"]["details"]
    backends = report["keyring"]["details"]["entry_points"]
    say(
        f"self-check: Qt plugins, CAs ({tls['system_cas_loaded']} system CAs), phonenumbers' "
        f"metadata, keyring backends {backends}: ok"
    )
    return report


DEMO_NUMBER, DEMO_NAME = "0612345678", "Jane Doe"  # the README's first demo caller


def check_lookup_demo(app: Path, env: dict[str, str]) -> float:
    started = time.monotonic()
    result = subprocess.run(
        [str(app), "lookup", "--demo", DEMO_NUMBER],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    elapsed = time.monotonic() - started
    check(result.returncode == 0, f"lookup --demo exited {result.returncode}: {result.stderr}")
    try:
        answer = json.loads(result.stdout)
    except ValueError:
        raise CheckFailure(f"lookup --demo printed no JSON: {result.stdout!r}") from None
    names = [match.get("name") for match in answer.get("matches", [])]
    check(DEMO_NAME in names, f"lookup --demo {DEMO_NUMBER} found {names}, not {DEMO_NAME}")
    say(f"lookup --demo {DEMO_NUMBER}: {DEMO_NAME} ({answer.get('normalized')}, {elapsed:.1f} s)")
    return elapsed


def _reader(stream: Any, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def check_watch_demo(app: Path, env: dict[str, str]) -> float:
    """Returns the seconds from exec to the first "ringing" line."""
    started = time.monotonic()
    process = subprocess.Popen(
        [str(app), "watch", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        bufsize=1,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    # Threads, not select(): pipes cannot be selected on Windows.
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    errors: list[str] = []
    threading.Thread(target=lambda: errors.extend(process.stderr or []), daemon=True).start()
    events: list[dict[str, Any]] = []
    ringing_after = 0.0
    try:
        while not any(e.get("event") == "ringing" for e in events):
            left = started + WATCH_DEADLINE_S - time.monotonic()
            if left <= 0:
                break
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:  # the program ended
                break
            if line.strip():
                try:
                    events.append(json.loads(line))
                except ValueError:
                    message = f"watch --demo printed a line that is not JSON: {line!r}"
                    raise CheckFailure(message) from None
        ringing_after = time.monotonic() - started
    finally:
        code = stop(process)
    time.sleep(0.1)  # let the stderr reader take the last lines
    stderr = "".join(errors)[-1500:]
    ringing = [e for e in events if e.get("event") == "ringing"]
    check(
        ringing,
        f"watch --demo printed no ringing line within {WATCH_DEADLINE_S:.0f} s "
        f"(printed {events}, exit {process.returncode}, stderr {stderr!r})",
    )
    check(events[0].get("event") == "connected", f"the first line was not connected: {events[0]}")
    if sys.platform != "win32":
        check(code == 0, f"watch --demo exited {code} on SIGTERM, not 0: {stderr}")
    say(
        f"watch --demo: ringing {ringing[0].get('number')!r} after {ringing_after:.1f} s; "
        f"stopped cleanly: ok"
    )
    return ringing_after


def main() -> int:
    parser = argparse.ArgumentParser(description="Headless checks of an installed ucm-popup.")
    parser.add_argument("app", type=Path, help="the ucm-popup program to check")
    parser.add_argument("--version", dest="expected_version", help="the version it must print")
    parser.add_argument("--no-selfcheck", action="store_true", help="not a frozen bundle")
    args = parser.parse_args()
    env = dict(os.environ)
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)  # the bundle must find its own CA store and libraries
    try:
        check_version(args.app, env, args.expected_version)
        if not args.no_selfcheck:
            check_selfcheck(args.app, env)
        check_lookup_demo(args.app, env)
        check_watch_demo(args.app, env)
    except CheckFailure as failure:
        print(f"check: FAILED: {failure}", file=sys.stderr)
        return 1
    say("all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
