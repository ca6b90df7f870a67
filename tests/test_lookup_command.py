"""``ucm-popup lookup`` as a user runs it: a subprocess, with --demo or a settings file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from zoho_support import (  # noqa: F401
    assert_one_line_failure,
    run_cli,
    v2_env,
    write_settings,
    zoho_fixture,
)

from ucm_popup.sim.zoho import DemoZoho


async def test_demo_lookup_prints_one_json_line() -> None:
    code, out, err = await run_cli("lookup", "--demo", "0612345678")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    result = json.loads(out)
    assert result["number"] == "0612345678" and result["normalized"] == "+33612345678"
    assert [m["name"] for m in result["matches"]] == ["Jane Doe"]


async def test_demo_lookup_without_match_exits_0() -> None:
    code, out, _ = await run_cli("--demo", "lookup", "0145678900")
    assert code == 0
    assert json.loads(out) == {"number": "0145678900", "normalized": "+33145678900",
                               "provider": "zoho-v2", "matches": []}


async def test_settings_file_and_environment_secrets(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    code, out, err = await run_cli("lookup", "+33698765432", "--config", str(config),
                                   env=v2_env(zoho))
    assert (code, err) == (0, "")
    modules = [m["module"] for m in json.loads(out)["matches"]]
    assert modules == ["Contacts", "Leads"]


async def test_v1_provider_from_settings(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho, provider="zoho-v1")
    code, out, err = await run_cli("lookup", "0478123456", "--config", str(config),
                                   env={"UCM_POPUP_ZOHO_AUTHTOKEN": zoho.authtoken})
    assert (code, err) == (0, "")
    assert json.loads(out)["matches"][0]["name"] == "Lyon Logistique SARL"


async def test_wrong_secret_exits_3_and_never_shows_it(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    env = v2_env(zoho, secret="very-wrong-secret-123")
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config), env=env)
    assert_one_line_failure(code, out, err, 3, "client id/secret")
    code, out, err = await run_cli("-v", "lookup", "0612345678", "--config", str(config), env=env)
    assert code == 3 and out == ""
    for secret in ("very-wrong-secret-123", zoho.refresh_token):
        assert secret not in err


async def test_revoked_refresh_token_exits_3(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config),
                                   env=v2_env(zoho, refresh="1000.revoked.token"))
    assert_one_line_failure(code, out, err, 3, "authorize-zoho")


async def test_verbose_log_has_no_secrets(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    code, out, err = await run_cli("-v", "lookup", "0612345678", "--config", str(config),
                                   env=v2_env(zoho))
    assert code == 0 and json.loads(out)["matches"]
    assert "zoho" in err.lower()  # debug lines were written
    for secret in (zoho.client_secret, zoho.refresh_token, *zoho.sim.access_tokens):
        assert secret not in err


@pytest.mark.parametrize(("failure", "text"), [("429", "HTTP 429"), ("500", "HTTP 500")])
async def test_outage_exits_4(zoho: DemoZoho, tmp_path: Path, failure: str, text: str) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    zoho.sim.failure = failure
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config),
                                   env=v2_env(zoho))
    assert_one_line_failure(code, out, err, 4, text)


async def test_unreachable_server_exits_4(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[zoho_v2]\nserver = "http://127.0.0.1:9"\naccounts_url = "http://127.0.0.1:9"\n'
        'client_id = "1000.X"\n', encoding="utf-8")
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config),
                                   env={"UCM_POPUP_ZOHO_CLIENT_SECRET": "s3cr3t-value",
                                        "UCM_POPUP_ZOHO_REFRESH_TOKEN": "r3fr3sh-value"})
    assert_one_line_failure(code, out, err, 4, "cannot reach")


async def test_provider_none_and_missing_secret_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[crm]\nprovider = "none"\n', encoding="utf-8")
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config))
    assert_one_line_failure(code, out, err, 2, '[crm] provider is "none"')
    config.write_text('[zoho_v2]\nclient_id = "1000.X"\n', encoding="utf-8")
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config))
    assert_one_line_failure(code, out, err, 2, "UCM_POPUP_ZOHO_CLIENT_SECRET")


async def test_a_lone_surrogate_in_a_crm_name_is_written_as_a_json_escape(
    zoho: DemoZoho, tmp_path: Path
) -> None:
    broken = {"id": "3477061000000419999", "Full_Name": "Bad \ud800 Name", "Last_Name": "Name",
              "Account_Name": {"name": "Co \udfff", "id": "1"}, "Phone": "+33 6 55 44 33 22",
              "Email": "", "Owner": {"name": "Sam", "id": "2"}}
    zoho.sim.records = {**zoho.sim.records,
                        "Contacts": [*zoho.sim.records["Contacts"], broken]}
    config = write_settings(tmp_path / "config.toml", zoho)
    code, out, err = await run_cli("lookup", "0655443322", "--config", str(config),
                                   env=v2_env(zoho))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and "\\ud800" in out  # a JSON escape, readable by any parser
    match = json.loads(out)["matches"][0]
    # as the CRM sent it (or already escaped by the CRM client): never a crash
    assert match["name"] in ("Bad \ud800 Name", "Bad \\ud800 Name")
