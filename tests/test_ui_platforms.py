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
