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

from ucm_popup.relay.acl import render_acl

PREFIX = "ucm-popup"
RELAY_USER = "relay"

# The ACL the README documents and ``relay --demo`` writes, for the prefix above.
ACL = render_acl(PREFIX, RELAY_USER)
START_TIMEOUT_S = 30.0  # generous: a busy 2-core machine starts mosquitto slowly


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
        for name in ("ca.pem", "server.pem", "server.key", "passwd", "acl"):
            os.chmod(self.folder / name, 0o644)
        self.write_config()

    def write_config(self) -> None:
        (self.folder / "mosquitto.conf").write_text(
            f"listener {self.port} 127.0.0.1\n"
            f"cafile {self.folder / 'ca.pem'}\n"
            f"certfile {self.folder / 'server.pem'}\n"
            f"keyfile {self.folder / 'server.key'}\n"
            "allow_anonymous false\n"
            f"password_file {self.folder / 'passwd'}\n"
            f"acl_file {self.folder / 'acl'}\n"
            "persistence false\n"
            "log_dest stderr\n"
            # "information" brings the "running" line, written once the listener is open.
            "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
            + ("user root\n" if os.geteuid() == 0 else "")
        )
        os.chmod(self.folder / "mosquitto.conf", 0o644)

    @property
    def ca_file(self) -> str:
        return str(self.folder / "ca.pem")

    @property
    def url(self) -> str:
        return f"mqtts://127.0.0.1:{self.port}"

    async def start(self, keep_port: bool = False) -> Broker:
        """Start and wait for mosquitto's "running" line. mosquitto cannot be handed a bound
        socket, so when another program took the port first: another port, or with
        ``keep_port`` (a restart, or files already naming the port) the same one again."""
        if not (self.folder / "mosquitto.conf").exists():
            self.write_files()
        binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + START_TIMEOUT_S
        log = self.folder / "log"
        while True:
            start_of_run = log.stat().st_size if log.exists() else 0
            with open(log, "ab") as stderr:
                self.process = subprocess.Popen(
                    [binary, "-c", str(self.folder / "mosquitto.conf")],
                    stdout=subprocess.DEVNULL, stderr=stderr)
            while True:
                with open(log, "rb") as reader:
                    reader.seek(start_of_run)
                    text = reader.read().decode(errors="replace")
                if " running" in text:
                    return self
                if self.process.poll() is not None or loop.time() > deadline:
                    break
                await asyncio.sleep(0.05)
            await self.stop()
            if "Address already in use" not in text or loop.time() > deadline:
                raise RuntimeError(f"mosquitto did not start on port {self.port}: {text}")
            if keep_port:
                await asyncio.sleep(0.1)
            else:
                self.port = free_port()
                self.write_config()

    async def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            await asyncio.to_thread(self.process.wait, 10)
        self.process = None

    async def restart(self, down_s: float = 0.5) -> None:
        """Down for ``down_s`` (the outage the test wants), then up on the same port."""
        await self.stop()
        await asyncio.sleep(down_s)
        await self.start(keep_port=True)

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
