"""A real mosquitto for the relay tests: its own loopback port, TLS from a throwaway CA
(trustme), a password file made with mosquitto_passwd and the ACL the README documents."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trustme
from conftest import require_tool

PREFIX = "ucm-popup"
RELAY_USER = "relay"

# The ACL of the README's "Whole site" section, for the prefix above.
ACL = f"""\
user {RELAY_USER}
topic readwrite {PREFIX}/#

pattern read {PREFIX}/relay/status
pattern read {PREFIX}/relay/+/status
pattern read {PREFIX}/ext/%u/events
pattern write {PREFIX}/ext/%u/dial
pattern read {PREFIX}/ext/%u/dial/result
pattern write {PREFIX}/ext/%u/presence
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Broker:
    """mosquitto with TLS, passwords and the ACL; ``users`` maps user -> password."""

    folder: Path
    users: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def write_files(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o755)
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        ca.cert_pem.write_to_path(str(self.folder / "ca.pem"))
        cert.private_key_pem.write_to_path(str(self.folder / "server.key"))
        cert.cert_chain_pems[0].write_to_path(str(self.folder / "server.pem"))
        passwd = self.folder / "passwd"
        passwd.write_text("")
        for user, password in self.users.items():
            subprocess.run([shutil.which("mosquitto_passwd") or "mosquitto_passwd", "-b",
                            str(passwd), user, password], check=True, capture_output=True)
        (self.folder / "acl").write_text(ACL)
        (self.folder / "mosquitto.conf").write_text(
            f"listener {self.port} 127.0.0.1\n"
            f"cafile {self.folder / 'ca.pem'}\n"
            f"certfile {self.folder / 'server.pem'}\n"
            f"keyfile {self.folder / 'server.key'}\n"
            "allow_anonymous false\n"
            f"password_file {passwd}\n"
            f"acl_file {self.folder / 'acl'}\n"
            "persistence false\n"
            "log_dest stderr\n"
            "log_type error\nlog_type warning\nlog_type notice\n"
            + ("user root\n" if os.geteuid() == 0 else "")
        )
        for name in ("ca.pem", "server.pem", "server.key", "passwd", "acl", "mosquitto.conf"):
            os.chmod(self.folder / name, 0o644)

    @property
    def ca_file(self) -> str:
        return str(self.folder / "ca.pem")

    @property
    def url(self) -> str:
        return f"mqtts://127.0.0.1:{self.port}"

    async def start(self) -> Broker:
        if not (self.folder / "mosquitto.conf").exists():
            self.write_files()
        binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        self.process = subprocess.Popen(
            [binary, "-c", str(self.folder / "mosquitto.conf")],
            stdout=subprocess.DEVNULL, stderr=open(self.folder / "log", "ab"),
        )
        for _ in range(200):
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                return self
            if self.process.poll() is not None:
                raise RuntimeError(f"mosquitto ended: {(self.folder / 'log').read_text()}")
            await asyncio.sleep(0.05)
        raise RuntimeError("mosquitto did not listen")

    async def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            await asyncio.to_thread(self.process.wait, 10)
        self.process = None

    async def restart(self, down_s: float = 0.5) -> None:
        await self.stop()
        await asyncio.sleep(down_s)
        await self.start()

    def mqtt_toml(self, user: str) -> str:
        return (f'[mqtt]\nurl = "{self.url}"\nusername = "{user}"\n'
                f'topic_prefix = "{PREFIX}"\nca_file = "{self.ca_file}"\n')


def mosquitto_available() -> None:
    require_tool(shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if os.path.exists("/usr/sbin/mosquitto") else None), "mosquitto")
    require_tool(shutil.which("mosquitto_passwd"), "mosquitto_passwd")


@contextlib.asynccontextmanager
async def running_broker(folder: Path, users: dict[str, str]) -> AsyncIterator[Broker]:
    mosquitto_available()
    broker = await Broker(folder, users).start()
    try:
        yield broker
    finally:
        await broker.stop()


class Command:
    """A ``ucm-popup`` subprocess (``relay`` or ``watch``); stdout lines read as they come."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, *args: str, env: dict[str, str]) -> Command:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ucm_popup", *args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env={**os.environ, **env},
        )
        return cls(process)

    async def line(self, timeout: float = 15.0) -> dict[str, Any]:
        import json

        assert self.process.stdout is not None
        raw = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        assert raw.endswith(b"\n"), f"ended: {await self.finish()}"
        data = json.loads(raw)
        assert isinstance(data, dict)
        return data

    async def finish(self, timeout: float = 20.0) -> tuple[int, str, str]:
        out, err = await asyncio.wait_for(self.process.communicate(), timeout)
        assert self.process.returncode is not None
        return self.process.returncode, out.decode(), err.decode()

    async def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str, str]:
        if self.process.returncode is None:
            self.process.send_signal(sig)
        return await self.finish()

    def kill_now(self) -> None:
        if self.process.returncode is None:
            self.process.kill()
