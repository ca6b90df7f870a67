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

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
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
from ucm_popup.crm.index import describe as describe_index
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.text import one_line, truncate
from ucm_popup.ui.icons import TrayState, app_icon, call_icon, state_icon

log = logging.getLogger(__name__)
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
        plural = "s" if status.waiting != 1 else ""
        lines.append(f"{status.waiting} call{plural} waiting to be written")
    if status.last_error:
        if not lines:
            lines.append("Writing to the CRM failed")
        if status.missing_field:  # said first: a long refusal line is cut in the menu
            lines.append(f"Zoho requires the field {status.missing_field}: ask your Zoho "
                         "admin to make it optional or give it a default")
        lines.append(one_line(status.last_error, DETAIL_CHARS))
    return lines


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
        menu_button = QToolButton()
        menu_button.setText("Menu")
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
            "This desktop has no system tray, so ucm-popup shows this window instead. "
            "Closing it quits ucm-popup.",
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
        self.recent_menu = menu.addMenu("Recent calls")
        self.call_back_menu: QMenu | None = None
        if self.actions.dial is not None:
            menu.addAction("Dial…", self.actions.dial)
        self.update_recent([])
        self.pause_action = menu.addAction("Pause popups")
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self._pause)
        if self.actions.ring_me is not None:
            menu.addAction("Ring me (demo)", self.actions.ring_me)
        menu.addAction("Reset popup position", self.actions.reset_position)
        menu.addSeparator()
        menu.addAction("Settings…", self.actions.settings)
        menu.addAction("About ucm-popup", self.actions.about)
        menu.addAction("Quit", self.actions.quit)
        return menu

    def update_recent(self, calls: list[RecentCall]) -> None:
        self.recent_menu.clear()
        if not calls:
            empty = self.recent_menu.addAction("No calls yet")
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
            label = f"{call.started:%H:%M}   {name}"
            if call.number and call.number != call.display_name:
                label += f"   {one_line(call.number, RECENT_NUMBER_CHARS)}"
            action = QAction(call_icon(how), menu_text(f"{label}   — {shown}"), self.recent_menu)
            action.setToolTip("Open the record in the CRM" if call.url else "Copy the number")
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
        self.call_back_menu = self.recent_menu.addMenu("Call back")
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
        if reason == QSystemTrayIcon.ActivationReason.Trigger and self.icon is not None:
            self.menu.popup(menu_position(self.icon.geometry(), QCursor.pos()))

    # -- state -------------------------------------------------------------------------------

    def set_health(self, health: Health) -> None:
        self.health = health
        self._refresh()

    def tooltip(self) -> str:
        lines = [f"ucm-popup — {self.state.title}"]
        if self.extension and self.state in (TrayState.CONNECTED, TrayState.PAUSED):
            lines[0] += f" (extension {self.extension})"
        detail = self.health.detail or self.health.crm_problem
        if self.state is TrayState.CRM_FAILING:
            detail = self.health.crm_problem
        if detail:
            lines.append(one_line(detail, DETAIL_CHARS))
        if self.paused and self.state is not TrayState.PAUSED:
            lines.append("Popups are paused")
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
        self.writes_error_action.setText(menu_text(f"Last error: {error}") if error else "")
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
        self.notify("Number copied", f"{number} is on the clipboard")

    def current_icon(self) -> QIcon:
        return state_icon(self.state)


def recent_outgoing_or_transferred(call: RecentCall, how: str) -> str:
    """The recent-calls wording for the agent's own calls and calls it handed on."""
    if call.outgoing:
        return f"outgoing, {how if call.answered or not call.ended else 'not answered'}"
    if call.ended and call.transferred_to:
        return f"transferred to {one_line(call.transferred_to, RECENT_NUMBER_CHARS)}"
    return how
