"""The PBX page's "Through the site relay" choice: the broker's fields, a Test that reads the
relay's status from a real mosquitto, and Save (a desk that keeps no UCM password)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))

from mqtt_support import running_broker
from test_relay_faults import in_process_relay, stop
from test_relay_site import passwords
from test_ui_settings_checks import press
from test_ui_settings_dialog import open_dialog, qloop, run, shot, until

from ucm_popup import secrets
from ucm_popup.settings import load_settings
from ucm_popup.sim.ucm import UcmSimulator

pytestmark = pytest.mark.qt
__all__ = ["qloop"]


def test_a_desk_chooses_the_site_relay_tests_it_and_saves(tmp_path: Path, qloop: Any) -> None:
    async def scenario() -> None:
        users = passwords()
        sim = await UcmSimulator().start()
        store = secrets.MemorySecretStore()
        (tmp_path / "config.toml").write_text('[crm]\nprovider = "none"\n')
        try:
            async with running_broker(tmp_path / "broker", users) as broker:
                _, task = await in_process_relay(tmp_path, sim, broker, users)
                dialog = await open_dialog(tmp_path / "config.toml", store)
                try:
                    pbx, box = dialog.pbx, dialog.pbx.source_box
                    assert box.direct.isChecked() and box.broker.isHidden()
                    box.via_relay.click()
                    assert not box.broker.isHidden()
                    assert pbx.rows["host"].isHidden() and pbx.rows["password"].isHidden()
                    assert set(pbx.problems()) == {"mqtt.url", "mqtt.username",
                                                   "mqtt.password", "extension"}
                    pbx.extension.setText("1002")
                    box.url.setText(broker.url)
                    box.username.setText("1002")
                    box.ca_file.setText(broker.ca_file)
                    box.password.set_typed("wrong")
                    await press(dialog, box.test_button, box.test_button.isEnabled)
                    assert box.result.text.text() == (
                        "The broker refused the user or password: check them.")
                    box.password.set_typed(users["1002"])
                    await press(dialog, box.test_button, box.test_button.isEnabled)
                    assert box.result.text.text() == (
                        "Connected: the site relay is online; extension 1002 will pop up.")
                    dialog.tabs.setCurrentIndex(0)
                    shot(dialog, "pbx-relay-online")
                    assert dialog.save_button.isEnabled()
                    emitted: list[Any] = []
                    dialog.saved.connect(emitted.append)
                    dialog.save_button.click()
                    # the file and the keyring are written in a thread: "saved" says both are
                    await until(lambda: emitted, timeout=30)
                finally:
                    dialog.reject()
                    await stop(task)
        finally:
            await sim.aclose()
        settings, _ = load_settings(tmp_path / "config.toml")
        assert settings.source.kind == "relay"
        assert (settings.mqtt.url, settings.mqtt.username) == (broker.url, "1002")
        assert store.get(secrets.MQTT_PASSWORD) == users["1002"]
        assert store.get(secrets.UCM_PASSWORD) is None  # the desk holds no UCM password

    run(qloop, scenario(), timeout=180)  # a generous deadline: a busy machine is slow
