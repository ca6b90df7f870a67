"""Which popups appear, where they sit, how they stack, and what is remembered."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication

from ucm_popup.app import LookupOutcome
from ucm_popup.crm.model import Match
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Answered, Ended, Ringing
from ucm_popup.ui.popup_manager import MAX_POPUPS, PopupManager, dragged_area

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt's QApplication
pytestmark = pytest.mark.qt

JANE = Match("Contacts", "1", "Jane Doe", "ACME Corp", "", "", "", "", "https://crm.example/1")


def ring(call_id: str, direction: str = "inbound") -> Ringing:
    return Ringing(call_id, "1002", direction, "0612345678", "ACME Corp", "Orange SIP")  # type: ignore[arg-type]


@pytest.fixture
def make(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    made: list[PopupManager] = []

    def factory(**settings: object) -> PopupManager:
        manager = PopupManager(
            replace(PopupSettings(), **settings),  # type: ignore[arg-type]
            open_url=lambda url: manager.opened.append(url),  # type: ignore[attr-defined]
            create_url=lambda module, number: f"https://crm.example/new/{module}/{number}",
            state_file=tmp_path / "state" / "popup-position.json",
        )
        manager.opened = []  # type: ignore[attr-defined]
        made.append(manager)
        return manager

    yield factory
    for manager in made:
        manager.dismiss_all()


def area():  # type: ignore[no-untyped-def]
    return QGuiApplication.primaryScreen().availableGeometry()


def test_popup_sits_in_the_chosen_corner_and_calls_stack_without_overlap(make) -> None:
    manager = make(corner="bottom-right")
    manager.on_call(ring("a"))
    manager.on_call(ring("b"))
    first, second = manager.popups["a"], manager.popups["b"]
    assert first.isVisible() and second.isVisible()
    assert first.geometry().right() == area().right() - 12
    assert first.geometry().bottom() == area().bottom() - 12
    assert second.geometry().bottom() < first.geometry().top()
    top_left = make(corner="top-left")
    top_left.on_call(ring("c"))
    assert top_left.popups["c"].pos() == area().topLeft() + QPoint(12, 12)


def test_stacking_has_a_limit_and_finished_cards_go_first(make) -> None:
    manager = make()
    for n in range(MAX_POPUPS):
        manager.on_call(ring(f"c{n}"))
    manager.on_call(Ended("c2", "1002", False, False))  # a missed card
    manager.on_call(ring("new"))
    assert len(manager.popups) == MAX_POPUPS
    assert "c2" not in manager.popups and "new" in manager.popups
    manager.on_call(ring("newer"))
    assert len(manager.popups) == MAX_POPUPS and "c0" not in manager.popups


def test_ended_call_leaves_nothing_behind(make, qtbot) -> None:
    manager = make(close_after_answered_s=1)
    manager.on_call(ring("a"))
    manager.on_call(Answered("a", "1002"))
    manager.on_call(Ended("a", "1002", True, False))
    qtbot.waitUntil(lambda: not manager.popups, timeout=3000)


def test_show_on_answered_waits_for_the_answer_and_keeps_the_lookup(make) -> None:
    manager = make(show_on="answered")
    manager.on_call(ring("a"))
    manager.on_lookup("a", LookupOutcome("0612345678", (JANE,)))
    assert not manager.popups
    manager.on_call(Answered("a", "1002"))
    popup = manager.popups["a"]
    assert popup.isVisible() and "Jane Doe" in popup.windowTitle()
    assert popup.status.text().startswith("On call")
    manager.on_call(ring("b"))
    manager.on_call(Ended("b", "1002", False, False))
    assert "b" not in manager.popups


def test_internal_calls_can_be_left_out_and_popups_paused(make) -> None:
    manager = make(internal_calls=False)
    manager.on_call(ring("a", "internal"))
    assert not manager.popups
    manager.on_call(ring("b"))
    assert "b" in manager.popups
    manager.paused = True
    manager.on_call(ring("c"))
    assert "c" not in manager.popups


def test_create_record_opens_the_crm_form(make, qtbot) -> None:
    manager = make()
    manager.on_call(ring("a"))
    manager.on_lookup("a", LookupOutcome("0612345678", ()))
    qtbot.mouseClick(manager.popups["a"].contact_button, Qt.MouseButton.LeftButton)
    assert manager.opened == ["https://crm.example/new/Contacts/0612345678"]


def test_dragged_position_is_remembered_and_can_be_reset(make, tmp_path: Path) -> None:
    manager = make()
    manager.on_call(ring("a"))
    popup = manager.popups["a"]
    where = area().topLeft() + QPoint(200, 150)
    popup.move(where)
    popup.moved.emit(where)  # what the end of a mouse drag emits
    state = tmp_path / "state" / "popup-position.json"
    assert json.loads(state.read_text()) == {"x": where.x(), "y": where.y()}
    later = make()
    later.on_call(ring("b"))
    assert later.popups["b"].pos() == where
    later.reset_position()
    assert not state.exists()
    assert later.popups["b"].geometry().bottom() == area().bottom() - 12


def test_stacking_from_a_dragged_position_low_on_the_screen_goes_upwards(make) -> None:
    manager = make()
    manager.on_call(ring("a"))
    where = QPoint(area().left() + 100, area().bottom() - 300)
    manager.popups["a"].moved.emit(where)
    manager.on_call(ring("b"))
    first, second = manager.popups["a"].geometry(), manager.popups["b"].geometry()
    assert first.topLeft() == where
    assert second.bottom() < first.top() and not second.intersects(first)


def test_a_popup_dragged_to_another_screen_stays_on_that_screen() -> None:
    left = (QRect(0, 0, 1920, 1080), QRect(0, 0, 1920, 1040))  # a panel along the bottom
    right = (QRect(1920, 0, 1280, 1024), QRect(1920, 24, 1280, 1000))  # one along the top
    screens = [left, right]
    assert dragged_area(QPoint(2500, 600), screens) == QRect(1920, 24, 1280, 1000)
    assert dragged_area(QPoint(100, 1060), screens) == QRect(0, 0, 1920, 1040)  # on the panel
    assert dragged_area(QPoint(2500, 1050), screens) is None  # below the smaller screen
    assert dragged_area(QPoint(5000, 100), [left]) is None  # that monitor was unplugged
