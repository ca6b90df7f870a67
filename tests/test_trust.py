"""Every TLS client trusts the operating system's store (truststore), where a company puts its
TLS-inspecting proxy's root; a ``ca_file`` still means that file alone, a pin bypasses both.

On Linux the system store truststore reads is OpenSSL's (``SSL_CERT_FILE`` here, a throwaway
CA); on Windows and macOS it is the certificate store and the Keychain, checked by hand
(docs/windows-macos.md)."""

from __future__ import annotations

import dataclasses
import ssl
from pathlib import Path

import httpx
import pytest
import trustme
import truststore
from aiohttp import web
from mqtt_support import RELAY_USER, running_broker
from test_relay_faults import DESK_FAST, mqtt_of
from test_relay_site import passwords
from ucm_support import Follower

from ucm_popup.crm.http import new_client
from ucm_popup.relay.broker import Topics, dumps, make_client
from ucm_popup.relay.desk import RelayEventSource
from ucm_popup.settings import MqttSettings, UcmSettings
from ucm_popup.ucm.tls import make_ssl_context

PIN = "AA:" * 31 + "AA"


async def test_every_client_uses_the_system_store_unless_a_ca_file_or_pin_is_set(
        tmp_path: Path) -> None:
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    client = new_client()
    try:
        assert isinstance(client._transport._pool._ssl_context,  # type: ignore[attr-defined]
                          truststore.SSLContext)
    finally:
        await client.aclose()
    ucm = UcmSettings(host="ucm.example", username="popup", extension="1002")
    assert isinstance(make_ssl_context(ucm), truststore.SSLContext)
    for kept in (UcmSettings(host="ucm.example", ca_file=str(ca_file)),
                 UcmSettings(host="ucm.example", fingerprint=PIN)):
        assert not isinstance(make_ssl_context(kept), truststore.SSLContext)
    mqtt = MqttSettings(url="mqtts://broker.example", username="1002")
    system = make_client(mqtt, "pw")._client._ssl_context  # paho's copy
    own = make_client(MqttSettings(url="mqtts://broker.example", username="1002",
                                   ca_file=str(ca_file)), "pw")._client._ssl_context
    assert isinstance(system, truststore.SSLContext)
    assert isinstance(own, ssl.SSLContext) and not isinstance(own, truststore.SSLContext)


async def test_a_desk_reaches_a_broker_whose_ca_is_in_the_system_store_only_then(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = make_client(mqtt_of(broker, RELAY_USER), users[RELAY_USER])
        async with relay:  # a relay online (retained), so that a desk that connects says so
            await relay.publish(Topics("ucm-popup").status, dumps({"state": "online"}), qos=1,
                                retain=True)
        no_ca_file = dataclasses.replace(mqtt_of(broker, "1002"), ca_file="")

        def follow() -> Follower:
            return Follower(RelayEventSource(no_ca_file, "1002", users["1002"],  # type: ignore[arg-type]
                                             **DESK_FAST))

        follower = follow()
        try:
            assert "cannot trust the broker's certificate" in str(await follower.error(15))
        finally:
            await follower.aclose()
        monkeypatch.setenv("SSL_CERT_FILE", broker.ca_file)  # "the company's root is installed"
        follower = follow()
        try:
            assert [line["event"] for line in await follower.lines(1, timeout=15)] == [
                "connected"]
        finally:
            await follower.aclose()


async def test_the_crm_client_reaches_a_server_whose_ca_is_in_the_system_store_only_then(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    async def hello(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    (tmp_path / "ca.pem").write_bytes(ca.cert_pem.bytes())
    try:
        client = new_client()  # the CA not installed yet
        try:
            with pytest.raises(httpx.ConnectError, match=r"CERTIFICATE_VERIFY_FAILED"):
                await client.get(f"https://127.0.0.1:{port}/")
        finally:
            await client.aclose()
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
        client = new_client()
        try:
            assert (await client.get(f"https://127.0.0.1:{port}/")).json() == {"ok": True}
        finally:
            await client.aclose()
    finally:
        await runner.cleanup()
