"""The tray icon and its menu, or a small status window where the desktop has no tray.

The icon AND the tooltip tell each state apart; a degradation shows one notification, not a
stream: a state is announced once until the app is healthy again.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ucm_popup.app import Connection, Health, RecentCall
from ucm_popup.crm.index import SyncState
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.text import one_line, truncate
from ucm_popup.ui.i18n import arg, clock, translate
from ucm_popup.ui.i18n import number as locale_number
from ucm_popup.ui.icons import TrayState, app_icon, call_icon, state_icon

log = logging.getLogger(__name__)
# macOS opens a status item's menu itself on any click, and Qt still reports the click as a
# Trigger: opening the menu for it too would show it twice.
MENU_OPENS_ITSELF_ON_CLICK = sys.platform == "darwin"
HEALTHY = (TrayState.CONNECTED, TrayState.PAUSED)
# Outside text in the menu and tooltip is cut: a menu row as wide as a caller's 2 MB name, or an
# error message pages long, would cover the screen.
RECENT_NAME_CHARS = 40
RECENT_NUMBER_CHARS = 30
DETAIL_CHARS = 200
TITLE_CHARS = 80
MESSAGE_CHARS = 400


def tray_state(health: Health, paused: bool) -> TrayState:
    connection = health.connection
    if connection is Connection.NOT_CONFIGURED:
        return TrayState.NOT_CONFIGURED
    if connection is Connection.LOGIN_REFUSED:
        return TrayState.LOGIN_REFUSED
    if connection is Connection.FAILED:
        return TrayState.UCM_FAILED
    if connection is Connection.CONNECTING:
        return TrayState.CONNECTING
    if connection is Connection.RECONNECTING:
        return TrayState.RECONNECTING
    if connection is Connection.RELAY_OFFLINE:
        return TrayState.RELAY_OFFLINE
    if connection is Connection.RELAY_LOST_UCM:
        return TrayState.RELAY_LOST_UCM
    if health.crm_problem:
        return TrayState.CRM_FAILING
    return TrayState.PAUSED if paused else TrayState.CONNECTED


def notifications_read_markup() -> bool:
    """Would the desktop read a notification's text as markup?

    Where Qt docks the icon itself (XEmbed: a ``QSystemTrayIconSys`` window), its own balloon
    shows plain text, and escaped text would show as ``&lt;b&gt;``.  Elsewhere on Linux the icon
    is a StatusNotifierItem (KDE, GNOME with AppIndicator) and the desktop's notification daemon
    renders the body's ``<b>``, ``<a href>``, ``<img>``: there the text must be escaped.
    Windows and macOS show plain text.
    """
    if not sys.platform.startswith("linux"):
        return False
    return not any(widget.metaObject().className() == "QSystemTrayIconSys"
                   for widget in QApplication.topLevelWidgets())


def _lines(text: str, limit: int) -> str:
    """Each line of ``text`` made printable, at most ``limit`` characters in all."""
    return truncate("\n".join(one_line(line, limit) for line in text.splitlines()[:10]), limit)


def menu_position(icon_geometry: QRect, cursor: QPoint) -> QPoint:
    """Where a left click opens the menu: at the icon where the tray says where the icon is,
    else at the pointer.  A StatusNotifier icon (KDE, GNOME with AppIndicator) reports no
    geometry, and its empty rectangle's centre is the screen's top-left corner."""
    if icon_geometry.isValid() and not icon_geometry.isEmpty():
        return icon_geometry.center()
    return cursor


def writes_lines(status: OutboxStatus) -> list[str]:
    """The tray's words for the CRM writes: nothing while all went through."""
    lines = []
    if status.waiting:
        lines.append(translate("Tray", "%n call(s) waiting to be written", None, status.waiting)
                     .replace(str(status.waiting), locale_number(status.waiting), 1))
    if status.last_error:
        if not lines:
            lines.append(translate("Tray", "Writing to the CRM failed"))
        if status.missing_field:  # said first: a long refusal line is cut in the menu
            lines.append(arg(translate("Tray", "Zoho requires the field %1: ask your Zoho admin "
                                       "to make it optional or give it a default"),
                             status.missing_field))
        lines.append(one_line(status.last_error, DETAIL_CHARS))
    return lines


def describe_index(state: SyncState, now: float | None = None) -> str:
    """``CRM index: 12,345 records, synced 3 min ago`` in the agent's language."""
    import time

    now = time.time() if now is None else now
    if state.synced_at is None:
        line = translate("Tray", "CRM index: not synced yet")
    else:
        records = translate("Tray", "%n record(s)", None, state.records).replace(
            str(state.records), locale_number(state.records), 1)
        line = arg(translate("Tray", "CRM index: %1, synced %2"), records,
                   ago(now - state.synced_at))
    if state.problem:
        line += arg(translate("Tray", "; sync failing: %1"), one_line(state.problem, 160))
        if state.retry_at is not None:
            line += arg(translate("Tray", " (retry in %1)"), ago(state.retry_at - now, True))
    return line


def ago(seconds: float, plain: bool = False) -> str:
    """"3 min ago" (or "3 min" when ``plain``) in the agent's language."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return (translate("Tray", "%n s", None, int(seconds)) if plain
                else translate("Tray", "just now"))
    if seconds < 3600:
        text = translate("Tray", "%n min", None, int(seconds // 60))
    elif seconds < 2 * 86400:
        text = translate("Tray", "%n h", None, int(seconds // 3600))
    else:
        text = translate("Tray", "%n day(s)", None, int(seconds // 86400))
    return text if plain else arg(translate("Tray", "%1 ago"), text)


def menu_text(text: str) -> str:
    """Menu texts treat ``&`` as a shortcut marker; CRM names like "Dubois & Fils" need ``&&``."""
    return text.replace("&", "&&")


@dataclass
class TrayActions:
    quit: Callable[[], None]
    settings: Callable[[], None]
    about: Callable[[], None]
    reset_position: Callable[[], None]
    open_recent: Callable[[RecentCall], None]
    ring_me: Callable[[], None] | None = None  # demo mode only
    dial: Callable[[], None] | None = None  # opens the Dial… box (click-to-dial set up)
    call_back: Callable[[RecentCall], None] | None = None
    focus_popup: Callable[[], None] | None = None  # gives the latest popup the keyboard


class StatusWindow(QWidget):
    """Stands in for the tray icon on desktops without one, and says so."""

    closing = Signal()

    def __init__(self, menu: QMenu) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("ucm-popup")
        self.setWindowIcon(app_icon())
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.icon = QLabel()
        self.state = QLabel()
        self.state.setObjectName("state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setStyleSheet("font-weight: 600;")
        self.state.setWordWrap(True)  # "Verbindung zur UCM wird hergestellt…" is long
        menu_button = QToolButton()
        menu_button.setText(translate("Tray", "&Menu"))
        menu_button.setAccessibleName(translate("Tray", "Menu"))
        menu_button.setMenu(menu)
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top.addWidget(self.icon)
        top.addWidget(self.state, 1)
        top.addWidget(menu_button)
        layout.addLayout(top)
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.detail)
        note = QLabel(
            translate("Tray", "This desktop has no system tray, so ucm-popup shows this window "
                              "instead. Closing it quits ucm-popup."),
            wordWrap=True,
        )
        note.setStyleSheet("color: #64748B;")
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        self.setFixedWidth(340)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.closing.emit()
        super().closeEvent(event)


class TrayController(QObject):
    pause_toggled = Signal(bool)

    def __init__(self, actions: TrayActions, *, version: str, extension: str = "") -> None:
        super().__init__()
        self.actions = actions
        self.version = version
        self.extension = extension
        self.health = Health()
        self.writes = OutboxStatus()  # calls waiting to be written to the CRM
        self.paused = False
        self.state = TrayState.CONNECTING
        self.notifications: list[tuple[str, str]] = []  # what was shown, for tests and logs
        self._announced: set[TrayState] = set()
        self._pending: list[tuple[str, str, bool]] = []
        self._recent: list[RecentCall] = []
        self.menu = self._build_menu()
        self.icon: QSystemTrayIcon | None = None
        self.window: StatusWindow | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(state_icon(self.state), self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
        else:
            self.window = StatusWindow(self.menu)
            self.window.closing.connect(actions.quit)
        self._refresh()

    def show(self) -> None:
        if self.icon is not None:
            self.icon.show()
            log.info("tray icon shown (a system tray is available)")
        elif self.window is not None:
            self.window.show()
            log.warning("no system tray on this desktop: showing a status window instead")
        pending, self._pending = self._pending, []
        for title, message, warning in pending:  # announced before the icon was there
            self.notify(title, message, warning=warning)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
        if self.window is not None:
            self.window.closing.disconnect()
            self.window.close()

    # -- menu --------------------------------------------------------------------------------

    def _build_menu(self) -> QMenu:
        menu = QMenu()
        self.status_action = menu.addAction("")
        self.status_action.setEnabled(False)
        self.index_action = menu.addAction("")  # "CRM index: 12,345 records, synced 3 min ago"
        self.index_action.setEnabled(False)
        self.index_action.setVisible(False)
        menu.aboutToShow.connect(self._show_index_status)  # "3 min ago" as of now
        self.writes_action = menu.addAction("")
        self.writes_action.setEnabled(False)
        self.writes_action.setVisible(False)
        self.writes_error_action = menu.addAction("")
        self.writes_error_action.setEnabled(False)
        self.writes_error_action.setVisible(False)
        menu.addSeparator()
        self.recent_menu = menu.addMenu(translate("Tray", "&Recent calls"))
        if self.actions.focus_popup is not None:
            self.focus_action = menu.addAction(translate("Tray", "&Focus the latest popup"),
                                               self.actions.focus_popup)
        self.call_back_menu: QMenu | None = None
        if self.actions.dial is not None:
            menu.addAction(translate("Tray", "&Dial…"), self.actions.dial)
        self.update_recent([])
        self.pause_action = menu.addAction(translate("Tray", "&Pause popups"))
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self._pause)
        if self.actions.ring_me is not None:
            menu.addAction(translate("Tray", "Ring &me (demo)"), self.actions.ring_me)
        menu.addAction(translate("Tray", "Reset popup p&osition"), self.actions.reset_position)
        menu.addSeparator()
        menu.addAction(translate("Tray", "&Settings…"), self.actions.settings)
        menu.addAction(translate("Tray", "&About ucm-popup"), self.actions.about)
        menu.addAction(translate("Tray", "&Quit"), self.actions.quit)
        return menu

    def retranslate(self) -> None:
        """The language changed: the menu again, in the new words (the recent calls kept)."""
        old = self.menu
        self.menu = self._build_menu()
        self.update_recent(self._recent)
        self.pause_action.setChecked(self.paused)
        if self.icon is not None:
            self.icon.setContextMenu(self.menu)
        old.deleteLater()
        self._refresh()

    def update_recent(self, calls: list[RecentCall]) -> None:
        self._recent = calls
        self.recent_menu.clear()
        if not calls:
            empty = self.recent_menu.addAction(translate("Tray", "No calls yet"))
            empty.setEnabled(False)
            return
        for call in calls:
            if not call.ended:
                how = "ringing" if not call.answered else "on call"
            elif call.missed:
                how = "missed"
            elif call.answered_elsewhere:
                how = "answered elsewhere"
            else:
                how = "answered"
            shown = recent_outgoing_or_transferred(call, how)
            name = one_line(call.display_name, RECENT_NAME_CHARS)
            label = f"{clock(call.started)}   {name}"
            if call.number and call.number != call.display_name:
                label += f"   {one_line(call.number, RECENT_NUMBER_CHARS)}"
            action = QAction(call_icon(how), menu_text(f"{label}   — {shown}"), self.recent_menu)
            action.setToolTip(translate("Tray", "Open the record in the CRM") if call.url
                              else translate("Tray", "Copy the number"))
            action.triggered.connect(lambda _=False, c=call: self.actions.open_recent(c))
            self.recent_menu.addAction(action)
        self._add_call_backs(calls)

    def _add_call_backs(self, calls: list[RecentCall]) -> None:
        """**Call back** under the recent calls: one entry per call that left a number."""
        call_back = self.actions.call_back
        numbered = [call for call in calls if call.number]
        if call_back is None or not numbered:
            self.call_back_menu = None
            return
        self.recent_menu.addSeparator()
        self.call_back_menu = self.recent_menu.addMenu(translate("Tray", "&Call back"))
        for call in numbered:
            name = one_line(call.display_name, RECENT_NAME_CHARS)
            label = one_line(call.number, RECENT_NUMBER_CHARS)
            if name != label:
                label = f"{name}   {label}"
            action = self.call_back_menu.addAction(menu_text(label))
            action.triggered.connect(lambda _=False, c=call: call_back(c))

    def _pause(self, paused: bool) -> None:
        self.paused = paused
        self.pause_toggled.emit(paused)
        self._refresh()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if MENU_OPENS_ITSELF_ON_CLICK:  # a second menu over the native one
            return
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self.icon is not None:
            self.menu.popup(menu_position(self.icon.geometry(), QCursor.pos()))

    # -- state -------------------------------------------------------------------------------

    def set_health(self, health: Health) -> None:
        self.health = health
        self._refresh()

    def tooltip(self) -> str:
        lines = [f"ucm-popup — {self.state.title}"]
        if self.extension and self.state in (TrayState.CONNECTED, TrayState.PAUSED):
            lines[0] += arg(translate("Tray", " (extension %1)"), self.extension)
        detail = self.health.detail or self.health.crm_problem
        if self.state is TrayState.CRM_FAILING:
            detail = self.health.crm_problem
        if detail:
            lines.append(one_line(detail, DETAIL_CHARS))
        if self.health.crm_modules_missing:  # the popups still come: a line, not a red badge
            lines.append(one_line(self.health.crm_modules_missing, DETAIL_CHARS))
        if self.health.relay_node:
            lines.append(arg(translate("Tray", "Site relay %1 is active"), self.health.relay_node))
        if self.paused and self.state is not TrayState.PAUSED:
            lines.append(translate("Tray", "Popups are paused"))
        if self.health.crm_index is not None:
            lines.append(describe_index(self.health.crm_index))
        lines += writes_lines(self.writes)
        return "\n".join(lines)

    def _show_index_status(self) -> None:
        state = self.health.crm_index
        self.index_action.setVisible(state is not None)
        if state is not None:
            self.index_action.setText(menu_text(one_line(describe_index(state), DETAIL_CHARS)))

    def set_writes(self, status: OutboxStatus) -> None:
        """How many calls wait to be written to the CRM, and the last write error."""
        self.writes = status
        lines = writes_lines(status)
        self.writes_action.setText(menu_text(lines[0]) if lines else "")
        self.writes_action.setVisible(bool(lines))
        error = one_line(status.last_error, RECENT_NAME_CHARS * 2)
        shown = menu_text(arg(translate("Tray", "Last error: %1"), error)) if error else ""
        self.writes_error_action.setText(shown)
        self.writes_error_action.setToolTip(lines[-1] if error else "")
        self.writes_error_action.setVisible(bool(error))
        self._refresh()

    def _refresh(self) -> None:
        self.state = tray_state(self.health, self.paused)
        tip = self.tooltip()
        self.status_action.setText(menu_text(tip.splitlines()[0].removeprefix("ucm-popup — ")))
        self.status_action.setIcon(state_icon(self.state))
        self._show_index_status()
        if self.icon is not None:
            self.icon.setIcon(state_icon(self.state))
            self.icon.setToolTip(tip)
        if self.window is not None:
            self.window.icon.setPixmap(state_icon(self.state).pixmap(32, 32))
            self.window.state.setText(self.state.title)
            self.window.detail.setText("\n".join(tip.splitlines()[1:]))
        if self.state in HEALTHY:
            self._announced.clear()
        elif self.state not in self._announced and self.state not in (
            TrayState.CONNECTING,
        ):
            self._announced.add(self.state)
            self.notify(self.state.title, "\n".join(tip.splitlines()[1:]) or self.state.title,
                        warning=True)

    def notify(self, title: str, message: str, *, warning: bool = False) -> None:
        """Show a notification; ``title`` and ``message`` are plain text (they may hold a
        caller's name or a server's error) and are cut to a readable size."""
        title, message = one_line(title, TITLE_CHARS), _lines(message, MESSAGE_CHARS)
        if self.icon is not None and not self.icon.isVisible():
            self._pending.append((title, message, warning))
            return
        self.notifications.append((title, message))
        if self.icon is not None:
            icons = QSystemTrayIcon.MessageIcon
            kind = icons.Warning if warning else icons.Information
            if notifications_read_markup():
                title, message = html.escape(title), html.escape(message)
            self.icon.showMessage(title, message, kind, 8000)
        elif self.window is not None:
            self.window.message.setText(f"{title}: {message}")

    def copy_number(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.notify(translate("Tray", "Number copied"),
                    arg(translate("Tray", "%1 is on the clipboard"), number))

    def current_icon(self) -> QIcon:
        return state_icon(self.state)


def recent_outgoing_or_transferred(call: RecentCall, how: str) -> str:
    """The recent-calls wording for the agent's own calls and calls it handed on."""
    if call.outgoing:
        state = how if call.answered or not call.ended else "not answered"
        return arg(translate("Tray", "outgoing, %1"), call_state_text(state))
    if call.ended and call.transferred_to:
        return arg(translate("Tray", "transferred to %1"),
                   one_line(call.transferred_to, RECENT_NUMBER_CHARS))
    return call_state_text(how)


_CALL_STATES = {
    "ringing": QT_TRANSLATE_NOOP("Tray", "ringing"),
    "on call": QT_TRANSLATE_NOOP("Tray", "on call"),
    "missed": QT_TRANSLATE_NOOP("Tray", "missed"),
    "answered elsewhere": QT_TRANSLATE_NOOP("Tray", "answered elsewhere"),
    "answered": QT_TRANSLATE_NOOP("Tray", "answered"),
    "not answered": QT_TRANSLATE_NOOP("Tray", "not answered"),
}


def call_state_text(how: str) -> str:
    """A recent call's state (the key of its icon) in the agent's language."""
    return translate("Tray", str(_CALL_STATES[how])) if how in _CALL_STATES else how
