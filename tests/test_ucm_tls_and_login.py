"""TLS trust (system CAs, ca_file, pinned fingerprint) and refused logins or subscriptions,
against the simulator over real TLS."""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import replace
from pathlib import Path

import pytest
import trustme
from conftest import FIXTURES
from ucm_support import CONNECTED, FAST, Follower

from ucm_popup.errors import (
    AuthError,
    CertificateError,
    ServiceError,
    SettingsError,
    SubscriptionRefused,
)
from ucm_popup.settings import UcmSettings
from ucm_popup.sim.ucm import KNOWN_EVENTS, UcmSimulator
from ucm_popup.ucm import tls
from ucm_popup.ucm.stream import UcmEventStream, check_connection


async def first_error(settings: UcmSettings, password: str) -> BaseException:
    follower = Follower(UcmEventStream(settings, password, **FAST))
    try:
        return await follower.error()
    finally:
        await follower.aclose()


async def test_untrusted_certificate_names_its_fingerprint(sim: UcmSimulator) -> None:
    error = await first_error(sim.settings(pinned=False), sim.password)
    assert isinstance(error, CertificateError)
    assert error.fingerprint == sim.fingerprint
    line = str(error)
    assert f"127.0.0.1:{sim.port}" in line and "not trusted" in line
    assert sim.fingerprint in line and f'[ucm] fingerprint = "{sim.fingerprint}"' in line
    assert "\n" not in line
    assert sim.connections == 0


async def test_a_wrong_pin_sends_nothing(sim: UcmSimulator) -> None:
    settings = replace(sim.settings(), fingerprint="ab" * 32)
    error = await first_error(settings, sim.password)
    assert isinstance(error, CertificateError)
    assert error.fingerprint == sim.fingerprint
    assert "pinned" in str(error)
    assert sim.connections == 0 and sim.received == []  # not even the WebSocket upgrade


async def test_pin_in_any_case_with_or_without_colons(sim: UcmSimulator) -> None:
    for pin in (sim.fingerprint.lower(), sim.fingerprint.replace(":", "")):
        await check_connection(replace(sim.settings(), fingerprint=pin), sim.password)
    assert len(sim.requests("logout")) == 2


async def test_ca_file(tmp_path: Path) -> None:
    ca = trustme.CA()
    leaf = ca.issue_cert("127.0.0.1", "localhost")
    certificate = (b"".join(blob.bytes() for blob in leaf.cert_chain_pems),
                   leaf.private_key_pem.bytes())
    sim = await UcmSimulator(certificate=certificate).start()
    try:
        ca_file = tmp_path / "ucm-ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        settings = replace(sim.settings(pinned=False), ca_file=str(ca_file))
        f = Follower(UcmEventStream(settings, sim.password, **FAST))
        assert await f.lines(1) == [CONNECTED]
        await f.aclose()
        other = tmp_path / "other-ca.pem"
        trustme.CA().cert_pem.write_to_path(str(other))
        error = await first_error(replace(settings, ca_file=str(other)), sim.password)
        assert isinstance(error, CertificateError) and sim.fingerprint in str(error)
        missing = replace(settings, ca_file=str(tmp_path / "missing.pem"))
        error = await first_error(missing, sim.password)
        assert isinstance(error, SettingsError) and "[ucm] ca_file" in str(error)
    finally:
        await sim.aclose()


async def test_wrong_password_is_refused_once(sim: UcmSimulator) -> None:
    error = await first_error(sim.settings(), "wrong")
    assert isinstance(error, AuthError)
    assert str(error) == (
        f"the UCM at 127.0.0.1:{sim.port} refused user 'popup' (login status -37): "
        "check [ucm] username and the UCM password")
    assert len(sim.requests("login")) == 1


async def test_wrong_user_is_refused(sim: UcmSimulator) -> None:
    error = await first_error(replace(sim.settings(), username="nobody"), sim.password)
    assert isinstance(error, AuthError) and "'nobody'" in str(error)


async def test_subscription_refused_names_the_events() -> None:
    sim = await UcmSimulator(known_events=KNOWN_EVENTS - {"ActiveCallStatus"}).start()
    try:
        error = await first_error(sim.settings(), sim.password)
        assert isinstance(error, SubscriptionRefused)
        assert error.event_names == ["ActiveCallStatus", "ExtensionStatus"]
        assert "ActiveCallStatus, ExtensionStatus" in str(error)
        assert "web-GUI user" in str(error) and "-9" in str(error)
        assert len(sim.requests("subscribe")) == 1
    finally:
        await sim.aclose()


async def test_check_connection(sim: UcmSimulator) -> None:
    await check_connection(sim.settings(), sim.password)
    assert [m["action"] for _at, m in sim.received] == [
        "challenge", "login", "subscribe", "logout"]
    with pytest.raises(AuthError):
        await check_connection(sim.settings(), "wrong")
    with pytest.raises(CertificateError):
        await check_connection(sim.settings(pinned=False), sim.password)


async def test_fetch_fingerprint(sim: UcmSimulator) -> None:
    assert await tls.fetch_fingerprint("127.0.0.1", sim.port) == sim.fingerprint
    with pytest.raises(OSError):
        await tls.fetch_fingerprint("127.0.0.1", 1)


async def test_not_a_ucm_port(sim: UcmSimulator) -> None:
    sim.down = True  # answers HTTP 503 at /websockify
    error = await first_error(sim.settings(), sim.password)
    assert type(error) is not AuthError and isinstance(error, ServiceError)
    assert "HTTP 503" in str(error)


def test_fingerprint_forms() -> None:
    digits = "0A" * 32
    assert tls.normalize_fingerprint("0a:" * 31 + "0a") == digits
    assert tls.normalize_fingerprint(" " + digits.lower() + " ") == digits
    assert tls.format_fingerprint(digits) == ":".join(["0A"] * 32)
    with pytest.raises(SettingsError, match=r"\[ucm\] fingerprint"):
        tls.normalize_fingerprint("12:34")


def test_contexts() -> None:
    system = tls.make_ssl_context(UcmSettings(host="pbx"))
    assert system.verify_mode == ssl.CERT_REQUIRED and system.check_hostname
    legacy = tls.make_ssl_context(UcmSettings(host="pbx", legacy_tls=True))
    assert legacy.verify_mode == ssl.CERT_REQUIRED  # weaker ciphers, never less trust
    with pytest.raises(SettingsError):
        tls.make_ssl_context(UcmSettings(host="pbx", fingerprint="nope"))


async def weak_dh_server(tmp_path: Path) -> tuple[asyncio.Server, str, list[int]]:
    """A TLS 1.2 server that offers only 1024-bit Diffie-Hellman, as older UCM62xx firmware
    does; the list counts the handshakes that succeeded."""
    leaf = trustme.CA().issue_cert("127.0.0.1", key_type=trustme.KeyType.RSA)  # for DHE-RSA
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0")
    context.load_dh_params(str(FIXTURES / "ucm" / "weak_dh_1024.pem"))
    leaf.configure_cert(context)
    handshakes: list[int] = []

    async def answer(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handshakes.append(1)  # called only once TLS is up
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    fingerprint = tls.certificate_fingerprint(ssl.PEM_cert_to_DER_cert(
        leaf.cert_chain_pems[0].bytes().decode("ascii")))
    return server, fingerprint, handshakes


async def test_weak_dh_of_older_firmware_needs_legacy_tls(tmp_path: Path) -> None:
    server, fingerprint, handshakes = await weak_dh_server(tmp_path)
    port = server.sockets[0].getsockname()[1]
    settings = UcmSettings(host="127.0.0.1", port=port, username="popup", extension="1002",
                           fingerprint=fingerprint)
    try:
        with pytest.raises(ServiceError) as refused:
            await UcmEventStream(settings, "pw", **FAST).open()
        assert "DH_KEY_TOO_SMALL" in str(refused.value)
        assert "set [ucm] legacy_tls = true" in str(refused.value)
        assert handshakes == []
        with pytest.raises(ServiceError) as past_tls:  # TLS is up; this server is no UCM
            await UcmEventStream(replace(settings, legacy_tls=True), "pw", **FAST).open()
        assert "legacy_tls" not in str(past_tls.value)
        assert handshakes == [1]
    finally:
        server.close()
        await server.wait_closed()


def test_weak_dh_suggests_legacy_tls() -> None:
    error = ssl.SSLError(1, "[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1000)")
    failure = tls.tls_failure(UcmSettings(host="pbx", port=8089), error)
    assert failure is not None and "[ucm] legacy_tls = true" in str(failure)
    assert "pbx:8089" in str(failure)
