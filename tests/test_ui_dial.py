"""Click-to-dial in the tray app: the Dial… box, Call back, the popup's Call buttons, and the
whole path from the tray to the simulated UCM over TLS (offscreen)."""

from __future__ import annotations

import asyncio
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import ARTIFACTS
from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from test_ui_app import run_app, until
from test_ui_popup import JANE, MARC_CONTACT, ringing, shown

from ucm_popup.app import LookupOutcome, RecentCall
from ucm_popup.dial import dial_number
from ucm_popup.options import Options
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.ui.dial_box import DialBox
from ucm_popup.ui.popup import CallPopup
from ucm_popup.ui.tray import TrayActions, TrayController

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt
FRANCE = Settings(crm=CrmSettings(default_region="FR"))


def box(qtbot: Any, clipboard: str = "") -> DialBox:
    dialog = DialBox(lambda text: dial_number(FRANCE, text), extension="1002",
                     clipboard=clipboard)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def preview(dialog: DialBox) -> str:
    label = dialog.findChild(QLabel, "preview")
    assert label is not None
    return label.text()


def test_dial_box_takes_a_number_from_the_clipboard_and_enter_dials(qtbot: Any) -> None:
    dialog = box(qtbot, clipboard="  +33 6 12 34 56 78\n")
    assert dialog.number.text() == "+33 6 12 34 56 78"
    assert preview(dialog) == "The UCM will dial 0612345678"
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "dial-box.png"))
    with qtbot.waitSignal(dialog.submitted) as sent:
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert sent.args == ["+33 6 12 34 56 78"]
    assert preview(dialog) == "Dialling…" and not dialog.dial_button.isEnabled()
    dialog.dial_failed("the UCM refused (status -47)")
    assert preview(dialog) == "the UCM refused (status -47)" and dialog.dial_button.isEnabled()


@pytest.mark.parametrize("clipboard", ["Dear Jane, thanks for your call", "x" * 5000, "abc",
                                       "<b>0612345678</b>"])
def test_dial_box_ignores_a_clipboard_without_a_number(qtbot: Any, clipboard: str) -> None:
    dialog = box(qtbot, clipboard)
    assert dialog.number.text() == "" and not dialog.dial_button.isEnabled()


def test_dial_box_says_why_a_number_cannot_be_dialled(qtbot: Any) -> None:
    dialog = box(qtbot)
    dialog.number.setText("1-800-FLOWERS")
    assert "only digits, * and # can be dialled" in preview(dialog)
    assert not dialog.dial_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.submitted):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    dialog.number.setText("<i>1003</i>")
    assert dialog.findChild(QLabel, "preview").textFormat() == Qt.TextFormat.PlainText


def popup(qtbot: Any, can_dial: bool = True) -> CallPopup:
    card = CallPopup(ringing())
    card.can_dial = can_dial
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    return card


def test_popup_offers_call_next_to_each_phone_of_the_record(qtbot: Any) -> None:
    card = popup(qtbot)
    card.show_lookup(LookupOutcome("0144556677", (MARC_CONTACT,)))
    assert shown(card, "phone") == "01 44 55 66 77" and shown(card, "mobile") == "06 98 76 54 32"
    assert card.call_buttons["phone"].isVisibleTo(card)
    assert card.call_buttons["mobile"].isVisibleTo(card)
    ARTIFACTS.mkdir(exist_ok=True)
    card.grab().save(str(ARTIFACTS / "popup-call-buttons.png"))
    with qtbot.waitSignal(card.dial) as asked:
        qtbot.mouseClick(card.call_buttons["mobile"], Qt.MouseButton.LeftButton)
    assert asked.args == ["06 98 76 54 32"]
    card.show_lookup(LookupOutcome("0612345678", (JANE,)))  # a phone, no mobile
    assert card.call_buttons["phone"].isVisibleTo(card)
    assert not card.call_buttons["mobile"].isVisibleTo(card)


def test_missed_call_card_calls_back(qtbot: Any) -> None:
    card = popup(qtbot)
    assert not card.call_back_button.isVisibleTo(card)  # not while it rings
    card.show_ended(answered=False, elsewhere=False, close_after_answered=3,
                    close_after_missed=0)
    assert card.call_back_button.isVisibleTo(card)
    with qtbot.waitSignal(card.dial) as asked:
        qtbot.mouseClick(card.call_back_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["0612345678"]


def test_without_click_to_dial_set_up_no_call_buttons(qtbot: Any) -> None:
    card = popup(qtbot, can_dial=False)
    card.show_lookup(LookupOutcome("0612345678", (JANE,)))
    card.show_ended(answered=False, elsewhere=False, close_after_answered=3,
                    close_after_missed=0)
    assert not card.call_buttons["phone"].isVisibleTo(card)
    assert not card.call_back_button.isVisibleTo(card)


def test_tray_menu_has_dial_and_call_back_for_each_recent_call(qtbot: Any) -> None:
    opened: list[bool] = []
    called: list[str] = []
    tray = TrayController(TrayActions(
        quit=lambda: None, settings=lambda: None, about=lambda: None,
        reset_position=lambda: None, open_recent=lambda _c: None,
        dial=lambda: opened.append(True), call_back=lambda c: called.append(c.number),
    ), version="test")
    dial = next(a for a in tray.menu.actions() if a.text().replace("&", "") == "Dial…")
    dial.trigger()
    assert opened == [True]
    calls = [RecentCall("c1", "0612345678", "ACME", datetime.now(), ended=True),
             RecentCall("c2", "", "Anonymous", datetime.now(), ended=True)]
    tray.update_recent(calls)
    assert tray.call_back_menu is not None
    entries = tray.call_back_menu.actions()
    assert [a.text() for a in entries] == ["ACME   0612345678"]  # no number, no call back
    entries[0].trigger()
    assert called == ["0612345678"]


def test_tray_app_dials_from_the_box_call_back_and_another_instance(tmp_path: Path) -> None:
    """The demo tray app, its simulated UCM over TLS: every way in reaches the UCM once."""
    options = Options(command=None, config_path=tmp_path / "c.toml", demo=True, verbose=False)
    QGuiApplication.clipboard().setText("06 98 76 54 32")

    async def script(app: Any) -> dict[str, Any]:
        sim = app.demo.ucm.simulator
        app.open_dial_box()
        dialog = app._dial_box
        assert dialog.number.text() == "06 98 76 54 32"
        dialog.dial_button.click()
        await until(lambda: not dialog.isVisible())
        app.call_back(RecentCall("c1", "+1 212 555 0142", "", datetime.now()))
        answers: list[dict[str, Any]] = []
        app.dial_for_another("tel:1003", answers.append)
        app.dial_for_another("tel:abc", answers.append)
        await until(lambda: len(answers) == 2 and len(sim.dial_requests()) == 3)
        # macOS: a link opened while the app runs comes as an open-URL event
        QApplication.sendEvent(app.qapp, QFileOpenEvent(QUrl("tel:+33%201%2044%2055%2066%2077")))
        await until(lambda: len(sim.dial_requests()) == 4)
        await asyncio.sleep(0.1)
        return {"requests": [{k: v for k, v in r.items() if k != "cookie"}
                             for r in sim.dial_requests()],
                "answers": answers, "logins": len([r for r in sim.api_received
                                                    if r["action"] == "login"]),
                "notes": list(app.tray.notifications)}

    code, seen = run_app(options, script)
    assert code == 0
    assert seen["requests"] == [
        {"action": "dialOutbound", "caller": "1002", "outbound": "0698765432"},
        {"action": "dialOutbound", "caller": "1002", "outbound": "0012125550142"},
        {"action": "dialExtension", "caller": "1002", "callee": "1003"},
        {"action": "dialOutbound", "caller": "1002", "outbound": "0144556677"},
    ]
    assert seen["logins"] == 1  # one login serves all
    ok, refused = sorted(seen["answers"], key=lambda a: a["ok"], reverse=True)
    assert ok == {"ok": True, "extension": "1002", "number": "1003", "via": "ucm"}
    assert refused["ok"] is False and refused["exit_code"] == 2
    assert "only digits" in refused["error"]
    assert ("Dialling 0698765432", "Pick up your phone (extension 1002) when it rings") in \
        seen["notes"]


def test_open_url_events_dial_links_and_pass_everything_else_on(qapp: Any) -> None:
    from ucm_popup.ui.url_events import OpenUrlFilter

    links: list[str] = []
    watcher = OpenUrlFilter(links.append)
    target = QObject()
    assert watcher.eventFilter(target, QFileOpenEvent(QUrl("CALLTO:+33612345678")))
    assert not watcher.eventFilter(target, QFileOpenEvent(QUrl("file:///tmp/notes.txt")))
    assert not watcher.eventFilter(target, QFileOpenEvent(QUrl("https://example.com/tel:1")))
    assert links == ["callto:+33612345678"]
