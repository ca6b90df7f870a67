"""Hostile Zoho answers to the phone index's sync (record lists, id ranges, deleted records):
a sync ends, with the index updated or one-line error and the index as it was; it never loops
for ever on a server repeating ``more_records`` and never crashes on odd times or ids."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_fuzz_zoho import (
    CLIENT_SECRET,
    REFRESH_TOKEN,
    V2,
    answers,
    client_for,
    json_values,
    odd_text,
    run,
    shaped,
)
from ucm_popup.crm.index import PhoneIndex
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.crm.zoho_oauth import TokenSource
from ucm_popup.crm.zoho_v2 import ZohoV2
from ucm_popup.errors import UcmPopupError

times = odd_text | st.sampled_from(["2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00",
                                    "2026-13-45T99:00:00Z", "0001-01-01T00:00:00-23:59",
                                    "9999-12-31T23:59:59.999999+14:00", "2026-01-01"])
ids = st.sampled_from(["1", "2", "10", "99999999999999999999", "-1", "", "1e9"]) | odd_text
sync_rows = st.lists(
    st.fixed_dictionaries({"id": ids, "Modified_Time": times, "deleted_time": times},
                          optional={k: json_values for k in ("Full_Name", "Phone", "Mobile",
                                                             "Home_Phone", "Owner",
                                                             "Account_Name")})
    | shaped(["id", "Phone", "Modified_Time"]) | json_values,
    max_size=6,
)
list_bodies = st.builds(
    lambda rows, more: {"data": rows, "info": {"more_records": more}},
    sync_rows, st.just(True) | json_values,
) | json_values


@settings(max_examples=120, deadline=None)
@given(records=answers(list_bodies), deleted=answers(list_bodies), coql=answers(list_bodies))
def test_hostile_sync_answers_end_in_a_sync_or_one_line(
    records: tuple[int, Any], deleted: tuple[int, Any], coql: tuple[int, Any]
) -> None:
    async def sync_twice() -> list[BaseException | None]:
        client = client_for({"/Contacts": records, "/deleted": deleted, "/coql": coql})
        v2 = ZohoV2(client, TokenSource(client, V2, CLIENT_SECRET, REFRESH_TOKEN), V2)
        with tempfile.TemporaryDirectory() as folder:
            index = PhoneIndex(Path(folder) / "i.sqlite3", "FR")
            sync = IndexSync(v2, index, ("Contacts",))
            outcomes: list[BaseException | None] = []
            for _ in range(2):  # a full sync, then an incremental one
                before = index.status()
                try:
                    await sync.sync_once()
                    outcomes.append(None)
                except UcmPopupError as exc:
                    outcomes.append(exc)
                    assert index.status() == before  # the index as it was
                assert sync.requests <= 40  # ten plain pages, then ranges that must progress
            index.find(["+33612345678", "0612345678"])
            index.close()
        await client.aclose()
        return outcomes

    for outcome in run(sync_twice):
        if outcome is not None:
            message = str(outcome)
            assert outcome.exit_code in (2, 3, 4) and "\n" not in message and len(message) < 1000
