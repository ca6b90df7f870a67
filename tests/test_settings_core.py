"""Settings file and secrets (no Qt): load, validate, save keeping comments, paths, keyring."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ucm_popup import secrets
from ucm_popup.errors import AuthError, Problem, ServiceError, SettingsError
from ucm_popup.settings import (
    Settings,
    ZohoV2Settings,
    check_server_url,
    load_settings,
    resolve_config_path,
    save_settings,
)

ADMIN_FILE = """\
# Deployed by IT for the sales floor; call 4242 before changing.
[ucm]
host = "pbx.example.com"   # building A
port = 8089
username = "popup"
extension = 1002           # unquoted on purpose: people write it like this
hostname = "typo"

# Zoho comes next
[crm]
provider = "zoho-v2"
modules = ["Leads", "Contacts"]  # leads first for sales
default_region = "FR"

[branding]
colour = "red"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_load_reads_values_and_warns_about_unknown_keys_and_sections(tmp_path: Path) -> None:
    settings, warnings = load_settings(write(tmp_path / "c.toml", ADMIN_FILE))
    assert settings.ucm.host == "pbx.example.com"
    assert settings.ucm.extension == "1002"
    assert settings.crm.modules == ("Leads", "Contacts")
    assert settings.ucm_configured
    assert any("[ucm] unknown key 'hostname'" in w for w in warnings)
    assert any("unknown section [branding]" in w for w in warnings)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[ucm]\nport = 70000\n", "[ucm] port"),
        ("[ucm]\nport = \"8089\"\n", "[ucm] port"),
        ("[ucm]\nextension = \"10a2\"\n", "[ucm] extension"),
        ("[ucm]\nfingerprint = \"AB:CD\"\n", "[ucm] fingerprint"),
        ("[crm]\nprovider = \"salesforce\"\n", "[crm] provider"),
        ("[crm]\nmodules = [\"Deals\"]\n", "[crm] modules"),
        ("[crm]\ndefault_region = \"France\"\n", "[crm] default_region"),
        ("[zoho_v2]\nserver = \"http://www.zohoapis.com\"\n", "[zoho_v2] server"),
        ("[zoho_v1]\nserver = \"crm.zoho.com\"\n", "[zoho_v1] server"),
        ("[popup]\ncorner = \"middle\"\n", "[popup] corner"),
        ("[popup]\nclose_after_missed_s = -1\n", "[popup] close_after_missed_s"),
        ("[popup]\ninternal_calls = \"yes\"\n", "[popup] internal_calls"),
        ("[ucm\nhost=1", "not valid TOML"),
        ("[zoho_v2]\nserver = \"https://[::1\"\n", "[zoho_v2] server"),
        ("[zoho_v2]\naccounts_url = \"https://accounts.zoho.eu:99999\"\n",
         "[zoho_v2] accounts_url"),
        ("[zoho_v2]\nweb_url = \"https://crm.zoho.eu:abc\"\n", "[zoho_v2] web_url"),
        ("[zoho_v1]\nserver = \"https://crm zoho.com\"\n", "[zoho_v1] server"),
        ("[zoho_v2]\nserver = \"https://user@www.zohoapis.com\"\n", "[zoho_v2] server"),
        ("[ucm]\nhost = \"[::1\"\n", "[ucm] host"),
        ("[ucm]\nhost = \"pbx.example.com:8089\"\n", "[ucm] host"),
        ("[ucm]\nport = 99999\n", "[ucm] port"),
        ("[popup]\nscreen = 99999999999\n", "[popup] screen"),
        ("a = " + "[" * 5000 + "]" * 5000 + "\n", "not valid TOML"),
        ("[crm]\nadd_unknown = \"Deals\"\n", "[crm] add_unknown"),
        ("[crm]\nindex = \"cloud\"\n", "[crm] index"),
        ("[crm]\nindex_max_age_s = -5\n", "[crm] index_max_age_s"),
        ("[dial]\noutside_prefix = \"9,\"\n", "[dial] outside_prefix"),
        ("[dial]\ninternational_prefix = \"+\"\n", "[dial] international_prefix"),
        ("[source]\nkind = \"pbx\"\n", "[source] kind"),
        ("[source]\nkind = \"relay\"\n", "[mqtt] url"),
        ("[mqtt]\nurl = \"mqtt://broker.example.com\"\n", "[mqtt] url"),
        ("[mqtt]\nurl = \"mqtts://broker.example.com:99999\"\n", "[mqtt] url"),
        ("[mqtt]\nurl = \"https://broker.example.com\"\n", "[mqtt] url"),
        ("[mqtt]\ntopic_prefix = \"site/#\"\n", "[mqtt] topic_prefix"),
        ("[relay]\nextensions = [\"1002\", \"front desk\"]\n", "[relay] extensions"),
    ],
)
def test_bad_values_name_the_file_and_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = write(tmp_path / "c.toml", text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value)
    assert named in str(caught.value)


def test_the_second_round_settings_load_as_documented(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", """
[ucm]
api_username = "cdrapi"
[dial]
outside_prefix = "0"
international_prefix = "00"
[source]
kind = "relay"
[mqtt]
url = "mqtts://broker.example.com:8883"
username = 1002
topic_prefix = "site-a"
[relay]
extensions = ["1002", "1003"]
crm_lookup = false
[crm]
log_calls = true
add_unknown = "Leads"
index = "desk"
index_max_age_s = 600
[popup]
outbound_calls = true
""")
    settings, warnings = load_settings(path)
    assert warnings == []
    assert (settings.ucm.api_username, settings.dial.outside_prefix) == ("cdrapi", "0")
    assert (settings.source.kind, settings.mqtt.url, settings.mqtt.username) == (
        "relay", "mqtts://broker.example.com:8883", "1002")
    assert settings.relay.extensions == ("1002", "1003") and not settings.relay.crm_lookup
    assert (settings.crm.log_calls, settings.crm.add_unknown, settings.crm.index) == (
        True, "Leads", "desk")
    assert settings.popup.outbound_calls
    save_settings(path, settings)
    assert load_settings(path)[0] == settings


def test_missing_file_says_where(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no settings file at"):
        load_settings(tmp_path / "absent.toml")


def test_http_is_refused_except_for_loopback() -> None:
    assert check_server_url("https://www.zohoapis.eu") is None
    assert check_server_url("http://127.0.0.1:8080") is None
    assert check_server_url("http://[::1]:8080") is None
    assert check_server_url("http://localhost:1") is None
    assert "plain http://" in (check_server_url("http://www.zohoapis.com") or "")
    assert "not a server address" in (check_server_url("www.zohoapis.com") or "")


@pytest.mark.parametrize(
    "url",
    ["https://[::1", "https://h:99999", "https://h:abc", "https://h:0", "https://a b",
     "https://h/x?y=1", "https://h#f", "https://h?", "https://h/#", "https://u:p@h",
     "https://h/a\nb", "https://-h-"],
)
def test_unusable_server_urls_are_explained_not_raised(url: str) -> None:
    problem = check_server_url(url)
    assert problem is not None and "not a server address" in problem and "\n" not in problem


def test_usable_server_urls() -> None:
    for url in ("https://[2001:db8::1]:8443", "https://crm.zoho.com.au/", "https://h:443/x"):
        assert check_server_url(url) is None, url


def test_save_keeps_comments_unknown_keys_and_layout(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", ADMIN_FILE)
    path.chmod(0o644)
    settings, _ = load_settings(path)
    changed = replace(
        settings,
        ucm=replace(settings.ucm, host="pbx2.example.com", fingerprint="AB" * 32),
        crm=replace(settings.crm, modules=("Contacts", "Leads", "Accounts")),
    )
    save_settings(path, changed)
    text = path.read_text(encoding="utf-8")
    assert "# Deployed by IT for the sales floor; call 4242 before changing." in text
    assert 'host = "pbx2.example.com"   # building A' in text
    assert "# leads first for sales" in text
    assert 'hostname = "typo"' in text and 'colour = "red"' in text
    # keys the file lacked go under their table, not under the next table's comment
    assert text.index("fingerprint =") < text.index("# Zoho comes next") < text.index("[crm]")
    if sys.platform != "win32":  # POSIX modes; Windows has only the read-only attribute
        assert os.stat(path).st_mode & 0o777 == 0o644
    reloaded, _ = load_settings(path)
    assert reloaded == changed
    save_settings(path, reloaded)
    assert path.read_text(encoding="utf-8") == text  # saving unchanged settings changes nothing


def test_save_creates_a_new_file_that_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_settings(path, Settings())
    assert load_settings(path) == (Settings(), [])
    assert not list(path.parent.glob(".config-*"))  # no temporary file left behind


def test_save_over_an_unreadable_file_keeps_a_copy(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "[ucm\nhost = 'x'  # hand-edited\n")
    save_settings(path, Settings())
    assert (tmp_path / "c.toml.unreadable").read_text() == "[ucm\nhost = 'x'  # hand-edited\n"
    assert load_settings(path)[0] == Settings()


def test_config_option_wins_over_environment_which_wins_over_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = resolve_config_path(None)
    assert default == tmp_path / "xdg-config" / "ucm-popup" / "config.toml"
    monkeypatch.setenv("UCM_POPUP_CONFIG", str(tmp_path / "env.toml"))
    assert resolve_config_path(None) == tmp_path / "env.toml"
    assert resolve_config_path(str(tmp_path / "opt.toml")) == tmp_path / "opt.toml"


def test_env_overlay_prefers_the_environment_and_writes_to_the_store() -> None:
    store = secrets.MemorySecretStore({secrets.UCM_PASSWORD: "from-keyring"})
    overlay = secrets.EnvOverlay(store, {"UCM_POPUP_UCM_PASSWORD": "from-env"})
    assert overlay.get(secrets.UCM_PASSWORD) == "from-env"
    assert overlay.from_environment(secrets.UCM_PASSWORD)
    assert not overlay.from_environment(secrets.ZOHO_V2_REFRESH_TOKEN)
    overlay.set(secrets.UCM_PASSWORD, "typed")
    assert store.get(secrets.UCM_PASSWORD) == "typed"
    overlay.delete(secrets.UCM_PASSWORD)
    assert store.get(secrets.UCM_PASSWORD) is None


def test_require_secret_says_where_to_set_it() -> None:
    with pytest.raises(SettingsError) as caught:
        secrets.require_secret(secrets.MemorySecretStore(), secrets.ZOHO_V2_REFRESH_TOKEN)
    assert "the Zoho refresh token is not set" in str(caught.value)
    assert "UCM_POPUP_ZOHO_REFRESH_TOKEN" in str(caught.value)


def test_no_keyring_backend_is_said_plainly_and_nothing_is_written() -> None:
    # conftest selects keyring's null backend: the "no usable keyring" case
    assert "no system keyring is available" in (secrets.keyring_backend_problem() or "")
    store = secrets.KeyringSecretStore()
    with pytest.raises(secrets.NoKeyringError, match="no system keyring"):
        store.get(secrets.UCM_PASSWORD)
    with pytest.raises(secrets.NoKeyringError):
        store.set(secrets.UCM_PASSWORD, "secret")
    with pytest.raises(SettingsError) as caught:
        secrets.require_secret(secrets.default_secret_store(), secrets.UCM_PASSWORD)
    assert "cannot be read" in str(caught.value) and "UCM_POPUP_UCM_PASSWORD" in str(caught.value)


def test_a_broker_password_that_cannot_be_read_is_no_password_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no keyring (conftest's null backend): the broker's own refusal will name the setting
    assert secrets.optional_secret(secrets.default_secret_store(), secrets.MQTT_PASSWORD) == ""
    monkeypatch.setenv("UCM_POPUP_MQTT_PASSWORD", "b-pass")
    assert secrets.optional_secret(secrets.default_secret_store(),
                                   secrets.MQTT_PASSWORD) == "b-pass"


def test_environment_secret_works_without_a_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UCM_POPUP_UCM_PASSWORD", "s3cret")
    assert secrets.require_secret(secrets.default_secret_store(), secrets.UCM_PASSWORD) == "s3cret"


def test_the_dialog_reads_a_file_with_a_bad_value_keeping_the_rest(tmp_path: Path) -> None:
    from ucm_popup.settings_checks import load_for_editing  # Qt-free part of the dialog

    path = write(tmp_path / "c.toml", ADMIN_FILE.replace("port = 8089", "port = 0"))
    settings, notes, unreadable = load_for_editing(path)
    assert not unreadable
    assert settings.ucm.host == "pbx.example.com" and settings.ucm.port == 8089  # default
    assert settings.crm.modules == ("Leads", "Contacts")
    assert notes[0] == "[ucm] port: 0 is not a TCP port (1-65535) (shown with its default; " \
        "Save replaces it)"
    assert "[ucm] unknown key 'hostname': kept in the file but not used" in notes
    assert load_for_editing(tmp_path / "absent.toml") == (Settings(), [], False)
    broken = write(tmp_path / "b.toml", "[ucm\n")
    assert load_for_editing(broken)[2] is True
    bad_url = write(tmp_path / "u.toml", ADMIN_FILE + '[zoho_v2]\nserver = "https://[::1"\n')
    settings, notes, unreadable = load_for_editing(bad_url)  # the dialog opens to fix it
    assert not unreadable and settings.zoho_v2.server == "https://www.zohoapis.com"
    assert any(note.startswith("[zoho_v2] server: ") for note in notes)


def test_fingerprints_are_shown_in_groups_of_eight_bytes() -> None:
    from ucm_popup.settings_checks import readable_fingerprint

    raw = "ab" * 32
    shown = readable_fingerprint(raw)
    assert shown.count(" ") == 3 and shown.replace(" ", "").replace(":", "") == raw.upper()
    assert readable_fingerprint(shown) == shown


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (AuthError("worded any way", Problem.GRANT_CODE_REFUSED), "refused this grant code"),
        (AuthError("invalid_code", Problem.CLIENT_REFUSED), "does not know this client id"),
        (AuthError("grant code is wrong"), "refused the grant code or the client id"),
        (ServiceError("worded any way", Problem.TIMED_OUT), "did not answer in time"),
        (ServiceError("did not answer in time"), "check the data centre"),
    ],
)
async def test_the_dialog_advice_follows_the_error_kind_not_its_words(
    monkeypatch: pytest.MonkeyPatch, error: Exception, advice: str
) -> None:
    from ucm_popup import settings_checks
    from ucm_popup.crm import zoho_oauth

    async def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(zoho_oauth, "exchange_grant_code", refuse)
    outcome = await settings_checks.get_refresh_token(
        ZohoV2Settings(), "advice-test-secret", "1000.code"
    )
    assert not outcome.ok and advice in outcome.text
    assert outcome.details == str(error)
