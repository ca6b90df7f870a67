"""A desk's core without windows, as its own process: the SIGKILL-and-restart test runs it.

``python tests/writes_desk_process.py CONFIG``: secrets from the environment, the outbox in
the user state folder (``XDG_STATE_HOME``), retry times from ``UCM_POPUP_TEST_OUTBOX``.
Prints one JSON line per outbox status, so the test can follow it.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

from ucm_popup.app import Health, LookupOutcome, PopupApp, RecentCall
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.secrets import default_secret_store
from ucm_popup.settings import load_settings
from ucm_popup.ucm.events import CallEvent


class PrintingView:
    def health_changed(self, health: Health) -> None:
        print(json.dumps({"connection": health.connection.value}), flush=True)

    def call_event(self, event: CallEvent) -> None: ...

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None: ...

    def recent_calls_changed(self, calls: list[RecentCall]) -> None: ...

    def writes_changed(self, status: OutboxStatus) -> None:
        print(json.dumps({"waiting": status.waiting, "error": status.last_error}), flush=True)


async def main() -> None:
    settings, _warnings = load_settings(Path(sys.argv[1]))
    options = json.loads(os.environ.get("UCM_POPUP_TEST_OUTBOX", "{}"))
    app = PopupApp(PrintingView(), settings, default_secret_store(), outbox_options=options)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, app.request_stop)
    await app.start()
    await app.stopping.wait()
    await app.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
