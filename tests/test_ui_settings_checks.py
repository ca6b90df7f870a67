"""The settings dialog's Test buttons against the loopback simulators, and what they say.

CRM: a found record, no match, the wrong data centre, a revoked refresh token, a grant code
exchanged (and saved) and the same code used again.  PBX: connected, a wrong password, and an
untrusted certificate whose fingerprint "Trust this certificate" pins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

# pytest-qt makes its QApplication before the autouse fixtures run: pick the platform first
os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from test_ui_settings_dialog import open_dialog, qloop, run, shot, shown_problem, until

from ucm_popup import secrets
from ucm_popup.errors import ServiceError, SubscriptionRefused
from ucm_popup.settings import CrmSettings, Settings, UcmSettings, load_settings, save_settings
from ucm_popup.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt
__all__ = ["qloop"]  # the fixture, shared with the dialog tests

JANE = "0612345678"  # a demo Contact (stored as "+33 6 12 34 56 78")
NOBODY = "0140000000"  # in no demo record


@asynccontextmanager
async def zoho_dialog(
    tmp_path: Path, **store_values: str
) -> AsyncIterator[tuple[Any, SettingsDialog]]:
    """The dialog on a settings file that points at a running Zoho simulator."""
    from ucm_popup.sim.zoho import start_demo_zoho

    demo = await start_demo_zoho()
    try:
        path = tmp_path / "config.toml"
        save_settings(path, Settings(
            ucm=UcmSettings(host="pbx.example.com", username="popup", extension="1002"),
            crm=CrmSettings("zoho-v2", ("Contacts", "Leads", "Accounts"), "FR"),
            zoho_v2=demo.settings,
        ))
        values = {
            secrets.UCM_PASSWORD: "pbx-password",
            secrets.ZOHO_V2_CLIENT_SECRET: demo.client_secret,
            secrets.ZOHO_V2_REFRESH_TOKEN: demo.refresh_token,
            **store_values,
        }
        store = secrets.MemorySecretStore({k: v for k, v in values.items() if v})
        dialog = await open_dialog(path, store)
        dialog.tabs.setCurrentIndex(1)
        yield demo, dialog
        dialog.reject()
    finally:
        await demo.aclose()


async def press(dialog: SettingsDialog, button: Any, done: Callable[[], bool]) -> None:
    button.click()
    await until(lambda: done() and not any(not t.done() for t in dialog._tasks))


async def lookup(dialog: SettingsDialog, number: str) -> str:
    crm = dialog.crm
    crm.test_number.setText(number)
    await press(dialog, crm.test_button, lambda: crm.test_button.isEnabled())
    return crm.result.text.text()


def test_crm_test_finds_the_caller(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with zoho_dialog(tmp_path) as (_demo, dialog):
            text = await lookup(dialog, JANE)
            assert text == "Found +33612345678: Jane Doe (Contact, ACME Corp)."
            dialog.crm.result.text.setFocus()
            shot(dialog, "crm-test-found")
            assert await lookup(dialog, NOBODY) == "Zoho answered: no record matches +33140000000."
            shot(dialog, "crm-test-no-match")

    run(qloop, scenario())


def test_crm_test_names_the_wrong_data_centre(tmp_path: Path, qloop: Any) -> None:
    from ucm_popup.sim.zoho import ZohoSimulator

    async def scenario() -> None:
        other_dc = ZohoSimulator()  # another data centre: it does not know this client
        base = await other_dc.start()
        try:
            async with zoho_dialog(tmp_path) as (_demo, dialog):
                crm = dialog.crm
                for edit in (crm.v2_server, crm.v2_accounts, crm.v2_web):
                    edit.setText(base)
                text = await lookup(dialog, JANE)
                assert text == (
                    "Zoho (127.0.0.1) does not know this client id and secret: check them, "
                    "and check the data centre (it must be the one where your Zoho account "
                    "lives)."
                )
                assert "accounts_url" in crm.result.details.text()
                shot(dialog, "crm-test-wrong-data-centre")
        finally:
            await other_dc.aclose()

    run(qloop, scenario())


def test_crm_test_says_a_revoked_refresh_token_needs_replacing(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with zoho_dialog(tmp_path) as (demo, dialog):
            demo.sim.refresh_tokens.pop(demo.refresh_token)  # revoked in Zoho's console
            text = await lookup(dialog, JANE)
            assert text == (
                "Zoho no longer accepts the refresh token (it was revoked or is wrong): get a "
                "new one with \"Get refresh token\"."
            )
            shot(dialog, "crm-test-revoked-token")

    run(qloop, scenario())


def test_grant_code_gives_a_refresh_token_saved_on_save_and_works_once(
    tmp_path: Path, qloop: Any
) -> None:
    async def scenario() -> None:
        async with zoho_dialog(tmp_path, **{secrets.ZOHO_V2_REFRESH_TOKEN: ""}) as (demo, dialog):
            crm = dialog.crm
            store = dialog.secrets
            assert crm.grant_fold.content.isVisibleTo(dialog)  # no token yet: steps shown
            assert not dialog.save_button.isEnabled()  # the refresh token is missing
            code = demo.sim.issue_grant_code()
            crm.grant_code.setText(code)
            await press(dialog, crm.grant_button, lambda: crm.grant_button.isEnabled())
            assert crm.grant_result.text.text() == (
                "Refresh token received. Press Save to keep it."
            )
            assert "ZohoCRM.coql.READ" in crm.grant_result.details.text()
            assert crm.grant_code.text() == ""
            shot(dialog, "crm-grant-received")
            assert store.get(secrets.ZOHO_V2_REFRESH_TOKEN) is None  # not before Save
            assert await lookup(dialog, JANE) == (
                "Found +33612345678: Jane Doe (Contact, ACME Corp)."
            )
            crm.grant_code.setText(code)  # the same code again: Zoho accepts it only once
            await press(dialog, crm.grant_button, lambda: crm.grant_button.isEnabled())
            assert crm.grant_result.text.text() == (
                "Zoho refused this grant code: it was already used or has expired (a code "
                "lasts a few minutes). Generate a new code and paste it."
            )
            shot(dialog, "crm-grant-used-code")
            saved: list[Any] = []
            dialog.saved.connect(saved.append)
            assert dialog.save_button.isEnabled(), (dialog.status.text(), dialog.problems())
            dialog.save_button.click()
            await until(lambda: saved)
            token = store.get(secrets.ZOHO_V2_REFRESH_TOKEN)
            assert token in demo.sim.refresh_tokens
            assert token not in (tmp_path / "config.toml").read_text()
            assert load_settings(tmp_path / "config.toml")[0].zoho_v2.server == demo.sim.base_url

    run(qloop, scenario())


def test_zoho_v1_is_marked_legacy_and_its_token_goes_to_the_keyring(
    tmp_path: Path, qloop: Any
) -> None:
    async def scenario() -> None:
        async with zoho_dialog(tmp_path) as (demo, dialog):
            crm = dialog.crm
            crm.provider.setCurrentIndex(crm.provider.findData("zoho-v1"))
            assert crm.provider.currentText() == "Zoho CRM, old v1 API (legacy, end of life)"
            crm.v1_server.setEditText(demo.v1_settings.server)
            assert shown_problem(dialog, "CRM", "authtoken") == "Enter the v1 auth token"
            crm.authtoken.set_typed(demo.authtoken)
            assert await lookup(dialog, JANE) == (
                "Found +33612345678: Jane Doe (Contact, ACME Corp)."
            )
            shot(dialog, "crm-v1-legacy")
            saved: list[Any] = []
            dialog.saved.connect(saved.append)
            dialog.save_button.click()
            await until(lambda: saved)
            assert dialog.secrets.get(secrets.ZOHO_V1_AUTHTOKEN) == demo.authtoken
            settings = load_settings(tmp_path / "config.toml")[0]
            assert (settings.crm.provider, settings.zoho_v1.server) == (
                "zoho-v1", demo.v1_settings.server
            )
            assert demo.authtoken not in (tmp_path / "config.toml").read_text()

    run(qloop, scenario())


def test_crm_test_asks_for_a_number_first(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with zoho_dialog(tmp_path) as (_demo, dialog):
            assert await lookup(dialog, "") == "Type a phone number to look up first."

    run(qloop, scenario())


# -- the PBX page's wording, with a stand-in for the UCM client ------------------------------
# (the real login against the UCM simulator is in test_ui_settings_pbx.py)

FP = ":".join(["AB"] * 32)


def fake_ucm_client(monkeypatch: pytest.MonkeyPatch, failure: Exception | None = None) -> None:
    """``ucm.stream.check_connection`` and ``ucm.tls.fetch_fingerprint`` as a UCM whose
    certificate is FP and whose password is "right"; ``failure`` is raised instead, if given."""
    import types

    from ucm_popup.errors import AuthError, CertificateError

    async def check_connection(ucm: Any, password: str, timeout: float = 10) -> None:
        if failure is not None:
            raise failure
        if ucm.fingerprint != FP:
            raise CertificateError(f"the UCM at {ucm.host} presented an untrusted certificate "
                                   f"(SHA-256 {FP})", FP)
        if password != "right":
            raise AuthError("the UCM refused the login: check [ucm] username and the password")

    async def fetch_fingerprint(host: str, port: int, legacy_tls: bool = False) -> str:
        return FP

    stream = types.ModuleType("ucm_popup.ucm.stream")
    stream.check_connection = check_connection  # type: ignore[attr-defined]
    tls = types.ModuleType("ucm_popup.ucm.tls")
    tls.fetch_fingerprint = fetch_fingerprint  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ucm_popup.ucm.stream", stream)
    monkeypatch.setitem(sys.modules, "ucm_popup.ucm.tls", tls)


async def pbx_dialog(tmp_path: Path, password: str = "right") -> SettingsDialog:
    path = tmp_path / "config.toml"
    save_settings(path, Settings(
        ucm=UcmSettings(host="pbx.example.com", username="popup", extension="1002"),
        crm=CrmSettings(provider="none"),
    ))
    return await open_dialog(path, secrets.MemorySecretStore({secrets.UCM_PASSWORD: password}))


async def pbx_test(dialog: SettingsDialog) -> str:
    pbx = dialog.pbx
    await press(dialog, pbx.test_button, lambda: pbx.test_button.isEnabled())
    return pbx.result.text.text()


def test_pbx_wording_and_trust_with_a_stand_in_ucm(
    tmp_path: Path, qloop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_ucm_client(monkeypatch)

    async def scenario() -> None:
        dialog = await pbx_dialog(tmp_path)
        pbx = dialog.pbx
        grouped = " ".join([":".join(["AB"] * 8)] * 4)  # wraps between groups of 8 bytes
        assert await pbx_test(dialog) == (
            f"The certificate is not trusted: fingerprint {grouped}. If this is your UCM's "
            "certificate, trust it."
        )
        assert pbx.result.action.isVisibleTo(dialog)
        assert pbx.trust_button.isHidden()  # one Trust button: the one beside the message
        assert f"The UCM presents:\n{grouped}" in pbx.cert_status.text()
        # (the screenshots of these come from test_ui_settings_pbx.py, against the simulator)
        await press(dialog, pbx.result.action, lambda: "Connected" in pbx.result.text.text())
        assert pbx.result.text.text() == "Connected: extension 1002 will pop up."
        pbx.password.set_typed("wrong")
        assert await pbx_test(dialog) == "The UCM refused the user or password: check them."
        saved: list[Any] = []
        dialog.saved.connect(saved.append)
        dialog.save_button.click()
        await until(lambda: saved)
        assert load_settings(tmp_path / "config.toml")[0].ucm.fingerprint == FP

    run(qloop, scenario())


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (SubscriptionRefused("refused", ["ActiveCallStatus"]),
         "The UCM accepted the login but refused to send ActiveCallStatus: give this UCM user "
         "the permission to see call status (or use another user)."),
        (ServiceError("cannot reach pbx.example.com:8089: connection refused"),
         "Could not talk to the UCM at pbx.example.com:8089: check the address and port."),
        (TimeoutError(),
         "The UCM at pbx.example.com:8089 did not answer within 10 seconds: check the address "
         "and port, and that this computer can reach it."),
        (RuntimeError("bug"), "The test stopped on an unexpected error (RuntimeError)."),
    ],
)
def test_pbx_test_failures_in_words(
    tmp_path: Path, qloop: Any, monkeypatch: pytest.MonkeyPatch, failure: Exception, words: str
) -> None:
    fake_ucm_client(monkeypatch, failure)

    async def scenario() -> None:
        dialog = await pbx_dialog(tmp_path)
        assert await pbx_test(dialog) == words
        assert dialog.pbx.result.action.isHidden()
        dialog.reject()

    run(qloop, scenario())


def test_pbx_test_asks_for_the_missing_fields_first(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        dialog = await open_dialog(tmp_path / "config.toml", secrets.MemorySecretStore())
        assert await pbx_test(dialog) == "Fill in the fields marked in red first."
        dialog.reject()

    run(qloop, scenario())


def test_a_malformed_address_being_typed_is_a_field_problem_not_an_exception() -> None:
    from ucm_popup.ui.settings_crm_page import _url_problem, console_url

    for typed in ("https://[::1", "https://crm.zoho.eu:99999", "https://h:abc"):
        assert _url_problem(typed, "https://crm.zoho.eu") == (
            "Enter a full address starting with https://, like https://crm.zoho.eu")
        assert console_url(typed) == "https://api-console.zoho.com"
    assert _url_problem("http://[::1", "https://x") == (
        "Use https:// (plain http:// is only allowed for this computer's own address)")
