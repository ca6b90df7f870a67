"""What the desktops of Windows and macOS ask of the Qt side, checked offscreen on Linux."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from ucm_popup.ucm.events import Ringing
from ucm_popup.ui.popup import CallPopup

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt


def test_the_popup_stays_visible_on_macos_while_another_app_is_active(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A Qt tool window is an NSPanel on macOS, hidden whenever its app is not the active one;
    the tray app never is, so without this attribute no agent on a Mac would see a popup."""
    popup = CallPopup(Ringing("c1", "1002", "inbound", "0612345678", "ACME", "Trunk"))
    qtbot.addWidget(popup)
    assert popup.windowFlags() & Qt.WindowType.Tool
    assert popup.testAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_a_click_on_the_macos_menu_bar_icon_opens_one_menu_not_two(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """macOS opens the status item's menu by itself and Qt still emits Trigger: the app must
    not open the same menu a second time there (it must elsewhere: test_ui_tray.py)."""
    from PySide6.QtWidgets import QSystemTrayIcon

    import ucm_popup.ui.tray as tray_module

    monkeypatch.setattr(tray_module, "MENU_OPENS_ITSELF_ON_CLICK", True)
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    tray = tray_module.TrayController(tray_module.TrayActions(
        quit=lambda: None, settings=lambda: None, about=lambda: None,
        reset_position=lambda: None, open_recent=lambda call: None), version="9.9")
    tray.show()
    try:
        assert tray.icon is not None
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        assert not tray.menu.isVisible()
    finally:
        tray.menu.hide()
        tray.hide()


# A second copy as macOS starts it for a link although a tray runs: the link comes as an
# open-URL event after the start.
SECOND_COPY = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
import ucm_popup.ui.app as tray_app
from ucm_popup.options import Options
tray_app.LINKS_COME_AS_EVENTS = True
qapp = tray_app.qt_application()
QCoreApplication.postEvent(qapp, QFileOpenEvent(QUrl(sys.argv[2])))
sys.exit(tray_app.run_tray_app(Options(command=None, config_path=Path(sys.argv[1]), demo=False,
                                       verbose=False)))
"""


def test_a_link_that_starts_a_second_copy_on_macos_is_dialled_by_the_running_one(
        qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    import time

    from ucm_popup.ui.single_instance import SingleInstance, instance_lock, server_name

    running = SingleInstance(server_name(False), instance_lock(False))
    assert running.acquire()
    second = subprocess.Popen([sys.executable, "-c", SECOND_COPY, str(tmp_path / "c.toml"),
                               "tel:+33612345678"], stderr=subprocess.PIPE, text=True)
    try:
        with qtbot.waitSignal(running.dial_requested, timeout=15000) as asked:
            pass
        number, reply = asked.args
        assert number == "tel:+33612345678"
        reply({"ok": True, "extension": "1002", "number": "0612345678", "via": "api"})
        deadline = time.monotonic() + 20
        while second.poll() is None and time.monotonic() < deadline:
            qtbot.wait(50)  # the running one's channel needs this loop to answer
        assert second.returncode == 0
        assert "already running" in (second.stderr.read() if second.stderr else "")
    finally:
        if second.poll() is None:
            second.kill()
        second.wait()
        running.release()


def test_on_macos_settings_offer_to_take_tel_links_from_facetime(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Launch Services is asked for both schemes with the bundle's identifier; its refusal is
    said in one line.  (Stood in for here: the real call is a manual check on a Mac.)"""
    from ucm_popup import link_handler
    from ucm_popup.autostart import APP_ID
    from ucm_popup.settings import Settings
    from ucm_popup.ui.settings_dial import DialSection

    assert DialSection(Settings(), "X").link_handler is None  # not on Linux
    asked: list[tuple[str, str]] = []
    answers = iter([0, 0, -10814])
    monkeypatch.setattr(link_handler, "OFFERED", True)
    monkeypatch.setattr(link_handler, "_launch_services",
                        lambda: lambda scheme, bundle: asked.append((scheme, bundle))
                        or next(answers))
    section = DialSection(Settings(), "X")
    assert section.link_handler is not None
    section.link_button.click()
    assert asked == [("tel", APP_ID), ("callto", APP_ID)]
    assert section.link_result.text.text() == "tel: and callto: links now open UCM Popup"
    section.link_button.click()
    assert section.link_result.text.text().startswith(
        f"macOS refused to make {APP_ID} the handler of tel: links (status -10814")
