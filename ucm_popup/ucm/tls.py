"""TLS to the UCM: system CAs, a CA file, or a pinned SHA-256 fingerprint.

A UCM usually serves a self-signed certificate, so the common set-up is trust on first use:
the user pins the fingerprint the UCM presents. With a pin, CA and host-name checks are replaced
by comparing the leaf certificate's SHA-256 inside the TLS handshake, so that a wrong
certificate fails the handshake itself (``PinMismatch``) and not a byte of a request is sent,
whoever uses the context (the event stream, the API client). Nothing here ever turns
verification off otherwise.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import ssl

from ucm_popup.errors import CertificateError, ServiceError, SettingsError
from ucm_popup.settings import UcmSettings
from ucm_popup.trust import client_context

LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=1"  # UCM62xx offer 1024-bit DH, refused by OpenSSL 3
_HEX64 = re.compile(r"[0-9A-F]{64}")


def normalize_fingerprint(text: str) -> str:
    """``"aa:bb:.."`` or ``"AABB.."`` -> 64 upper-case hex digits; SettingsError otherwise."""
    digits = re.sub(r"[\s:]", "", text).upper()
    if not _HEX64.fullmatch(digits):
        raise SettingsError(
            f"[ucm] fingerprint {text!r} is not a SHA-256 fingerprint (64 hex digits, "
            "colons allowed)"
        )
    return digits


def format_fingerprint(digits: str) -> str:
    """64 hex digits -> ``AA:BB:...``, the form users compare and paste."""
    digits = digits.replace(":", "").upper()
    return ":".join(digits[i : i + 2] for i in range(0, len(digits), 2))


def certificate_fingerprint(der: bytes) -> str:
    return format_fingerprint(hashlib.sha256(der).hexdigest())


class PinMismatch(ssl.SSLCertVerificationError):
    """The UCM presented another certificate than the pinned one (``presented``: its
    fingerprint, to show), raised by the TLS handshake."""

    def __init__(self, presented: str) -> None:
        super().__init__("not the pinned fingerprint")
        self.presented = presented
        self.verify_message = "not the pinned fingerprint"


def make_ssl_context(ucm: UcmSettings) -> ssl.SSLContext:
    """The context for the UCM's host; with a pin, its handshake fails with ``PinMismatch``
    on any other certificate."""
    if ucm.fingerprint:
        pin = normalize_fingerprint(ucm.fingerprint)  # a typo is a settings error, not a TLS one
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # The pin replaces CA and host-name checks: a self-signed certificate names nothing
        # useful. The leaf is compared as the last step of the handshake instead.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        context.sslobject_class = _pinned_ssl_object(pin)
    else:
        try:
            context = client_context(ucm.ca_file)  # the system store, or ca_file alone
        except (OSError, ssl.SSLError) as exc:
            raise SettingsError(
                f"[ucm] ca_file {ucm.ca_file!r} cannot be read as PEM certificates: "
                f"{_reason(exc)}"
            ) from exc
    if ucm.legacy_tls:
        context.set_ciphers(LEGACY_CIPHERS)
    return context


def _pinned_ssl_object(pin: str) -> type[ssl.SSLObject]:
    """An SSLObject whose handshake also checks the leaf certificate against ``pin`` (64 hex
    digits).  asyncio and anyio (httpx) both do TLS through ``SSLContext.wrap_bio``, which
    makes one of these; the check raises before the client's last handshake message is sent."""

    class PinnedSSLObject(ssl.SSLObject):
        def do_handshake(self) -> None:
            super().do_handshake()
            presented = presented_fingerprint(self)
            if presented.replace(":", "") != pin:
                raise PinMismatch(presented)

    return PinnedSSLObject


def presented_fingerprint(ssl_object: ssl.SSLObject | ssl.SSLSocket | None) -> str:
    """``AA:BB:..`` of the leaf certificate the peer presented, or "" where there is none."""
    der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    return certificate_fingerprint(der) if der else ""


def untrusted(ucm: UcmSettings, presented: str, why: str = "") -> CertificateError:
    """The one line for a certificate that is not trusted, with the fingerprint to pin."""
    where = f"{ucm.host}:{ucm.port}"
    detail = f" ({why})" if why else ""
    shown = presented or "unknown"
    return CertificateError(
        f"the certificate of the UCM at {where} is not trusted{detail}; it presented SHA-256 "
        f"fingerprint {shown}; if that is your UCM's certificate, pin it with "
        f'[ucm] fingerprint = "{shown}" (or Trust in Settings)',
        presented,
    )


def tls_failure(ucm: UcmSettings, exc: ssl.SSLError) -> ServiceError | None:
    """A TLS error that is not a certificate problem but has a known fix, else None."""
    if "DH_KEY_TOO_SMALL" in str(exc) or getattr(exc, "reason", "") == "DH_KEY_TOO_SMALL":
        return ServiceError(
            f"the UCM at {ucm.host}:{ucm.port} offers weak TLS parameters (DH_KEY_TOO_SMALL, "
            "older UCM62xx firmware): set [ucm] legacy_tls = true to allow them"
        )
    return None


async def fetch_fingerprint(host: str, port: int, legacy_tls: bool = False) -> str:
    """The SHA-256 fingerprint (``AA:BB:..``) of the certificate the server presents.

    For "Trust this certificate": the certificate is only read, nothing is trusted or sent.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # reading the certificate, not trusting it
    if legacy_tls:
        context.set_ciphers(LEGACY_CIPHERS)
    _reader, writer = await asyncio.open_connection(
        host, port, ssl=context, server_hostname=host or None
    )
    try:
        fingerprint = presented_fingerprint(writer.get_extra_info("ssl_object"))
    finally:
        writer.close()
        try:
            await asyncio.wait_for(writer.wait_closed(), 2)
        except (OSError, TimeoutError, ssl.SSLError):
            pass
    if not fingerprint:
        raise ServiceError(f"the server at {host}:{port} presented no certificate")
    return fingerprint


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
