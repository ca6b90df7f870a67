"""The tray: one look and tooltip per state, one notification per degradation, recent calls."""

from __future__ import annotations

import os
import re
from datetime import datetime

import pytest
from conftest import ARTIFACTS
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from ucm_popup.app import Connection, Health, RecentCall
from ucm_popup.crm.model import Match
from ucm_popup.ui.icons import TrayState
from ucm_popup.ui.tray import TrayActions, TrayController, menu_position, menu_text, tray_state

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt's QApplication
pytestmark = pytest.mark.qt

C = Connection
STATES = {
    TrayState.CONNECTED: (Health(C.CONNECTED), False),
    TrayState.CONNECTING: (Health(C.CONNECTING), False),
    TrayState.RECONNECTING: (Health(C.RECONNECTING, "connection closed by the UCM"), False),
    TrayState.LOGIN_REFUSED: (Health(C.LOGIN_REFUSED, "UCM pbx refused user popup"), False),
    TrayState.UCM_FAILED: (Health(C.FAILED, "certificate not trusted"), False),
    TrayState.CRM_FAILING: (Health(C.CONNECTED, crm_problem="Zoho refused"), False),
    TrayState.PAUSED: (Health(C.CONNECTED), True),
    TrayState.NOT_CONFIGURED: (Health(C.NOT_CONFIGURED, "no UCM is set up"), False),
    TrayState.RELAY_OFFLINE: (Health(C.RELAY_OFFLINE, "the relay stopped answering"), False),
    TrayState.RELAY_LOST_UCM: (Health(C.RELAY_LOST_UCM, "connection to the UCM lost"), False),
}


class Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.opened: list[RecentCall] = []

    def actions(self, demo: bool = False) -> TrayActions:
        return TrayActions(
            quit=lambda: self.calls.append("quit"),
            settings=lambda: self.calls.append("settings"),
            about=lambda: self.calls.append("about"),
            reset_position=lambda: self.calls.append("reset"),
            open_recent=self.opened.append,
            ring_me=(lambda: self.calls.append("ring")) if demo else None,
        )


@pytest.fixture
def tray(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    # offscreen has no tray host; pretend one so the QSystemTrayIcon path is the one tested
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    recorder = Recorder()
    controller = TrayController(recorder.actions(demo=True), version="9.9", extension="1002")
    controller.show()
    controller.recorder = recorder  # type: ignore[attr-defined]
    yield controller
    controller.hide()


def shown(text: str) -> str:
    """A menu text as the user reads it: the mnemonic marker gone ("&Quit" → "Quit")."""
    return re.sub(r"&(.)", r"\1", text)


def texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [shown(a.text()) for a in menu.actions() if not a.isSeparator()]


# What a user sees for each state: the tooltip word for word, and the badge's colour.
SEEN = {
    TrayState.CONNECTED: ("ucm-popup — Connected (extension 1002)", "#16A34A"),  # green
    TrayState.CONNECTING: ("ucm-popup — Connecting to the UCM…", "#F59E0B"),  # amber
    TrayState.RECONNECTING: ("ucm-popup — Reconnecting to the UCM…\n"
                             "connection closed by the UCM", "#F59E0B"),
    TrayState.LOGIN_REFUSED: ("ucm-popup — UCM login refused\nUCM pbx refused user popup",
                              "#DC2626"),  # red
    TrayState.UCM_FAILED: ("ucm-popup — Cannot use the UCM\ncertificate not trusted", "#DC2626"),
    TrayState.CRM_FAILING: ("ucm-popup — CRM lookups failing\nZoho refused", "#EA580C"),  # orange
    TrayState.PAUSED: ("ucm-popup — Popups paused (extension 1002)", "#475569"),  # slate
    TrayState.NOT_CONFIGURED: ("ucm-popup — Not configured\nno UCM is set up", "#64748B"),  # grey
    TrayState.RELAY_OFFLINE: ("ucm-popup — Site relay offline\nthe relay stopped answering",
                              "#DC2626"),  # red, a slash
    TrayState.RELAY_LOST_UCM: ("ucm-popup — The site relay lost the UCM\n"
                               "connection to the UCM lost", "#F59E0B"),  # amber, a bang
}
BADGES = {colour for _, colour in SEEN.values()}


def badge_colour(icon: QIcon) -> str:
    """The badge colour with the most pixels in the icon as a 32 px tray shows it."""
    image = icon.pixmap(32, 32).toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]

    def near(colour: str) -> int:
        want = QColor(colour)
        return sum(1 for p in pixels if p.alpha() > 200 and abs(p.red() - want.red())
                   + abs(p.green() - want.green()) + abs(p.blue() - want.blue()) < 40)

    counts = {colour: near(colour) for colour in BADGES}
    best = max(counts, key=lambda colour: counts[colour])
    assert counts[best] >= 30, counts  # a badge a user can see, not a stray pixel
    return best


@pytest.mark.parametrize("state", list(TrayState))
def test_each_state_has_its_own_icon_and_tooltip(tray: TrayController, state: TrayState) -> None:
    health, paused = STATES[state]
    tray.pause_action.setChecked(paused)
    tray.set_health(health)
    tooltip, colour = SEEN[state]
    assert tray.icon is not None
    assert tray.icon.toolTip() == tooltip
    assert badge_colour(tray.icon.icon()) == colour
    assert tray.status_action.text() == menu_text(tooltip.splitlines()[0][len("ucm-popup — "):])
    assert not tray.status_action.isEnabled()


def test_every_state_looks_different() -> None:
    from ucm_popup.ui.icons import state_pixmap

    images = {state: state_pixmap(state, 22).toImage() for state in TrayState}
    looks = {bytes(image.constBits()) for image in images.values()}
    assert len(looks) == len(TrayState) - 1  # connecting and reconnecting share a look
    assert tray_state(Health(Connection.RECONNECTING), False) is TrayState.RECONNECTING


def test_a_degradation_notifies_once_not_a_stream(tray: TrayController) -> None:
    tray.set_health(Health(Connection.CONNECTED))
    for attempt in range(5):
        tray.set_health(Health(Connection.RECONNECTING, f"connection refused (attempt {attempt})"))
    assert [title for title, _ in tray.notifications] == ["Reconnecting to the UCM…"]
    crm = Health(Connection.CONNECTED, crm_problem="Zoho answered 503")
    for _ in range(3):
        tray.set_health(crm)
    assert [t for t, _ in tray.notifications][-1] == "CRM lookups failing"
    assert len(tray.notifications) == 2
    tray.set_health(Health(Connection.CONNECTED))  # healthy again: the next outage is news
    tray.set_health(Health(Connection.RECONNECTING, "gone"))
    assert len(tray.notifications) == 3


def test_menu_has_the_expected_items(tray: TrayController) -> None:
    items = texts(tray.menu)
    assert items[0] == tray.status_action.text()
    for wanted in ("Recent calls", "Pause popups", "Ring me (demo)", "Reset popup position",
                   "Settings…", "About ucm-popup", "Quit"):
        assert wanted in items
    quit_action = next(a for a in tray.menu.actions() if shown(a.text()) == "Quit")
    quit_action.trigger()
    assert tray.recorder.calls == ["quit"]  # type: ignore[attr-defined]
    assert "Ring me (demo)" not in texts(TrayController(Recorder().actions(), version="1").menu)


def test_recent_calls_menu_lists_calls_and_opens_them(tray: TrayController, qtbot) -> None:
    at = datetime(2026, 5, 15, 14, 2).astimezone()
    jane = Match("Contacts", "1", "Jane Doe", "ACME", "", "", "", "", "https://crm.example/1")
    calls = [
        RecentCall("c3", "0145678900", "", at, ended=True),
        RecentCall("c2", "0144556677", "DUBOIS & FILS", at, ended=True, answered=True),
        RecentCall("c1", "0612345678", "ACME Corp", at, ended=True, answered_elsewhere=True,
                   matches=(jane,)),
    ]
    tray.update_recent(calls)
    items = texts(tray.recent_menu)
    assert items[0] == "14:02   0145678900   — missed"
    assert items[1] == "14:02   DUBOIS & FILS   0144556677   — answered"  # as read: "&&" is one "&"
    assert items[2] == "14:02   Jane Doe   0612345678   — answered elsewhere"
    tray.recent_menu.actions()[2].trigger()
    assert tray.recorder.opened == [calls[2]]  # type: ignore[attr-defined]
    tray.copy_number("0145678900")
    assert QGuiApplication.clipboard().text() == "0145678900"
    tray.update_recent([])
    assert texts(tray.recent_menu) == ["No calls yet"]


def test_menu_text_escapes_ampersands() -> None:
    assert menu_text("Dubois & Fils") == "Dubois && Fils"


def test_without_a_system_tray_a_status_window_says_so(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    recorder = Recorder()
    tray = TrayController(recorder.actions(), version="1")
    tray.show()
    assert tray.icon is None and tray.window is not None and tray.window.isVisible()
    tray.set_health(Health(Connection.LOGIN_REFUSED, "UCM refused user popup"))
    assert tray.window.state.text() == "UCM login refused"
    assert "refused user popup" in tray.window.detail.text()
    assert "UCM login refused" in tray.window.message.text()
    tray.window.close()
    assert recorder.calls == ["quit"]


def test_tray_menu_screenshot(tray: TrayController, qtbot) -> None:
    at = datetime(2026, 5, 15, 9, 41).astimezone()
    jane = Match("Contacts", "1", "Jane Doe", "ACME Corp", "", "", "", "", "https://crm.example/1")
    tray.set_health(Health(Connection.CONNECTED))
    tray.update_recent([
        RecentCall("c3", "0478123456", "LYON LOGISTIQUE", at, ended=True, answered_elsewhere=True),
        RecentCall("c2", "0145678900", "", at, ended=True),
        RecentCall("c1", "0612345678", "ACME Corp", at, ended=True, answered=True,
                   matches=(jane,)),
    ])
    tray.menu.popup(tray.menu.pos())
    qtbot.waitExposed(tray.menu)
    recent = tray.recent_menu.menuAction()
    tray.menu.setActiveAction(recent)
    row = tray.menu.actionGeometry(recent)
    tray.recent_menu.popup(tray.menu.mapToGlobal(row.topRight()))
    qtbot.waitExposed(tray.recent_menu)
    main, sub = tray.menu.grab(), tray.recent_menu.grab()
    picture = QPixmap(main.width() + sub.width() - 2, max(main.height(), row.top() + sub.height()))
    picture.fill(QColor("#E5E7EB"))
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, main)
    painter.drawPixmap(main.width() - 2, row.top(), sub)
    painter.end()
    ARTIFACTS.mkdir(exist_ok=True)
    assert picture.save(str(ARTIFACTS / "tray-menu.png"))
    tray.recent_menu.hide()
    tray.menu.hide()
    # What the picture shows: dark text on the menu's rows, and the calls' dots top to bottom:
    # grey (answered elsewhere), red (missed), green (answered).
    menu = main.toImage()
    text_rows = {y for y in range(menu.height()) for x in range(menu.width())
                 if menu.pixelColor(x, y).lightness() < 90}
    assert len(text_rows) > 8 * 6, "the menu's text rows"
    dots = sub.toImage()
    assert (colour_centre(dots, "#94A3B8") < colour_centre(dots, "#DC2626")
            < colour_centre(dots, "#16A34A"))


def colour_centre(image: QImage, colour: str) -> float:
    """The mean height (in device pixels / ratio) of the pixels of ``colour`` in ``image``."""
    want = QColor(colour)
    ys = [y for y in range(image.height()) for x in range(image.width())
          if (p := image.pixelColor(x, y)).alpha() > 200 and abs(p.red() - want.red())
          + abs(p.green() - want.green()) + abs(p.blue() - want.blue()) < 30]
    assert len(ys) >= 10, f"no {colour} in the picture"
    return sum(ys) / len(ys) / image.devicePixelRatio()


def test_huge_names_and_errors_are_cut_in_the_menu_and_tooltip(tray: TrayController) -> None:
    at = datetime(2026, 5, 15, 14, 2).astimezone()
    words = ("lorem ipsum dolor " * 120_000)[:2_000_000]
    tray.update_recent([RecentCall("c1", "06" * 100_000, "X" * (15 * 2**19), at, ended=True)])
    row = texts(tray.recent_menu)[0]
    assert row.startswith("14:02   XXXX") and row.endswith("— missed") and len(row) < 120
    assert tray.recent_menu.sizeHint().width() < 800
    tray.set_health(Health(Connection.RECONNECTING, words + "\n<b>injected line</b>"))
    tip = tray.icon.toolTip() if tray.icon is not None else ""
    assert tip.startswith("ucm-popup — Reconnecting to the UCM…\nlorem ipsum dolor")
    assert len(tip.splitlines()) == 2 and len(tip) < 300


def shown_messages(tray: TrayController) -> list[tuple[str, str]]:
    """What the tray hands to Qt's showMessage, from now on."""
    sent: list[tuple[str, str]] = []
    assert tray.icon is not None
    tray.icon.showMessage = lambda title, body, *rest: sent.append((title, body))  # type: ignore[method-assign]
    return sent


def test_notifications_escape_caller_text_where_the_daemon_reads_markup(
        tray: TrayController) -> None:
    # offscreen Qt docks no XEmbed icon: the StatusNotifier path, where the daemon reads markup
    sent = shown_messages(tray)
    tray.notify("<b>Dubois & Fils</b>", 'Call from <a href="https://evil.example">here</a>\n'
                "<img src=x>")
    assert sent == [("&lt;b&gt;Dubois &amp; Fils&lt;/b&gt;",
                     "Call from &lt;a href=&quot;https://evil.example&quot;&gt;here&lt;/a&gt;\n"
                     "&lt;img src=x&gt;")]
    assert tray.notifications[-1] == ("<b>Dubois & Fils</b>",
                                      'Call from <a href="https://evil.example">here</a>\n'
                                      "<img src=x>")
    tray.copy_number("<i>0612</i>")
    assert sent[-1][1] == "&lt;i&gt;0612&lt;/i&gt; is on the clipboard"


def test_notifications_stay_plain_in_qts_own_xembed_balloon(tray: TrayController,
                                                            qtbot) -> None:
    class QSystemTrayIconSys(QWidget):  # stands for the window Qt docks in an XEmbed tray
        pass

    docked = QSystemTrayIconSys()
    qtbot.addWidget(docked)
    sent = shown_messages(tray)
    tray.notify("Dubois & Fils", "<b>bold</b>")  # the balloon is a plain-text label
    assert sent == [("Dubois & Fils", "<b>bold</b>")]


def test_a_huge_notification_is_cut_to_a_few_printable_lines(tray: TrayController) -> None:
    sent = shown_messages(tray)
    tray.notify("X" * 10_000, "\x1b[31mred\x1b[0m\n" + "word " * 100_000)
    title, body = sent[0]
    assert len(title) <= 80 and title.endswith("…")
    assert body.startswith("\\x1b[31mred\\x1b[0m\nword word") and len(body) <= 400


def test_the_menu_opens_at_the_icon_or_where_the_icon_says_nothing_at_the_pointer() -> None:
    docked = QRect(1240, 2, 24, 24)  # an XEmbed tray knows where its icon is
    assert menu_position(docked, QPoint(700, 500)) == QPoint(1251, 13)
    # a StatusNotifier icon reports a null (or empty) rectangle: not the top-left corner
    assert menu_position(QRect(), QPoint(700, 500)) == QPoint(700, 500)
    assert menu_position(QRect(0, 0, 0, 0), QPoint(700, 500)) == QPoint(700, 500)


def test_a_left_click_on_a_statusnotifier_icon_opens_the_menu_at_the_pointer(
        tray: TrayController, monkeypatch: pytest.MonkeyPatch) -> None:
    import ucm_popup.ui.tray as tray_module

    assert tray.icon is not None and not tray.icon.geometry().isValid()  # as over D-Bus
    monkeypatch.setattr(tray_module.QCursor, "pos", staticmethod(lambda: QPoint(300, 200)))
    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    try:
        assert tray.menu.isVisible()
        assert tray.menu.geometry().topLeft() == QPoint(300, 200)
    finally:
        tray.menu.hide()


def test_the_tooltip_names_the_site_relay_that_leads(tray: TrayController) -> None:
    """With two relays (standby), the agent's tooltip says which one serves the desk now."""
    tray.set_health(Health(Connection.CONNECTED, relay_node="b"))
    assert tray.icon is not None
    assert "Site relay b is active" in tray.icon.toolTip().splitlines()
    tray.set_health(Health(Connection.CONNECTED))
    assert "Site relay" not in tray.icon.toolTip()


def test_a_module_zoho_refused_is_a_tooltip_line_not_a_red_badge(tray: TrayController) -> None:
    """One disabled module (INVALID_MODULE) leaves the popups working: the tooltip names it,
    the tray stays connected."""
    why = ("Zoho CRM (https://www.zohoapis.eu): the module Leads is not available in this Zoho "
           "org (INVALID_MODULE: disabled or renamed); remove it from [crm] modules")
    tray.set_health(Health(Connection.CONNECTED, crm_modules_missing=why))
    assert tray.icon is not None
    assert tray.state is TrayState.CONNECTED
    assert any("the module Leads is not available" in line
               for line in tray.icon.toolTip().splitlines())
