"""Which popups exist, where they sit, and when they go.

Applies the ``[popup]`` settings (pop on ringing or on answer, internal calls, screen, corner),
stacks concurrent calls from the chosen corner up to ``MAX_POPUPS``, and remembers where the
user dragged a popup in a small JSON file under the user state dir (not the settings file).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from ucm_popup.app import LookupOutcome
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Answered, CallEvent, Dialing, Ended, Ringing, Transferred

if TYPE_CHECKING:
    from ucm_popup.ui.popup import CallPopup

log = logging.getLogger(__name__)

MAX_POPUPS = 4
# Test hook (documented for the end-to-end tests): where each popup's title and on-screen
# button positions are written, so a test can click the real button with xdotool.
TEST_HOOK_ENV = "UCM_POPUP_TEST_HOOK_DIR"
MARGIN = 12
GAP = 8
# A new spare popup is built this long after a call took the last one: not while its lookup
# answer is being shown, which a 15 ms build would delay.
SPARE_AFTER_MS = 1500


def default_state_file() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("ucm-popup", appauthor=False)) / "popup-position.json"


def dragged_area(anchor: QPoint, screens: Sequence[tuple[QRect, QRect]]) -> QRect | None:
    """The available area of the screen the user dragged a popup onto: the screen whose
    geometry holds the popup's top-left corner.  None when no screen does (that monitor was
    unplugged): the popup goes back to the configured screen's corner."""
    for geometry, available in screens:
        if geometry.contains(anchor):
            return available
    return None


class PopupManager(QObject):
    note_started = Signal(str)  # call_id
    note_finished = Signal(str, object)  # call_id, note or None
    picked = Signal(str, object)  # call_id, Match

    def __init__(
        self,
        settings: PopupSettings,
        *,
        open_url: Callable[[str], None],
        create_url: Callable[[str, str], str],
        state_file: Path | None = None,
        dial: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.paused = False
        self.popups: dict[str, CallPopup] = {}  # call_id -> popup, oldest first
        self._waiting: dict[str, Ringing] = {}  # show_on = "answered": rung, not yet answered
        self._outcomes: dict[str, LookupOutcome] = {}
        self._open_url = open_url
        self._create_url = create_url
        self._dial = dial
        self.dial_ready = True  # an API user is set: popups offer Call back and Call
        self._state_file = state_file or default_state_file()
        self.anchor = self._load_anchor()
        self.notes_enabled = False  # answered calls get a note field (calls written to the CRM)
        self._spare: CallPopup | None = None  # built ahead for the next call (warm_up)

    # -- events ------------------------------------------------------------------------------

    def on_call(self, event: CallEvent) -> None:
        self._on_call(event)
        self._test_hook_changed()  # a popup's status changed (say, its call ended)

    def _test_hook_changed(self) -> None:
        if os.environ.get(TEST_HOOK_ENV):
            QTimer.singleShot(150, lambda: self._write_test_hook(Path(os.environ[TEST_HOOK_ENV])))

    def _on_call(self, event: CallEvent) -> None:
        if isinstance(event, Ringing):
            self._on_ringing(event)
        elif isinstance(event, Dialing | Transferred):
            self._on_outgoing_or_transfer(event)
        elif isinstance(event, Answered):
            ringing = self._waiting.pop(event.call_id, None)
            if ringing is not None:
                self._pop(ringing)
            if (popup := self.popups.get(event.call_id)) is not None:
                popup.show_answered()
        elif isinstance(event, Ended):
            self._waiting.pop(event.call_id, None)
            self._outcomes.pop(event.call_id, None)
            if (popup := self.popups.get(event.call_id)) is not None:
                popup.show_ended(
                    answered=event.answered,
                    elsewhere=event.answered_elsewhere,
                    close_after_answered=self.settings.close_after_answered_s,
                    close_after_missed=self.settings.close_after_missed_s,
                    transferred_to=event.transferred_to,
                )

    def _on_ringing(self, ringing: Ringing) -> None:
        if self.paused or (ringing.direction == "internal" and not self.settings.internal_calls):
            return
        if (popup := self.popups.get(ringing.call_id)) is not None:  # a queue ringing again
            popup.show_ringing(ringing)
            self._show(popup)
        elif self.settings.show_on == "answered":
            self._waiting[ringing.call_id] = ringing
        else:
            self._pop(ringing)

    def _on_outgoing_or_transfer(self, event: Dialing | Transferred) -> None:
        """An outgoing call pops up only with ``outbound_calls``; a transfer shows the new
        party in the call's popup (or in a new one, when the colleague's call had none)."""
        if self.paused:
            return
        if isinstance(event, Dialing):
            if self.settings.outbound_calls and event.call_id not in self.popups:
                party = Ringing(event.call_id, event.extension, "internal"
                                if event.direction == "internal" else "inbound",
                                event.number, event.name, event.trunk, time=event.time)
                self._pop(party).show_dialing(party)
            return
        party = Ringing(event.call_id, event.extension, "inbound", event.number, event.name,
                        event.trunk, transferred_by=event.transferred_by, time=event.time)
        if event.call_id in self._waiting:
            self._waiting[event.call_id] = party  # show_on = "answered": not shown yet
        elif (popup := self.popups.get(event.call_id)) is not None:
            popup.show_transferred(party)
            self._show(popup)
        else:
            self._pop(party).show_transferred(party)

    def on_lookup(self, call_id: str, outcome: LookupOutcome) -> None:
        if (waiting := self._waiting.get(call_id)) is not None:
            if outcome.number == waiting.number:  # (not the party before a transfer)
                self._outcomes[call_id] = outcome
        if (popup := self.popups.get(call_id)) is not None:
            if popup.transferred_by and outcome.number != popup.ringing.number:
                return  # the answer for the party before the transfer
            popup.show_lookup(outcome)
            self._layout()

    # -- popups ------------------------------------------------------------------------------

    def _pop(self, ringing: Ringing) -> CallPopup:
        while len(self.popups) >= MAX_POPUPS:
            finished = [p for p in self.popups.values() if p.finished and not p.note_active]
            (finished or list(self.popups.values()))[0].dismiss()
        popup, self._spare = self._spare, None
        if popup is not None:
            popup.take_call(ringing)
            QTimer.singleShot(SPARE_AFTER_MS, self._replenish)  # once this call has settled
        else:
            from ucm_popup.ui.popup import CallPopup

            popup = CallPopup(ringing)
        popup.open_url.connect(self._open_url)
        popup.create_record.connect(self._create_record)
        popup.dismissed.connect(self._forget)
        popup.moved.connect(self._remember_anchor)
        if self._dial is not None and self.dial_ready:
            popup.can_dial = True
            popup.dial.connect(self._dial)
        popup.notes_enabled = self.notes_enabled
        popup.note_started.connect(self.note_started)
        popup.note_finished.connect(self.note_finished)
        popup.picked.connect(self.picked)
        self.popups[ringing.call_id] = popup
        if (outcome := self._outcomes.pop(ringing.call_id, None)) is not None:
            popup.show_lookup(outcome)
        self._show(popup)
        return popup

    def _show(self, popup: CallPopup) -> None:
        self._layout()
        popup.show()
        popup.raise_()

    def _forget(self, call_id: str) -> None:
        popup = self.popups.pop(call_id, None)
        if popup is not None:
            popup.deleteLater()
        self._layout()
        self._test_hook_changed()  # (the last popup gone: no layout wrote it)

    def _create_record(self, module: str, number: str) -> None:
        url = self._create_url(module, number)
        if url:
            self._open_url(url)

    def focus_latest(self) -> None:
        """The tray's "Focus the latest popup": the newest popup takes the keyboard, so Tab
        reaches its buttons and Escape closes it.  Popups never take the focus by themselves."""
        if self.popups:
            list(self.popups.values())[-1].take_keyboard()

    def warm_up(self) -> None:
        """Make the first popup as quick as the later ones: import the popup module, build,
        lay out and paint (off screen) one popup, and keep it as the spare the next call
        takes; a call no longer waits the ~15 ms building a card takes.  Called once the tray
        icon is shown and the event loop is idle, and again a moment after each call (and
        after a change of language)."""
        from ucm_popup.ui.popup import CallPopup

        if self._spare is not None:
            self._spare.deleteLater()
        spare = CallPopup(Ringing("spare", "", "inbound", "0612345678", "Spare", ""),
                          announce=False)
        spare.grab()  # polished and painted once into a pixmap: never mapped, never seen
        self._spare = spare

    def _replenish(self) -> None:
        if self._spare is None:
            self.warm_up()

    def dismiss_all(self) -> None:
        for popup in list(self.popups.values()):
            popup.dismiss()
        self._waiting.clear()
        self._outcomes.clear()

    # -- placement ---------------------------------------------------------------------------

    def screen(self) -> QScreen:
        screens = QGuiApplication.screens()
        index = self.settings.screen
        if 0 < index < len(screens):
            return screens[index]
        return QGuiApplication.primaryScreen()

    def _layout(self) -> None:
        """The first popup at the corner (or where the user dragged one, on whichever screen),
        the others stacked away from the screen's edge, each kept fully in view."""
        sizes = [p.size() for p in self.popups.values()]  # fixed by CallPopup._refit
        if not sizes:
            return
        screens = [(s.geometry(), s.availableGeometry()) for s in QGuiApplication.screens()]
        dragged_to = dragged_area(self.anchor, screens) if self.anchor is not None else None
        if self.anchor is not None and dragged_to is not None:
            area = dragged_to
            x, y = self.anchor.x(), self.anchor.y()
            downwards = y < area.center().y()
        else:
            area = self.screen().availableGeometry()
            corner = self.settings.corner
            downwards = corner.startswith("top")
            if corner.endswith("right"):
                x = area.right() - MARGIN - sizes[0].width() + 1
            else:
                x = area.left() + MARGIN
            y = area.top() + MARGIN if downwards else area.bottom() - MARGIN - sizes[0].height() + 1
        previous_height = 0
        for index, (popup, size) in enumerate(zip(self.popups.values(), sizes, strict=True)):
            if index:
                y = y + previous_height + GAP if downwards else y - GAP - size.height()
            px = min(max(x, area.left()), area.right() - size.width() + 1)
            py = min(max(y, area.top()), area.bottom() - size.height() + 1)
            popup.move(px, py)
            previous_height = size.height()
        if os.environ.get(TEST_HOOK_ENV):  # once Qt has laid the popups out and mapped them
            QTimer.singleShot(150, lambda: self._write_test_hook(Path(os.environ[TEST_HOOK_ENV])))

    def _write_test_hook(self, directory: Path) -> None:
        popups = []
        for call_id, popup in self.popups.items():
            buttons = {}
            for button in (popup.open_button, popup.contact_button, popup.lead_button,
                           popup.close_button):
                centre = button.mapToGlobal(button.rect().center())
                buttons[button.objectName()] = {
                    "x": centre.x(), "y": centre.y(), "visible": button.isVisibleTo(popup)
                }
            popups.append({"call_id": call_id, "title": popup.windowTitle(), "buttons": buttons,
                           "status": popup.status.text()})
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / "popups.json.tmp"
        tmp.write_text(json.dumps(popups), encoding="utf-8")
        tmp.replace(directory / "popups.json")

    def _load_anchor(self) -> QPoint | None:
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            return QPoint(int(data["x"]), int(data["y"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _remember_anchor(self, where: QPoint) -> None:
        self.anchor = where
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps({"x": where.x(), "y": where.y()}), encoding="utf-8")
            tmp.replace(self._state_file)
        except OSError:
            log.warning("could not remember the popup position in %s", self._state_file)
        self._layout()

    def reset_position(self) -> None:
        self.anchor = None
        try:
            self._state_file.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", self._state_file)
        self._layout()
