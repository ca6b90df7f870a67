"""What the settings dialog does besides widgets: its Test buttons, and reading the file.

No Qt here.  Each check is a coroutine that runs the real thing (a login and subscription on
the UCM, a lookup in the CRM, a grant-code exchange at Zoho) and turns every way it can end
into one sentence an agent understands, saying what to fix.  The advice follows the error's
type and ``kind``, never the wording of its message.
"""

from __future__ import annotations

import asyncio
import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ucm_popup.crm.datacentres import host_of
from ucm_popup.errors import (
    AuthError,
    CertificateError,
    Problem,
    ServiceError,
    SettingsError,
    SubscriptionRefused,
    UcmPopupError,
)
from ucm_popup.settings import Settings, load_settings, parse_settings
from ucm_popup.text import one_line

if TYPE_CHECKING:
    from ucm_popup.secrets import SecretStore
    from ucm_popup.settings import MqttSettings, UcmSettings, ZohoV2Settings

log = logging.getLogger(__name__)

CHECK_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class CheckOutcome:
    ok: bool
    text: str
    fingerprint: str = ""  # an untrusted certificate's, offered for pinning
    details: str = ""  # the technical line, shown small under the sentence
    grant: Any = None  # the GrantResult of a successful grant-code exchange


def readable_fingerprint(fingerprint: str) -> str:
    """AA:BB:… in groups of eight bytes, so that a label can wrap it between groups."""
    digits = fingerprint.replace(":", "").replace(" ", "").upper()
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    return " ".join(":".join(pairs[i:i + 8]) for i in range(0, len(pairs), 8))


def _host_of(url: str) -> str:
    return host_of(url) or url


def _unexpected(what: str, exc: BaseException) -> CheckOutcome:
    log.warning("%s failed unexpectedly", what, exc_info=exc)
    return CheckOutcome(False, f"The test stopped on an unexpected error ({type(exc).__name__}).",
                        details=str(exc))


# -- the UCM -------------------------------------------------------------------------------


async def check_pbx(
    ucm: UcmSettings, password: str, timeout: float = CHECK_TIMEOUT_S
) -> CheckOutcome:
    """Log in to the UCM and subscribe to call events, as the tray app will."""
    from ucm_popup.ucm.stream import check_connection

    where = f"{ucm.host}:{ucm.port}"
    try:
        await asyncio.wait_for(check_connection(ucm, password, timeout=timeout), timeout + 5)
    except CertificateError as exc:
        shown = readable_fingerprint(exc.fingerprint)
        return CheckOutcome(
            False,
            f"The certificate is not trusted: fingerprint {shown}. If this is your UCM's "
            "certificate, trust it.",
            fingerprint=exc.fingerprint,
            # The why; the fingerprint is in the line above and the fix is the Trust button.
            details=str(exc).split("; it presented", 1)[0],
        )
    except AuthError as exc:
        return CheckOutcome(
            False, "The UCM refused the user or password: check them.", details=str(exc)
        )
    except SubscriptionRefused as exc:
        names = ", ".join(exc.event_names) or "the call events"
        return CheckOutcome(
            False,
            f"The UCM accepted the login but refused to send {names}: give this UCM user "
            "the permission to see call status (or use another user).",
            details=str(exc),
        )
    except TimeoutError:
        return CheckOutcome(
            False,
            f"The UCM at {where} did not answer within {timeout:.0f} seconds: check the "
            "address and port, and that this computer can reach it.",
        )
    except (ServiceError, OSError) as exc:
        return CheckOutcome(
            False,
            f"Could not talk to the UCM at {where}: check the address and port.",
            details=str(exc),
        )
    except SettingsError as exc:
        return CheckOutcome(False, str(exc))
    except Exception as exc:
        return _unexpected("the UCM test", exc)
    return CheckOutcome(True, f"Connected: extension {ucm.extension} will pop up.")


async def fetch_certificate(host: str, port: int, legacy_tls: bool) -> CheckOutcome:
    """The SHA-256 fingerprint of the certificate the UCM presents (no trust decided)."""
    from ucm_popup.ucm.tls import fetch_fingerprint

    try:
        fingerprint = await asyncio.wait_for(
            fetch_fingerprint(host, port, legacy_tls=legacy_tls), CHECK_TIMEOUT_S
        )
    except TimeoutError:
        return CheckOutcome(False, f"The UCM at {host}:{port} did not answer.")
    except (UcmPopupError, OSError) as exc:
        return CheckOutcome(
            False, f"Could not read the certificate of {host}:{port}.", details=str(exc)
        )
    except Exception as exc:
        return _unexpected("reading the certificate", exc)
    shown = readable_fingerprint(fingerprint)
    return CheckOutcome(True, f"The UCM presents the certificate {shown}.", fingerprint)


# -- the CRM -------------------------------------------------------------------------------


def _unknown_client_words(accounts_url: str) -> str:
    return (
        f"Zoho ({_host_of(accounts_url)}) does not know this client id and secret: check them, "
        "and check the data centre (it must be the one where your Zoho account lives)."
    )


def _zoho_auth_words(error: AuthError, settings: Settings) -> str:
    """An AuthError from Zoho, in words: what the agent should change."""
    if error.kind is Problem.CLIENT_REFUSED:
        return _unknown_client_words(settings.zoho_v2.accounts_url)
    if error.kind is Problem.REFRESH_TOKEN_REFUSED:
        return (
            "Zoho no longer accepts the refresh token (it was revoked or is wrong): get a new "
            "one with \"Get refresh token\"."
        )
    if settings.crm.provider == "zoho-v1":
        return "Zoho refused the auth token: check it (Zoho v1 is legacy; prefer Zoho v2)."
    return "Zoho refused the credentials: check the client id, client secret and refresh token."


def _match_words(match: Any) -> str:
    name = getattr(match, "name", "") or "(no name)"
    module = getattr(match, "module", "")
    company = getattr(match, "company", "")
    singular = {"Contacts": "Contact", "Leads": "Lead", "Accounts": "Account"}
    module_word = singular.get(module, module)
    extra = f", {company}" if company and company != name else ""
    return f"{name} ({module_word}{extra})"


async def check_lookup(settings: Settings, secrets: SecretStore, number: str) -> CheckOutcome:
    """Look ``number`` up in the CRM with the settings and secrets as they are in the dialog."""
    from ucm_popup.crm.service import build_lookup_service

    service = None
    try:
        service = await asyncio.to_thread(build_lookup_service, settings, secrets)
        if service is None:
            return CheckOutcome(False, "No CRM is chosen, so there is nothing to test.")
        result = await service.lookup(number)  # bounded by the lookup's own deadline
        missing = service.unavailable_modules()
    except AuthError as exc:
        return CheckOutcome(False, _zoho_auth_words(exc, settings), details=str(exc))
    except ServiceError as exc:
        if exc.kind is Problem.TIMED_OUT:
            return CheckOutcome(False, "Zoho did not answer in time: try again in a minute.",
                                details=str(exc))
        return CheckOutcome(
            False, "Could not get an answer from Zoho: check the data centre and addresses.",
            details=str(exc),
        )
    except OSError as exc:
        return CheckOutcome(
            False, "Could not get an answer from Zoho: check the data centre and addresses.",
            details=str(exc),
        )
    except SettingsError as exc:
        return CheckOutcome(False, str(exc))
    except Exception as exc:
        return _unexpected("the CRM test", exc)
    finally:
        if service is not None:
            try:
                await asyncio.wait_for(service.aclose(), 3)
            except Exception:
                log.debug("closing the test lookup failed", exc_info=True)
    shown = result.normalized or number
    # A module Zoho refused (disabled or renamed) is named, while the others' answer stands.
    refused = (f" Not searched: {', '.join(sorted(missing))} (not available in this Zoho org:"
               " remove from the modules to search)." if missing else "")
    details = "; ".join(missing[module] for module in sorted(missing))
    if not result.matches:
        return CheckOutcome(True, f"Zoho answered: no record matches {shown}.{refused}",
                            details=details)
    found = "; ".join(_match_words(m) for m in result.matches[:5])
    more = f" and {len(result.matches) - 5} more" if len(result.matches) > 5 else ""
    return CheckOutcome(True, f"Found {shown}: {found}{more}.{refused}", details=details)


async def get_refresh_token(v2: ZohoV2Settings, client_secret: str, code: str) -> CheckOutcome:
    """Exchange a self-client grant code; ``grant`` holds the GrantResult when it worked."""
    from ucm_popup.crm.zoho_oauth import exchange_grant_code

    accounts = _host_of(v2.accounts_url)
    try:
        grant = await exchange_grant_code(v2, client_secret, code)  # has its own deadline
    except AuthError as exc:
        if exc.kind is Problem.GRANT_CODE_REFUSED:
            text = (
                "Zoho refused this grant code: it was already used or has expired (a code "
                "lasts a few minutes). Generate a new code and paste it."
            )
        elif exc.kind is Problem.CLIENT_REFUSED:
            text = _unknown_client_words(v2.accounts_url)
        else:
            text = "Zoho refused the grant code or the client id and secret."
        return CheckOutcome(False, text, details=str(exc))
    except ServiceError as exc:
        if exc.kind is Problem.TIMED_OUT:
            return CheckOutcome(False, f"Zoho ({accounts}) did not answer in time: try again.",
                                details=str(exc))
        return CheckOutcome(
            False, f"Could not reach Zoho at {accounts}: check the data centre.", details=str(exc)
        )
    except OSError as exc:
        return CheckOutcome(
            False, f"Could not reach Zoho at {accounts}: check the data centre.", details=str(exc)
        )
    except SettingsError as exc:
        return CheckOutcome(False, str(exc))
    except Exception as exc:
        return _unexpected("the grant-code exchange", exc)
    scopes = ", ".join(getattr(grant, "scopes", ()) or ())
    dc = getattr(grant, "data_centre", "")
    where = f" for data centre {dc}" if dc else ""
    text = f"Refresh token received{where}. Press Save to keep it."
    return CheckOutcome(True, text, details=f"Scopes granted: {scopes}" if scopes else "",
                        grant=grant)


# -- the settings file, read for editing ---------------------------------------------------


def load_for_editing(path: Path) -> tuple[Settings, list[str], bool]:
    """The settings to show, notes for the user, and whether the file is unreadable as TOML.

    A value that fails validation is shown with its default (and named in the notes) instead
    of making the whole file unusable; everything else in the file is kept.
    """
    try:
        settings, warnings = load_settings(path)
        return settings, _unknown_notes(warnings, path), False
    except SettingsError as exc:
        if not path.exists():
            return Settings(), [], False
        first_problem = str(exc)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Settings(), [first_problem], True
    notes: list[str] = []
    kept: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            notes.append(f"[{section}] is not a table and was ignored")
            continue
        kept[section] = {}
        for key, value in table.items():
            try:
                parse_settings({section: {key: value}}, str(path))
            except SettingsError as problem:
                where = str(problem).removeprefix(f"{path}: ")
                notes.append(f"{where} (shown with its default; Save replaces it)")
                continue
            kept[section][key] = value
    settings, warnings = parse_settings(kept, str(path))
    return settings, notes + _unknown_notes(warnings, path), False


def _unknown_notes(warnings: list[str], path: Path) -> list[str]:
    """Unknown keys, said so an administrator knows they stay in the file but do nothing."""
    return [
        w.removeprefix(f"{path}: ").replace(" ignored", ": kept in the file but not used")
        for w in warnings
    ]


# -- the site relay --------------------------------------------------------------------------


async def check_relay(
    mqtt: MqttSettings, extension: str, password: str, timeout: float = CHECK_TIMEOUT_S
) -> CheckOutcome:
    """Log in to the broker as this desk and read the site relay's status."""
    from ucm_popup.relay.desk import read_relay_status

    try:
        status = await asyncio.wait_for(read_relay_status(mqtt, extension, password), timeout)
    except AuthError as exc:
        return CheckOutcome(False, "The broker refused the user or password: check them.",
                            details=str(exc))
    except TimeoutError:
        return CheckOutcome(False, f"The broker at {mqtt.url} did not answer within "
                            f"{timeout:.0f} seconds: check the address.")
    except (ServiceError, SettingsError) as exc:
        return CheckOutcome(False, f"Could not talk to the broker at {mqtt.url}: check the "
                            "address and the CA file.", details=str(exc))
    except Exception as exc:
        return _unexpected("the relay test", exc)
    if status is None:
        return CheckOutcome(False, f"Logged in to the broker, but no site relay has said "
                            f"anything under the prefix {mqtt.topic_prefix!r}: check the prefix, "
                            "or ask your administrator whether the relay runs.")
    detail = one_line(status["detail"], 300) if type(status.get("detail")) is str else ""
    state = status.get("state")
    if state == "online":
        return CheckOutcome(True, f"Connected: the site relay is online; extension "
                            f"{extension} will pop up.")
    if state == "ucm-down":
        return CheckOutcome(False, "The broker and the relay answer, but the relay has lost "
                            "the UCM: ask your administrator.", details=detail)
    return CheckOutcome(False, "The broker answers, but the site relay is offline: ask your "
                        "administrator.", details=detail)
