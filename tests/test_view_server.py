"""The site view's server without a browser: a real aiohttp server on loopback (and HTTPS with
a trustme certificate), its users file, logins, throttle, sessions and pushes."""

from __future__ import annotations

import asyncio
import json
import os
import re
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from mqtt_support import free_port

from ucm_popup.errors import SettingsError
from ucm_popup.relay.view import users as users_module
from ucm_popup.relay.view.auth import Sessions, Throttle
from ucm_popup.relay.view.server import COOKIE, ViewServer
from ucm_popup.relay.view.state import SiteView
from ucm_popup.relay.view.users import (
    check_name,
    hash_password,
    read_users,
    verify_password,
    write_users,
)
from ucm_popup.settings import ViewSettings, parse_settings
from ucm_popup.ucm.events import Ringing


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


# -- the users file and its hashes -------------------------------------------------------------


def test_hashes_are_salted_scrypt_and_check_only_the_right_password() -> None:
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("scrypt$") and first != second  # a salt of its own each
    assert "correct horse" not in first
    assert verify_password("correct horse", first)
    assert not verify_password("correct hors", first)
    assert not verify_password("correct horse", None)  # an unknown user
    for broken in ("", "plain", "scrypt$1$1$1$x$y", "scrypt$99999999$8$1$AAAA$AAAA",
                   first.replace("scrypt", "md5")):
        assert not verify_password("correct horse", broken)


@pytest.mark.parametrize("name", ["", "a" * 65, "anna maria", "anna:x", "é", "a/b", "\n"])
def test_bad_names_are_refused(name: str) -> None:
    assert check_name(name) is not None


def test_the_users_file_is_private_and_keeps_every_user(tmp_path: Path) -> None:
    path = tmp_path / "state" / "view-users"
    write_users(path, {"anna": hash_password("a"), "bob.k-2_x": hash_password("b")})
    assert os.stat(path).st_mode & 0o777 == 0o600
    users = read_users(path)
    assert set(users) == {"anna", "bob.k-2_x"}
    path.write_text(path.read_text() + "garbage line\n:nohash\nbad name:x\n")
    assert set(read_users(path)) == {"anna", "bob.k-2_x"}
    assert read_users(tmp_path / "missing") == {}


def view_user(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    config = tmp_path / "relay.toml"
    if not config.exists():
        config.write_text(f'[view]\nusers_file = "{tmp_path / "users"}"\n')
    return subprocess.run([sys.executable, "-m", "ucm_popup", "view-user", *args,
                           "--config", str(config)], input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_the_view_user_command(tmp_path: Path) -> None:
    done = view_user(tmp_path, "anna", stdin="s3cret pass\nnext line\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"user": "anna", "action": "added",
                                       "users_file": str(tmp_path / "users")}
    stored = read_users(tmp_path / "users")["anna"]
    assert verify_password("s3cret pass", stored)
    assert os.stat(tmp_path / "users").st_mode & 0o777 == 0o600
    changed = view_user(tmp_path, "anna", stdin="other\n")
    assert changed.returncode == 0 and json.loads(changed.stdout)["action"] == "changed"
    assert verify_password("other", read_users(tmp_path / "users")["anna"])
    for args, stdin, says in ((("bad name",), "x\n", "not a user name"),
                              (("bob",), "\n", "password is empty"),
                              (("bob",), "", "password is empty"),
                              (("bob", "--delete"), "", "no view user 'bob'")):
        refused = view_user(tmp_path, *args, stdin=stdin)
        assert refused.returncode == 2, refused
        assert refused.stdout == "" and says in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    deleted = view_user(tmp_path, "anna", "--delete")
    assert deleted.returncode == 0 and read_users(tmp_path / "users") == {}


# -- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("view", "key"), [
    ({"listen": "0.0.0.0:8443"}, "cert_file"),
    ({"listen": "192.168.1.5:8443", "key_file": "k.pem"}, "cert_file"),
    ({"listen": "0.0.0.0:8443", "cert_file": "c.pem"}, "key_file"),
    ({"listen": "127.0.0.1"}, "listen"),
    ({"listen": "127.0.0.1:99999"}, "listen"),
    ({"listen": "bad host:80"}, "listen"),
])
def test_view_settings_refused_name_the_key(view: dict[str, str], key: str) -> None:
    with pytest.raises(SettingsError, match=rf"\[view\] {key}"):
        parse_settings({"view": view}, "relay.toml")


def test_loopback_plain_http_and_https_anywhere_are_allowed() -> None:
    for view in ({"listen": "127.0.0.1:8480"}, {"listen": "[::1]:8480"},
                 {"listen": "localhost:8480"},
                 {"listen": "0.0.0.0:8443", "cert_file": "c", "key_file": "k"}):
        settings, warnings = parse_settings({"view": view})
        assert settings.view.listen == view["listen"] and warnings == []


def test_the_relay_refuses_to_serve_the_view_in_plain_http_off_loopback(tmp_path: Path
                                                                         ) -> None:
    config = tmp_path / "relay.toml"
    config.write_text('[ucm]\nhost = "127.0.0.1"\nusername = "x"\n[mqtt]\n'
                      'url = "mqtt://127.0.0.1:1"\nusername = "relay"\n'
                      '[view]\nlisten = "0.0.0.0:8443"\n')
    done = subprocess.run([sys.executable, "-m", "ucm_popup", "relay", "--config", str(config)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "UCM_POPUP_UCM_PASSWORD": "x"})
    assert done.returncode == 2
    assert "[view] cert_file" in done.stderr and "Traceback" not in done.stderr


# -- the throttle and sessions ------------------------------------------------------------------


def test_failed_logins_wait_longer_and_longer_per_key() -> None:
    clock = Clock()
    throttle = Throttle(free=3, max_lock_s=60, clock=clock)
    for _ in range(3):
        assert throttle.wait_s("address:1", "name:anna") == 0
        throttle.failed("address:1", "name:anna")
    assert throttle.wait_s("address:1") == 0  # three free tries
    throttle.failed("address:1", "name:anna")
    assert throttle.wait_s("address:1") == 1 and throttle.wait_s("name:anna") == 1
    assert throttle.wait_s("address:2", "name:bob") == 0  # others are not slowed
    assert throttle.wait_s("address:2", "name:anna") == 1  # the name, from anywhere
    for _ in range(10):
        clock.now += 100
        throttle.failed("name:anna")
    assert throttle.wait_s("name:anna") == 60  # capped
    throttle.succeeded("name:anna")
    assert throttle.wait_s("name:anna") == 0


def test_sessions_expire_survive_a_restart_and_end_at_logout(tmp_path: Path) -> None:
    clock = Clock()
    path = tmp_path / "sessions.json"
    sessions = Sessions(path, lifetime_s=100, clock=clock)
    token, expires = sessions.create("anna")
    assert expires == clock.now + 100
    assert token not in path.read_text()  # only its hash is kept
    assert os.stat(path).st_mode & 0o777 == 0o600
    again = Sessions(path, lifetime_s=100, clock=clock)  # the relay restarted
    assert again.user(token) == "anna"
    clock.now += 101
    assert again.user(token) is None
    token2, _ = again.create("bob")
    again.end(token2)
    assert Sessions(path, clock=clock).user(token2) is None
    assert again.user("forged") is None and again.user(None) is None
    path.write_text("{not json")
    assert Sessions(path, clock=clock).user(token2) is None  # unreadable: log in again


# -- the server ------------------------------------------------------------------------------


async def start_server(tmp_path: Path, *, tls: bool = False, **kwargs: Any
                       ) -> tuple[ViewServer, httpx.AsyncClient]:
    write_users(tmp_path / "users", {"anna": hash_password("right")})
    settings = ViewSettings(listen=f"127.0.0.1:{free_port()}")
    verify: Any = True
    if tls:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1")
        cert.cert_chain_pems[0].write_to_path(str(tmp_path / "cert.pem"))
        cert.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
        settings = ViewSettings(listen=settings.listen, cert_file=str(tmp_path / "cert.pem"),
                                key_file=str(tmp_path / "key.pem"))
        verify = ssl.create_default_context(cadata=ca.cert_pem.bytes().decode())
    view = SiteView()
    view.on_event(Ringing("c1", "1002", "inbound", "0612345678", "<b>Jane</b>", "T"))
    server = ViewServer(view, settings, tmp_path / "users", tmp_path / "sessions.json",
                        **kwargs)
    await server.start()
    client = httpx.AsyncClient(base_url=server.url, verify=verify, follow_redirects=False,
                               timeout=10)
    return server, client


async def log_in(client: httpx.AsyncClient, password: str = "right",
                 name: str = "anna") -> httpx.Response:
    return await client.post("/login", data={"username": name, "password": password})


async def test_nothing_of_the_site_without_a_session(tmp_path: Path) -> None:
    server, client = await start_server(tmp_path)
    try:
        page = await client.get("/")
        assert page.status_code == 303 and page.headers["location"] == "/login"
        for path in ("/api/state", "/api/events", "/chart.svg"):
            refused = await client.get(path)
            assert refused.status_code == 401, path
            assert "0612345678" not in refused.text and "Jane" not in refused.text
        login = await client.get("/login")
        assert login.status_code == 200 and "0612345678" not in login.text
        csp = login.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert (await client.get("/static/view.js")).status_code == 200
        assert (await client.get("/static/../server.py")).status_code == 404
        # A cookie made up, or a desk's broker password, opens nothing.
        client.cookies.set(COOKIE, "made-up")
        assert (await client.get("/api/state")).status_code == 401
        client.cookies.clear()
        assert (await log_in(client, "desk-1002-mqtt-password", "1002")).status_code == 401
    finally:
        await client.aclose()
        await server.stop()


async def test_login_over_https_gives_a_strict_cookie_and_the_state(tmp_path: Path) -> None:
    server, client = await start_server(tmp_path, tls=True)
    try:
        assert server.url.startswith("https://")
        wrong = await log_in(client, "wrong")
        assert wrong.status_code == 401 and "Wrong user name or password" in wrong.text
        assert COOKIE not in wrong.cookies
        good = await log_in(client)
        assert good.status_code == 303 and good.headers["location"] == "/"
        cookie = good.headers["set-cookie"]
        for part in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/"):
            assert part in cookie, cookie
        max_age = int(cookie.split("Max-Age=")[1].split(";")[0])
        assert 12 * 3600 - 5 <= max_age <= 12 * 3600  # a working day, then it expires
        state = (await client.get("/api/state")).json()
        assert state["rows"][0]["number"] == "0612345678"
        assert state["rows"][0]["name"] == "<b>Jane</b>"  # data, for textContent
        assert (await client.get("/")).status_code == 200
        chart = await client.get("/chart.svg")
        assert chart.headers["content-type"].startswith("image/svg+xml")
        out = await client.post("/logout")
        assert out.status_code == 303
        assert (await client.get("/api/state")).status_code == 401
    finally:
        await client.aclose()
        await server.stop()


async def test_plain_http_login_cookie_is_not_secure_and_cross_site_posts_are_refused(
        tmp_path: Path) -> None:
    server, client = await start_server(tmp_path)
    try:
        good = await log_in(client)
        assert "Secure" not in good.headers["set-cookie"]
        assert "HttpOnly" in good.headers["set-cookie"]
        forged = await client.post("/logout", headers={"Origin": "https://evil.example"})
        assert forged.status_code == 403
        assert (await client.get("/api/state")).status_code == 200
    finally:
        await client.aclose()
        await server.stop()


async def test_failed_logins_are_slowed_down_even_with_the_right_password(tmp_path: Path
                                                                          ) -> None:
    server, client = await start_server(tmp_path, throttle=Throttle(free=2))
    try:
        for _ in range(3):
            assert (await log_in(client, "wrong")).status_code == 401
        slowed = await log_in(client)  # the right password, during the lock
        assert slowed.status_code == 429 and "Too many failed logins" in slowed.text
        assert int(slowed.headers["retry-after"]) >= 1
        assert COOKIE not in slowed.cookies
    finally:
        await client.aclose()
        await server.stop()


async def test_an_expired_session_or_a_deleted_user_opens_nothing(tmp_path: Path) -> None:
    server, client = await start_server(tmp_path, session_s=0.5)
    try:
        await log_in(client)
        assert (await client.get("/api/state")).status_code == 200
        await asyncio.sleep(0.6)
        assert (await client.get("/api/state")).status_code == 401
        await log_in(client)
        server.sessions = Sessions(None)
        await log_in(client)
        write_users(tmp_path / "users", {"bob": hash_password("x")})
        os.utime(tmp_path / "users", (1, 1))  # another mtime, even within the same second
        assert (await client.get("/api/state")).status_code == 401
    finally:
        await client.aclose()
        await server.stop()


async def test_views_get_the_state_then_each_change_pushed(tmp_path: Path) -> None:
    server, client = await start_server(tmp_path)
    server.view.delta()  # the ringing of 1002 was pushed to nobody yet: not in this test
    try:
        await log_in(client)
        got: list[dict[str, Any]] = []
        async with client.stream("GET", "/api/events") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            lines = stream.aiter_lines()
            async with asyncio.timeout(10):
                async for line in lines:
                    if line.startswith("data: "):
                        got.append(json.loads(line[6:]))
                        if len(got) == 1:
                            server.view.on_event(Ringing("c2", "1003", "inbound", "0699",
                                                         "", "T"))
                        elif len(got) == 2:
                            break
        assert got[0]["full"] and [r["extension"] for r in got[0]["rows"]] == ["1002"]
        assert not got[1]["full"]
        assert [(r["extension"], r["state"]) for r in got[1]["rows"]] == [("1003", "ringing")]
        assert got[1]["site"]["waiting_count"] == 2
    finally:
        await client.aclose()
        await server.stop()


async def test_a_port_in_use_is_a_settings_error(tmp_path: Path) -> None:
    server, client = await start_server(tmp_path)
    try:
        other = ViewServer(SiteView(), server.settings, tmp_path / "users", None)
        with pytest.raises(SettingsError, match=r"\[view\] listen: cannot serve"):
            await other.start()
    finally:
        await client.aclose()
        await server.stop()


def test_a_tampered_users_file_is_no_user(tmp_path: Path) -> None:
    path = tmp_path / "users"
    path.write_bytes(b"x" * (users_module.MAX_FILE_BYTES + 10))
    with pytest.raises(SettingsError, match="larger than 1 MiB"):
        read_users(path)


async def test_the_demo_relay_serves_its_site_view() -> None:
    from mqtt_support import Command, mosquitto_available

    mosquitto_available()
    relay = await Command.start("relay", "--demo", env={})
    try:
        assert relay.process.stderr is not None
        lines = [(await asyncio.wait_for(relay.process.stderr.readline(), 20)).decode()
                 for _ in range(2)]
        found = re.search(r"site view (http://127\.0\.0\.1:\d+/) user demo password (\S+)$",
                          lines[1].strip())
        assert found, lines
        async with httpx.AsyncClient(base_url=found.group(1), timeout=10) as client:
            async with asyncio.timeout(20):  # the line comes as the relay starts serving
                while True:
                    try:
                        refused = await client.get("/api/state")
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.1)
            assert refused.status_code == 401
            login = await client.post("/login", data={"username": "demo",
                                                      "password": found.group(2)})
            assert login.status_code == 303
            async with asyncio.timeout(40):  # the demo rings 1002 about 3 s after start
                while True:
                    rows = (await client.get("/api/state")).json()["rows"]
                    if any(r["extension"] == "1002" and r["crm_name"] == "Jane Doe"
                           for r in rows):
                        break
                    await asyncio.sleep(0.2)
    finally:
        code, out, err = await relay.stop()
    assert (code, out) == (0, "")
    assert "Traceback" not in err
