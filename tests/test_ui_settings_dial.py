"""The PBX page's click-to-dial fields: the API user, its password in the keyring, the two
prefixes, and Test dialling against the loopback UCM simulator (real TLS)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from test_ui_settings_checks import press
from test_ui_settings_dialog import qloop, run, shot, shown_problem, until
from test_ui_settings_pbx import ucm_dialog

from ucm_popup import secrets
from ucm_popup.settings import load_settings

pytestmark = pytest.mark.qt
__all__ = ["qloop"]


async def press_test_dialling(dialog: Any) -> str:
    section = dialog.dial
    await press(dialog, section.test_button, lambda: section.test_button.isEnabled())
    return str(section.result.text.text())


def test_api_user_password_and_prefixes_are_tested_and_saved(tmp_path: Path,
                                                             qloop: Any) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path) as (demo, dialog):
            section = dialog.dial
            assert section.api_user() == "cdrapi"  # from the file
            assert await press_test_dialling(dialog) == "Enter the API user's password first."
            section.api_password.set_typed("wrong")
            assert (await press_test_dialling(dialog)).startswith(
                "The UCM refused the API user or its password")
            section.api_password.set_typed(demo.password)
            assert await press_test_dialling(dialog) == (
                "The API user cdrapi logged in. Dialling rings extension 1002 first, then "
                "calls the number.")
            assert demo.simulator.dial_requests() == []  # the test never rings anybody
            section.outside_prefix.setText("0")
            section.international_prefix.setText("+00")
            assert shown_problem(dialog, "PBX", "international_prefix") == \
                "Only digits, like 0 or 00"
            assert not dialog.save_button.isEnabled()
            section.international_prefix.setText("00")
            await until(dialog.save_button.isEnabled)
            scroll = dialog.tabs.widget(0)
            for _ in range(5):  # the page re-fits to the result's text first
                QApplication.processEvents()
            scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
            shot(dialog, "pbx-click-to-dial")
            store = dialog.secrets
            assert await dialog.save()
            assert store.get(secrets.UCM_API_PASSWORD) == demo.password
            saved, _warnings = load_settings(dialog.config_path)
            assert saved.ucm.api_username == "cdrapi"
            assert (saved.dial.outside_prefix, saved.dial.international_prefix) == ("0", "00")
            assert demo.password not in dialog.config_path.read_text(encoding="utf-8")

    run(qloop, scenario())


def test_a_password_without_an_api_user_is_a_problem(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        async with ucm_dialog(tmp_path) as (_demo, dialog):
            dialog.dial.api_username.setText("")
            dialog.dial.api_password.set_typed("secret")
            dialog.revalidate()
            assert shown_problem(dialog, "PBX", "api_username") == \
                "Enter the API user whose password this is"

    run(qloop, scenario())
