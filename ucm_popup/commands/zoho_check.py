"""``ucm-popup zoho-check``: write one test call to Zoho CRM, read it back, delete it.

For an administrator who wants to see, on their own org and in a minute, what Zoho keeps of
the call records this app writes: the line printed shows each field as sent and as Zoho
stored it (``Call_Duration``'s format is the open question, see docs/zoho-api.md), and
whether the test record could be deleted again (scope ``ZohoCRM.modules.calls.DELETE``; else
the line gives its link, to delete it by hand).  Uses the same settings and secrets as the
desk; writes nothing else.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from ucm_popup.commands.common import command_environment, print_json_line
from ucm_popup.errors import AuthError, Problem, ServiceError, SettingsError
from ucm_popup.options import Options
from ucm_popup.secrets import ZOHO_V2_CLIENT_SECRET, ZOHO_V2_REFRESH_TOKEN, require_secret
from ucm_popup.text import one_line

TEST_SECONDS = 75
CHECKED = ("Call_Type", "Call_Start_Time", "Call_Duration", "Call_Duration_in_seconds",
           "Subject")


def test_call() -> dict[str, Any]:
    start = datetime.now().astimezone() - timedelta(seconds=TEST_SECONDS + 60)
    return {
        "Subject": "ucm-popup test call (zoho-check): safe to delete",
        "Call_Type": "Inbound",
        "Call_Start_Time": start.isoformat(timespec="seconds"),
        "Call_Duration": f"{TEST_SECONDS // 60:02d}:{TEST_SECONDS % 60:02d}",
        "Call_Duration_in_seconds": TEST_SECONDS,
        "Description": "Written by ucm-popup zoho-check to see how Zoho stores a call; "
                       "deleted at once when the token may delete calls.",
    }


async def run_zoho_check(options: Options) -> int:
    from ucm_popup.crm.http import new_client
    from ucm_popup.crm.outbox import (
        WriteFailed,
        WriteRefused,
        WriteThrottled,
        WriteUnknown,
    )
    from ucm_popup.crm.writes import ZohoWrites
    from ucm_popup.crm.zoho_oauth import TokenSource
    from ucm_popup.crm.zoho_v2 import ZohoV2

    async with command_environment(options, crm=True) as env:
        settings = env.settings
        if settings.crm.provider != "zoho-v2":
            raise SettingsError("zoho-check needs [crm] provider = \"zoho-v2\" (v1 cannot write)")
        client = new_client()
        try:
            tokens = TokenSource(client, settings.zoho_v2,
                                 require_secret(env.secrets, ZOHO_V2_CLIENT_SECRET),
                                 require_secret(env.secrets, ZOHO_V2_REFRESH_TOKEN))
            writes = ZohoWrites(client, tokens, settings.crm.default_region)
            sent = writes.prepare("Calls", test_call())
            try:
                record_id = await writes.create("Calls", sent)
                stored = await writes.read("Calls", record_id)
            except WriteRefused as exc:
                if exc.missing_scope:
                    raise AuthError(str(exc)) from None
                raise ServiceError(str(exc)) from None
            except WriteThrottled as exc:
                raise ServiceError(str(exc), Problem.RATE_LIMITED) from None
            except (WriteFailed, WriteUnknown) as exc:
                raise ServiceError(f"{exc} (a test call may have been written: look for "
                                   "\"ucm-popup test call\" in Calls)") from None
            note = ""
            try:
                await writes.delete("Calls", record_id)
                deleted = True
            except (WriteRefused, WriteFailed, WriteUnknown, WriteThrottled) as exc:
                deleted = False
                link = ZohoV2(client, tokens, settings.zoho_v2).record_url("Calls", record_id)
                note = one_line(f"not deleted ({exc}); delete it by hand: {link}", 400)
        finally:
            await client.aclose()
    result: dict[str, Any] = {
        "written": True,
        "id": record_id,
        "sent": {k: sent.get(k) for k in CHECKED},
        "stored": {k: stored.get(k) for k in CHECKED},
        "deleted": deleted,
    }
    if note:
        result["note"] = note
    print_json_line(result)
    return 0
