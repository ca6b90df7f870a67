"""The site view in a real browser (Debian's chromium, headless, driven by Playwright) against
the real ``ucm-popup relay`` with the UCM and Zoho simulators, a real mosquitto with the
documented ACL, and a desk in relay mode (``ucm-popup watch``) that announces itself."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
import sys
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from conftest import require_tool
from mqtt_support import RELAY_USER, Command, free_port, running_broker
from test_relay_site import desk_config, ucm_toml

from ucm_popup.relay.view.users import hash_password, write_users
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator

CHROMIUM = "/usr/bin/chromium"
HOSTILE = "<img src=x onerror=alert(1)>"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SUPERVISOR, PASSWORD = "supervisor", "wall-screen pass 7"



class Relay:
    """``ucm-popup relay`` with the view on a loopback port, restartable."""

    def __init__(self, config: Path, env: dict[str, str], url: str) -> None:
        self.config, self.env, self.url = config, env, url
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, sim: UcmSimulator) -> None:
        subscribed = sim.subscribers
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ucm_popup", "relay", "--config", str(self.config),
            env={**os.environ, **self.env}, stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE)
        await sim.wait_subscribed(subscribed + 1, timeout=30)
        async with httpx.AsyncClient() as client:
            for _ in range(300):
                with contextlib.suppress(httpx.HTTPError):
                    await client.get(self.url + "login")
                    return
                await asyncio.sleep(0.05)
        raise AssertionError("the view did not answer")

    async def stop(self) -> str:
        assert self.process is not None and self.process.stderr is not None
        self.process.terminate()
        _, err = await asyncio.wait_for(self.process.communicate(), 20)
        assert self.process.returncode == 0, err
        return err.decode()


@contextlib.asynccontextmanager
async def site(tmp_path: Path) -> AsyncIterator[dict[str, Any]]:
    users = {user: secrets.token_urlsafe(8) for user in (RELAY_USER, "1002", "1003")}
    sim = await UcmSimulator().start()
    zoho = ZohoSimulator()
    await zoho.start()
    zoho.put_record("Contacts", {"id": "3477061000000999001", "First_Name": None,
                                 "Last_Name": HOSTILE, "Full_Name": HOSTILE,
                                 "Account_Name": None, "Phone": "+33 6 99 88 77 66",
                                 "Mobile": None, "Email": None,
                                 "Owner": {"name": "Sam Agent", "id": "3477061000000200001",
                                           "email": "sam@example.com"}})
    async with running_broker(tmp_path / "broker", users) as broker:
        port = free_port()
        write_users(tmp_path / "view-users", {SUPERVISOR: hash_password(PASSWORD)})
        base = zoho.base_url
        config = tmp_path / "relay.toml"
        config.write_text(
            ucm_toml(sim) + '\n[crm]\nprovider = "zoho-v2"\ndefault_region = "FR"\n'
            f'\n[zoho_v2]\nserver = "{base}"\naccounts_url = "{base}"\nweb_url = "{base}"\n'
            f'client_id = "{zoho.client_id}"\n\n' + broker.mqtt_toml(RELAY_USER)
            + '\n[relay]\ncrm_lookup = true\n'
            f'\n[view]\nlisten = "127.0.0.1:{port}"\nusers_file = "{tmp_path / "view-users"}"\n')
        env = {"UCM_POPUP_UCM_PASSWORD": sim.password,
               "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER],
               "UCM_POPUP_ZOHO_CLIENT_SECRET": zoho.client_secret,
               "UCM_POPUP_ZOHO_REFRESH_TOKEN": zoho.add_refresh_token(FULL_SCOPES),
               "STATE_DIRECTORY": str(tmp_path / "state")}
        relay = Relay(config, env, f"http://127.0.0.1:{port}/")
        await relay.start(sim)
        desk = await Command.start("watch", "--config", str(desk_config(tmp_path, broker, "1002")),
                                   env={"UCM_POPUP_MQTT_PASSWORD": users["1002"]})
        try:
            assert (await desk.line(30))["event"] == "connected"
            yield {"sim": sim, "relay": relay, "desk": desk, "url": relay.url}
        finally:
            await desk.stop()
            if relay.process is not None and relay.process.returncode is None:
                await relay.stop()
            await zoho.aclose()
            await sim.aclose()


@contextlib.asynccontextmanager
async def browser_page() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    require_tool(CHROMIUM if os.path.exists(CHROMIUM) else None, "chromium")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                   args=["--no-sandbox"])
        try:
            context = await browser.new_context(viewport={"width": 1600, "height": 900})
            page = await context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: dialogs.append(dialog.message))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.dialogs, page.errors = dialogs, errors
            yield page
        finally:
            await browser.close()


def generous_waits() -> None:
    """The machine may be busy (tests run in parallel): wait for each state up to 20 s."""
    from playwright.async_api import expect

    expect.set_options(timeout=20_000)


async def play(sim: UcmSimulator, steps: list[sc.Step], *indexes: int) -> None:
    for index in indexes:
        await sim.notify(steps[index].items)


async def test_a_supervisor_watches_the_site_live(tmp_path: Path) -> None:
    from playwright.async_api import expect

    generous_waits()
    async with site(tmp_path) as s, browser_page() as page:
        sim, url = s["sim"], s["url"]
        # Without a session: the login page, and no data.
        await page.goto(url)
        assert page.url == url + "login"
        refused = await page.request.get(url + "api/state")
        assert refused.status == 401
        for path in ("api/events", "chart.svg"):
            assert (await page.request.get(url + path)).status == 401
        # A wrong password is refused.
        await page.fill("input[name=username]", SUPERVISOR)
        await page.fill("input[name=password]", "not the password")
        await page.click("button[type=submit]")
        await expect(page.locator("#error")).to_have_text("Wrong user name or password.")
        assert page.url == url + "login"
        if (SCREENSHOTS / "site-view-login.png").parent.exists():
            await page.screenshot(path=str(SCREENSHOTS / "site-view-login.png"))
        # The right one opens the view; the desk in relay mode shows online.
        await page.fill("input[name=username]", SUPERVISOR)
        await page.fill("input[name=password]", PASSWORD)
        await page.click("button[type=submit]")
        await page.wait_for_url(url)
        desk = page.locator('[data-extension="1002"]')
        await expect(desk).to_have_class(re.compile(r"\bonline\b"), timeout=15_000)
        await expect(page.locator("#link-view")).to_have_text("live")

        # A known caller rings 1002 and 1003 (a queue): the CRM name, waiting, then talking.
        call = sc.ring_call(sim.rows, caller="0612345678", name="UCM NAME",
                           rings=("1002", "1003"), answered_by="1002", service="queue")
        await play(sim, call, 0)
        await expect(desk).to_have_class(re.compile(r"\bringing\b"))
        await expect(desk).to_contain_text("Jane Doe", timeout=15_000)
        await expect(page.locator("#waiting li")).to_have_count(1)
        await expect(page.locator("#waiting")).to_contain_text("Jane Doe")
        await expect(page.locator("#n-waiting")).to_have_text("1")
        await play(sim, call, 1)
        await expect(desk).to_have_class(re.compile(r"\btalking\b"))
        await expect(desk).to_contain_text("Jane Doe")
        await expect(page.locator("#waiting li")).to_have_count(0)
        await expect(page.locator('[data-extension="1003"]')).to_have_class(
            re.compile(r"\bidle\b"))
        clock = desk.locator(".clock")
        await expect(clock).to_have_text(re.compile(r"^0:0\d$"))
        first = await clock.text_content()
        await expect(clock).not_to_have_text(first or "", timeout=5_000)  # it ticks

        # A caller whose CRM name is markup rings 1003 and hangs up: missed, shown literally.
        missed = sc.ring_call(sim.rows, caller="0699887766", name="", rings=("1003",),
                              answered_by="", followed="1003")
        await play(sim, missed, 0)
        ringing = page.locator('[data-extension="1003"]')
        await expect(ringing).to_contain_text(HOSTILE, timeout=15_000)
        await play(sim, missed, 1)
        entry = page.locator("#missed li")
        await expect(entry).to_have_count(1)
        await expect(entry).to_contain_text(HOSTILE)
        await expect(entry.locator("a")).to_have_text("Open in CRM")
        assert await page.locator("img:not(#chart)").count() == 0
        await expect(page.locator("#n-missed")).to_have_text("1")
        await expect(page.locator("#n-answered")).to_have_text("1")

        # The chart: today's hour has one answered and one missed call.
        hour = datetime.now().hour
        svg = await (await page.request.get(url + "chart.svg")).text()
        assert f'class="answered" data-hour="{hour}" data-count="1"' in svg
        assert f'class="missed" data-hour="{hour}" data-count="1"' in svg
        await expect(page.locator("#chart")).to_have_attribute("src", re.compile(r"chart\.svg"))
        assert await page.eval_on_selector("#chart", "img => img.naturalWidth") > 0
        if SCREENSHOTS.exists():
            await page.screenshot(path=str(SCREENSHOTS / "site-view.png"))

        # 1003 calls the missed caller back (in another spelling): the entry leaves.
        back = sc.outgoing_call(sim.rows, extension="1003", number="+33699887766")
        await play(sim, back, 0, 1)
        await expect(ringing).to_have_class(re.compile(r"\bdialling\b"))
        await play(sim, back, 2)
        await expect(entry).to_have_count(0)
        await expect(page.locator("#missed-none")).to_be_visible()
        await play(sim, call, 2)
        await play(sim, back, 3)
        await expect(desk).to_have_class(re.compile(r"\bidle\b"))

        # The relay restarts: the page reconnects by itself and goes on showing calls.
        relay = s["relay"]
        await relay.stop()
        await expect(page.locator("#link-view")).to_have_text("reconnecting…")
        await relay.start(sim)
        await expect(page.locator("#link-view")).to_have_text("live", timeout=20_000)
        again = sc.ring_call(sim.rows, caller="0612345678", rings=("1002",))
        await play(sim, again, 0)
        await expect(desk).to_have_class(re.compile(r"\bringing\b"), timeout=15_000)
        await expect(desk).to_have_class(re.compile(r"\bonline\b"))
        await play(sim, again, 1, 2)

        # The desk stops cleanly: offline.
        await s["desk"].stop()
        await expect(desk).to_have_class(re.compile(r"\boffline\b"), timeout=15_000)
        assert page.dialogs == [] and page.errors == []

        # Logging out ends the session.
        await page.click("text=Log out")
        await page.wait_for_url(url + "login")
        assert (await page.request.get(url + "api/state")).status == 401


def busy_site(view: Any) -> None:
    """A morning at a small call centre: calls of earlier hours, then what is up now."""
    from datetime import timedelta

    from ucm_popup.crm.model import Match
    from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing

    rng = __import__("random").Random(4)
    today = datetime.now().replace(minute=0, second=0, microsecond=0)
    desks = [str(1001 + n) for n in range(24)]
    for extension in desks[:21]:
        view.on_presence(extension, {"state": "online", "since": today.isoformat()})
    view.on_presence(desks[21], {"state": "offline"})
    n = 0
    for hours_ago in range(min(today.hour, 9), 0, -1):
        for _ in range(rng.randint(8, 30)):
            n += 1
            at = today - timedelta(hours=hours_ago) + timedelta(minutes=rng.randint(0, 59))
            extension, number = rng.choice(desks), f"06{rng.randint(10**7, 10**8 - 1)}"
            view.on_event(Ringing(f"old{n}", extension, "inbound", number, "", "T", time=at))
            if rng.random() < 0.85:
                view.on_event(Answered(f"old{n}", extension, time=at))
                view.on_event(Ended(f"old{n}", extension, True, False, time=at))
            else:
                view.on_event(Ended(f"old{n}", extension, False, False, time=at))
    for index, name in enumerate(("Jane Doe", "Marc Dubois", "Acme Logistics", HOSTILE)):
        number = f"07{index}1223344"
        call_id = f"missed{index}"
        view.on_event(Ringing(call_id, "1001", "inbound", number, "", "T", "Support"))
        view.on_lookup(call_id, number, [Match("Contacts", str(index), name, "", "", "", "",
                                               "", f"https://crm.zoho.eu/crm/tab/Contacts/{index}")])
        view.on_event(Ended(call_id, "1001", False, False))
    people = ["Jane Doe", "Marc Dubois", "Sofia Rossi", "Hans Müller", "Lucía García",
              "Yuki Tanaka", "Ahmed Benali", "Olivia Smith", "Pierre Martin"]
    now = datetime.now().astimezone()
    for index, extension in enumerate(desks[:9]):
        call_id, number = f"talk{index}", f"06{index}2345678"
        since = now - timedelta(seconds=rng.randint(20, 900))
        view.on_event(Ringing(call_id, extension, "inbound", number, "", "T", time=since))
        view.on_lookup(call_id, number, [Match("Contacts", "x", people[index], "", "", "", "",
                                               "", "")])
        view.on_event(Answered(call_id, extension, time=since))
    for index, extension in enumerate(desks[9:12]):
        view.on_event(Dialing(f"out{index}", extension, "outbound", f"01{index}4455667",
                              "", "T", time=now - timedelta(seconds=8 + index * 5)))
    for index, (number, queue) in enumerate((("0699887766", "Sales"), ("0144556677", "Support"))):
        since = now - timedelta(seconds=14 + index * 25)
        for extension in desks[12 + index * 3: 15 + index * 3]:
            view.on_event(Ringing(f"wait{index}", extension, "inbound", number, "", "T",
                                  queue, time=since))
    view.on_crm(lookup=True, waiting=2, last_error="",
                index="CRM index: 12,480 records, synced 3 min ago")
    view.on_relay("online", "")


async def test_a_busy_site_on_a_wall_screen(tmp_path: Path) -> None:
    """The picture for the README: a busy site, in-process (the data paths are the tests
    above); also what a supervisor would check at a glance."""
    from playwright.async_api import expect

    from ucm_popup.relay.view.server import ViewServer
    from ucm_popup.relay.view.state import SiteView
    from ucm_popup.settings import ViewSettings

    generous_waits()
    write_users(tmp_path / "users", {SUPERVISOR: hash_password(PASSWORD)})
    view = SiteView(default_region="FR")
    busy_site(view)
    server = ViewServer(view, ViewSettings(listen=f"127.0.0.1:{free_port()}"),
                        tmp_path / "users", None)
    await server.start()
    try:
        async with browser_page() as page:
            await page.set_viewport_size({"width": 1920, "height": 1080})
            await page.goto(server.url + "login")
            await page.fill("input[name=username]", SUPERVISOR)
            await page.fill("input[name=password]", PASSWORD)
            await page.click("button[type=submit]")
            await expect(page.locator("[data-extension]")).to_have_count(24)
            await expect(page.locator("#n-waiting")).to_have_text("2")
            await expect(page.locator("#n-talking")).to_have_text("9")
            await expect(page.locator("#missed li")).to_have_count(view.site()["missed_count"])
            await expect(page.locator("#missed li").first).to_contain_text(HOSTILE)
            await expect(page.locator(".tile.talking")).to_have_count(9)
            await expect(page.locator(".tile.ringing")).to_have_count(6)
            assert await page.eval_on_selector("#chart", "img => img.naturalWidth") > 0
            if SCREENSHOTS.exists():
                await page.screenshot(path=str(SCREENSHOTS / "site-view-busy.png"))
            assert page.dialogs == [] and page.errors == []
    finally:
        await server.stop()
