"""Typed settings: the TOML file the README documents, validated on load, written atomically.

Every error names the file and the key (``config.toml: [ucm] port: ...``).  Unknown keys are
reported as warnings, never silently dropped.  Writing goes through tomlkit so that comments
an administrator put in the file survive a save from the settings dialog.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import os
import re
import shutil
import stat
import tempfile
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ucm_popup.errors import SettingsError
from ucm_popup.text import one_line

CONFIG_ENV = "UCM_POPUP_CONFIG"
PROVIDERS = ("zoho-v2", "zoho-v1", "none")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
SHOW_ON = ("ringing", "answered")
ADD_UNKNOWN = ("", "Leads", "Contacts")
INDEX_KINDS = ("off", "desk", "relay")
SOURCE_KINDS = ("ucm", "relay")


@dataclass(frozen=True)
class UcmSettings:
    host: str = ""
    port: int = 8089
    username: str = ""
    extension: str = ""
    ca_file: str = ""
    fingerprint: str = ""
    legacy_tls: bool = False
    api_username: str = ""  # the HTTPS-API user (click-to-dial only), not the web-GUI user


@dataclass(frozen=True)
class CrmSettings:
    provider: str = "zoho-v2"
    modules: tuple[str, ...] = ("Contacts", "Leads", "Accounts")
    default_region: str = "US"
    log_calls: bool = False  # write each call of the extension to Zoho's Calls
    add_unknown: str = ""  # "", "Leads" or "Contacts": create a record for an unknown caller
    index: str = "off"  # "off", "desk" or "relay": where the local phone index lives
    index_max_age_s: int = 900  # older than this, a number not in the index is asked of Zoho


@dataclass(frozen=True)
class ZohoV1Settings:
    server: str = "https://crm.zoho.com"


@dataclass(frozen=True)
class ZohoV2Settings:
    server: str = "https://www.zohoapis.com"
    accounts_url: str = "https://accounts.zoho.com"
    web_url: str = "https://crm.zoho.com"
    client_id: str = ""


@dataclass(frozen=True)
class PopupSettings:
    show_on: str = "ringing"
    internal_calls: bool = True
    close_after_answered_s: int = 3
    close_after_missed_s: int = 30
    screen: int = 0
    corner: str = "bottom-right"
    outbound_calls: bool = False  # a popup with the called party's record for outgoing calls


@dataclass(frozen=True)
class DialSettings:
    outside_prefix: str = ""  # digits the outbound routes need before an outside number
    international_prefix: str = "00"  # how other countries are dialled from crm.default_region


@dataclass(frozen=True)
class SourceSettings:
    kind: str = "ucm"  # "ucm": log in to the UCM; "relay": events from the site relay via [mqtt]


@dataclass(frozen=True)
class MqttSettings:
    url: str = ""  # mqtts://broker:8883 (mqtt:// only on loopback)
    username: str = ""  # this desk's broker user (by convention its extension)
    topic_prefix: str = "ucm-popup"  # one prefix per site (per UCM)
    ca_file: str = ""
    fallback_urls: tuple[str, ...] = ()  # further brokers tried in order when url fails


@dataclass(frozen=True)
class RelaySettings:
    extensions: tuple[str, ...] = ()  # empty: every extension the UCM has
    crm_lookup: bool = True  # look each inbound caller up once, at the relay
    node: str = ""  # this relay's name, unique per site ("a", "b"); "" = the only relay


@dataclass(frozen=True)
class UiSettings:
    # "" = the desktop's language; "en", "fr", "de", "es", "it", "pt", "ar".  Another value is
    # not an error: the app warns and shows English (the UI decides, the core never translates).
    language: str = ""


@dataclass(frozen=True)
class ViewSettings:
    """The supervisors' site view, served by the relay (docs/site-view.md)."""

    listen: str = ""  # "" = off; "127.0.0.1:8480" or "0.0.0.0:8443"
    cert_file: str = ""  # PEM certificate (chain) for HTTPS; required unless listen is loopback
    key_file: str = ""  # its private key
    users_file: str = ""  # default: "view-users" in the relay's state directory


@dataclass(frozen=True)
class Settings:
    ucm: UcmSettings = field(default_factory=UcmSettings)
    crm: CrmSettings = field(default_factory=CrmSettings)
    zoho_v1: ZohoV1Settings = field(default_factory=ZohoV1Settings)
    zoho_v2: ZohoV2Settings = field(default_factory=ZohoV2Settings)
    popup: PopupSettings = field(default_factory=PopupSettings)
    dial: DialSettings = field(default_factory=DialSettings)
    source: SourceSettings = field(default_factory=SourceSettings)
    mqtt: MqttSettings = field(default_factory=MqttSettings)
    relay: RelaySettings = field(default_factory=RelaySettings)
    ui: UiSettings = field(default_factory=UiSettings)
    view: ViewSettings = field(default_factory=ViewSettings)

    @property
    def ucm_configured(self) -> bool:
        return bool(self.ucm.host and self.ucm.username and self.ucm.extension)


_SECTIONS: dict[str, type] = {
    "ucm": UcmSettings,
    "crm": CrmSettings,
    "zoho_v1": ZohoV1Settings,
    "zoho_v2": ZohoV2Settings,
    "popup": PopupSettings,
    "dial": DialSettings,
    "source": SourceSettings,
    "mqtt": MqttSettings,
    "relay": RelaySettings,
    "ui": UiSettings,
    "view": ViewSettings,
}


def default_config_path() -> Path:
    from platformdirs import user_config_dir  # imported late: the tray start-up stays light

    return Path(user_config_dir("ucm-popup", appauthor=False)) / "config.toml"


def resolve_config_path(option: str | None) -> Path:
    """``--config`` wins over ``UCM_POPUP_CONFIG``, which wins over the platform default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return default_config_path()


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A DNS name (letters, digits, hyphens; dots between labels of at most 63), written in ASCII:
# an internationalised name is given in its xn-- form.
_HOST_NAME = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?")
_SHOWN_CHARS = 80


def _shown(value: Any) -> str:
    """A value from a file or a server for an error message: short and escaped; a table or
    list by its kind only (it may be huge or deeply nested)."""
    if isinstance(value, str):
        return repr(value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "…")
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"
    shown = repr(value)
    return shown if len(shown) <= _SHOWN_CHARS else shown[: _SHOWN_CHARS - 1] + "…"


def check_host(host: str) -> str | None:
    """Why ``host`` is not a host name or IP address (IPv6 without brackets), or None."""
    if len(host) <= 253 and _HOST_NAME.fullmatch(host):
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return f"{_shown(host)} is not a host name or IP address"
    return None


def check_server_url(url: str) -> str | None:
    """Why ``url`` is unusable as a server address, or None when it is fine: https (http only
    to loopback), a valid host and port, no user, query or fragment."""
    return _check_url(url, "a server address", "https", "http", "https://host",
                      path_allowed=True)


def check_broker_url(url: str) -> str | None:
    """Why ``url`` is unusable as an MQTT broker address, or None: mqtts://host[:port]
    (mqtt:// only to loopback), no user, path, query or fragment."""
    return _check_url(url, "a broker address", "mqtts", "mqtt", "mqtts://host:8883",
                      path_allowed=False)


def _check_url(url: str, what: str, secure: str, plain: str, example: str, *,
               path_allowed: bool) -> str | None:
    expected = f"{_shown(url)} is not {what} (expected {example})"
    if any(c.isspace() or not c.isprintable() for c in url):
        return f"{expected}: it has spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", a port that is not 0-65535
        return f"{expected}: {exc}"
    if parts.scheme not in (secure, plain) or not parts.hostname:
        return expected
    if parts.username is not None or "?" in url or "#" in url:
        return f"{expected}: no user, query or fragment"
    if not path_allowed and parts.path not in ("", "/"):
        return f"{expected}: no path"
    if check_host(parts.hostname) is not None:
        return f"{expected}: the host is not a host name or IP address"
    if port == 0:
        return f"{expected}: port 0"
    if parts.scheme == plain and not is_loopback_host(parts.hostname):
        return (f"{_shown(url)} uses plain {plain}://, which is only allowed for loopback "
                f"addresses; use {secure}://")
    return None


def _is_extension(value: str) -> bool:
    return bool(value) and value.isascii() and value.isdigit()


def _check_value(where: str, name: str, value: Any, default: Any) -> Any:
    """``value`` converted to the type of ``default``, or a SettingsError naming the key."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"{where} {name}: expected true or false, got {_shown(value)}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"{where} {name}: expected a whole number, got {_shown(value)}")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"{where} {name}: expected a list of strings, got {_shown(value)}")
        return tuple(value)
    if isinstance(value, int) and not isinstance(value, bool) and name in (
        "extension", "outside_prefix", "international_prefix", "username"
    ):
        return str(value)  # extension = 1002 written without quotes is what people mean
    if not isinstance(value, str):
        raise SettingsError(f"{where} {name}: expected a string, got {_shown(value)}")
    return value.strip()


def _validate(settings: Settings, label: str) -> None:
    def bad(section: str, key: str, why: str) -> SettingsError:
        return SettingsError(f"{label}: [{section}] {key}: {why}")

    ucm = settings.ucm
    if ucm.host and check_host(ucm.host):
        raise bad("ucm", "host", f"{check_host(ucm.host)} (an IPv6 address goes without brackets)")
    if not 1 <= ucm.port <= 65535:
        raise bad("ucm", "port", f"{ucm.port} is not a TCP port (1-65535)")
    if ucm.extension and not _is_extension(ucm.extension):
        raise bad("ucm", "extension", f"{_shown(ucm.extension)} is not an extension number")
    if ucm.fingerprint:
        hex_digits = ucm.fingerprint.replace(":", "").replace(" ", "")
        if len(hex_digits) != 64 or any(c not in "0123456789abcdefABCDEF" for c in hex_digits):
            raise bad("ucm", "fingerprint", "expected a SHA-256 fingerprint (64 hex digits)")
    if settings.crm.provider not in PROVIDERS:
        choices = ", ".join(PROVIDERS)
        raise bad("crm", "provider", f"{_shown(settings.crm.provider)} is not one of {choices}")
    known_modules = {"Contacts", "Leads", "Accounts"}
    for module in settings.crm.modules:
        if module not in known_modules:
            raise bad("crm", "modules", f"{_shown(module)} is not one of Contacts, Leads, Accounts")
    region = settings.crm.default_region
    if len(region) != 2 or not (region.isascii() and region.isalpha()):
        raise bad("crm", "default_region", f"{_shown(region)} is not a two-letter country code")
    crm = settings.crm
    if crm.add_unknown not in ADD_UNKNOWN:
        raise bad("crm", "add_unknown", f"{_shown(crm.add_unknown)} is not one of \"\", Leads, "
                  "Contacts")
    if crm.index not in INDEX_KINDS:
        raise bad("crm", "index", f"{_shown(crm.index)} is not one of {', '.join(INDEX_KINDS)}")
    if not 0 <= crm.index_max_age_s <= 30 * 86400:
        raise bad("crm", "index_max_age_s", f"must be between 0 and {30 * 86400}")
    for key in ("outside_prefix", "international_prefix"):
        prefix = getattr(settings.dial, key)
        if prefix and not (_is_extension(prefix) and len(prefix) <= 8):
            raise bad("dial", key, f"{_shown(prefix)} is not a few digits")
    if settings.source.kind not in SOURCE_KINDS:
        raise bad("source", "kind",
                  f"{_shown(settings.source.kind)} is not one of {', '.join(SOURCE_KINDS)}")
    mqtt = settings.mqtt
    if mqtt.url and check_broker_url(mqtt.url):
        raise bad("mqtt", "url", str(check_broker_url(mqtt.url)))
    for url in mqtt.fallback_urls:
        if check_broker_url(url):
            raise bad("mqtt", "fallback_urls", str(check_broker_url(url)))
    node = settings.relay.node
    if node and not (len(node) <= 32 and node.isascii()
                     and all(c.isalnum() or c in "-_" for c in node)):
        raise bad("relay", "node", f"{_shown(node)} is not a node name (letters, digits, - "
                  "and _, at most 32)")
    if settings.source.kind == "relay" and not mqtt.url:
        raise bad("mqtt", "url", "must be set when [source] kind is \"relay\"")
    prefix = mqtt.topic_prefix
    if not prefix or any(c in prefix for c in "+#\0") or prefix.startswith("/") \
            or prefix.endswith("/") or len(prefix) > 200:
        raise bad("mqtt", "topic_prefix",
                  f"{_shown(prefix)} is not a topic prefix (no +, # or leading/trailing /)")
    for extension in settings.relay.extensions:
        if not _is_extension(extension):
            raise bad("relay", "extensions", f"{_shown(extension)} is not an extension number")
    _validate_view(settings.view, label)
    for section, key, url in (
        ("zoho_v1", "server", settings.zoho_v1.server),
        ("zoho_v2", "server", settings.zoho_v2.server),
        ("zoho_v2", "accounts_url", settings.zoho_v2.accounts_url),
        ("zoho_v2", "web_url", settings.zoho_v2.web_url),
    ):
        problem = check_server_url(url)
        if problem:
            raise bad(section, key, problem)
    popup = settings.popup
    if popup.show_on not in SHOW_ON:
        raise bad("popup", "show_on", f"{_shown(popup.show_on)} is not one of {', '.join(SHOW_ON)}")
    if popup.corner not in CORNERS:
        raise bad("popup", "corner", f"{_shown(popup.corner)} is not one of {', '.join(CORNERS)}")
    for key, most in (("close_after_answered_s", 86400), ("close_after_missed_s", 86400),
                      ("screen", 99)):
        if not 0 <= getattr(popup, key) <= most:
            raise bad("popup", key, f"must be between 0 and {most}")


def split_listen(listen: str) -> tuple[str, int] | None:
    """``host:port`` (``[v6]:port``) of ``[view] listen``, or None when it is not one."""
    host, sep, port = listen.rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not sep or not host or not port.isascii() or not port.isdigit():
        return None
    if check_host(host) is not None or not 1 <= int(port) <= 65535:
        return None
    return host, int(port)


def _validate_view(view: ViewSettings, label: str) -> None:
    if not view.listen:
        return
    where = split_listen(view.listen)
    if where is None:
        raise SettingsError(f"{label}: [view] listen: {_shown(view.listen)} is not host:port "
                            "(e.g. \"127.0.0.1:8480\" or \"0.0.0.0:8443\")")
    if bool(view.cert_file) != bool(view.key_file):
        missing = "key_file" if view.cert_file else "cert_file"
        raise SettingsError(f"{label}: [view] {missing}: must be set with the other (HTTPS "
                            "needs both the certificate and its key)")
    if not view.cert_file and not is_loopback_host(where[0]):
        raise SettingsError(f"{label}: [view] cert_file: must be set (with key_file) to serve "
                            f"the view on {_shown(where[0])}; plain HTTP is only for loopback "
                            "addresses")


def parse_settings(data: dict[str, Any], label: str = "settings") -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, plus warnings for unknown keys."""
    warnings: list[str] = []
    sections: dict[str, Any] = {}
    for section_name, value in data.items():
        cls = _SECTIONS.get(section_name)
        if cls is None:
            warnings.append(f"{label}: unknown section [{one_line(section_name, 60)}] ignored")
            continue
        if not isinstance(value, dict):
            raise SettingsError(f"{label}: [{section_name}] must be a table, not {_shown(value)}")
        defaults = cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in value.items():
            if key not in known:
                warnings.append(f"{label}: [{section_name}] unknown key {_shown(key)} ignored")
                continue
            where = f"{label}: [{section_name}]"
            values[key] = _check_value(where, key, raw, getattr(defaults, key))
        sections[section_name] = replace(defaults, **values)
    settings = Settings(**sections)
    _validate(settings, label)
    return settings, warnings


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read and validate ``path``.  A missing file raises SettingsError (the caller decides)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SettingsError(f"no settings file at {path}; create it or run with --demo") from None
    except OSError as exc:
        raise SettingsError(f"cannot read the settings file {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:  # TOMLDecodeError is a ValueError
        raise SettingsError(f"{path}: not valid TOML: {one_line(str(exc), 200)}"
                            f"{_backslash_hint(exc, raw)}") from None
    except RecursionError:
        raise SettingsError(f"{path}: not valid TOML: nested too deeply") from None
    return parse_settings(data, str(path))


def _backslash_hint(exc: Exception, raw: bytes) -> str:
    """For a Windows path written as in Explorer (``ca_file = "C:\\certs\\ca.pem"``), whose
    backslashes TOML reads as escapes: how to write it."""
    found = re.search(r"at line (\d+)", str(exc))
    lines = raw.decode("utf-8", "replace").splitlines()
    if not found or not 0 < int(found[1]) <= len(lines) or "\\" not in lines[int(found[1]) - 1]:
        return ""
    return ("; a backslash in double quotes starts an escape: write a Windows path in single "
            "quotes ('C:\\certs\\ca.pem') or with forward slashes (\"C:/certs/ca.pem\")")


def _as_toml_value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _add_keys(table: Any, new_items: list[tuple[str, Any]]) -> None:
    """Add keys to an existing table after its last key, not after the comments and blank
    lines that end it (tomlkit counts those as the table's, though they introduce the next)."""
    body = table.value.body
    trailing: list[Any] = []
    while body and body[-1][0] is None:  # comments and whitespace carry no key
        trailing.insert(0, body.pop()[1])
    for key, value in new_items:
        table.add(key, value)
    for item in trailing:
        table.add(item)


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically, keeping comments and unknown keys already there.

    A file that is not valid TOML is not lost: it is kept beside the new one as
    ``<name>.unreadable``.  The file keeps its permissions.
    """
    import tomlkit  # imported late: only the settings dialog saves

    mode = None
    try:
        text = path.read_text(encoding="utf-8")
        mode = path.stat().st_mode & 0o777
        document = tomlkit.parse(text)
    except FileNotFoundError:
        document = tomlkit.document()
        document.add(tomlkit.comment("ucm-popup settings; secrets live in the system keyring"))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError):
        if path.exists():
            shutil.copy2(path, path.with_name(path.name + ".unreadable"))
        document = tomlkit.document()
    if mode is not None and not mode & stat.S_IWUSR:  # also Windows' read-only attribute
        # Replacing it would work on Linux and fail half-way on Windows: refuse on both.
        raise PermissionError(errno.EACCES, "read-only (deployed by an administrator?)",
                              str(path))
    for section_name, cls in _SECTIONS.items():
        section_value = getattr(settings, section_name)
        table = document.get(section_name)
        if table is None:
            table = tomlkit.table()
            document[section_name] = table
        added = []
        for f in fields(cls):
            new = _as_toml_value(getattr(section_value, f.name))
            if f.name not in table:
                added.append((f.name, new))
            elif table.get(f.name) != new:
                table[f.name] = new
        _add_keys(table, added)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        if mode is not None:
            os.chmod(tmp_name, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(tomlkit.dumps(document))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):  # Windows deletes no read-only file
            os.chmod(tmp_name, stat.S_IRUSR | stat.S_IWUSR)
        Path(tmp_name).unlink(missing_ok=True)
        raise
