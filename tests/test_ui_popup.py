"""The caller popup's states, as a user sees them (offscreen)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ARTIFACTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ucm_popup.app import LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.ucm.events import Ringing
from ucm_popup.ui.popup import CallPopup

# pytest-qt makes its QApplication before the autouse fixtures run: pick the platform first
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt

JANE = Match(
    "Contacts", "3477061000000419001", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "",
    "jane@acme.example", "Sam Agent",
    "https://crm.zoho.com/crm/org808232144/tab/Contacts/3477061000000419001",
)
MARC_CONTACT = Match(
    "Contacts", "3477061000000419002", "Marc Dubois", "Dubois & Fils", "01 44 55 66 77",
    "06 98 76 54 32", "marc@dubois-fils.example", "Léa Moreau", "https://crm.example/c/2",
)
MARC_LEAD = Match(
    "Leads", "3477061000000520001", "Marc Dubois", "Dubois Consulting", "0033698765432", "",
    "marc@dubois-consulting.example", "Sam Agent", "https://crm.example/l/1",
)
NORDIC = Match(
    "Contacts", "3477061000000419003", "Zoë Ångström-Øster", "<b>Nordic</b> & Co",
    "0033 7 11 22 33 44", "", "zoe@nordic.example", "Sam Agent", "https://crm.example/c/3",
)
MARKUP = replace(NORDIC, name="<b>Zoë</b> <img src=x>")


def ringing(number: str = "0612345678", name: str = "ACME Corp", **kw: str) -> Ringing:
    return Ringing(kw.pop("call_id", "1747307232.1022"), "1002",
                   kw.pop("direction", "inbound"), number, name,  # type: ignore[arg-type]
                   kw.pop("trunk", "Orange SIP"), **kw)


def shown(popup: QWidget, name: str) -> str:
    """The text of the label called ``name`` if a user can see it, else ""."""
    label = popup.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisibleTo(popup) else ""


def visible(popup: CallPopup, widget: QWidget) -> bool:
    return widget.isVisibleTo(popup)


def snap(popup: CallPopup, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"popup-{name}.png"
    popup.grab().save(str(path))
    return path


@pytest.fixture
def make(qtbot):  # type: ignore[no-untyped-def]
    def factory(event: Ringing) -> CallPopup:
        popup = CallPopup(event)
        qtbot.addWidget(popup)
        popup.show()
        qtbot.waitExposed(popup)
        return popup

    return factory


def test_ringing_shows_number_and_ucm_name_at_once_without_taking_focus(make) -> None:
    popup = make(ringing())
    assert "ACME Corp" in popup.windowTitle()
    assert shown(popup, "name") == "ACME Corp"
    assert shown(popup, "number") == "0612345678"
    assert shown(popup, "status") == "Incoming call"
    assert shown(popup, "via") == "Orange SIP"
    assert "Looking up" in shown(popup, "notice")
    assert not visible(popup, popup.open_button)
    flags = popup.windowFlags()
    for flag in (Qt.WindowType.Tool, Qt.WindowType.WindowStaysOnTopHint,
                 Qt.WindowType.WindowDoesNotAcceptFocus):
        assert flags & flag
    # that it leaves the keyboard where it was is checked on a real X server (test_e2e_tray)
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_without_ucm_name_the_number_is_the_title(make) -> None:
    popup = make(ringing(name=""))
    assert "0612345678" in popup.windowTitle()
    assert shown(popup, "name") == "0612345678"
    assert shown(popup, "number") == ""


def test_looked_up_fills_in_the_record_and_opens_it(make, qtbot) -> None:
    popup = make(ringing())
    popup.show_lookup(LookupOutcome("0612345678", (JANE,)))
    assert "Jane Doe" in popup.windowTitle()
    assert shown(popup, "name") == "Jane Doe"
    assert shown(popup, "company") == "ACME Corp · Contact"
    assert shown(popup, "owner") == "Sam Agent"
    assert shown(popup, "phone") == "+33 6 12 34 56 78"
    assert shown(popup, "email") == "jane@acme.example"
    assert shown(popup, "via") == "Orange SIP"
    assert shown(popup, "notice") == ""
    assert visible(popup, popup.open_button)
    assert not visible(popup, popup.contact_button)
    assert not visible(popup, popup.matches_list)
    snap(popup, "known")
    with qtbot.waitSignal(popup.open_url) as opened:
        qtbot.mouseClick(popup.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [JANE.url]


def test_several_matches_offer_a_compact_list_to_pick_from(make, qtbot) -> None:
    popup = make(ringing("+33698765432", "DUBOIS M", queue="6300"))
    popup.show_lookup(LookupOutcome("+33698765432", (MARC_CONTACT, MARC_LEAD, NORDIC)))
    items = [popup.matches_list.item(i).text() for i in range(popup.matches_list.count())]
    assert visible(popup, popup.matches_list)
    assert items[0].startswith("Marc Dubois") and "Contact" in items[0]
    assert "Dubois Consulting · Lead" in items[1]
    assert "<b>Nordic</b> & Co" in items[2]
    assert shown(popup, "via") == "queue 6300 · Orange SIP"
    assert shown(popup, "company") == "Dubois & Fils · Contact"
    snap(popup, "several")
    popup.matches_list.setCurrentRow(1)
    assert shown(popup, "company") == "Dubois Consulting · Lead"
    with qtbot.waitSignal(popup.open_url) as opened:
        qtbot.mouseClick(popup.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [MARC_LEAD.url]
    popup.matches_list.setCurrentRow(2)
    assert "Zoë Ångström-Øster" in popup.windowTitle()
    assert shown(popup, "company") == "<b>Nordic</b> & Co · Contact"


def test_unknown_caller_says_so_and_offers_to_create_a_record(make, qtbot) -> None:
    popup = make(ringing("0145678900", ""))
    popup.show_lookup(LookupOutcome("0145678900", ()))
    assert shown(popup, "name") == "0145678900"
    assert "No match" in shown(popup, "notice")
    assert visible(popup, popup.contact_button) and visible(popup, popup.lead_button)
    assert not visible(popup, popup.open_button)
    snap(popup, "unknown")
    with qtbot.waitSignal(popup.create_record) as created:
        qtbot.mouseClick(popup.lead_button, Qt.MouseButton.LeftButton)
    assert created.args == ["Leads", "0145678900"]


def test_crm_trouble_still_shows_the_number_with_one_line(make) -> None:
    popup = make(ringing())
    popup.show_lookup(LookupOutcome("0612345678", error="Zoho CRM did not answer in time"))
    assert shown(popup, "name") == "ACME Corp"
    assert shown(popup, "number") == "0612345678"
    assert shown(popup, "notice") == "⚠ CRM lookup failed: Zoho CRM did not answer in time"
    assert not visible(popup, popup.open_button) and not visible(popup, popup.contact_button)
    snap(popup, "crm-error")


def test_no_crm_configured_shows_just_the_call(make) -> None:
    popup = make(ringing())
    popup.show_lookup(LookupOutcome("0612345678", crm_enabled=False))
    assert shown(popup, "notice") == ""
    assert not visible(popup, popup.contact_button)


def test_answered_runs_a_timer_then_closes_after_the_call(make, qtbot) -> None:
    popup = make(ringing())
    popup.show_answered()
    assert shown(popup, "status").startswith("On call · 0:0")
    qtbot.waitUntil(lambda: shown(popup, "status") == "On call · 0:01", timeout=3000)
    popup.show_ended(answered=True, elsewhere=False, close_after_answered=1, close_after_missed=30)
    assert shown(popup, "status").startswith("Call ended · 0:0")
    with qtbot.waitSignal(popup.dismissed, timeout=3000) as gone:
        pass
    assert gone.args == ["1747307232.1022"]
    assert not popup.isVisible()


def test_answered_elsewhere_says_so_and_closes(make, qtbot) -> None:
    popup = make(ringing("0478123456", "LYON LOGISTIQUE", queue="6300"))
    popup.show_ended(answered=False, elsewhere=True, close_after_answered=1, close_after_missed=30)
    assert shown(popup, "status") == "Answered on another extension"
    assert not popup.missed
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


def test_missed_call_becomes_a_card_that_stays_when_the_delay_is_zero(make, qtbot) -> None:
    popup = make(ringing())
    popup.show_lookup(LookupOutcome("0612345678", (JANE,)))
    popup.show_ended(answered=False, elsewhere=False, close_after_answered=3, close_after_missed=0)
    assert shown(popup, "status").startswith("Missed call · ")
    assert "Missed call" in popup.windowTitle() and "Jane Doe" in popup.windowTitle()
    assert popup.card.property("state") == "missed"
    snap(popup, "missed")
    qtbot.wait(300)
    assert popup.isVisible()
    with qtbot.waitSignal(popup.dismissed):
        qtbot.mouseClick(popup.close_button, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()


def test_missed_card_closes_after_its_delay(make, qtbot) -> None:
    popup = make(ringing())
    popup.show_ended(answered=False, elsewhere=False, close_after_answered=3, close_after_missed=1)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


def test_crm_and_ucm_text_is_never_markup(make) -> None:
    popup = make(ringing("0733112233", "<i>caller</i>"))
    assert shown(popup, "name") == "<i>caller</i>"
    popup.show_lookup(LookupOutcome("0733112233", (MARKUP,)))
    assert shown(popup, "name") == "<b>Zoë</b> <img src=x>"
    assert "<b>Zoë</b> <img src=x>" in popup.windowTitle()
    assert shown(popup, "company") == "<b>Nordic</b> & Co · Contact"
    labels = popup.findChildren(QLabel)
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


# -- outside text of any size or shape: a bounded card, never a wall of text ----------------

MAX_CARD_HEIGHT = 560  # the tallest card: every field filled and cut, the error at its limit
HUGE_NAME = "X" * (15 * 2**19)  # 7.5 MiB, one word: fits in the UCM's 8 MiB frame limit
WORDS = ("lorem ipsum dolor " * 120_000)[:2_000_000]  # 2 MB of words


def test_a_7_5_mib_caller_name_gives_a_card_of_normal_width_and_a_few_lines(make) -> None:
    popup = make(ringing("0612345678", HUGE_NAME))
    assert popup.width() == 360 and popup.height() < 240
    name = shown(popup, "name")
    assert name.replace("\u200b", "").startswith("XXXXXXXX") and name.endswith("…")
    assert len(name) < 100
    assert len(popup.windowTitle()) < 120 and popup.windowTitle().startswith("XXXX")
    assert popup.findChild(QLabel, "name").sizeHint().width() <= 360  # wraps, not clipped


def test_2_mb_of_words_everywhere_stay_within_the_card(make) -> None:
    popup = make(ringing(WORDS[:200_000], WORDS, trunk=WORDS))
    assert popup.height() < 300
    record = Match("Contacts", "1", WORDS, WORDS, WORDS, WORDS, "a" * 100_000 + "@x.example",
                   WORDS, "https://crm.example/c/1")
    popup.show_lookup(LookupOutcome("0612345678", (record, record)))
    assert popup.width() == 360 and popup.height() <= MAX_CARD_HEIGHT
    for name in ("owner", "phone", "email", "via"):
        label = popup.findChild(QLabel, name)
        assert label.text().endswith("…") and label.sizeHint().width() < 360, name
    assert all(len(popup.matches_list.item(i).text()) < 200 for i in range(2))
    popup.show_lookup(LookupOutcome("0612345678", error=WORDS))
    assert popup.height() <= MAX_CARD_HEIGHT
    assert shown(popup, "notice").endswith("…") and len(shown(popup, "notice")) < 250
    snap(popup, "huge-text")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=3000), number=st.text(max_size=300),
       company=st.text(max_size=3000))
def test_any_unicode_from_outside_keeps_the_card_bounded_and_printable(
        make, name: str, number: str, company: str) -> None:
    popup = make(ringing(number, name))
    popup.show_lookup(LookupOutcome(number, (replace(JANE, name=name, company=company),)))
    assert popup.width() == 360 and popup.height() <= MAX_CARD_HEIGHT
    for label in popup.findChildren(QLabel):
        assert not any(c in label.text() for c in "\n\r\x00\x1b\u2028"), label.objectName()
        label.text().encode("utf-8")  # no lone surrogate reaches Qt
    popup.windowTitle().encode("utf-8")
    popup.dismiss()
