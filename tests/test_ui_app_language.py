"""The tray app in the agent's language: from the settings file at start, changed by a save
without a restart, and an unknown one shown in English with a warning."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_ui_app import run_app, until

from ucm_popup.cli import Options
from ucm_popup.settings import CrmSettings, Settings, UiSettings, save_settings
from ucm_popup.ui.i18n import LANGUAGE

pytestmark = pytest.mark.qt


def menu_words(app: Any) -> list[str]:
    return [action.text() for action in app.tray.menu.actions() if action.text()]


def test_the_language_of_the_file_then_of_a_save_then_an_unknown_one(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    settings = Settings(crm=CrmSettings(provider="none"), ui=UiSettings(language="fr"))
    save_settings(config, settings)
    options = Options(command=None, config_path=config, demo=False, verbose=False)

    async def script(app: Any) -> dict[str, Any]:
        seen: dict[str, Any] = {"menu": menu_words(app), "status": app.tray.state.title}
        await until(lambda: app.popups._spare is not None)  # built once the loop was idle
        seen["spare"] = app.popups._spare
        app.reload_settings(replace(settings, ui=UiSettings(language="de")))
        await until(lambda: LANGUAGE.code == "de" and app.popups._spare is not seen["spare"])
        seen["menu_de"] = menu_words(app)
        seen["spare_de"] = app.popups._spare.note_edit.placeholderText()
        app.reload_settings(replace(settings, ui=UiSettings(language="tlh")))
        await until(lambda: LANGUAGE.code == "en")
        seen["menu_en"] = menu_words(app)
        seen["notes"] = list(app.tray.notifications)
        return seen

    try:
        code, seen = run_app(options, script)
    finally:
        LANGUAGE.install("en")
    assert code == 0
    assert seen["status"] == "Non configuré"
    assert "P&aramètres…" in seen["menu"] and "&Quitter" in seen["menu"]
    assert "&Einstellungen…" in seen["menu_de"] and "&Beenden" in seen["menu_de"]
    assert seen["spare_de"] == "Notiz für das CRM (wird mit dem Anruf gespeichert)"
    assert "&Settings…" in seen["menu_en"]
    assert any("'tlh'" in message and "English" in message for _title, message in seen["notes"])
