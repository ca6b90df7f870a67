"""``ucm-popup authorize-zoho CODE``: grant code -> refresh token in the store, never printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from zoho_support import assert_one_line_failure, run_cli, write_settings, zoho_fixture  # noqa: F401

from ucm_popup import secrets
from ucm_popup.cli import parse_options
from ucm_popup.commands import authorize, common
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.secrets import EnvOverlay, MemorySecretStore
from ucm_popup.sim.zoho import DEMO_GRANT_CODE, DemoZoho


async def test_demo_code_works_and_prints_no_token() -> None:
    code, out, err = await run_cli("authorize-zoho", "--demo", DEMO_GRANT_CODE)
    assert (code, err) == (0, "")
    assert "data centre: the demo simulator" in out
    assert "scopes: " in out and "ZohoCRM.coql.READ" in out
    assert "keyring is untouched" in out
    assert "1000." not in out  # no token of any kind


async def test_demo_wrong_code_exits_3() -> None:
    code, out, err = await run_cli("authorize-zoho", "--demo", "1000.not.a.code")
    assert_one_line_failure(code, out, err, 3, "grant code is wrong, already used or expired")


async def test_without_keyring_the_code_is_not_spent(zoho: DemoZoho, tmp_path: Path) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    grant_code = zoho.sim.issue_grant_code()
    code, out, err = await run_cli(
        "authorize-zoho", grant_code, "--config", str(config),
        env={"UCM_POPUP_ZOHO_CLIENT_SECRET": zoho.client_secret},
    )
    assert_one_line_failure(code, out, err, 2, "could not be stored")
    assert grant_code in zoho.sim.grant_codes
    assert zoho.client_secret not in err


async def test_stores_the_refresh_token_with_settings_file(
    zoho: DemoZoho, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = MemorySecretStore({secrets.ZOHO_V2_CLIENT_SECRET: zoho.client_secret})
    monkeypatch.setattr(common, "default_secret_store", lambda: EnvOverlay(store, {}))
    monkeypatch.setattr(authorize, "keyring_backend_problem", lambda: None)
    config = write_settings(tmp_path / "config.toml", zoho)
    grant_code = zoho.sim.issue_grant_code(scopes=("ZohoCRM.modules.ALL", "ZohoCRM.coql.READ"))
    options = parse_options(["authorize-zoho", grant_code, "--config", str(config)])
    assert await authorize.run_authorize(options) == 0
    stored = store.get(secrets.ZOHO_V2_REFRESH_TOKEN)
    assert stored in zoho.sim.refresh_tokens
    out = capsys.readouterr().out
    assert "stored in the keyring" in out
    assert "scopes: ZohoCRM.modules.ALL, ZohoCRM.coql.READ" in out
    assert stored is not None and stored not in out
    with pytest.raises(AuthError, match="already used"):  # single use
        await authorize.run_authorize(options)


async def test_wrong_client_secret_is_refused_before_storing(
    zoho: DemoZoho, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemorySecretStore({secrets.ZOHO_V2_CLIENT_SECRET: "wrong-secret-value"})
    monkeypatch.setattr(common, "default_secret_store", lambda: EnvOverlay(store, {}))
    monkeypatch.setattr(authorize, "keyring_backend_problem", lambda: None)
    config = write_settings(tmp_path / "config.toml", zoho)
    grant_code = zoho.sim.issue_grant_code()
    options = parse_options(["authorize-zoho", grant_code, "--config", str(config)])
    with pytest.raises(AuthError, match="client id/secret") as caught:
        await authorize.run_authorize(options)
    assert "wrong-secret-value" not in str(caught.value)
    assert store.get(secrets.ZOHO_V2_REFRESH_TOKEN) is None


FILE_KEYRING = '''
import json, os
from keyring.backend import KeyringBackend

class FileKeyring(KeyringBackend):
    """A keyring backend writing a JSON file: stands in for the Secret Service in a subprocess."""
    priority = 1
    path = os.environ["TEST_KEYRING_FILE"]

    def _load(self):
        try:
            with open(self.path) as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        with open(self.path, "w") as f:
            json.dump(data, f)

    def delete_password(self, service, username):
        pass
'''


async def authorize_in_subprocess(
    zoho: DemoZoho, tmp_path: Path, grant_code: str, *options: str
) -> tuple[int, str, str]:
    """``authorize-zoho`` as a user runs it, with a file standing in for the keyring."""
    (tmp_path / "file_keyring.py").write_text(FILE_KEYRING, encoding="utf-8")
    config = write_settings(tmp_path / "config.toml", zoho)
    return await run_cli(
        *options, "authorize-zoho", grant_code, "--config", str(config),
        env={"UCM_POPUP_ZOHO_CLIENT_SECRET": zoho.client_secret,
             "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
             "PYTHONPATH": str(tmp_path), "TEST_KEYRING_FILE": str(tmp_path / "keyring.json")},
    )


async def test_subprocess_stores_in_the_keyring_and_logs_no_secret(
    zoho: DemoZoho, tmp_path: Path
) -> None:
    store_file = tmp_path / "keyring.json"
    grant_code = zoho.sim.issue_grant_code()
    code, out, err = await authorize_in_subprocess(zoho, tmp_path, grant_code, "-v")
    assert code == 0, err
    stored = json.loads(store_file.read_text())["ucm-popup/zoho-v2-refresh-token"]
    assert stored in zoho.sim.refresh_tokens
    assert "stored in the keyring" in out and "scopes: " in out
    for secret in (stored, zoho.client_secret, grant_code, *zoho.sim.access_tokens):
        assert secret not in out and secret not in err


@pytest.mark.parametrize(
    ("failure", "reply", "says"),
    [
        ("deep", None, "nested too deeply"),
        ("huge", None, "larger than 2 MiB"),
        ("redirect", None, "redirected the request (HTTP 302)"),
        ("", (200, b'{"refresh_token": "1000.x", "access_token": "1000.y", '
                   b'"api_domain": "https://[::1"}'), "unusable API domain"),
        ("", (200, b'{"refresh_token": "1000.x", "api_domain": "https://zoho.example:99999"}'),
         "unusable API domain"),
        ("", (200, b'[{"refresh_token": "1000.x"}]'), "answered something unusable"),
    ],
)
async def test_hostile_token_answers_exit_4_in_one_line(
    zoho: DemoZoho, tmp_path: Path, failure: str, reply: tuple[int, bytes] | None, says: str
) -> None:
    zoho.sim.token_failure = failure
    if reply is not None:
        zoho.sim.replies["token"] = reply
    code, out, err = await authorize_in_subprocess(zoho, tmp_path, zoho.sim.issue_grant_code())
    assert_one_line_failure(code, out, err, 4, says)
    assert not (tmp_path / "keyring.json").exists()  # nothing stored


async def test_a_dripping_accounts_server_meets_one_deadline(zoho: DemoZoho) -> None:
    from ucm_popup.crm.zoho_oauth import exchange_grant_code

    zoho.sim.token_failure, zoho.sim.drip_interval = "drip", 0.2  # never idle for 4 s
    with pytest.raises(ServiceError, match=r"did not answer within 1 s") as caught:
        await exchange_grant_code(
            zoho.settings, zoho.client_secret, zoho.sim.issue_grant_code(), timeout=1.0
        )
    assert caught.value.exit_code == 4


async def test_server_text_in_the_output_is_escaped(zoho: DemoZoho, tmp_path: Path) -> None:
    zoho.sim.replies["token"] = (200, json.dumps({
        "refresh_token": "1000.r", "access_token": "1000.a", "api_domain": zoho.sim.base_url,
        "scope": "ZohoCRM.coql.READ \x1b[31mRED\x1b]0;title\x07 Next\nLine",
    }).encode())
    code, out, err = await authorize_in_subprocess(zoho, tmp_path, zoho.sim.issue_grant_code())
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    scopes = next(line for line in out.splitlines() if line.startswith("scopes: "))
    assert scopes == "scopes: ZohoCRM.coql.READ, \\x1b[31mRED\\x1b]0;title\\x07, Next, Line"
