"""``ucm-popup zoho-check``: one test call written to Zoho, read back and deleted, as a
subprocess against the Zoho simulator; without the DELETE scope, the link to delete it."""

from __future__ import annotations

import json
from pathlib import Path

from zoho_support import (  # noqa: F401
    assert_one_line_failure,
    run_cli,
    v2_env,
    write_settings,
    zoho_fixture,
)

from ucm_popup.sim.zoho import FULL_SCOPES, DemoZoho

CALLS = ("ZohoCRM.modules.calls.CREATE", "ZohoCRM.modules.calls.READ")


async def test_a_test_call_is_written_read_back_and_deleted(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "settings.toml", zoho)
    refresh = zoho.sim.add_refresh_token((*FULL_SCOPES, *CALLS, "ZohoCRM.modules.calls.DELETE"))
    code, out, err = await run_cli("zoho-check", "--config", str(config),
                                   env=v2_env(zoho, refresh=refresh))
    assert code == 0, err
    result = json.loads(out)
    assert result["written"] and result["deleted"] and "note" not in result
    assert result["stored"]["Call_Duration"] == result["sent"]["Call_Duration"] == "01:15"
    assert result["stored"]["Call_Duration_in_seconds"] == 75
    assert zoho.sim.count("Calls") == 0 and zoho.sim.counts["api:insert:Calls"] == 1


async def test_without_the_delete_scope_the_line_says_where_to_delete_it(
    zoho: DemoZoho, tmp_path: Path,
) -> None:
    config = write_settings(tmp_path / "settings.toml", zoho)
    refresh = zoho.sim.add_refresh_token((*FULL_SCOPES, *CALLS))
    code, out, err = await run_cli("zoho-check", "--config", str(config),
                                   env=v2_env(zoho, refresh=refresh))
    assert code == 0, err
    result = json.loads(out)
    assert not result["deleted"] and f"/tab/Calls/{result['id']}" in result["note"]
    assert "ZohoCRM.modules.calls.DELETE" in result["note"]
    assert zoho.sim.count("Calls") == 1


async def test_a_read_only_token_is_one_line_naming_the_scope(
    zoho: DemoZoho, tmp_path: Path,
) -> None:
    config = write_settings(tmp_path / "settings.toml", zoho)
    code, out, err = await run_cli("zoho-check", "--config", str(config), env=v2_env(zoho))
    assert_one_line_failure(code, out, err, 3, "ZohoCRM.modules.calls.CREATE")
