"""A simulated site through the relay: UCM frame -> ``ucm-popup relay`` -> mosquitto -> desks.

The UCM simulator (here) plays queue calls that ring RING extensions at once, RATE new calls a
second for SECONDS; one of the rung extensions answers after 3 s, the call ends 5 s later. A
real ``ucm-popup relay`` (a subprocess: its CPU time and memory are read from /proc) follows
every extension through one UCM session and publishes to a real mosquitto (loopback, plain
MQTT, passwords and the site ACL); EXTENSIONS desk subscribers, one broker user each, run in
a few processes of aiomqtt clients. Printed: UCM sessions, frame -> desk latency of the
ringing messages (p50/p99), messages lost, relay CPU seconds per 1,000 calls, relay RSS.

With ``--views N``: the relay also serves its site view (loopback HTTP) and N supervisors'
views (SSE clients that log in as a browser does) stay open; printed: how long after the UCM
frame each view showed each extension ringing (p50/p99/max) and how many it never showed.

Then, for comparison, the frames the UCM must send when every desk subscribes to it directly:
DIRECT_DESKS plain WebSocket clients (login + subscribe, no call tracking) on the same
simulator, for DIRECT_SECONDS of the same call load; the simulator's frames sent per second.

    python bench/bench_relay.py [--extensions 500] [--rate 10] [--seconds 60] [--ring 10]
                                [--desk-processes 4] [--direct-desks 500] [--direct-seconds 20]
                                [--views 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIRST_EXTENSION = 2000
PREFIX = "ucm-popup"


# -- desk processes ----------------------------------------------------------------------------


async def desks_main(port: int, users_file: str, first: int, count: int, seconds: float) -> None:
    """``count`` desk subscribers; prints "ready", then after ``seconds`` one JSON list of
    [event, call_id, extension, received_at] for every message."""
    import aiomqtt

    passwords = json.loads(Path(users_file).read_text())
    received: list[tuple[str, str, str, float]] = []
    ready = 0

    async def desk(extension: str) -> None:
        nonlocal ready
        async with aiomqtt.Client("127.0.0.1", port, username=extension,
                                  password=passwords[extension], keepalive=60,
                                  clean_session=True) as client:
            await client.subscribe(f"{PREFIX}/ext/{extension}/events", qos=1)
            ready += 1
            async for message in client.messages:
                now = time.time()
                data = json.loads(message.payload)  # type: ignore[arg-type]
                received.append((data["event"], data["call_id"], data["extension"], now))

    tasks = [asyncio.create_task(desk(str(first + n))) for n in range(count)]
    while ready < count:
        await asyncio.sleep(0.05)
        for task in tasks:
            if task.done() and task.exception():
                raise task.exception()  # type: ignore[misc]
    print("ready", flush=True)
    await asyncio.sleep(seconds)
    print(json.dumps(received), flush=True)
    for task in tasks:
        task.cancel()


# -- site views (SSE clients) ------------------------------------------------------------------


async def views_main(url: str, password: str, count: int, seconds: float) -> None:
    """``count`` logged-in views of the site; prints "ready", then after ``seconds`` one JSON
    list of [view, number, extension, received_at] for each row first seen ringing."""
    import aiohttp

    seen: list[tuple[int, str, str, float]] = []
    ready = 0

    async def view(index: int) -> None:
        nonlocal ready
        shown: set[tuple[str, str]] = set()
        # unsafe: keep the session cookie of a server named by an IP address (127.0.0.1)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
            async with session.post(url + "login", data={"username": "bench",
                                                         "password": password},
                                    allow_redirects=False) as answer:
                assert answer.status == 303, answer.status
            async with session.get(url + "api/events",
                                   timeout=aiohttp.ClientTimeout(total=None)) as stream:
                assert stream.status == 200, stream.status
                first = True
                async for raw in stream.content:
                    if not raw.startswith(b"data: "):
                        continue
                    at = time.time()
                    data = json.loads(raw[6:])
                    if first:
                        ready += 1
                        first = False
                    for row in data["rows"]:
                        key = (row["number"], row["extension"])
                        if row["state"] == "ringing" and key not in shown:
                            shown.add(key)
                            seen.append((index, row["number"], row["extension"], at))

    tasks = [asyncio.create_task(view(n)) for n in range(count)]
    while ready < count:
        await asyncio.sleep(0.05)
        for task in tasks:
            if task.done() and task.exception():
                raise task.exception()  # type: ignore[misc]
    print("ready", flush=True)
    await asyncio.sleep(seconds)
    print(json.dumps(seen), flush=True)
    for task in tasks:
        task.cancel()


# -- direct subscribers (the comparison) ------------------------------------------------------


async def direct_main(port: int, password: str, count: int, seconds: float) -> None:
    """``count`` WebSocket clients that log in and subscribe as desks do, and count frames."""
    import ssl

    from websockets.asyncio.client import connect

    from ucm_popup.ucm import protocol

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the bench's own simulator on loopback
    frames = 0
    ready = 0

    async def client() -> None:
        nonlocal frames, ready
        async with connect(f"wss://127.0.0.1:{port}/websockify", ssl=context,
                           ping_interval=None, compression=None, max_size=2**24) as ws:
            await ws.send(protocol.request("challenge", username="popup", version="1"))
            reply = json.loads(await ws.recv())
            challenge = reply["message"]["challenge"]
            await ws.send(protocol.request("login", username="popup",
                                           token=protocol.login_token(challenge, password)))
            await ws.recv()
            await ws.send(protocol.request("subscribe", eventnames=list(protocol.EVENT_NAMES)))
            await ws.recv()
            ready += 1
            async for _frame in ws:
                frames += 1

    tasks = [asyncio.create_task(client()) for _ in range(count)]
    while ready < count:
        await asyncio.sleep(0.05)
        for task in tasks:
            if task.done() and task.exception():
                raise task.exception()  # type: ignore[misc]
    print("ready", flush=True)
    await asyncio.sleep(seconds)
    print(json.dumps(frames), flush=True)
    for task in tasks:
        task.cancel()


# -- the site -------------------------------------------------------------------------------


def proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_mib(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


async def start_broker(folder: Path, users: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    os.chmod(folder, 0o755)
    passwd = folder / "passwd"
    passwd.write_text("".join(f"{user}:{password}\n" for user, password in users.items()))
    subprocess.run(["mosquitto_passwd", "-U", str(passwd)], check=True)
    (folder / "acl").write_text(
        f"user relay\ntopic readwrite {PREFIX}/#\n\npattern read {PREFIX}/relay/status\n"
        f"pattern read {PREFIX}/relay/+/status\n"
        f"pattern read {PREFIX}/ext/%u/events\npattern write {PREFIX}/ext/%u/dial\n"
        f"pattern read {PREFIX}/ext/%u/dial/result\npattern write {PREFIX}/ext/%u/presence\n")
    (folder / "mosquitto.conf").write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {passwd}\n"
        f"acl_file {folder / 'acl'}\npersistence false\nlog_dest none\nmax_queued_messages 0\n"
        + ("user root\n" if os.geteuid() == 0 else ""))
    for name in ("passwd", "acl", "mosquitto.conf"):
        os.chmod(folder / name, 0o644)
    binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    broker = subprocess.Popen([binary, "-c", str(folder / "mosquitto.conf")])
    for _ in range(200):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return broker, port
        except OSError:
            await asyncio.sleep(0.05)
    raise SystemExit("mosquitto did not start")


async def spawn(*args: str, env: dict[str, str] | None = None) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, stdout=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})}, limit=2**30)


async def play_calls(sim: Any, extensions: list[str], rate: float, seconds: float, ring: int,
                     sent: dict[str, float], expected: dict[tuple[str, str, str], int]) -> int:
    from ucm_popup.sim import ucm_scenarios as sc

    async def one(steps: list[sc.Step], call_id: str, caller: str) -> None:
        for index, step in enumerate(steps):
            if step.delay_s:
                await asyncio.sleep(step.delay_s)
            if index == 0:
                sent[call_id] = time.time()
                CALLER_SENT[caller] = sent[call_id]
            await sim.notify(step.items)

    rng = random.Random(7)
    tasks = []
    started = time.monotonic()
    calls = int(rate * seconds)
    busy_until = dict.fromkeys(extensions, 0.0)
    for n in range(calls):
        # A phone rings in one call at a time where the site has room (as a queue does): the
        # simulator's ExtensionStatus rows know nothing of a phone's other calls.
        now = time.monotonic()
        free = [e for e in extensions if busy_until[e] <= now]
        rings = tuple(rng.sample(free if len(free) >= ring else extensions, ring))
        for extension in rings:
            busy_until[extension] = now + 3.5
        busy_until[rings[0]] = now + 8.5
        steps = sc.ring_call(sim.rows, caller=f"06{n:08d}", name=f"Caller {n}", rings=rings,
                             answered_by=rings[0], ring_s=3.0, talk_s=5.0, service="queue")
        call_id = str(steps[0].items[0][1][0]["linkedid"])
        for extension in rings:
            expected[("ringing", call_id, extension)] = 1
            expected[("ended", call_id, extension)] = 1
        expected[("answered", call_id, rings[0])] = 1
        tasks.append(asyncio.create_task(one(steps, call_id, f"06{n:08d}")))
        await asyncio.sleep(max(0.0, started + (n + 1) / rate - time.monotonic()))
    await asyncio.gather(*tasks)
    return calls


async def site(args: argparse.Namespace) -> None:
    from ucm_popup.sim.ucm import UcmSimulator

    extensions = [str(FIRST_EXTENSION + n) for n in range(args.extensions)]
    users = {user: secrets.token_urlsafe(8) for user in ("relay", *extensions)}
    sim = await UcmSimulator().start()
    frames = 0
    real_send = sim._send

    async def counting_send(ws: Any, text: str) -> None:
        nonlocal frames
        frames += 1
        await real_send(ws, text)

    sim._send = counting_send  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        broker, port = await start_broker(folder, users)
        users_file = folder / "users.json"
        users_file.write_text(json.dumps(users))
        config = folder / "relay.toml"
        view_section, view_url, view_password = "", "", secrets.token_urlsafe(8)
        if args.views:
            from ucm_popup.relay.view.users import hash_password, write_users

            write_users(folder / "view-users", {"bench": hash_password(view_password)})
            with __import__("socket").socket() as sock:
                sock.bind(("127.0.0.1", 0))
                view_port = sock.getsockname()[1]
            view_url = f"http://127.0.0.1:{view_port}/"
            view_section = (f'\n[view]\nlisten = "127.0.0.1:{view_port}"\n'
                            f'users_file = "{folder / "view-users"}"\n')
        config.write_text(
            f'[ucm]\nhost = "127.0.0.1"\nport = {sim.port}\nusername = "{sim.username}"\n'
            f'fingerprint = "{sim.fingerprint}"\n\n[crm]\nprovider = "none"\n\n'
            f'[mqtt]\nurl = "mqtt://127.0.0.1:{port}"\nusername = "relay"\n\n'
            "[relay]\ncrm_lookup = false\n" + view_section)
        relay = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ucm_popup", "relay", "--config", str(config),
            env={**os.environ, "UCM_POPUP_UCM_PASSWORD": sim.password,
                 "UCM_POPUP_MQTT_PASSWORD": users["relay"]})
        try:
            await sim.wait_subscribed(1, timeout=30)
            per = -(-args.extensions // args.desk_processes)
            listen = args.seconds + 20  # the calls, their last 8 s, and a margin
            views = []
            if args.views:  # first: their logins (scrypt) must not eat into the desks' time
                views = [await spawn(__file__, "--views-client", view_url, view_password,
                                     str(args.views), str(listen + 60))]
                assert views[0].stdout is not None
                line = await asyncio.wait_for(views[0].stdout.readline(), 120)
                assert line.strip() == b"ready", line
            desks = [await spawn(__file__, "--desks", str(port), str(users_file),
                                 str(FIRST_EXTENSION + i * per),
                                 str(min(per, args.extensions - i * per)), str(listen))
                     for i in range(args.desk_processes)]
            for desk in desks:
                assert desk.stdout is not None
                line = await asyncio.wait_for(desk.stdout.readline(), 120)
                assert line.strip() == b"ready", line
            print(f"{args.extensions} desks subscribed; calls for {args.seconds:g} s "
                  f"at {args.rate:g}/s, each ringing {args.ring} extensions", flush=True)
            await asyncio.sleep(1.0)
            cpu_before = proc_cpu_s(relay.pid)
            frames_before = frames
            sent: dict[str, float] = {}
            expected: dict[tuple[str, str, str], int] = {}
            began = time.monotonic()
            calls = await play_calls(sim, extensions, args.rate, args.seconds, args.ring,
                                     sent, expected)
            played = time.monotonic() - began
            await asyncio.sleep(3.0)  # the last messages on their way
            cpu = proc_cpu_s(relay.pid) - cpu_before
            rss, peak = proc_mib(relay.pid, "VmRSS"), proc_mib(relay.pid, "VmHWM")
            relay_frames = frames - frames_before
            received: list[list[Any]] = []
            for desk in desks:
                assert desk.stdout is not None
                raw = await asyncio.wait_for(desk.stdout.readline(), listen + 120)
                received += json.loads(raw)
            seen = {(event, call_id, ext) for event, call_id, ext, _t in received}
            missing = [key for key in expected if key not in seen]
            lost = len(missing)
            if missing:
                print("lost, for example:", missing[:5])
            duplicates = len(received) - len(seen)
            latencies = sorted((t - sent[call_id]) * 1000 for event, call_id, _e, t in received
                               if event == "ringing" and call_id in sent)
            q = statistics.quantiles(latencies, n=100)
            print(f"UCM sessions: {sim.connections}")
            print(f"calls: {calls} in {played:.1f} s; desk messages expected {len(expected)}, "
                  f"received {len(received)}, lost {lost}, duplicates {duplicates}")
            print(f"UCM frame -> desk message (ringing, {len(latencies)} deliveries): "
                  f"p50 {q[49]:.1f} ms, p99 {q[98]:.1f} ms, max {latencies[-1]:.1f} ms")
            print(f"relay CPU: {cpu:.2f} s for {calls} calls = {cpu / calls * 1000:.1f} s per "
                  f"1,000 calls; RSS {rss:.1f} MiB (peak {peak:.1f} MiB)")
            print(f"UCM frames sent with the relay: {relay_frames / played:.0f}/s (one session)")
            if views:
                await report_views(views[0], args.views, expected, listen)
            for desk in desks + views:
                await desk.wait()
        finally:
            relay.send_signal(signal.SIGTERM)
            await relay.wait()
            broker.terminate()
            broker.wait()
        if args.direct_seconds > 0:
            await direct(sim, args, extensions, lambda: frames)
    await sim.aclose()


async def report_views(process: asyncio.subprocess.Process, count: int,
                       expected: dict[tuple[str, str, str], int], listen: float) -> None:
    assert process.stdout is not None
    seen = json.loads(await asyncio.wait_for(process.stdout.readline(), listen + 120))
    first: dict[tuple[int, str, str], float] = {}
    for view, number, extension, at in seen:
        first.setdefault((view, number, extension), at)
    wanted = sum(1 for (event, _c, _e) in expected if event == "ringing") * count
    latencies = sorted((at - CALLER_SENT[number]) * 1000
                       for (_view, number, _extension), at in first.items()
                       if number in CALLER_SENT)
    q = statistics.quantiles(latencies, n=100)
    print(f"views: {count} open; UCM frame -> view shows the extension ringing "
          f"({len(latencies)} of {wanted}): p50 {q[49]:.0f} ms, p99 {q[98]:.0f} ms, "
          f"max {latencies[-1]:.0f} ms, over 1 s {sum(1 for x in latencies if x > 1000)}; "
          f"never shown {wanted - len(latencies)}")


CALLER_SENT: dict[str, float] = {}  # caller number -> when its call's first frame was sent


async def direct(sim: Any, args: argparse.Namespace, extensions: list[str],
                 frames_now: Any) -> None:
    per = -(-args.direct_desks // args.desk_processes)
    clients = [await spawn(__file__, "--direct", str(sim.port), sim.password,
                           str(min(per, args.direct_desks - i * per)),
                           str(args.direct_seconds + 20))
               for i in range(args.desk_processes)]
    for client in clients:
        assert client.stdout is not None
        line = await asyncio.wait_for(client.stdout.readline(), 300)
        assert line.strip() == b"ready", line
    before = frames_now()
    began = time.monotonic()
    calls = await play_calls(sim, extensions, args.rate, args.direct_seconds, args.ring, {}, {})
    played = time.monotonic() - began
    sent = frames_now() - before
    received = 0
    for client in clients:
        assert client.stdout is not None
        received += json.loads(await asyncio.wait_for(client.stdout.readline(), 300))
        await client.wait()
    print(f"direct: {args.direct_desks} desks subscribed to the UCM: {calls} calls in "
          f"{played:.1f} s (planned {args.direct_seconds:g} s); UCM frames sent "
          f"{sent / played:.0f}/s, received by the desks {received}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", nargs=5)
    parser.add_argument("--direct", nargs=4)
    parser.add_argument("--views-client", nargs=4)
    parser.add_argument("--views", type=int, default=0)
    parser.add_argument("--extensions", type=int, default=500)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ring", type=int, default=10)
    parser.add_argument("--desk-processes", type=int, default=4)
    parser.add_argument("--direct-desks", type=int, default=500)
    parser.add_argument("--direct-seconds", type=float, default=20.0)
    args = parser.parse_args()
    if args.desks:
        port, users, first, count, seconds = args.desks
        asyncio.run(desks_main(int(port), users, int(first), int(count), float(seconds)))
    elif args.views_client:
        url, password, count, seconds = args.views_client
        asyncio.run(views_main(url, password, int(count), float(seconds)))
    elif args.direct:
        port, password, count, seconds = args.direct
        asyncio.run(direct_main(int(port), password, int(count), float(seconds)))
    else:
        asyncio.run(site(args))


if __name__ == "__main__":
    main()
