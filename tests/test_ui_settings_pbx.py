"""The PBX page's Test and certificate buttons against the loopback UCM simulator.

Connected, a wrong password, and an untrusted certificate whose fingerprint "Trust this
certificate" pins (and Save writes to [ucm] fingerprint).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

# pytest-qt makes its QApplication before the autouse fixtures run: pick the platform first
os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from test_ui_settings_checks import press
from test_ui_settings_dialog import open_dialog, qloop, run, shot, until

from ucm_popup import secrets
from ucm_popup.settings import CrmSettings, Settings, load_settings, save_settings
from ucm_popup.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt
__all__ = ["qloop"]  # the fixture, shared with the dialog tests


def _hex(fingerprint: str) -> str:
    return fingerprint.replace(":", "").replace(" ", "").upper()


@asynccontextmanager
async def ucm_dialog(
    tmp_path: Path, *, pinned: bool = True
) -> AsyncIterator[tuple[Any, SettingsDialog]]:
    """The dialog on a settings file that points at a running UCM simulator."""
    from ucm_popup.sim.ucm import start_demo_ucm

    demo = await start_demo_ucm(schedule=False)
    try:
        ucm = demo.settings if pinned else replace(demo.settings, fingerprint="")
        path = tmp_path / "config.toml"
        save_settings(path, Settings(ucm=ucm, crm=CrmSettings(provider="none")))
        dialog = await open_dialog(path, secrets.MemorySecretStore({
            secrets.UCM_PASSWORD: demo.password,
        }))
        yield demo, dialog
        dialog.reject()
    finally:
        await demo.aclose()


async def run_pbx_test(dialog: SettingsDialog) -> str:
    pbx = dialog.pbx
    await press(dialog, pbx.test_button, lambda: pbx.test_button.isEnabled())
    return pbx.result.text.text()


def test_pbx_test_connects_and_says_which_extension_pops_up(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path) as (demo, dialog):
            assert await run_pbx_test(dialog) == (
                f"Connected: extension {demo.settings.extension} will pop up."
            )
            assert dialog.pbx.result.action.isHidden()
            shot(dialog, "pbx-test-connected")

    run(qloop, scenario())


def test_pbx_test_says_the_password_was_refused(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path) as (_demo, dialog):
            dialog.pbx.password.set_typed("not-the-password")
            assert await run_pbx_test(dialog) == "The UCM refused the user or password: check them."
            shot(dialog, "pbx-test-wrong-password")

    run(qloop, scenario())


def test_untrusted_certificate_shows_its_fingerprint_and_trust_pins_it(
    tmp_path: Path, qloop: Any
) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path, pinned=False) as (demo, dialog):
            pbx = dialog.pbx
            text = await run_pbx_test(dialog)
            assert text.startswith("The certificate is not trusted: fingerprint ")
            shown = text.removeprefix("The certificate is not trusted: fingerprint ").split(".")[0]
            assert _hex(shown) == _hex(demo.settings.fingerprint)
            assert pbx.result.action.isVisibleTo(dialog)
            assert pbx.result.action.text() == "Trust this certificate"
            assert pbx.result.details.text() == (  # why, without the command-line advice
                f"the certificate of the UCM at 127.0.0.1:{demo.settings.port} is not trusted "
                "(self-signed certificate)")
            shot(dialog, "pbx-test-untrusted-certificate")
            await press(dialog, pbx.result.action,
                        lambda: pbx.result.text.text().startswith("Connected"))
            assert _hex(pbx.fingerprint) == _hex(demo.settings.fingerprint)
            assert "Pinned (trusted)" in pbx.cert_status.text()
            shot(dialog, "pbx-test-trusted")
            saved: list[Any] = []
            dialog.saved.connect(saved.append)
            dialog.save_button.click()
            await until(lambda: saved)
            pinned = load_settings(tmp_path / "config.toml")[0].ucm.fingerprint
            assert _hex(pinned) == _hex(demo.settings.fingerprint)

    run(qloop, scenario())


def test_show_certificate_compares_with_the_pinned_one(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path) as (_demo, dialog):
            pbx = dialog.pbx
            await press(dialog, pbx.show_cert_button, lambda: bool(pbx.presented_fingerprint))
            assert "Pinned (trusted), and the UCM presents this one:" in pbx.cert_status.text()
            assert pbx.trust_button.isHidden()
            pbx.forget_button.click()
            assert pbx.fingerprint == ""
            assert pbx.trust_button.isVisibleTo(dialog)
            shot(dialog, "pbx-certificate")

    run(qloop, scenario())
