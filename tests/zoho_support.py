"""Shared by the Zoho/lookup tests: a simulator on loopback and services pointed at it."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from ucm_popup import secrets
from ucm_popup.crm.service import LookupService, build_lookup_service
from ucm_popup.secrets import MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.zoho import DemoZoho, start_demo_zoho

CONTRACT_KEYS = ["module", "id", "name", "company", "phone", "mobile", "email", "owner", "url"]


@pytest.fixture(name="zoho")
async def zoho_fixture() -> AsyncIterator[DemoZoho]:
    """The demo simulator on a loopback port; import ``zoho_fixture`` to use ``zoho``."""
    demo = await start_demo_zoho()
    try:
        yield demo
    finally:
        await demo.aclose()


def v2_settings(demo: DemoZoho, **crm: object) -> Settings:
    return Settings(
        crm=replace(CrmSettings(provider="zoho-v2", default_region="FR"), **crm),  # type: ignore[arg-type]
        zoho_v2=demo.settings,
    )


def v2_secrets(demo: DemoZoho, **override: str) -> MemorySecretStore:
    return MemorySecretStore(
        {
            secrets.ZOHO_V2_CLIENT_SECRET: override.get("client_secret", demo.client_secret),
            secrets.ZOHO_V2_REFRESH_TOKEN: override.get("refresh_token", demo.refresh_token),
        }
    )


def v2_service(demo: DemoZoho, **override: str) -> LookupService:
    service = build_lookup_service(v2_settings(demo), v2_secrets(demo, **override))
    assert service is not None
    return service


def v1_service(demo: DemoZoho, authtoken: str = "") -> LookupService:
    settings = Settings(
        crm=CrmSettings(provider="zoho-v1", default_region="FR"), zoho_v1=demo.v1_settings
    )
    store = MemorySecretStore({secrets.ZOHO_V1_AUTHTOKEN: authtoken or demo.authtoken})
    service = build_lookup_service(settings, store)
    assert service is not None
    return service


async def run_cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "ucm_popup", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


def write_settings(path: Path, demo: DemoZoho, provider: str = "zoho-v2") -> Path:
    s = demo.settings
    path.write_text(
        f'[crm]\nprovider = "{provider}"\ndefault_region = "FR"\n'
        f'[zoho_v1]\nserver = "{demo.v1_settings.server}"\n'
        f'[zoho_v2]\nserver = "{s.server}"\naccounts_url = "{s.accounts_url}"\n'
        f'web_url = "{s.web_url}"\nclient_id = "{s.client_id}"\n',
        encoding="utf-8",
    )
    return path


def v2_env(demo: DemoZoho, **override: str) -> dict[str, str]:
    return {
        "UCM_POPUP_ZOHO_CLIENT_SECRET": override.get("secret", demo.client_secret),
        "UCM_POPUP_ZOHO_REFRESH_TOKEN": override.get("refresh", demo.refresh_token),
    }


def assert_one_line_failure(code: int, out: str, err: str, expected_code: int, text: str) -> None:
    assert code == expected_code, err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("ucm-popup: ") and text in lines[0]
    assert "Traceback" not in err
