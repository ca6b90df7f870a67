"""``ucm-popup watch`` as a user runs it: a subprocess against the UCM simulator (real TLS)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import trustme
from conftest import STOPPED_BY_SIGTERM

from ucm_popup.commands.watch import watch_line
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.events import Ringing
from ucm_popup.ucm.tls import normalize_fingerprint


def write_config(path: Path, sim: UcmSimulator, **ucm: Any) -> Path:
    values: dict[str, Any] = {"host": "127.0.0.1", "port": sim.port, "username": sim.username,
                              "extension": "1002", "fingerprint": sim.fingerprint, **ucm}
    body = "\n".join(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text(f'[ucm]\n{body}\n\n[crm]\nprovider = "none"\n', encoding="utf-8")
    return path


class Watch:
    """``ucm-popup watch`` running; lines read as they come."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, *args: str, env: dict[str, str] | None = None) -> Watch:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ucm_popup", "watch", *args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        return cls(process)

    async def line(self, timeout: float = 10.0) -> dict[str, Any]:
        assert self.process.stdout is not None
        raw = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        assert raw.endswith(b"\n"), f"watch ended: {await self.finish()}"
        data = json.loads(raw)
        assert isinstance(data, dict)
        return data

    async def finish(self, timeout: float = 20.0) -> tuple[int, str, str]:
        out, err = await asyncio.wait_for(self.process.communicate(), timeout)
        assert self.process.returncode is not None
        return self.process.returncode, out.decode(), err.decode()

    async def stop(self) -> tuple[int, str, str]:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await self.finish()


async def failure(sim_or_config: Path, password: str) -> tuple[int, str, str]:
    watch = await Watch.start("--config", str(sim_or_config),
                              env={"UCM_POPUP_UCM_PASSWORD": password})
    try:
        return await watch.finish()
    finally:
        if watch.process.returncode is None:
            watch.process.kill()
            await watch.process.wait()


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("ucm-popup: "), err
    return err.strip()


@STOPPED_BY_SIGTERM
async def test_demo_rings_within_seconds_and_sigterm_exits_0() -> None:
    watch = await Watch.start("--demo")
    try:
        connected = await watch.line()
        assert connected["event"] == "connected" and connected["extension"] == "1002"
        ringing = await watch.line(timeout=8)
        assert ringing["event"] == "ringing"
        assert {k: ringing[k] for k in ("extension", "direction", "number", "name", "trunk")} == {
            "extension": "1002", "direction": "inbound", "number": "0612345678",
            "name": "ACME Corp", "trunk": "Orange SIP"}
        assert ringing["time"][-6] in "+-"  # ISO 8601 with a UTC offset
    finally:
        code, _out, err = await watch.stop()
    assert (code, err) == (0, "")


@STOPPED_BY_SIGTERM
async def test_pinned_fingerprint_and_a_call(sim: UcmSimulator, tmp_path: Path) -> None:
    pin = normalize_fingerprint(sim.fingerprint).lower()  # any case, without colons
    config = write_config(tmp_path / "c.toml", sim, fingerprint=pin)
    watch = await Watch.start("--config", str(config), env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        steps = sc.ring_call(sim.rows, caller="0612345678", name="Zoë & <b>Co</b>",
                             ring_s=0, talk_s=0)
        await sim.play(steps)
        lines = [await watch.line() for _ in range(3)]
        assert [x["event"] for x in lines] == ["ringing", "answered", "ended"]
        assert lines[0]["name"] == "Zoë & <b>Co</b>"
        assert len({x["call_id"] for x in lines}) == 1
        await sim.drop_clients()
        assert await watch.line() == {"event": "disconnected",
                                      "reason": "connection to the UCM lost",
                                      "time": ANY_TIME}
    finally:
        code, _out, err = await watch.stop()
    assert (code, err) == (0, "")


@STOPPED_BY_SIGTERM
async def test_a_lone_surrogate_in_the_caller_name_is_written_as_a_json_escape(
    sim: UcmSimulator, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "c.toml", sim)
    watch = await Watch.start("--config", str(config), env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        await sim.play(sc.ring_call(sim.rows, caller="0612345678", name="Bad \ud800 Name",
                                    ring_s=0, talk_s=0))
        ringing = await watch.line()  # valid JSON: the surrogate is a \ud800 escape
        assert ringing["event"] == "ringing" and ringing["name"] == "Bad \ud800 Name"
        assert [(await watch.line())["event"] for _ in range(2)] == ["answered", "ended"]
    finally:
        code, _out, err = await watch.stop()
    assert (code, err) == (0, "")


@STOPPED_BY_SIGTERM
async def test_a_caller_name_of_megabytes_is_cut_on_its_line(
    sim: UcmSimulator, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "c.toml", sim)
    watch = await Watch.start("--config", str(config), env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        # (the simulator writes JSON escaped to ASCII: 2 MB of "x" stay under the 8 MiB frame)
        name = "Ω" * 300 + "x" * 2_000_000
        await sim.play(sc.ring_call(sim.rows, caller="06" + "1" * 5000, name=name,
                                    ring_s=0, talk_s=0))
        assert watch.process.stdout is not None
        raw = await asyncio.wait_for(watch.process.stdout.readline(), 20)
        ringing = json.loads(raw)
        assert ringing["name"] == "Ω" * 199 + "…"  # 200 characters, the cut marked
        assert ringing["number"] == "06" + "1" * 197 + "…"
        assert len(raw) < 2000
        assert [(await watch.line())["event"] for _ in range(2)] == ["answered", "ended"]
    finally:
        code, _out, err = await watch.stop()
    assert (code, err) == (0, "")


def test_text_of_200_characters_is_not_cut() -> None:
    event = Ringing(call_id="1.2", extension="1002", direction="inbound", number="0612345678",
                    name="N" * 200, trunk="T" * 201)
    line = watch_line(event)
    assert (line["name"], line["trunk"]) == ("N" * 200, "T" * 199 + "…")


@STOPPED_BY_SIGTERM
async def test_a_deeply_nested_frame_does_not_end_watch(sim: UcmSimulator, tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", sim)
    watch = await Watch.start("--config", str(config), env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        await sim.send_raw("[" * 100_000 + "]" * 100_000)
        await sim.play(sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0,
                                    talk_s=0))
        assert [(await watch.line())["event"] for _ in range(3)] == [
            "ringing", "answered", "ended"]
    finally:
        code, _out, err = await watch.stop()
    assert (code, err) == (0, "")
    assert sim.connections == 1


class _AnyTime:
    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and "T" in other

    def __repr__(self) -> str:
        return "<any time>"


ANY_TIME: Any = _AnyTime()


@STOPPED_BY_SIGTERM
async def test_ca_file(tmp_path: Path) -> None:
    ca = trustme.CA()
    leaf = ca.issue_cert("127.0.0.1")
    sim = await UcmSimulator(certificate=(
        b"".join(b.bytes() for b in leaf.cert_chain_pems), leaf.private_key_pem.bytes())).start()
    try:
        ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
        config = write_config(tmp_path / "c.toml", sim, fingerprint="",
                              ca_file=str(tmp_path / "ca.pem"))
        watch = await Watch.start("--config", str(config),
                                  env={"UCM_POPUP_UCM_PASSWORD": sim.password})
        try:
            assert (await watch.line())["event"] == "connected"
        finally:
            assert (await watch.stop())[0] == 0
    finally:
        await sim.aclose()


async def test_wrong_password_exits_3(sim: UcmSimulator, tmp_path: Path) -> None:
    code, out, err = await failure(write_config(tmp_path / "c.toml", sim), "wrong-password")
    assert (code, out) == (3, "")
    line = one_line(err)
    assert "check [ucm] username and the UCM password" in line and "wrong-password" not in line
    assert len(sim.requests("login")) == 1


async def test_untrusted_certificate_exits_4_with_the_fingerprint(
    sim: UcmSimulator, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "c.toml", sim, fingerprint="")
    code, out, err = await failure(config, sim.password)
    assert (code, out) == (4, "")
    line = one_line(err)
    assert sim.fingerprint in line and "[ucm] fingerprint" in line
    assert f"127.0.0.1:{sim.port}" in line


async def test_unreachable_host_exits_4(sim: UcmSimulator, tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", sim, port=1)
    code, out, err = await failure(config, "pw")
    assert (code, out) == (4, "")
    assert one_line(err) == (
        "ucm-popup: cannot reach the UCM at 127.0.0.1:1: connection refused; "
        "check [ucm] host and port")


async def test_refused_subscription_exits_4_naming_the_events(tmp_path: Path) -> None:
    sim = await UcmSimulator(known_events={"ExtensionStatus"}).start()
    try:
        code, out, err = await failure(write_config(tmp_path / "c.toml", sim), sim.password)
    finally:
        await sim.aclose()
    assert (code, out) == (4, "")
    assert "ActiveCallStatus" in one_line(err)


async def test_bad_settings_file_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[ucm]\nhost = "pbx"\nport = "not a port"\n', encoding="utf-8")
    code, out, err = await failure(config, "pw")
    assert (code, out) == (2, "")
    assert str(config) in one_line(err)


async def test_missing_password_exits_2(sim: UcmSimulator, tmp_path: Path) -> None:
    watch = await Watch.start("--config", str(write_config(tmp_path / "c.toml", sim)))
    code, out, err = await watch.finish()
    assert (code, out) == (2, "")
    assert "UCM_POPUP_UCM_PASSWORD" in one_line(err)
