"""The PBX page of a desk fed by the site relay: no API user or password to enter (the relay
dials), but the desk's own dialling prefixes, which it applies before it asks the relay."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from test_ui_settings_dialog import open_dialog, qloop, run

from ucm_popup import secrets
from ucm_popup.settings import load_settings

pytestmark = pytest.mark.qt
__all__ = ["qloop"]


def test_a_relay_desk_sets_its_prefixes_and_no_api_user(tmp_path: Path, qloop: Any) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ucm]\nextension = "1002"\n\n[source]\nkind = "relay"\n\n'
                      '[mqtt]\nurl = "mqtts://broker.example.com:8883"\nusername = "1002"\n\n'
                      '[crm]\nprovider = "none"\ndefault_region = "FR"\n')
    store = secrets.MemorySecretStore({secrets.MQTT_PASSWORD: "desk-password"})

    async def scenario() -> None:
        dialog = await open_dialog(config, store)
        try:
            pbx, dial = dialog.pbx, dialog.dial
            assert pbx.source_box.via_relay.isChecked()
            assert dial.rows["api_username"].isHidden() and dial.rows["api_password"].isHidden()
            assert dial.test.isHidden()
            assert not dial.rows["outside_prefix"].isHidden()
            assert not dial.rows["international_prefix"].isHidden()
            dial.outside_prefix.setText("0")
            assert await dialog.save()
            pbx.source_box.direct.click()  # back to direct mode: the API user is asked again
            assert not dial.rows["api_username"].isHidden() and not dial.test.isHidden()
        finally:
            dialog.reject()

    run(qloop, scenario())
    settings, _ = load_settings(config)
    assert (settings.source.kind, settings.dial.outside_prefix) == ("relay", "0")
    assert settings.ucm.api_username == ""
    assert store.get(secrets.UCM_API_PASSWORD) is None
