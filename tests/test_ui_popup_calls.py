"""The popup for every kind of call (offscreen): the agent's own calls ("Calling Jane Doe",
only with ``popup.outbound_calls``), transfers to the agent (the original caller, who
transferred it), and a call the agent transferred away (where it went, then it closes)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from conftest import ARTIFACTS
from PySide6.QtWidgets import QLabel, QWidget
from test_ui_tray import texts, tray  # noqa: F401

from ucm_popup.app import LookupOutcome, RecentCall
from ucm_popup.crm.model import Match
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing, Transferred
from ucm_popup.ui.popup_manager import PopupManager

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt's QApplication
pytestmark = pytest.mark.qt

JANE = Match(
    "Contacts", "3477061000000419001", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "",
    "jane@acme.example", "Sam Agent",
    "https://crm.zoho.com/crm/org808232144/tab/Contacts/3477061000000419001",
)
MARC = Match(
    "Contacts", "3477061000000419002", "Marc Dubois", "Dubois & Fils", "01 44 55 66 77",
    "06 98 76 54 32", "marc@dubois-fils.example", "Léa Moreau", "https://crm.example/c/2",
)


def shown(popup: QWidget, name: str) -> str:
    """The text of the label called ``name`` if a user can see it, else ""."""
    label = popup.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(popup) else ""


def snap(popup: QWidget, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"popup-{name}.png"
    popup.grab().save(str(path))
    return path


@pytest.fixture
def make(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[PopupManager] = []

    def factory(**settings: object) -> PopupManager:
        manager = PopupManager(
            replace(PopupSettings(), **settings),  # type: ignore[arg-type]
            open_url=lambda url: None,
            create_url=lambda module, number: "",
            state_file=tmp_path / "popup-position.json",
        )
        made.append(manager)
        return manager

    yield factory
    for manager in made:
        manager.dismiss_all()


DIALING = Dialing("d1", "1002", "outbound", "0612345678", "", "MyTrunk")


def test_an_outgoing_call_pops_up_only_when_asked(make) -> None:
    quiet = make()
    quiet.on_call(DIALING)
    assert quiet.popups == {}
    manager = make(outbound_calls=True)
    manager.on_call(DIALING)
    popup = manager.popups["d1"]
    assert shown(popup, "status") == "Calling 0612345678"
    manager.on_lookup("d1", LookupOutcome("0612345678", (JANE,)))
    assert shown(popup, "status") == "Calling Jane Doe"
    assert shown(popup, "name") == "Jane Doe" and "Jane Doe" in popup.windowTitle()
    snap(popup, "outgoing-call")
    manager.on_call(Answered("d1", "1002"))
    assert shown(popup, "status").startswith("On call · 0:0")
    manager.on_call(Ended("d1", "1002", True, False))
    assert shown(popup, "status").startswith("Call ended")


def test_an_outgoing_call_nobody_answers_is_not_a_missed_call(make) -> None:
    manager = make(outbound_calls=True)
    manager.on_call(DIALING)
    manager.on_call(Ended("d1", "1002", False, False))
    popup = manager.popups["d1"]
    assert shown(popup, "status") == "Not answered" and not popup.missed


def test_a_blind_transfer_names_the_caller_and_the_colleague(make) -> None:
    manager = make()
    manager.on_call(Ringing("b1", "1002", "inbound", "0144556677", "", "MyTrunk",
                            transferred_by="1003"))
    popup = manager.popups["b1"]
    assert shown(popup, "status") == "Incoming call"
    assert popup.via.text() == "transferred by 1003 · MyTrunk"


def test_an_attended_transfer_switches_to_the_caller_and_keeps_the_timer(make, qtbot) -> None:
    manager = make()
    manager.on_call(Ringing("a1", "1002", "internal", "1003", "", ""))
    manager.on_lookup("a1", LookupOutcome("1003", crm_enabled=False))
    manager.on_call(Answered("a1", "1002"))
    popup = manager.popups["a1"]
    assert shown(popup, "name") == "1003"
    manager.on_call(Transferred("a1", "1002", "0144556677", "DUBOIS", "MyTrunk", "1003"))
    assert shown(popup, "name") == "DUBOIS"
    assert shown(popup, "status").startswith("On call · 0:0")  # the same call goes on
    assert popup.via.text() == "transferred by 1003 · MyTrunk"
    manager.on_lookup("a1", LookupOutcome("1003", crm_enabled=False))  # late: the old party
    assert shown(popup, "name") == "DUBOIS"
    manager.on_lookup("a1", LookupOutcome("0144556677", (MARC,)))
    assert shown(popup, "name") == "Marc Dubois" and "Marc Dubois" in popup.windowTitle()
    assert shown(popup, "company") == "Dubois & Fils · Contact"
    snap(popup, "transferred-call")


def test_a_transfer_of_a_call_that_had_no_popup_shows_the_caller(make) -> None:
    manager = make(internal_calls=False)
    manager.on_call(Ringing("a2", "1002", "internal", "1003", "", ""))
    assert manager.popups == {}
    manager.on_call(Transferred("a2", "1002", "0144556677", "", "MyTrunk", "1003"))
    assert shown(manager.popups["a2"], "status") == "Transferred call"


def test_a_call_transferred_away_says_where_and_closes(make, qtbot) -> None:
    manager = make(close_after_answered_s=1)
    manager.on_call(Ringing("w1", "1002", "inbound", "0612345678", "ACME", "MyTrunk"))
    manager.on_call(Answered("w1", "1002"))
    popup = manager.popups["w1"]
    manager.on_call(Ended("w1", "1002", True, False, transferred_to="1003"))
    assert shown(popup, "status") == "Transferred to 1003"
    assert not popup.missed
    qtbot.waitUntil(lambda: "w1" not in manager.popups, timeout=3000)


def test_recent_calls_mark_outgoing_calls_and_where_a_call_went(tray) -> None:  # noqa: F811
    at = datetime(2026, 5, 15, 14, 2).astimezone()
    calls = [
        RecentCall("d1", "0612345678", "", at, ended=True, outgoing=True),
        RecentCall("d2", "0144556677", "", at, ended=True, answered=True, outgoing=True),
        RecentCall("d3", "1005", "", at, direction="internal", outgoing=True),
        RecentCall("w1", "0478123456", "LYON", at, ended=True, answered=True,
                   transferred_to="1003"),
    ]
    assert not calls[0].missed  # nobody answered the agent's own call: not a missed call
    tray.update_recent(calls)
    assert texts(tray.recent_menu)[:4] == [
        "14:02   0612345678   — outgoing, not answered",
        "14:02   0144556677   — outgoing, answered",
        "14:02   1005   — outgoing, ringing",
        "14:02   LYON   0478123456   — transferred to 1003",
    ]
