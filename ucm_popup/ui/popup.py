"""The caller popup: one small always-on-top card per call that never takes keyboard focus.

It shows the number and the UCM's caller name at once, fills in the CRM record when the lookup
answers, and follows the call (answered with a timer, ended, missed, answered elsewhere).
Every text that comes from the UCM or the CRM goes through ``_plain`` labels (never markup) and
is cut to a few lines first (``_fit``): a caller name may be megabytes long, the popup stays a card.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.app import LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.text import one_line
from ucm_popup.ucm.events import Ringing
from ucm_popup.ui.i18n import arg, clock, translate

W = TypeVar("W", bound=QObject)
WIDTH = 360
MODULE_LABELS = {"Contacts": QT_TRANSLATE_NOOP("Popup", "Contact"),
                 "Leads": QT_TRANSLATE_NOOP("Popup", "Lead"),
                 "Accounts": QT_TRANSLATE_NOOP("Popup", "Account")}
# The card's colours in a light and a dark theme (the popup follows the desktop's).  Every text
# colour is paired with the background it is drawn on in TEXT_PAIRS, and each pair keeps a
# contrast of at least 4.5:1 (WCAG AA; tests/test_ui_a11y.py checks both themes).
THEMES: dict[str, dict[str, str]] = {
    "light": {"bg": "#FFFFFF", "text": "#0F172A", "soft": "#334155", "key": "#64748B",
              "notice": "#475569", "problem": "#B45309", "accent": "#2563EB",
              "missed": "#DC2626", "over": "#64748B", "border": "#CBD5E1", "rule": "#E2E8F0",
              "button": "#F8FAFC", "hover": "#EFF6FF", "selected": "#DBEAFE",
              "on_accent": "#FFFFFF", "accent_bg": "#2563EB", "accent_hover": "#1D4ED8",
              "close_hover": "#F1F5F9"},
    "dark": {"bg": "#0F172A", "text": "#F1F5F9", "soft": "#CBD5E1", "key": "#94A3B8",
             "notice": "#CBD5E1", "problem": "#FBBF24", "accent": "#60A5FA",
             "missed": "#F87171", "over": "#94A3B8", "border": "#475569", "rule": "#334155",
             "button": "#1E293B", "hover": "#1E3A8A", "selected": "#1E3A8A",
             "on_accent": "#FFFFFF", "accent_bg": "#1D4ED8", "accent_hover": "#1E40AF",
             "close_hover": "#1E293B"},
}
TEXT_PAIRS = (("text", "bg"), ("soft", "bg"), ("key", "bg"), ("notice", "bg"), ("problem", "bg"),
              ("accent", "bg"), ("missed", "bg"), ("over", "bg"), ("text", "button"),
              ("text", "hover"), ("text", "selected"), ("on_accent", "accent_bg"),
              ("on_accent", "accent_hover"), ("accent", "button"), ("text", "close_hover"))
ACCENT = THEMES["light"]["accent"]
MISSED = THEMES["light"]["missed"]
QUIET = "#94A3B8"
# How much of an outside text the card shows: about three wrapped lines of a name, two of the
# other fields.  Laying out megabytes of text takes seconds and makes a window taller than any
# screen, so it is cut before it reaches a label.
NAME_CHARS = 80
FIELD_CHARS = 100
NUMBER_CHARS = 40
NOTICE_CHARS = 200
_UNBROKEN = re.compile(r"[^\s\u200b]{20}(?=\S)")

_STYLE = """
QWidget#popup {{ background: {bg}; }}
QFrame#card {{ background: {bg}; border: 1px solid {border}; border-left: 4px solid {accent}; }}
QFrame#card[state="missed"] {{ border-left-color: {missed}; }}
QFrame#card[state="over"] {{ border-left-color: {over}; }}
QLabel {{ color: {text}; background: transparent; }}
QLabel#status {{ color: {accent}; font-weight: 600; }}
QFrame#card[state="missed"] QLabel#status {{ color: {missed}; }}
QFrame#card[state="over"] QLabel#status {{ color: {over}; }}
QLabel#name {{ font-size: 15pt; font-weight: 600; }}
QLabel#company, QLabel#number {{ color: {soft}; }}
QLabel.key {{ color: {key}; }}
QLabel#notice {{ color: {notice}; }}
QLabel#notice[problem="true"] {{ color: {problem}; }}
QToolButton#close {{ border: none; color: {key}; font-size: 13pt; padding: 0 4px; }}
QToolButton#close:hover, QToolButton#close:focus {{ color: {text}; background: {close_hover};
    border-radius: 4px; }}
QToolButton#call_phone, QToolButton#call_mobile {{ border: 1px solid {border};
    border-radius: 4px; padding: 0 6px; color: {accent}; background: {button}; }}
QToolButton#call_phone:hover, QToolButton#call_mobile:hover {{ background: {hover}; }}
QPushButton {{ padding: 5px 12px; border: 1px solid {border}; border-radius: 5px;
  background: {button}; color: {text}; }}
QPushButton:hover {{ background: {hover}; border-color: {accent}; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {accent}; }}
QPushButton#open_crm {{ background: {accent_bg}; border-color: {accent_bg}; color: {on_accent};
  font-weight: 600; }}
QPushButton#open_crm:hover {{ background: {accent_hover}; }}
QPushButton#open_crm:focus {{ border: 2px solid {text}; }}
QListWidget {{ border: 1px solid {rule}; border-radius: 4px; outline: none; background: {bg}; }}
QListWidget::item {{ padding: 3px 4px; color: {text}; }}
QListWidget::item:selected {{ background: {selected}; color: {text}; }}
QPlainTextEdit#note {{ border: 1px solid {border}; border-radius: 4px; background: {button};
  color: {text}; padding: 2px; }}
QPlainTextEdit#note:focus {{ border-color: {accent}; background: {bg}; }}
"""
STYLES = {theme: _STYLE.format(**colours) for theme, colours in THEMES.items()}
STYLE = STYLES["light"]


def desktop_theme() -> str:
    """"dark" when the desktop asks for dark mode (Qt 6.5+ reads it from the platform)."""
    from PySide6.QtGui import QGuiApplication

    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def _plain(name: str, *, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # UCM and CRM text is data, never markup
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _fit(text: str, limit: int = FIELD_CHARS) -> str:
    """Outside text as the card shows it: one line (controls escaped), at most ``limit`` chars,
    with a line-break chance (a zero-width space) in any run of 20 characters without a space:
    Qt wraps only between words, and a 80-character word would be cut off at the card's edge."""
    return _UNBROKEN.sub("\\g<0>\u200b", one_line(text, limit))


class _OneLineLabel(QLabel):
    """Plain text on one line, cut with an ellipsis where it would leave the card."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Ignored: the label's width comes from the card, never from its text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def set_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        elided = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                               max(self.width(), 1))
        super().setText(elided if self.width() > 1 else self._full)


def announce(widget: QWidget, words: str) -> None:
    """Have the screen reader say ``words`` about ``widget``, politely, without moving focus."""
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent  # Qt 6.8 and later
    except ImportError:
        widget.setAccessibleDescription(words)
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
        return
    event = QAccessibleAnnouncementEvent(widget, words)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def _module_label(module: str) -> str:
    """A CRM module as the agent's language names one record of it."""
    return translate("Popup", str(MODULE_LABELS[module])) if module in MODULE_LABELS else module


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds < 3600 else (
        f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    )


class CallPopup(QWidget):
    open_url = Signal(str)
    create_record = Signal(str, str)  # module, number
    dismissed = Signal(str)  # call_id
    moved = Signal(QPoint)  # new top-left after the user dragged it
    dial = Signal(str)  # a number to call (Call back, Call next to a record's phone)
    note_started = Signal(str)  # call_id: the agent began typing a note
    note_finished = Signal(str, object)  # call_id, the note saved (None: dismissed unsaved)
    picked = Signal(str, object)  # call_id, the Match the agent picked among several

    def __init__(self, ringing: Ringing, *, announce: bool = True) -> None:
        super().__init__(
            None,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # macOS hides a tool window (an NSPanel) whenever its app is not active, and a menu-bar
        # app almost never is: without this the popup would never be seen there.
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("popup")
        self.theme = desktop_theme()
        self.setFixedWidth(WIDTH)
        self.ringing = ringing
        self.matches: tuple[Match, ...] = ()
        self.finished = False
        self.missed = False
        self.can_dial = False  # click-to-dial is set up: Call back and Call buttons show
        self.outgoing = False  # the agent's own call: "Calling <name>"
        self.transferred_by = ringing.transferred_by  # the colleague who handed the call over
        self._answered_at: float | None = None
        self._drag_from: QPoint | None = None
        self._dragged = False
        self.notes_enabled = False  # set by the manager when calls are written to the CRM
        self.note_active = False  # typing: the popup stays until Save or dismiss
        self._filling = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_timer)
        self._close_timer = QTimer(self)
        self._close_timer.setSingleShot(True)
        self._close_timer.timeout.connect(self.dismiss)
        self._announce = announce  # a screen reader hears each call once (not the warm-up's)
        self._announced: set[str] = set()
        self._build()
        self._describe_controls()
        self.card.setProperty("state", "active")
        # The style last, once: set before the widgets exist, every addWidget() would polish
        # the new child against it again (a third of the time to build a popup).
        self.setStyleSheet(STYLES[self.theme])
        self.show_ringing(ringing)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.card = _named(QFrame(), "card")
        outer.addWidget(self.card)
        box = QVBoxLayout(self.card)
        box.setContentsMargins(14, 8, 8, 12)
        box.setSpacing(3)

        header = QHBoxLayout()
        self.status = _plain("status")
        self.close_button = _named(QToolButton(), "close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("Popup", "Dismiss"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.close_button.clicked.connect(self.dismiss)
        header.addWidget(self.status, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(header)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 6, 0)
        body.setSpacing(3)
        box.addLayout(body)
        self.name = _plain("name", wrap=True)
        self.company = _plain("company", wrap=True)
        self.number = _plain("number", wrap=True)
        body.addWidget(self.name)
        body.addWidget(self.company)
        body.addWidget(self.number)

        self.matches_list = _named(QListWidget(), "matches")
        self.matches_list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.matches_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.matches_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches_list.currentRowChanged.connect(self._pick)
        body.addSpacing(4)
        body.addWidget(self.matches_list)

        self.details = QWidget()
        grid = QVBoxLayout(self.details)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setSpacing(2)
        self.detail_rows: dict[str, tuple[QWidget, _OneLineLabel]] = {}
        self.call_buttons: dict[str, QToolButton] = {}
        rows = (("owner", translate("Popup", "Owner")), ("phone", translate("Popup", "Phone")),
                ("mobile", translate("Popup", "Mobile")), ("email", translate("Popup", "Email")),
                ("via", translate("Popup", "Line")))
        for key, caption in rows:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            title = _plain("key")
            title.setText(caption)
            title.setProperty("class", "key")
            title.setMinimumWidth(52)  # a longer word ("Propriétaire") widens it
            value = _OneLineLabel(key)
            line.addWidget(title)
            line.addWidget(value, 1)
            if key in ("phone", "mobile"):
                line.addWidget(self._call_button(key, value))
            grid.addWidget(row)
            self.detail_rows[key] = (row, value)
        body.addWidget(self.details)

        self.via = self.detail_rows["via"][1]
        self.notice = _plain("notice", wrap=True)
        body.addWidget(self.notice)

        self._build_note(body)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 8, 6, 0)
        self.open_button = _named(QPushButton(translate("Popup", "Open in CRM")), "open_crm")
        self.contact_button = _named(QPushButton(translate("Popup", "Create contact")),
                                     "create_contact")
        self.lead_button = _named(QPushButton(translate("Popup", "Create lead")), "create_lead")
        self.call_back_button = _named(QPushButton(translate("Popup", "Call back")), "call_back")
        self.call_back_button.clicked.connect(lambda: self.dial.emit(self.ringing.number))
        # Two rows: the record's buttons, then the ones that create a record, so that longer
        # words ("Créer un prospect", "Kontakt anlegen") keep their whole width.
        create = QHBoxLayout()
        create.setContentsMargins(0, 4, 6, 0)
        for button_row, members in ((buttons, (self.open_button, self.call_back_button)),
                                    (create, (self.contact_button, self.lead_button))):
            for button in members:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab, once given the focus
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button_row.addWidget(button)
            button_row.addStretch(1)
        self.open_button.clicked.connect(self._open_selected)
        self.contact_button.clicked.connect(lambda: self._create("Contacts"))
        self.lead_button.clicked.connect(lambda: self._create("Leads"))
        box.addLayout(buttons)
        box.addLayout(create)

    def _build_note(self, body: QVBoxLayout) -> None:
        """The agent's note for the CRM: hidden until the call is answered.  Clicking it is
        the only way the popup takes keyboard focus (``_take_focus``)."""
        self.note_box = QWidget()
        column = QVBoxLayout(self.note_box)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        self.note_edit = _named(QPlainTextEdit(), "note")
        self.note_edit.setPlaceholderText(
            translate("Popup", "Note for the CRM (saved with the call)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(58)
        self.note_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.note_edit.viewport().installEventFilter(self)
        self.note_edit.textChanged.connect(self._note_typed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 6, 0)
        self.save_note_button = _named(QPushButton(translate("Popup", "Save note")), "save_note")
        self.save_note_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.save_note_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.save_note_button.setEnabled(False)
        self.save_note_button.clicked.connect(self.save_note)
        row.addStretch(1)
        row.addWidget(self.save_note_button)
        column.addWidget(self.note_edit)
        column.addLayout(row)
        self.note_box.hide()
        body.addWidget(self.note_box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched is self.note_edit.viewport():
            self._take_focus()
        return super().eventFilter(watched, event)

    def _take_focus(self) -> None:
        """The agent clicked into the note: only now may the popup have the keyboard."""
        self._accept_focus()
        self.note_edit.setFocus(Qt.FocusReason.MouseFocusReason)

    def _accept_focus(self) -> None:
        handle = self.windowHandle()
        if handle is not None and handle.flags() & Qt.WindowType.WindowDoesNotAcceptFocus:
            handle.setFlags(handle.flags() & ~Qt.WindowType.WindowDoesNotAcceptFocus)
        self.activateWindow()
        self.raise_()

    def take_keyboard(self) -> None:
        """The agent asked for this popup (the tray's "Focus the latest popup"): it takes the
        keyboard, its first visible control has the focus, Tab goes on, Escape closes it."""
        self._accept_focus()
        for widget in self.focus_order():
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.close_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_order(self) -> list[QWidget]:
        """Tab order: as the card reads, top to bottom, then the buttons left to right."""
        return [self.matches_list, self.call_buttons["phone"], self.call_buttons["mobile"],
                self.note_edit, self.save_note_button, self.open_button, self.contact_button,
                self.lead_button, self.call_back_button, self.close_button]

    def _describe_controls(self) -> None:
        """Accessible names and descriptions: what a screen reader says for each control."""
        described = (
            (self.close_button, translate("Popup", "Dismiss"),
             translate("Popup", "Close this popup (Escape)")),
            (self.matches_list, translate("Popup", "Matching records"),
             translate("Popup", "Several CRM records have this number: pick one")),
            (self.call_buttons["phone"], translate("Popup", "Call the phone number"),
             translate("Popup", "Ring my phone, then call this number")),
            (self.call_buttons["mobile"], translate("Popup", "Call the mobile number"),
             translate("Popup", "Ring my phone, then call this number")),
            (self.note_edit, translate("Popup", "Note for the CRM"),
             translate("Popup", "Note for the CRM (saved with the call)")),
            (self.save_note_button, translate("Popup", "Save note"),
             translate("Popup", "Save the note with the call in the CRM")),
            (self.open_button, translate("Popup", "Open in CRM"),
             translate("Popup", "Open the caller's record in the CRM in the browser")),
            (self.contact_button, translate("Popup", "Create contact"),
             translate("Popup", "Create a contact for this number in the CRM")),
            (self.lead_button, translate("Popup", "Create lead"),
             translate("Popup", "Create a lead for this number in the CRM")),
            (self.call_back_button, translate("Popup", "Call back"),
             translate("Popup", "Ring my phone, then call the caller back")),
            (self.status, translate("Popup", "Call status"), ""),
            (self.name, translate("Popup", "Caller"), ""),
        )
        for widget, name, description in described:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
        order = self.focus_order()
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        # Laid out while hidden (a lookup answered before the popup showed), the height was a
        # guess without the style's fonts: measure again now that the card is polished.
        super().showEvent(event)
        self._refit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)

    def _announce_caller(self) -> None:
        """Tell a screen reader who calls, once per call, without taking the focus: Qt's
        announcement event (an AT-SPI/UIA/NSAccessibility announcement), or an alert on Qt
        versions without one."""
        call_id = self.ringing.call_id
        if not self._announce or call_id in self._announced:
            return
        self._announced.add(call_id)
        words = arg(translate("Popup", "%1: %2"), self.status.text(),
                    one_line(self.display_name, NAME_CHARS))
        announce(self, words)

    def _note_typed(self) -> None:
        typed = bool(self.note_edit.toPlainText().strip())
        self.save_note_button.setEnabled(typed)
        if typed and not self.note_active:
            self.note_active = True
            self._close_timer.stop()  # typing keeps the popup, also after the call ended
            self.note_started.emit(self.ringing.call_id)

    def save_note(self) -> None:
        note = self.note_edit.toPlainText().strip()
        if not note:
            return
        self.note_active = False
        self.note_finished.emit(self.ringing.call_id, note)
        handle = self.windowHandle()
        if handle is not None:  # the keyboard goes back: never focused again by itself
            handle.setFlags(handle.flags() | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.note_box.hide()
        self.notice.setText(translate("Popup", "Note saved to the CRM"))
        self._set_problem(False)
        self.notice.show()
        self._refit()
        if self.finished:
            self._close_timer.start(3000)

    # -- states ------------------------------------------------------------------------------

    def show_ringing(self, ringing: Ringing) -> None:
        self.ringing = ringing
        self.finished = self.missed = False
        self._close_timer.stop()
        self._set_card_state("active")
        self.status.setText(translate("Popup", "Internal call") if ringing.direction == "internal"
                            else translate("Popup", "Incoming call"))
        self.name.setText(_fit(ringing.name or ringing.number
                               or translate("Popup", "Unknown caller"), NAME_CHARS))
        self.company.hide()
        self.number.setText(_fit(ringing.number, NUMBER_CHARS) if ringing.name else "")
        self.number.setVisible(bool(ringing.name and ringing.number))
        by = ringing.transferred_by or self.transferred_by
        via = [part for part in (by and arg(translate("Popup", "transferred by %1"), by),
                                 ringing.queue and arg(translate("Popup", "queue %1"),
                                                       ringing.queue),
                                 ringing.trunk) if part]
        self.via.set_text(one_line(" · ".join(via), FIELD_CHARS))
        self.matches_list.hide()
        for key, (row, _label) in self.detail_rows.items():
            row.setVisible(key == "via" and bool(via))
        self.details.setVisible(bool(via))
        self.notice.setText(translate("Popup", "Looking up in the CRM…"))
        self._set_problem(False)
        self.notice.show()
        for button in (self.open_button, self.contact_button, self.lead_button,
                       self.call_back_button):
            button.hide()
        self._retitle()
        self._refit()
        if not self.outgoing:
            self._announce_caller()

    def take_call(self, ringing: Ringing) -> None:
        """A popup built ahead of time (the manager's spare) becomes this call's."""
        self._announce = True
        self.transferred_by = ringing.transferred_by
        self.show_ringing(ringing)

    def show_dialing(self, ringing: Ringing) -> None:
        """The agent's own call to ``ringing``'s party (click-to-dial or from the phone)."""
        self.outgoing = True
        self.show_ringing(ringing)
        self._status_calling()

    def show_transferred(self, ringing: Ringing) -> None:
        """A colleague's transfer put another party on this call: show it (and look it up
        again), keeping the call's timer."""
        self.transferred_by = ringing.transferred_by
        answered_at = self._answered_at
        self.show_ringing(ringing)
        if answered_at is not None:
            self._answered_at = answered_at
            self._show_timer()
        else:
            self.status.setText(translate("Popup", "Transferred call"))

    def _status_calling(self) -> None:
        if self.outgoing and self._answered_at is None and not self.finished:
            self.status.setText(arg(translate("Popup", "Calling %1"),
                                    one_line(self.display_name, NAME_CHARS)))

    def show_lookup(self, outcome: LookupOutcome) -> None:
        self.matches = outcome.matches
        if outcome.error:
            self.notice.setText(arg(translate("Popup", "⚠ CRM lookup failed: %1"),
                                    _fit(outcome.error, NOTICE_CHARS)))
            self._set_problem(True)
            self.notice.show()
        elif not outcome.crm_enabled:
            self.notice.hide()
        elif not outcome.matches:
            self.notice.setText(translate("Popup", "No match in the CRM for this number"))
            self._set_problem(False)
            self.notice.show()
            if self.ringing.number and self.ringing.direction != "internal":
                self.contact_button.show()
                self.lead_button.show()
        else:
            self.notice.hide()
            self.contact_button.hide()  # a record made for an unknown caller replaces them
            self.lead_button.hide()
            self.matches_list.clear()
            if len(outcome.matches) > 1:
                for match in outcome.matches:
                    module = _module_label(match.module)
                    extra = " · ".join(p for p in (match.company, module) if p)
                    row = f"{one_line(match.name, NAME_CHARS)}  —  {one_line(extra, FIELD_CHARS)}"
                    QListWidgetItem(row, self.matches_list)  # the list elides a long row
                rows = min(len(outcome.matches), 3)
                self.matches_list.setFixedHeight(rows * self.matches_list.sizeHintForRow(0) + 6)
                self.matches_list.show()
            self._filling = True  # showing the first match is no pick by the agent
            self.matches_list.setCurrentRow(0)
            self._pick(0)
            self._filling = False
        self._refit()

    def _pick(self, row: int) -> None:
        if not 0 <= row < len(self.matches):
            return
        match = self.matches[row]
        module = _module_label(match.module)
        self.name.setText(_fit(match.name or self.ringing.name or self.ringing.number, NAME_CHARS))
        self.company.setText(_fit(" · ".join(p for p in (match.company, module) if p)))
        self.company.show()
        caller = " · ".join(p for p in (_fit(self.ringing.number, NUMBER_CHARS),
                                        _fit(self.ringing.name, NAME_CHARS)) if p)
        self.number.setText(caller)
        self.number.setVisible(bool(caller))
        mobile = match.mobile if match.phone and match.mobile != match.phone else ""
        for key, value in (("owner", match.owner), ("phone", match.phone or match.mobile),
                           ("mobile", mobile), ("email", match.email)):
            row_widget, label = self.detail_rows[key]
            label.set_text(one_line(value, FIELD_CHARS))
            row_widget.setVisible(bool(value))
            if key in self.call_buttons:
                self.call_buttons[key].setProperty("number", value)
                self.call_buttons[key].setVisible(self.can_dial and bool(value))
        self.details.setVisible(any(row.isVisibleTo(self.details) for row, _ in
                                    self.detail_rows.values()))
        self.open_button.setVisible(bool(match.url))
        if len(self.matches) > 1 and not self._filling:
            self.picked.emit(self.ringing.call_id, match)
        self._status_calling()
        self._retitle()
        self._refit()

    def show_answered(self) -> None:
        if self._answered_at is None:
            self._answered_at = time.monotonic()
        self._show_timer()
        self._tick.start()
        if self.notes_enabled and self.note_box.isHidden():
            self.note_box.show()
            self._refit()

    def show_ended(self, *, answered: bool, elsewhere: bool, close_after_answered: int,
                   close_after_missed: int, transferred_to: str = "") -> None:
        self._tick.stop()
        self.finished = True
        answered = answered or self._answered_at is not None
        if answered and transferred_to:
            self.status.setText(arg(translate("Popup", "Transferred to %1"),
                                    one_line(transferred_to, NUMBER_CHARS)))
            self._set_card_state("over")
            delay = close_after_answered
        elif self.outgoing and not answered:
            self.status.setText(translate("Popup", "Not answered"))
            self._set_card_state("over")
            delay = close_after_answered
        elif elsewhere:
            self.status.setText(translate("Popup", "Answered on another extension"))
            self._set_card_state("over")
            delay = close_after_answered
        elif answered:
            talk = time.monotonic() - (self._answered_at or time.monotonic())
            self.status.setText(arg(translate("Popup", "Call ended · %1"), _duration(talk)))
            self._set_card_state("over")
            delay = close_after_answered
        else:
            self.missed = True
            self.status.setText(arg(translate("Popup", "Missed call · %1"),
                                    clock(self.ringing.time)))
            self._set_card_state("missed")
            self.call_back_button.setVisible(self.can_dial and bool(self.ringing.number))
            delay = close_after_missed
        self._retitle()
        if delay > 0 and not self.note_active:
            self._close_timer.start(delay * 1000)

    def _call_button(self, key: str, value: QLabel) -> QToolButton:
        """A small Call button beside a record's phone number; the number is the record's,
        as stored in the CRM (the dial rules read any spelling)."""
        button = _named(QToolButton(), f"call_{key}")
        button.setText(translate("Popup", "Call"))
        button.setToolTip(translate("Popup", "Ring my phone, then call this number"))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda: self.dial.emit(str(button.property("number") or "")))
        button.hide()
        self.call_buttons[key] = button
        return button

    def _show_timer(self) -> None:
        if self._answered_at is not None:
            self.status.setText(arg(translate("Popup", "On call · %1"),
                                    _duration(time.monotonic() - self._answered_at)))

    # -- helpers -----------------------------------------------------------------------------

    @property
    def display_name(self) -> str:
        row = max(self.matches_list.currentRow(), 0)
        if self.matches and self.matches[row].name:
            return str(self.matches[row].name)
        return self.ringing.name or self.ringing.number or translate("Popup", "Unknown caller")

    def _retitle(self) -> None:
        title = (translate("Popup", "%1 — Missed call — ucm-popup") if self.missed
                 else translate("Popup", "%1 — Call — ucm-popup"))
        self.setWindowTitle(arg(title, one_line(self.display_name, NAME_CHARS)))
        self.setAccessibleName(self.windowTitle())

    def _set_card_state(self, state: str) -> None:
        if self.card.property("state") == state:
            return  # polishing every label again costs a few milliseconds for nothing
        self.card.setProperty("state", state)
        self.card.style().unpolish(self.card)
        self.card.style().polish(self.card)
        for label in self.card.findChildren(QLabel):
            label.style().unpolish(label)
            label.style().polish(label)

    def _set_problem(self, problem: bool) -> None:
        self.notice.setProperty("problem", "true" if problem else "false")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)

    def _refit(self) -> None:
        """As tall as the content at the fixed width: wrapped labels make adjustSize() guess."""
        self._outer.activate()
        self.setFixedHeight(self._outer.totalHeightForWidth(WIDTH))

    def _open_selected(self) -> None:
        row = max(self.matches_list.currentRow(), 0)
        if self.matches and self.matches[row].url:
            self.open_url.emit(self.matches[row].url)

    def _create(self, module: str) -> None:
        self.create_record.emit(module, self.ringing.number)

    def dismiss(self) -> None:
        if self.note_active:  # closed without saving: the call's record need not wait
            self.note_active = False
            self.note_finished.emit(self.ringing.call_id, None)
        self._tick.stop()
        self._close_timer.stop()
        self.hide()
        self.dismissed.emit(self.ringing.call_id)

    # -- dragging: the user may put it elsewhere; the manager remembers where ----------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.frameGeometry().topLeft()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag_from)
            self._dragged = True
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            if self._dragged:
                self.moved.emit(self.pos())
        super().mouseReleaseEvent(event)
