"""Secrets: the operating system's keyring, with environment variables that win over it.

The store is a tiny interface so that tests use ``MemorySecretStore`` and the demo never
touches the user's real keyring.  Where no usable keyring backend exists we say so plainly
(``NoKeyringError``) and never fall back to a plain-text file on our own.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, Protocol

from ucm_popup.errors import SettingsError

log = logging.getLogger(__name__)

SERVICE = "ucm-popup"

UCM_PASSWORD = "ucm-password"
ZOHO_V1_AUTHTOKEN = "zoho-v1-authtoken"
ZOHO_V2_CLIENT_SECRET = "zoho-v2-client-secret"
ZOHO_V2_REFRESH_TOKEN = "zoho-v2-refresh-token"
UCM_API_PASSWORD = "ucm-api-password"  # the HTTPS-API user's (click-to-dial)
MQTT_PASSWORD = "mqtt-password"  # this desk's (or the relay's) broker user's

ENV_OVERRIDES = {
    UCM_PASSWORD: "UCM_POPUP_UCM_PASSWORD",
    ZOHO_V1_AUTHTOKEN: "UCM_POPUP_ZOHO_AUTHTOKEN",
    ZOHO_V2_CLIENT_SECRET: "UCM_POPUP_ZOHO_CLIENT_SECRET",
    ZOHO_V2_REFRESH_TOKEN: "UCM_POPUP_ZOHO_REFRESH_TOKEN",
    UCM_API_PASSWORD: "UCM_POPUP_UCM_API_PASSWORD",
    MQTT_PASSWORD: "UCM_POPUP_MQTT_PASSWORD",
}

# Where each secret is set in the settings dialog, for messages that name what to fix.
SECRET_LABELS = {
    UCM_PASSWORD: "the UCM password",
    ZOHO_V1_AUTHTOKEN: "the Zoho v1 auth token",
    ZOHO_V2_CLIENT_SECRET: "the Zoho client secret",
    ZOHO_V2_REFRESH_TOKEN: "the Zoho refresh token",
    UCM_API_PASSWORD: "the UCM API password",
    MQTT_PASSWORD: "the broker password",
}


class NoKeyringError(Exception):
    """No usable keyring backend on this system."""


class SecretStore(Protocol):
    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemorySecretStore:
    """Secrets in a dict: for tests and the demo."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        self._values = dict(initial or {})

    def get(self, name: str) -> str | None:
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        self._values[name] = value

    def delete(self, name: str) -> None:
        self._values.pop(name, None)


def keyring_backend_problem() -> str | None:
    """Why the keyring cannot be used here, or None when a real backend is available."""
    import keyring  # imported late: loading a backend can pull in D-Bus and cryptography
    from keyring.backends import fail, null

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration must not crash the app
        return f"the keyring could not be loaded ({type(exc).__name__})"
    if isinstance(backend, fail.Keyring | null.Keyring):
        return f"no system keyring is available ({keyring_advice()})"
    return None


def keyring_advice(system: str = sys.platform) -> str:
    """What the agent of each system can do about a missing keyring."""
    if system == "win32":
        return "Windows Credential Manager cannot be reached in this session; set the " \
            "passwords' environment variables instead"
    if system == "darwin":
        return "unlock your login Keychain in Keychain Access, or set the passwords' " \
            "environment variables"
    return "install and unlock gnome-keyring, KWallet or similar"


def optional_secret(store: SecretStore, name: str) -> str:
    """The secret ``name``, or "" when it is not set or no keyring can be read (a broker may
    let a user in without a password; if it does not, its refusal names the setting)."""
    try:
        return store.get(name) or ""
    except NoKeyringError as exc:
        log.warning("%s cannot be read (%s): going on without it; or set %s",
                    SECRET_LABELS[name], exc, ENV_OVERRIDES[name])
        return ""


def require_secret(store: SecretStore, name: str) -> str:
    """The secret ``name``, or a SettingsError that says where to set it."""
    try:
        value = store.get(name)
    except NoKeyringError as exc:
        raise SettingsError(
            f"{SECRET_LABELS[name]} cannot be read: {exc}; "
            f"or set the environment variable {ENV_OVERRIDES[name]}"
        ) from None
    if not value:
        raise SettingsError(
            f"{SECRET_LABELS[name]} is not set: enter it in Settings "
            f"(stored in the keyring) or set {ENV_OVERRIDES[name]}"
        )
    return value


class KeyringSecretStore:
    """Secrets in the operating system's keyring under the service name ``ucm-popup``."""

    def __init__(self, service: str = SERVICE) -> None:
        self._service = service

    def _keyring(self) -> Any:
        problem = keyring_backend_problem()
        if problem:
            raise NoKeyringError(problem)
        import keyring

        return keyring

    def get(self, name: str) -> str | None:
        try:
            value: str | None = self._keyring().get_password(self._service, name)
        except NoKeyringError:
            raise
        except Exception as exc:
            label = SECRET_LABELS.get(name, name)
            raise NoKeyringError(f"the keyring refused to read {label}: {exc}") from None
        return value

    def set(self, name: str, value: str) -> None:
        try:
            self._keyring().set_password(self._service, name, value)
        except NoKeyringError:
            raise
        except Exception as exc:
            label = SECRET_LABELS.get(name, name)
            raise NoKeyringError(f"the keyring refused to store {label}: {exc}") from None

    def delete(self, name: str) -> None:
        import keyring.errors

        try:
            self._keyring().delete_password(self._service, name)
        except keyring.errors.PasswordDeleteError:
            pass


class EnvOverlay:
    """A store whose reads prefer the documented environment variables (headless use)."""

    def __init__(self, store: SecretStore, environ: dict[str, str] | None = None) -> None:
        self._store = store
        self._environ = os.environ if environ is None else environ

    def from_environment(self, name: str) -> bool:
        return bool(self._environ.get(ENV_OVERRIDES.get(name, "")))

    def get(self, name: str) -> str | None:
        env_name = ENV_OVERRIDES.get(name)
        if env_name and self._environ.get(env_name):
            return self._environ[env_name]
        return self._store.get(name)

    def set(self, name: str, value: str) -> None:
        self._store.set(name, value)

    def delete(self, name: str) -> None:
        self._store.delete(name)


def default_secret_store() -> EnvOverlay:
    return EnvOverlay(KeyringSecretStore())
