"""``ucm-popup watch``: the extension's call events as JSON lines on stdout.

One line per event, flushed at once so that a script reading the pipe sees a ringing call
when it rings. Failures are raised as typed errors: ``cli`` prints their one line to stderr,
and nothing reaches stdout.
"""

from __future__ import annotations

import contextlib
import os
import sys

from ucm_popup.commands.common import command_environment, print_json_line, reader_gone
from ucm_popup.options import Options
from ucm_popup.secrets import MQTT_PASSWORD, UCM_PASSWORD, optional_secret, require_secret
from ucm_popup.ucm.events import to_json


async def run_watch(options: Options) -> int:
    from ucm_popup.ucm.stream import UcmEventStream

    async with command_environment(options, ucm=True) as environment:
        settings = environment.settings
        if settings.source.kind == "relay":
            from ucm_popup.relay.desk import RelayEventSource

            password = optional_secret(environment.secrets, MQTT_PASSWORD)
            events = RelayEventSource(settings.mqtt, settings.ucm.extension, password).events()
        else:
            password = require_secret(environment.secrets, UCM_PASSWORD)
            events = UcmEventStream(settings.ucm, password).events()
        try:
            async for event in events:
                print_json_line(to_json(event))
        except OSError as exc:
            if not reader_gone(exc):
                raise
            # The reader went away (``watch | head -3``): a normal end, not an error.  Later
            # writes (the interpreter's last flush) go nowhere instead of failing again.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        finally:
            await events.aclose()
    return 0
