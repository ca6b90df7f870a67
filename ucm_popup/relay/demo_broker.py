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

MISSING = ("the demo relay needs the MQTT broker mosquitto, which is not installed: "
           "install the package mosquitto (sudo apt-get install mosquitto)")
START_TIMEOUT_S = 10.0
SBIN = ("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto")  # often not on a user's PATH


@dataclass(frozen=True)
class DemoBroker:
    url: str
    port: int
    passwords: dict[str, str]  # broker user -> password


def _acl(prefix: str, relay_user: str) -> str:
    return (f"user {relay_user}\ntopic readwrite {prefix}/#\n\n"
            f"pattern read {prefix}/relay/status\n"
            f"pattern read {prefix}/relay/+/status\n"
            f"pattern read {prefix}/ext/%u/events\n"
            f"pattern write {prefix}/ext/%u/dial\n"
            f"pattern read {prefix}/ext/%u/dial/result\n"
            f"pattern write {prefix}/ext/%u/presence\n")


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
        (root / "acl").write_text(_acl(prefix, relay_user))
        port = _free_port()
        (root / "mosquitto.conf").write_text(
            f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {passwd}\n"
            f"acl_file {root / 'acl'}\npersistence false\nlog_dest none\n"
            "set_tcp_nodelay true\n"
            + ("user root\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""))
        for name in ("passwd", "acl", "mosquitto.conf"):
            os.chmod(root / name, 0o644)
        # subprocess, not asyncio's: the app's selector loop cannot start children on
        # Windows (ucm_popup/loops.py).
        process = subprocess.Popen([binary, "-c", str(root / "mosquitto.conf")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            await _wait_listening(port, process)
            yield DemoBroker(f"mqtt://127.0.0.1:{port}", port, passwords)
        finally:
            if process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    await asyncio.to_thread(process.wait, 5)
            if process.poll() is None:
                process.kill()
                await asyncio.to_thread(process.wait)


async def _wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + START_TIMEOUT_S
    while loop.time() < deadline:
        if process.poll() is not None:
            break
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        return
    raise SettingsError(f"the demo relay's mosquitto did not start on 127.0.0.1:{port}")
