"""The one bridge from the core to Qt: ``AppView`` calls become Qt signals.

The core calls these methods on the event loop's thread (qasync runs asyncio on Qt's main
thread), so the signals are delivered directly; widgets connect to them and never see the core.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ucm_popup.app import Health, LookupOutcome, RecentCall
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.ucm.events import CallEvent


class CoreBridge(QObject):
    health = Signal(object)  # Health
    call = Signal(object)  # CallEvent
    lookup = Signal(str, object)  # call_id, LookupOutcome
    recent = Signal(list)  # list[RecentCall]
    writes = Signal(object)  # OutboxStatus

    def health_changed(self, health: Health) -> None:
        self.health.emit(health)

    def call_event(self, event: CallEvent) -> None:
        self.call.emit(event)

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None:
        self.lookup.emit(call_id, outcome)

    def recent_calls_changed(self, calls: list[RecentCall]) -> None:
        self.recent.emit(calls)

    def writes_changed(self, status: OutboxStatus) -> None:
        self.writes.emit(status)
