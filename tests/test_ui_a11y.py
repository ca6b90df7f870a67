"""Accessibility, through QAccessible on the real widgets: names on every control, the ringing
popup announced once without taking the focus, the keyboard way in (tray mnemonics, "Focus the
latest popup", Tab, Escape), and colours: contrast in both themes, meaning never by colour alone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QStyleHints
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from ucm_popup import secrets
from ucm_popup.app import LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.settings import PopupSettings, Settings, save_settings
from ucm_popup.ucm.events import Ringing
from ucm_popup.ui.i18n import LANGUAGE
from ucm_popup.ui.icons import TrayState
from ucm_popup.ui.popup import TEXT_PAIRS, THEMES, CallPopup
from ucm_popup.ui.popup_manager import PopupManager

pytestmark = pytest.mark.qt
JANE = Match("Contacts", "1", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "06 11 22 33 44",
             "jane@acme.example", "Sam Agent", "https://crm.zoho.com/crm/tab/Contacts/1")
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QListWidget,
               QPlainTextEdit)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.text(QAccessible.Text.Name)


def ringing(call_id: str = "c1", name: str = "ACME") -> Ringing:
    return Ringing(call_id, "1002", "inbound", "0612345678", name, "Orange SIP")


@pytest.fixture
def manager(tmp_path: Path, qtbot) -> PopupManager:  # type: ignore[no-untyped-def]
    popups = PopupManager(PopupSettings(), open_url=lambda _url: None,
                          create_url=lambda _m, _n: "", state_file=tmp_path / "pos.json",
                          dial=lambda _number: None)
    popups.notes_enabled = True
    yield popups
    popups.dismiss_all()


@pytest.fixture
def announcements(monkeypatch) -> list[tuple[Any, str]]:  # type: ignore[no-untyped-def]
    """What reaches the platform's accessibility bridge (AT-SPI, UIA, NSAccessibility)."""
    heard: list[tuple[Any, str]] = []
    real = QAccessible.updateAccessibility

    def record(event: Any) -> None:
        if event.type() in (QAccessible.Event.Alert,
                            getattr(QAccessible.Event, "Announcement", None)):
            message = event.message() if hasattr(event, "message") else (
                event.object().accessibleDescription())
            heard.append((event.object(), message))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", record)
    return heard


def test_every_control_of_every_window_has_an_accessible_name(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ucm_popup.ui.dial_box import DialBox
    from ucm_popup.ui.settings_dialog import SettingsDialog

    card = CallPopup(ringing())
    card.can_dial = card.notes_enabled = True
    card.show_lookup(LookupOutcome("0612345678", (JANE, JANE)))
    card.show_answered()
    box = DialBox(lambda text: text, extension="1002")
    config = tmp_path / "config.toml"
    save_settings(config, Settings())
    dialog = SettingsDialog(config, secrets.MemorySecretStore())
    nameless = []
    for window in (card, box, dialog):
        qtbot.addWidget(window)
        for widget in window.findChildren(QWidget):
            if isinstance(widget, INTERACTIVE) and widget.isEnabled() and not (
                    widget.parentWidget() is not None and isinstance(
                        widget.parentWidget(), QAbstractSpinBox | QComboBox)):
                if not accessible_name(widget).strip():
                    nameless.append(f"{type(widget).__name__} {widget.objectName()!r} "
                                    f"{getattr(widget, 'placeholderText', str)()!r}")
    assert nameless == []
    assert accessible_name(card) == card.windowTitle() == "Jane Doe — Call — ucm-popup"
    assert card.note_edit.accessibleDescription()  # what the field is for, beyond its name


def test_a_ringing_popup_announces_the_caller_once_without_taking_the_focus(
        manager: PopupManager, announcements: list[tuple[Any, str]], qtbot) -> None:  # type: ignore[no-untyped-def]
    work = QLineEdit()  # the agent is typing somewhere else
    qtbot.addWidget(work)
    work.show()
    work.activateWindow()
    work.setFocus()
    qtbot.waitUntil(work.hasFocus)
    manager.on_call(ringing("c1", "ACME"))
    popup = manager.popups["c1"]
    qtbot.waitExposed(popup)
    assert announcements == [(popup, "Incoming call: ACME")]
    manager.on_lookup("c1", LookupOutcome("0612345678", (JANE,)))
    manager.on_call(ringing("c1", "ACME"))  # a queue rings the desk again: same call
    assert len(announcements) == 1
    assert work.hasFocus() and not popup.isActiveWindow()
    manager.on_call(ringing("c2", "Dubois & Fils"))
    assert announcements[-1] == (manager.popups["c2"], "Incoming call: Dubois & Fils")


def test_the_warm_up_popup_is_never_announced(manager: PopupManager,
                                              announcements: list[tuple[Any, str]]) -> None:
    manager.warm_up()
    QApplication.processEvents()
    assert announcements == [] and manager.popups == {}


def test_focus_the_latest_popup_then_tab_and_escape(manager: PopupManager, qtbot) -> None:  # type: ignore[no-untyped-def]
    manager.on_call(ringing("c1"))
    manager.on_call(ringing("c2", "Jane"))
    latest = manager.popups["c2"]
    manager.on_lookup("c2", LookupOutcome("0612345678", (JANE,)))
    qtbot.waitExposed(latest)
    manager.focus_latest()
    qtbot.waitUntil(lambda: latest.isActiveWindow())
    order = [w for w in latest.focus_order() if w.isVisibleTo(latest) and w.isEnabled()]
    assert QApplication.focusWidget() is order[0]
    walked = [QApplication.focusWidget()]
    for _ in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == order  # as the card reads: the Call buttons, then Open in CRM, then ✕
    assert [accessible_name(w) for w in walked][-2:] == ["Open in CRM", "Dismiss"]
    with qtbot.waitSignal(latest.dismissed):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert "c2" not in manager.popups and "c1" in manager.popups


@pytest.mark.parametrize("language", ["en", "fr", "de", "es", "it", "pt", "ar"])
def test_tray_menu_items_each_have_their_own_mnemonic(language: str, qapp) -> None:  # type: ignore[no-untyped-def]
    from ucm_popup.ui.tray import TrayActions, TrayController

    def nothing(*_args: object) -> None:
        return None

    LANGUAGE.install(language, qapp)
    try:
        tray = TrayController(TrayActions(quit=nothing, settings=nothing, about=nothing,
                                          reset_position=nothing, open_recent=nothing,
                                          ring_me=nothing, dial=nothing, call_back=nothing,
                                          focus_popup=nothing), version="1")
        keys = []
        for action in tray.menu.actions():
            if action.isSeparator() or not action.isEnabled() or not action.isVisible():
                continue
            marked = re.findall(r"&([^&])", action.text().replace("&&", ""))
            assert len(marked) == 1, action.text()
            keys.append(marked[0].lower())
        assert len(keys) == len(set(keys)) == 9
        focus = [a for a in tray.menu.actions() if a is getattr(tray, "focus_action", None)]
        assert focus and focus[0].text()
    finally:
        LANGUAGE.install("en", qapp)


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [QColor(colour).redF(), QColor(colour).greenF(), QColor(colour).blueF()]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_popup_text_has_a_contrast_of_at_least_4_5_to_1(theme: str) -> None:
    colours = THEMES[theme]
    low = {f"{fg} on {bg}": round(contrast(colours[fg], colours[bg]), 2)
           for fg, bg in TEXT_PAIRS if contrast(colours[fg], colours[bg]) < 4.5}
    assert low == {}
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)  # the formula itself


def test_the_popup_follows_the_desktops_dark_mode(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(Qt.ColorScheme.Dark)  # what a desktop in dark mode tells Qt
    if hints.colorScheme() != Qt.ColorScheme.Dark:  # offscreen keeps its own: say it for it
        monkeypatch.setattr(QStyleHints, "colorScheme", lambda _self: Qt.ColorScheme.Dark)
    try:
        card = CallPopup(ringing())
        qtbot.addWidget(card)
        card.show()
        qtbot.waitExposed(card)
        assert card.theme == "dark"
        image = card.grab().toImage()
        inside = image.pixelColor(image.width() // 2, image.height() - 4)
        assert inside.name().upper() == THEMES["dark"]["bg"]
        assert card.name.palette().color(card.name.foregroundRole()).name().upper() == THEMES[
            "dark"]["text"]
    finally:
        hints.unsetColorScheme()
        monkeypatch.undo()
    light = CallPopup(ringing("c2"))
    qtbot.addWidget(light)
    assert light.theme == "light"


def test_no_state_is_told_by_colour_alone() -> None:
    by_colour: dict[str, list[TrayState]] = {}
    for state in TrayState:
        by_colour.setdefault(state.colour, []).append(state)
        assert state.title  # the tooltip and the status line say it in words
    for states in by_colour.values():  # same colour: a different badge shape, except the two
        glyphs = [state.glyph for state in states]  # ways of waiting for the UCM ("…" both)
        attempts = {TrayState.CONNECTING, TrayState.RECONNECTING}
        glyphs = [state.glyph for state in states if state not in attempts] + [
            "dots" for state in states if state in attempts][:1]
        assert len(glyphs) == len(set(glyphs)), states


def test_a_missed_card_says_missed_in_words_not_only_in_red(qtbot) -> None:  # type: ignore[no-untyped-def]
    card = CallPopup(ringing())
    qtbot.addWidget(card)
    card.show_ended(answered=False, elsewhere=False, close_after_answered=3,
                    close_after_missed=0)
    assert card.status.text().startswith("Missed call · ")
    assert "Missed call" in card.windowTitle()


def test_a_settings_field_describes_its_hint_and_what_is_wrong(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ucm_popup.ui.settings_dialog import SettingsDialog

    config = tmp_path / "config.toml"
    save_settings(config, Settings())
    dialog = SettingsDialog(config, secrets.MemorySecretStore())
    qtbot.addWidget(dialog)
    host = dialog.pbx.host
    interface = QAccessible.queryAccessibleInterface(host)
    said = interface.text(QAccessible.Text.Description)
    assert interface.text(QAccessible.Text.Name) == "UCM address"
    assert said.startswith("Enter the UCM's address, like pbx.example.com. The name or IP")
    host.setText("pbx.example.com")
    said = QAccessible.queryAccessibleInterface(host).text(QAccessible.Text.Description)
    assert said.startswith("The name or IP address of your Grandstream UCM")
    password = dialog.pbx.password.edit
    assert QAccessible.queryAccessibleInterface(password).text(QAccessible.Text.Name) == "Password"
    assert "password" in QAccessible.queryAccessibleInterface(password).text(
        QAccessible.Text.Description)

