"""``ucm-popup relay``: one UCM session for the whole site, published to the MQTT broker.

Runs until SIGINT/SIGTERM (exit 0). The first connections' refusals end it with one line:
exit 3 for a refused login (UCM or broker), 4 for a server that cannot be reached or trusted.
"""

from __future__ import annotations

from ucm_popup.commands.common import command_environment
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options
from ucm_popup.secrets import MQTT_PASSWORD, UCM_PASSWORD, require_secret


async def run_relay(options: Options) -> int:
    from ucm_popup.relay.site import SiteRelay

    async with command_environment(options, ucm=True, relay=True) as environment:
        settings, secrets = environment.settings, environment.secrets
        if not (settings.ucm.host and settings.ucm.username):
            raise SettingsError(f"{options.config_path}: [ucm] host and username must be set "
                                "for the relay (or try --demo)")
        if not settings.mqtt.url:
            raise SettingsError(f"{options.config_path}: [mqtt] url must be set for the relay")
        ucm_password = require_secret(secrets, UCM_PASSWORD)
        mqtt_password = secrets.get(MQTT_PASSWORD) or ""
        lookup = None
        if settings.relay.crm_lookup and settings.crm.provider != "none":
            from ucm_popup.crm.service import build_lookup_service

            lookup = build_lookup_service(settings, secrets)
        relay = SiteRelay(settings, ucm_password, mqtt_password, lookup=lookup)
        try:
            await relay.run()
        finally:
            if lookup is not None:
                await lookup.aclose()
    return 0
