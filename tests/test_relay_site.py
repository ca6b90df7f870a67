"""The site relay end to end: the real ``relay`` and ``watch`` commands, the UCM simulator
and a real mosquitto with TLS, passwords and the documented ACL."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from mqtt_support import RELAY_USER, Broker, Command, running_broker

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

DESKS = ("1001", "1002", "1003")


def passwords() -> dict[str, str]:
    return {user: secrets.token_urlsafe(8) for user in (RELAY_USER, *DESKS, "1004")}


def ucm_toml(sim: UcmSimulator, extension: str = "") -> str:
    return (f'[ucm]\nhost = "127.0.0.1"\nport = {sim.port}\nusername = "{sim.username}"\n'
            f'extension = "{extension}"\nfingerprint = "{sim.fingerprint}"\n')


def relay_config(folder: Path, sim: UcmSimulator, broker: Broker, **relay: Any) -> Path:
    path = folder / "relay.toml"
    values = {"extensions": [], "crm_lookup": False, **relay}
    body = "\n".join(f"{key} = {json.dumps(value)}" for key, value in values.items())
    path.write_text(ucm_toml(sim) + '\n[crm]\nprovider = "none"\n\n'
                    + broker.mqtt_toml(RELAY_USER) + f"\n[relay]\n{body}\n")
    return path


def desk_config(folder: Path, broker: Broker, extension: str) -> Path:
    path = folder / f"desk-{extension}.toml"
    path.write_text(f'[ucm]\nextension = "{extension}"\n\n[source]\nkind = "relay"\n\n'
                    f'[crm]\nprovider = "none"\n\n' + broker.mqtt_toml(extension))
    return path


def direct_config(folder: Path, sim: UcmSimulator, extension: str) -> Path:
    path = folder / f"direct-{extension}.toml"
    path.write_text(ucm_toml(sim, extension) + '\n[crm]\nprovider = "none"\n')
    return path


def without_time(output: str) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in output.splitlines()]
    return [{k: v for k, v in line.items() if k != "time"} for line in lines]


async def start_relay(config: Path, sim: UcmSimulator, users: dict[str, str]) -> Command:
    relay = await Command.start("relay", "--config", str(config), env={
        "UCM_POPUP_UCM_PASSWORD": sim.password, "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
    await sim.wait_subscribed(sim.subscribers + 1, timeout=20)
    return relay


async def start_desk(folder: Path, broker: Broker, users: dict[str, str],
                     extension: str) -> Command:
    desk = await Command.start("watch", "--config", str(desk_config(folder, broker, extension)),
                               env={"UCM_POPUP_MQTT_PASSWORD": users[extension]})
    assert (await desk.line())["event"] == "connected"
    return desk


# the ring group rang all three; the queue twice more at 1003; 1001 called 1002
RINGS = {"1001": 1, "1002": 2, "1003": 3}


async def until_calls_end(command: Command, rings: int) -> list[dict[str, Any]]:
    """A watch's lines (without time) until it printed ``rings`` ringing lines and an ended
    line for each call: the whole scenario, read as it comes rather than after a pause."""
    lines: list[dict[str, Any]] = []
    while True:
        line = await command.line(timeout=30)
        lines.append({k: v for k, v in line.items() if k != "time"})
        events = [line["event"] for line in lines]
        if events.count("ringing") >= rings and events.count("ended") == (
                events.count("ringing") + events.count("dialing")):
            return lines


def site_scenario(sim: UcmSimulator) -> list[sc.Step]:
    rows = sim.rows
    return sc.merged(
        sc.ring_call(rows, caller="0612345678", name="ACME", rings=DESKS, answered_by="1002",
                     service="queue", ring_s=4, talk_s=3),
        [sc.Step(1.0, []), *sc.queue_retry_call(rows, caller="0698765432", extension="1003")],
        [sc.Step(2.0, []), *sc.with_repeats(sc.ring_call(
            rows, caller="1001", trunk="", rings=("1002",), answered_by="", ring_s=2))],
        [sc.Step(0.5, []), *sc.ring_call(rows, caller="0611111111", rings=("1004",))],
    )



async def test_each_desk_gets_exactly_the_watch_lines_of_a_direct_desk(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await start_relay(relay_config(tmp_path, sim, broker), sim, users)
        commands: list[Command] = []
        try:
            desks = {e: await start_desk(tmp_path, broker, users, e) for e in DESKS}
            direct = {}
            for extension in DESKS:
                direct[extension] = await Command.start(
                    "watch", "--config", str(direct_config(tmp_path, sim, extension)),
                    env={"UCM_POPUP_UCM_PASSWORD": sim.password})
                assert (await direct[extension].line())["event"] == "connected"
            commands += [*desks.values(), *direct.values()]
            assert sim.subscribers == 4  # the relay's one session, and the direct desks'

            await sim.play(site_scenario(sim), speed=0.1)
            rang = {}
            for extension in DESKS:
                relayed = await until_calls_end(desks[extension], RINGS[extension])
                expected = await until_calls_end(direct[extension], RINGS[extension])
                _, relayed_rest, _ = await desks[extension].stop()
                _, expected_rest, _ = await direct[extension].stop()
                relayed += without_time(relayed_rest)
                assert relayed == expected + without_time(expected_rest)
                events = [line["event"] for line in relayed]
                rang[extension] = events.count("ringing")
                # one ended for each ringing and for each call the desk made itself
                assert events.count("ended") == rang[extension] + events.count("dialing")
            assert rang == RINGS
        finally:
            for command in commands:
                command.kill_now()
            code, out, err = await relay.stop()
        assert (code, out, err) == (0, "", "")
