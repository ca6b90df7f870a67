"""``ucm-popup dial NUMBER``: click-to-dial from a terminal, a script or a ``tel:`` link.

A running tray app (the demo's, with ``--demo``) is handed the number, so that its one API
login serves every dial; without one, the command logs in and dials by itself (a desk fed by
the site relay asks the relay, which alone holds the API user).  Prints one
JSON line once the UCM accepted the request; failures are one stderr line (exit 2 for a
number that cannot be dialled, before anything reaches the UCM).
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from ucm_popup.commands.common import command_environment, print_json_line
from ucm_popup.errors import AuthError, ServiceError, SettingsError, UcmPopupError
from ucm_popup.options import Options

_ERRORS: dict[Any, type[UcmPopupError]] = {2: SettingsError, 3: AuthError, 4: ServiceError}


async def run_dial(options: Options) -> int:
    from ucm_popup.dial import Dialer
    from ucm_popup.instance_channel import ask_running_instance

    answer = await asyncio.to_thread(ask_running_instance, options.demo, options.number)
    if answer is not None:
        return _print_answer(answer)
    async with command_environment(options, ucm=True) as env:
        dialer = Dialer(env.settings, env.secrets)
        try:
            result = await dialer.dial(options.number)
        finally:
            await dialer.aclose()
    _print(result.to_json())
    return 0


def _print(line: dict[str, Any]) -> None:
    # The windowed Windows program (a link's handler there) has no stdout at all.
    if sys.stdout is not None:
        print_json_line(line)


def _print_answer(answer: dict[str, Any]) -> int:
    """The running app's answer, as if this command had dialled."""
    if answer.get("ok") is True:
        _print({key: str(answer.get(key, "")) for key in ("extension", "number", "via")})
        return 0
    error = _ERRORS.get(answer.get("exit_code"), ServiceError)
    raise error(f"the running ucm-popup could not dial: {answer.get('error', 'no reason given')}")
