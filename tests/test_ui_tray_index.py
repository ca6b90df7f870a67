"""The tray's line for the local phone index: records and age, as of when the menu opens."""

from __future__ import annotations

import os
import time

import pytest
from conftest import ARTIFACTS
from PySide6.QtWidgets import QSystemTrayIcon

from tests.test_ui_tray import Recorder
from ucm_popup.app import Connection, Health
from ucm_popup.crm.index import SyncState
from ucm_popup.ui.tray import TrayController

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt


@pytest.fixture
def tray(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    controller = TrayController(Recorder().actions(), version="9.9", extension="1002")
    controller.show()
    yield controller
    controller.hide()


def visible_texts(tray: TrayController) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]


def test_without_an_index_there_is_no_index_line(tray: TrayController) -> None:
    tray.set_health(Health(Connection.CONNECTED))
    assert not any("CRM index" in t for t in visible_texts(tray))
    assert "CRM index" not in tray.tooltip()


def test_the_menu_and_tooltip_say_records_and_age(tray: TrayController, qtbot) -> None:
    synced = time.time() - 185
    tray.set_health(Health(Connection.CONNECTED, crm_index=SyncState(12_345, synced)))
    assert tray.tooltip().splitlines()[-1] == "CRM index: 12,345 records, synced 3 min ago"
    assert visible_texts(tray)[1] == "CRM index: 12,345 records, synced 3 min ago"
    # ten minutes later, with no new report, the menu still tells the truth when opened
    tray.set_health(Health(Connection.CONNECTED, crm_index=SyncState(12_345, synced - 600)))
    tray.health = Health(Connection.CONNECTED, crm_index=SyncState(12_345, synced - 1200))
    tray.menu.popup(tray.menu.pos())
    qtbot.waitExposed(tray.menu)
    assert visible_texts(tray)[1] == "CRM index: 12,345 records, synced 23 min ago"
    tray.menu.hide()


def test_a_failing_sync_is_shown_as_plain_text(tray: TrayController, qtbot) -> None:
    state = SyncState(6, time.time() - 7300, "Zoho CRM (https://x) refused for load (HTTP 429)"
                      " <b>Dubois & Fils</b>", time.time() + 61)
    tray.set_health(Health(Connection.CONNECTED, crm_index=state))
    line = visible_texts(tray)[1]
    assert line.startswith("CRM index: 6 records, synced 2 h ago; sync failing: Zoho CRM")
    assert "<b>Dubois && Fils</b>" in line and line.endswith("(retry in 1 min)")
    tray.set_health(Health(Connection.CONNECTED, crm_index=SyncState(12_345, time.time() - 185)))
    tray.menu.popup(tray.menu.pos())
    qtbot.waitExposed(tray.menu)
    picture = tray.menu.grab()
    ARTIFACTS.mkdir(exist_ok=True)
    assert picture.save(str(ARTIFACTS / "tray-menu-crm-index.png"))
    tray.menu.hide()
