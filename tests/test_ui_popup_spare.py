"""The popup built ahead (warm-up): the next call takes it, as if it were built for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ucm_popup.app import LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Ended, Ringing
from ucm_popup.ui import popup_manager
from ucm_popup.ui.popup_manager import PopupManager

pytestmark = pytest.mark.qt
JANE = Match("Contacts", "1", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "",
             "jane@acme.example", "Sam Agent", "https://crm.zoho.com/crm/tab/Contacts/1")


@pytest.fixture
def manager(tmp_path: Path, qtbot, monkeypatch) -> PopupManager:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(popup_manager, "SPARE_AFTER_MS", 50)
    popups = PopupManager(PopupSettings(), open_url=lambda _url: None,
                          create_url=lambda _m, _n: "", state_file=tmp_path / "pos.json")
    yield popups
    popups.dismiss_all()


def test_the_next_call_takes_the_spare_and_a_new_one_is_built(manager: PopupManager,
                                                              qtbot) -> None:  # type: ignore[no-untyped-def]
    manager.warm_up()
    spare = manager._spare
    assert spare is not None and not spare.isVisible() and manager.popups == {}
    manager.on_call(Ringing("c1", "1002", "inbound", "0612345678", "ACME", "Orange SIP",
                            transferred_by="1003"))
    popup = manager.popups["c1"]
    assert popup is spare and popup.isVisible()
    assert popup.windowTitle() == "ACME — Call — ucm-popup"
    assert popup.transferred_by == "1003" and "transferred by 1003" in popup.via.text()
    assert "Spare" not in popup.name.text() + popup.windowTitle()
    manager.on_lookup("c1", LookupOutcome("0612345678", (JANE,)))
    assert popup.windowTitle() == "Jane Doe — Call — ucm-popup"
    qtbot.waitUntil(lambda: manager._spare is not None, timeout=5000)
    assert manager._spare is not popup and not manager._spare.isVisible()
    manager.on_call(Ended("c1", "1002", answered=False, answered_elsewhere=False))
    assert popup.windowTitle() == "Jane Doe — Missed call — ucm-popup"
