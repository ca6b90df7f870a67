"""Typed settings: the TOML file the README documents, validated on load, written atomically.

Every error names the file and the key (``config.toml: [ucm] port: ...``).  Unknown keys are
reported as warnings, never silently dropped.  Writing goes through tomlkit so that comments
an administrator put in the file survive a save from the settings dialog.
"""

from __future__ import annotations

import ipaddress
import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ucm_popup.errors import SettingsError

CONFIG_ENV = "UCM_POPUP_CONFIG"
PROVIDERS = ("zoho-v2", "zoho-v1", "none")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
SHOW_ON = ("ringing", "answered")


@dataclass(frozen=True)
class UcmSettings:
    host: str = ""
    port: int = 8089
    username: str = ""
    extension: str = ""
    ca_file: str = ""
    fingerprint: str = ""
    legacy_tls: bool = False


@dataclass(frozen=True)
class CrmSettings:
    provider: str = "zoho-v2"
    modules: tuple[str, ...] = ("Contacts", "Leads", "Accounts")
    default_region: str = "US"


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


@dataclass(frozen=True)
class Settings:
    ucm: UcmSettings = field(default_factory=UcmSettings)
    crm: CrmSettings = field(default_factory=CrmSettings)
    zoho_v1: ZohoV1Settings = field(default_factory=ZohoV1Settings)
    zoho_v2: ZohoV2Settings = field(default_factory=ZohoV2Settings)
    popup: PopupSettings = field(default_factory=PopupSettings)

    @property
    def ucm_configured(self) -> bool:
        return bool(self.ucm.host and self.ucm.username and self.ucm.extension)


_SECTIONS: dict[str, type] = {
    "ucm": UcmSettings,
    "crm": CrmSettings,
    "zoho_v1": ZohoV1Settings,
    "zoho_v2": ZohoV2Settings,
    "popup": PopupSettings,
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


def check_server_url(url: str) -> str | None:
    """Why ``url`` is unusable as a server address, or None when it is fine."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return f"{url!r} is not a server address (expected https://host)"
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return f"{url!r} uses plain http://, which is only allowed for loopback addresses; use https://"
    return None


def _check_value(where: str, name: str, value: Any, default: Any) -> Any:
    """``value`` converted to the type of ``default``, or a SettingsError naming the key."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise SettingsError(f"{where} {name}: expected true or false, got {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"{where} {name}: expected a whole number, got {value!r}")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"{where} {name}: expected a list of strings, got {value!r}")
        return tuple(value)
    if isinstance(value, int) and not isinstance(value, bool) and name in ("extension",):
        return str(value)  # extension = 1002 written without quotes is what people mean
    if not isinstance(value, str):
        raise SettingsError(f"{where} {name}: expected a string, got {value!r}")
    return value.strip()


def _validate(settings: Settings, label: str) -> None:
    def bad(section: str, key: str, why: str) -> SettingsError:
        return SettingsError(f"{label}: [{section}] {key}: {why}")

    ucm = settings.ucm
    if not 1 <= ucm.port <= 65535:
        raise bad("ucm", "port", f"{ucm.port} is not a TCP port (1-65535)")
    if ucm.extension and not ucm.extension.isdigit():
        raise bad("ucm", "extension", f"{ucm.extension!r} is not an extension number")
    if ucm.fingerprint:
        hex_digits = ucm.fingerprint.replace(":", "").replace(" ", "")
        if len(hex_digits) != 64 or any(c not in "0123456789abcdefABCDEF" for c in hex_digits):
            raise bad("ucm", "fingerprint", "expected a SHA-256 fingerprint (64 hex digits)")
    if settings.crm.provider not in PROVIDERS:
        choices = ", ".join(PROVIDERS)
        raise bad("crm", "provider", f"{settings.crm.provider!r} is not one of {choices}")
    known_modules = {"Contacts", "Leads", "Accounts"}
    for module in settings.crm.modules:
        if module not in known_modules:
            raise bad("crm", "modules", f"{module!r} is not one of Contacts, Leads, Accounts")
    region = settings.crm.default_region
    if len(region) != 2 or not region.isalpha():
        raise bad("crm", "default_region", f"{region!r} is not a two-letter country code")
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
        raise bad("popup", "show_on", f"{popup.show_on!r} is not one of {', '.join(SHOW_ON)}")
    if popup.corner not in CORNERS:
        raise bad("popup", "corner", f"{popup.corner!r} is not one of {', '.join(CORNERS)}")
    for key in ("close_after_answered_s", "close_after_missed_s", "screen"):
        if getattr(popup, key) < 0:
            raise bad("popup", key, "must not be negative")


def parse_settings(data: dict[str, Any], label: str = "settings") -> tuple[Settings, list[str]]:
    """Settings from parsed TOML, plus warnings for unknown keys."""
    warnings: list[str] = []
    sections: dict[str, Any] = {}
    for section_name, value in data.items():
        cls = _SECTIONS.get(section_name)
        if cls is None:
            warnings.append(f"{label}: unknown section [{section_name}] ignored")
            continue
        if not isinstance(value, dict):
            raise SettingsError(f"{label}: [{section_name}] must be a table")
        defaults = cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in value.items():
            if key not in known:
                warnings.append(f"{label}: [{section_name}] unknown key {key!r} ignored")
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
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    return parse_settings(data, str(path))


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
        Path(tmp_name).unlink(missing_ok=True)
        raise
