"""``ucm-popup authorize-zoho CODE``: a self-client grant code -> a refresh token in the keyring.

Prints the data centre and the scopes Zoho granted (where its answer lists them), never the
token.  The keyring is checked *before* the code is spent: a grant code works only once.
"""

from __future__ import annotations

import asyncio
import sys

from ucm_popup.commands.common import command_environment
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options
from ucm_popup.secrets import (
    ENV_OVERRIDES,
    ZOHO_V2_CLIENT_SECRET,
    ZOHO_V2_REFRESH_TOKEN,
    NoKeyringError,
    keyring_backend_problem,
    require_secret,
)
from ucm_popup.text import one_line


async def run_authorize(options: Options) -> int:
    from ucm_popup.crm.zoho_oauth import exchange_grant_code, missing_scopes, scopes_for

    code = options.code.strip()
    if not code:
        raise SettingsError("authorize-zoho needs the grant code from the Zoho API console")
    async with command_environment(options, crm=True) as env:
        v2 = env.settings.zoho_v2
        client_secret = require_secret(env.secrets, ZOHO_V2_CLIENT_SECRET)
        if not options.demo:
            problem = await asyncio.to_thread(keyring_backend_problem)
            if problem:
                raise SettingsError(
                    f"the refresh token could not be stored: {problem}; the grant code was not "
                    f"used (or skip the keyring: set {ENV_OVERRIDES[ZOHO_V2_REFRESH_TOKEN]})"
                )
        grant = await exchange_grant_code(v2, client_secret, code)
        try:
            await asyncio.to_thread(env.secrets.set, ZOHO_V2_REFRESH_TOKEN, grant.refresh_token)
        except NoKeyringError as exc:
            raise SettingsError(f"the refresh token could not be stored: {exc}") from None
    centre = grant.data_centre or "unknown (custom accounts_url)"
    if options.demo:
        centre = "the demo simulator"
    where = "the demo's memory (your keyring is untouched)" if options.demo else "the keyring"
    # The scopes and the API domain come from Zoho's answer: printed as one escaped line each,
    # so that no control character in them can steer the terminal.
    api_domain = one_line(grant.api_domain, 200)
    lines = [
        f"Zoho refresh token stored in {where}.",
        f"data centre: {centre} (accounts {v2.accounts_url}, API {api_domain})",
    ]
    if grant.scopes:
        lines.append(one_line("scopes: " + ", ".join(grant.scopes), 1000))
    crm = env.settings.crm
    missing = missing_scopes(grant.scopes, crm.log_calls, crm.add_unknown) if grant.scopes else ()
    if missing:  # lookups work; writing calls will be refused until a new code has them
        lines.append(
            f"note: [crm] log_calls/add_unknown need {', '.join(missing)}, which this code "
            f"lacks: generate a new code for {scopes_for(crm.log_calls, crm.add_unknown)}"
        )
    if grant.api_domain.rstrip("/") != v2.server.rstrip("/"):
        lines.append(f"note: Zoho's API domain is {api_domain}; [zoho_v2] server says {v2.server}")
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 0
