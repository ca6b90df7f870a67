"""``ucm-popup lookup NUMBER``: one CRM lookup, printed as one JSON line.

Exit 0 also when nothing matched; failures raise the documented errors (one stderr line).
"""

from __future__ import annotations

from ucm_popup.commands.common import command_environment, print_json_line
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options


async def run_lookup(options: Options) -> int:
    from ucm_popup.crm.service import build_lookup_service

    async with command_environment(options, crm=True) as env:
        service = build_lookup_service(env.settings, env.secrets, demo=options.demo)
        if service is None:
            raise SettingsError(
                f"{options.config_path}: [crm] provider is \"none\": set it to \"zoho-v2\" or "
                "\"zoho-v1\" to look numbers up"
            )
        try:
            result = await service.lookup(options.number)
        finally:
            await service.aclose()
    print_json_line(result.to_json())
    return 0
