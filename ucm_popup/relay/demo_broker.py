"""``ucm-popup relay --demo``: a mosquitto of its own on a free loopback port, with a password
for the relay and one for the demo desk, and the ACL the README gives for a real site."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from ucm_popup.errors import SettingsError
from ucm_popup.relay.acl import render_acl

MISSING = ("the demo relay needs the MQTT broker mosquitto, which is not installed: "
           "install the package mosquitto (sudo apt-get install mosquitto)")
START_TIMEOUT_S = 10.0
PORT_TRIES = 5
SBIN = ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")  # often not on a user's PATH


@dataclass(frozen=True)
class DemoBroker:
    url: str
    port: int
    passwords: dict[str, str]  # broker user -> password


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def demo_broker(users: tuple[str, ...], prefix: str, relay_user: str
                      ) -> AsyncIterator[DemoBroker]:
    binary = shutil.which("mosquitto") or next((p for p in SBIN if os.path.exists(p)), None)
    passwd_tool = shutil.which("mosquitto_passwd")
    if binary is None or passwd_tool is None:
        raise SettingsError(MISSING)
    passwords = {user: secrets.token_urlsafe(9) for user in users}
    with tempfile.TemporaryDirectory(prefix="ucm-popup-demo-broker-") as folder:
        root = Path(folder)
        os.chmod(root, 0o755)  # mosquitto started as root reads its files as "mosquitto"
        passwd = root / "passwd"
        passwd.write_text("")
        for user, password in passwords.items():
            await asyncio.to_thread(subprocess.run, [passwd_tool, "-b", str(passwd), user,
                                                     password], check=True, capture_output=True)
        (root / "acl").write_text(render_acl(prefix, relay_user))
        for name in ("passwd", "acl"):
            os.chmod(root / name, 0o644)
        process, port = await _start(binary, root)
        try:
            yield DemoBroker(f"mqtt://127.0.0.1:{port}", port, passwords)
        finally:
            if process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    await asyncio.to_thread(process.wait, 5)
            if process.poll() is None:
                process.kill()
                await asyncio.to_thread(process.wait)


async def _start(binary: str, root: Path) -> tuple[subprocess.Popen[bytes], int]:
    """mosquitto listening on a free port. The port is free when chosen but another program may
    take it before mosquitto binds it (mosquitto cannot be handed a socket): then another port."""
    for _ in range(PORT_TRIES):
        port = _free_port()
        log = root / "mosquitto.log"
        log.unlink(missing_ok=True)
        (root / "mosquitto.conf").write_text(
            f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {root / 'passwd'}\n"
            f"acl_file {root / 'acl'}\npersistence false\nset_tcp_nodelay true\n"
            # "information" brings the "running" line, written once the listener is open.
            f"log_dest file {log}\nlog_type error\nlog_type information\n"
            + ("user root\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""))
        os.chmod(root / "mosquitto.conf", 0o644)
        # subprocess, not asyncio's: the app's selector loop cannot start children on
        # Windows (ucm_popup/loops.py).
        process = subprocess.Popen([binary, "-c", str(root / "mosquitto.conf")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if await _listening(process, log, port):
            return process, port
    raise SettingsError(f"the demo relay's mosquitto found no free port on 127.0.0.1 "
                        f"in {PORT_TRIES} tries")


async def _listening(process: subprocess.Popen[bytes], log: Path, port: int) -> bool:
    """True once mosquitto says it runs, False when it ended because the port was taken."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT_S
    text = ""
    while loop.time() < deadline:
        text = log.read_text(errors="replace") if log.exists() else ""
        if " running" in text:
            return True
        if process.poll() is not None:
            if "Address already in use" in text:
                return False
            break
        await asyncio.sleep(0.05)
    if process.poll() is None:
        process.kill()
        await asyncio.to_thread(process.wait)
    last = text.strip().splitlines()[-1:] if text.strip() else []
    raise SettingsError(f"the demo relay's mosquitto did not start on 127.0.0.1:{port}"
                        + (f": {last[0]}" if last else ""))
