"""Click-to-dial: any spelling of a number a person copies -> what the UCM is asked to dial.

The rules (README, "Click-to-dial"): a link (``tel:``, ``callto:``, ``sip:``) gives its number;
visual separators go; a number of ``crm.default_region``'s country is sent in its national
form, one of another country as ``dial.international_prefix`` + its E.164 digits, with
``dial.outside_prefix`` in front of both; extensions (up to six digits) and codes with ``*`` or
``#`` go as typed.  Only ASCII digits, ``*`` and ``#`` ever reach the UCM: anything else is a
usage error (``SettingsError``, exit 2) that says what was wrong.

``Dialer`` keeps one logged-in API client for every dial of a run (the tray app, the one
``dial`` command, or the site relay dialling for every desk), so that a day of clicks is one
login.  A desk fed by the site relay holds no API password: it sends what the UCM is to get to
the relay (``ucm_popup.relay.dial``), which decides only how to dial it (``target_for_sendable``).
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from ucm_popup.errors import SettingsError
from ucm_popup.text import one_line

if TYPE_CHECKING:
    from ucm_popup.secrets import SecretStore
    from ucm_popup.settings import Settings, UcmSettings
    from ucm_popup.settings_checks import CheckOutcome
    from ucm_popup.ucm.api import UcmApiClient

MAX_EXTENSION_DIGITS = 6  # the UCM's extensions are 2-6 digits; longer is a phone number
MAX_CODE_CHARS = 32  # feature codes and short numbers with * or #
MAX_INPUT_CHARS = 256  # a whole clipboard is no number: refuse it before any parsing
MAX_SENDABLE_CHARS = 40  # what the relay takes from a desk: the dial rules never make longer
# What people put between digits: spaces of every kind, dashes of every kind, dots, slashes,
# brackets. Letters and anything else are refused, never dropped.
_SEPARATORS = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000.\-\u2010-\u2015\u2212/()\[\]]")
_SCHEMES = ("tel:", "callto:", "sip:", "sips:")
_SENDABLE = re.compile(r"[0-9*#]+")


@dataclass(frozen=True)
class DialTarget:
    number: str  # exactly what the UCM gets: digits, * and #
    internal: bool  # another extension: dialExtension, else dialOutbound


@dataclass(frozen=True)
class DialResult:
    """The ``dial`` command's JSON line."""

    extension: str
    number: str
    via: str = "ucm"

    def to_json(self) -> dict[str, Any]:
        return {"extension": self.extension, "number": self.number, "via": self.via}


def dial_available(settings: Settings) -> bool:
    """Whether this desk can click-to-dial: with its API user, or through the site relay (the
    relay says so itself when it has no API user)."""
    return settings.source.kind == "relay" or bool(settings.ucm.api_username)


def dial_number(settings: Settings, text: str) -> str:
    """What the UCM is sent for ``text``; SettingsError when it is no number to dial."""
    return dial_target(settings, text).number


def dial_target(settings: Settings, text: str) -> DialTarget:
    shown = one_line(text, 60)
    if len(text) > MAX_INPUT_CHARS:
        raise SettingsError(f"{shown!r} is too long to be a phone number")
    candidate = _strip_link(text.strip())
    candidate = _SEPARATORS.sub("", _ascii_digits(candidate))
    if not candidate:
        raise SettingsError(f"there is no number to dial in {shown!r}")
    plus = candidate.startswith("+")
    body = candidate[1:] if plus else candidate
    if not _SENDABLE.fullmatch(body):
        bad = sorted({c for c in body if not (c.isascii() and (c.isdigit() or c in "*#"))})
        raise SettingsError(
            f"{shown!r} is not a phone number: only digits, * and # can be dialled "
            f"(not {one_line(''.join(bad), 20)!r})"
        )
    if "*" in body or "#" in body:
        if plus or len(body) > MAX_CODE_CHARS:
            raise SettingsError(f"{shown!r} is not a phone number or a feature code")
        return target_for_sendable(body, settings.crm.default_region)  # as typed
    if not plus and len(body) <= MAX_EXTENSION_DIGITS:
        return target_for_sendable(body, settings.crm.default_region)  # as typed
    return DialTarget(_outside_number(settings, candidate, shown), internal=False)


def target_for_sendable(number: str, region: str) -> DialTarget:
    """How the UCM dials ``number``, already in the form it gets (the dial rules applied):
    another extension (``dialExtension``) or out through the outbound routes.  The site relay
    uses this alone, as the desk has applied the rules: applying them twice would double an
    outside prefix.  SettingsError for anything but 1-40 digits, ``*`` and ``#``."""
    if not (_SENDABLE.fullmatch(number) and len(number) <= MAX_SENDABLE_CHARS):
        raise SettingsError(f"{one_line(number, 60)!r} is not a number the UCM can dial: "
                            f"only 1-{MAX_SENDABLE_CHARS} digits, * and #")
    # Up to six digits is an extension, unless a trunk prefix (0) or an emergency number
    # (112, 911, 999…), which must go out as typed; a feature code (* or #) goes out too.
    internal = (number.isdigit() and len(number) <= MAX_EXTENSION_DIGITS
                and not number.startswith("0") and not _is_emergency(number, region))
    return DialTarget(number, internal=internal)


def _is_emergency(number: str, region: str) -> bool:
    import phonenumbers as pn  # loaded lazily: its metadata costs 70-100 ms

    # 112 and 911 reach emergency services from most mobile networks whatever the country.
    return number in ("112", "911") or bool(pn.is_emergency_number(number, region.upper()))


def _strip_link(text: str) -> str:
    """The number inside a ``tel:``/``callto:``/``sip:`` link (or the text itself)."""
    lowered = text.lower()
    scheme = next((s for s in _SCHEMES if lowered.startswith(s)), "")
    if not scheme:
        return text
    rest = unquote(text[len(scheme):]).strip()
    if scheme != "tel:":
        rest = rest.removeprefix("//")  # callto://+33..., an old Skype spelling
        rest = rest.split("@", 1)[0]  # sip:0612345678@pbx: the user part is the number
        rest = rest.split("?", 1)[0]
    number, *parameters = rest.split(";")
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        # RFC 3966: a local number with a global context (tel:8631234;phone-context=+1-914-555)
        # is that context's digits followed by the number; a domain context leaves it local.
        if name.strip().lower() == "phone-context" and value.strip().startswith("+"):
            if number.startswith("+"):
                raise SettingsError(f"{one_line(text, 60)!r} is a global number with a "
                                    "phone-context, which tel: links may not have")
            number = value.strip() + number
    return number


def _ascii_digits(text: str) -> str:
    """Digits of any script (fullwidth, Arabic-Indic...) as ASCII digits: they are the same
    number to a person, and phonenumbers reads them the same way."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _outside_number(settings: Settings, candidate: str, shown: str) -> str:
    import phonenumbers as pn  # loaded late: its metadata costs memory and time

    region = settings.crm.default_region.upper()
    dial = settings.dial
    try:
        parsed = pn.parse(candidate, region)
    except pn.NumberParseException as exc:
        why = "too long" if exc.error_type == pn.NumberParseException.TOO_LONG else "unreadable"
        raise SettingsError(f"{shown!r} is not a phone number ({why})") from None
    reason = pn.is_possible_number_with_reason(parsed)
    if reason not in (pn.ValidationResult.IS_POSSIBLE, pn.ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        why = {
            pn.ValidationResult.TOO_LONG: "too long",
            pn.ValidationResult.TOO_SHORT: "too short",
            pn.ValidationResult.INVALID_COUNTRY_CODE: "an unknown country code",
        }.get(reason, "the wrong length")
        raise SettingsError(f"{shown!r} is not a phone number ({why} for "
                            f"+{parsed.country_code}, read with crm.default_region {region})")
    if parsed.country_code == pn.country_code_for_region(region):
        national = re.sub(r"\D", "", pn.format_number(parsed, pn.PhoneNumberFormat.NATIONAL))
        return dial.outside_prefix + national
    if not dial.international_prefix:
        raise SettingsError(f"{shown!r} is a number of another country and [dial] "
                            "international_prefix is empty: set it (e.g. \"00\")")
    e164 = pn.format_number(parsed, pn.PhoneNumberFormat.E164)
    return dial.outside_prefix + dial.international_prefix + e164.removeprefix("+")


class Dialer:
    """Dials for the configured extension through the UCM's HTTPS API, one login for all."""

    def __init__(self, settings: Settings, secrets: SecretStore) -> None:
        self.settings = settings
        self._secrets = secrets
        self._client: UcmApiClient | None = None
        self._lock = asyncio.Lock()  # one request at a time: the UCM handles one session poorly

    async def dial(self, text: str) -> DialResult:
        target = dial_target(self.settings, text)  # a bad number never costs a login
        ucm = self.settings.ucm
        if self.settings.source.kind == "relay":
            return await self._through_relay(target)
        if not (ucm.host and ucm.extension):
            raise SettingsError("[ucm] host and extension must be set to dial (or try --demo)")
        await self._send(ucm.extension, target)
        return DialResult(ucm.extension, target.number)

    async def dial_for(self, extension: str, number: str) -> str:
        """The site relay's dial for a desk: ``number`` is what the UCM gets (the desk applied
        the dial rules), checked and sent as it is; returns it."""
        target = target_for_sendable(number, self.settings.crm.default_region)
        await self._send(extension, target)
        return target.number

    async def _send(self, extension: str, target: DialTarget) -> None:
        if not self.settings.ucm.api_username:
            raise SettingsError("[ucm] api_username is not set: click-to-dial needs the UCM's "
                                "HTTPS-API user (e.g. \"cdrapi\"), set in Settings, PBX page")
        async with self._lock:
            client = await self._api_client()
            await client.dial(extension, target.number, internal=target.internal)

    async def _through_relay(self, target: DialTarget) -> DialResult:
        """A desk fed by the site relay asks it to dial: the relay alone holds the API user."""
        from ucm_popup.relay.dial import dial_through_relay
        from ucm_popup.secrets import MQTT_PASSWORD, optional_secret

        settings = self.settings
        if not (settings.ucm.extension and settings.mqtt.url):
            raise SettingsError("[ucm] extension and [mqtt] url must be set to dial through "
                                "the site relay")
        password = await asyncio.to_thread(optional_secret, self._secrets, MQTT_PASSWORD)
        await dial_through_relay(settings.mqtt, settings.ucm.extension, password, target.number)
        return DialResult(settings.ucm.extension, target.number, via="relay")

    async def _api_client(self) -> UcmApiClient:
        if self._client is None:
            from ucm_popup.secrets import UCM_API_PASSWORD, require_secret
            from ucm_popup.ucm.api import UcmApiClient

            password = await asyncio.to_thread(require_secret, self._secrets, UCM_API_PASSWORD)
            self._client = UcmApiClient(self.settings.ucm, self.settings.ucm.api_username,
                                        password)
        return self._client

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()


async def check_dialling(ucm: UcmSettings, password: str, timeout: float = 10.0) -> CheckOutcome:
    """The settings dialog's Test: log in as the API user (nothing is dialled: a test that
    rang the agent's phone would surprise), and say in words what to fix."""
    from ucm_popup.errors import AuthError, CertificateError, ServiceError
    from ucm_popup.settings_checks import CheckOutcome
    from ucm_popup.ucm.api import UcmApiClient

    if not ucm.api_username:
        return CheckOutcome(False, "Enter the UCM's API user first (e.g. cdrapi).")
    if not password:
        return CheckOutcome(False, "Enter the API user's password first.")
    try:
        async with asyncio.timeout(timeout):
            async with UcmApiClient(ucm, ucm.api_username, password, timeout=timeout) as api:
                await api.call("getSystemStatus")
    except CertificateError as exc:
        return CheckOutcome(False, "The UCM's certificate is not trusted: test the connection "
                            "above and trust it first.", details=str(exc))
    except AuthError as exc:
        return CheckOutcome(False, "The UCM refused the API user or its password: check them "
                            "on the UCM (Value-added Features, API Configuration), and that "
                            "this computer's address is in its Permitted IP(s).",
                            details=str(exc))
    except TimeoutError:
        return CheckOutcome(False, f"The UCM's API did not answer within {timeout:.0f} s.")
    except (ServiceError, OSError) as exc:
        return CheckOutcome(False, "Could not use the UCM's HTTPS API: check that it is enabled "
                            "on the UCM (API Configuration).", details=str(exc))
    return CheckOutcome(True, f"The API user {ucm.api_username} logged in. Dialling rings "
                        f"extension {ucm.extension or '(not set)'} first, then calls the number.")
