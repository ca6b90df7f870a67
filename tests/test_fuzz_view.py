"""Hostile input to the site view: whatever a desk publishes as its presence, whatever names
and numbers the UCM and the CRM send, whatever a client posts to the login form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mqtt_support import free_port

from ucm_popup.crm.model import Match
from ucm_popup.relay.broker import payload_json
from ucm_popup.relay.view.server import ViewServer
from ucm_popup.relay.view.state import TEXT_CHARS, SiteView
from ucm_popup.relay.view.users import hash_password, write_users
from ucm_popup.settings import ViewSettings
from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing, Transferred

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20)
odd_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=3000) | st.sampled_from(
    ["<img src=x onerror=alert(1)>", "\u202e\u0000\ud800", "🙂" * 500, "</script>"])


@settings(max_examples=200, deadline=None)
@given(payload=st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()),
       extension=st.text(max_size=12))
def test_any_presence_payload_is_online_offline_or_nothing(payload: bytes, extension: str
                                                          ) -> None:
    view = SiteView()
    view.on_presence(extension, payload_json(payload) or {})
    json.dumps(view.snapshot())  # still a state a page can read
    for row in view.snapshot()["rows"]:
        assert row["online"] in (True, False, None)
        assert row["extension"].isdigit()


@settings(max_examples=100, deadline=None)
@given(number=odd_text, name=odd_text, crm=odd_text, url=odd_text)
def test_odd_names_and_numbers_stay_text_cut_to_size(number: str, name: str, crm: str,
                                                     url: str) -> None:
    view = SiteView(default_region="FR")
    view.on_event(Ringing("c", "1002", "inbound", number, name, "T", name))
    view.on_lookup("c", number, [Match("Contacts", "1", crm, "", "", "", "", "", url)])
    view.on_event(Transferred("c", "1002", number, name, "T", "1003"))
    view.on_event(Ended("c", "1002", False, False))
    view.on_event(Dialing("d", "1003", "outbound", number, name, "T"))
    view.on_event(Answered("d", "1003"))
    text = json.dumps(view.snapshot(), ensure_ascii=True)
    assert text
    for entry in view.site()["missed"]:
        assert len(entry["name"]) <= TEXT_CHARS and len(entry["number"]) <= TEXT_CHARS
        assert entry["url"] == "" or entry["url"].startswith(("https://", "http://"))


async def test_hostile_login_posts_are_refused_plainly(tmp_path: Path) -> None:
    write_users(tmp_path / "users", {"anna": hash_password("right")})
    server = ViewServer(SiteView(), ViewSettings(listen=f"127.0.0.1:{free_port()}"),
                        tmp_path / "users", None)
    await server.start()
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            huge = await client.post("/login", content=b"username=" + b"a" * 2_000_000,
                                     headers={"Content-Type":
                                              "application/x-www-form-urlencoded"})
            assert huge.status_code == 413
            for body, kind in ((b'{"username": "anna"}', "application/json"),
                               (b"username=anna&password=" + b"%FF" * 50,
                                "application/x-www-form-urlencoded"),
                               (b"--x\r\n", "multipart/form-data; boundary=x"),
                               ("username=\u202e\ud800&password=x".encode("utf-8",
                                                                         "surrogatepass"),
                                "application/x-www-form-urlencoded")):
                answer = await client.post("/login", content=body,
                                           headers={"Content-Type": kind})
                assert answer.status_code in (400, 401), (body[:40], answer.status_code)
                assert "Traceback" not in answer.text
                assert "ucm_view_session" not in answer.headers.get("set-cookie", "")
    finally:
        await server.stop()


ANNA = hash_password("right")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=st.characters(codec="utf-8"), max_size=3000),
       password=st.text(alphabet=st.characters(codec="utf-8"), max_size=3000))
def test_any_login_form_gets_an_answer_not_a_crash(tmp_path: Path, name: str,
                                                   password: str) -> None:
    import asyncio

    async def run() -> Any:
        write_users(tmp_path / "users", {"anna": ANNA})
        server = ViewServer(SiteView(), ViewSettings(listen=f"127.0.0.1:{free_port()}"),
                            tmp_path / "users", None)
        await server.start()
        try:
            async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
                answer = await client.post("/login", data={"username": name,
                                                           "password": password})
                assert answer.status_code in (400, 401, 413, 429), answer.status_code
        finally:
            await server.stop()

    asyncio.run(run())
