"""``ucm-popup relay``: one UCM session for the whole site, published to the MQTT broker.

Runs until SIGINT/SIGTERM (exit 0). The first connections' refusals end it with one line:
exit 3 for a refused login (UCM or broker), 4 for a server that cannot be reached or trusted.
With ``--demo``: the demo UCM and Zoho, and a mosquitto of its own on loopback.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from ucm_popup.commands.common import command_environment
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options
from ucm_popup.secrets import (
    MQTT_PASSWORD,
    UCM_API_PASSWORD,
    UCM_PASSWORD,
    SecretStore,
    optional_secret,
    require_secret,
)
from ucm_popup.settings import MqttSettings, RelaySettings, Settings, ViewSettings

if TYPE_CHECKING:
    from ucm_popup.dial import Dialer

DEMO_RELAY_USER = "relay"
DEMO_DESK = "1002"
DEMO_VIEW_USER = "demo"


async def run_relay(options: Options) -> int:
    from ucm_popup.relay.site import SiteRelay

    async with _relay_environment(options) as (settings, secrets):
        if not (settings.ucm.host and settings.ucm.username):
            raise SettingsError(f"{options.config_path}: [ucm] host and username must be set "
                                "for the relay (or try --demo)")
        if not settings.mqtt.url:
            raise SettingsError(f"{options.config_path}: [mqtt] url must be set for the relay")
        ucm_password = require_secret(secrets, UCM_PASSWORD)
        mqtt_password = optional_secret(secrets, MQTT_PASSWORD)
        lookup = None
        # Writing the site's calls needs the callers looked up (to link their records).
        from ucm_popup.relay.site_crm import build_site_crm, relay_state_dir, relay_writes
        from ucm_popup.relay.view.service import feed_from, serve_view

        state_dir = relay_state_dir()
        if (settings.relay.crm_lookup or relay_writes(settings)) \
                and settings.crm.provider != "none":
            from ucm_popup.crm.service import build_lookup_service

            lookup = build_lookup_service(settings, secrets, demo=options.demo,
                                          relay_index=state_dir / "crm-index.sqlite3")
        crm = build_site_crm(settings, secrets, lookup, state_dir)
        dialer = _site_dialer(settings, secrets)
        try:
            async with serve_view(settings, state_dir) as view:
                relay = SiteRelay(settings, ucm_password, mqtt_password, lookup=lookup,
                                  crm=crm, dial=dialer.dial_for if dialer is not None else None,
                                  view=view.view if view is not None else None)
                if view is not None:
                    feed_from(view, relay, looks_up=lookup is not None)
                await relay.run()
        finally:
            await crm.aclose()
            if lookup is not None:
                await lookup.aclose()
            if dialer is not None:
                await dialer.aclose()
    return 0


def _site_dialer(settings: Settings, secrets: SecretStore) -> Dialer | None:
    """The desks' click-to-dial, with the only API login of the site; None without an API user
    (desks are then told it is not set up).  A missing password is said now, not at the
    first desk's dial."""
    if not settings.ucm.api_username:
        return None
    from ucm_popup.dial import Dialer

    require_secret(secrets, UCM_API_PASSWORD)
    return Dialer(settings, secrets)


@asynccontextmanager
async def _relay_environment(options: Options) -> AsyncIterator[tuple[Settings, SecretStore]]:
    if not options.demo:
        async with command_environment(options, ucm=True, relay=True) as environment:
            yield environment.settings, environment.secrets
        return
    from ucm_popup.demo import demo_environment
    from ucm_popup.relay.demo_broker import demo_broker

    prefix = MqttSettings().topic_prefix
    async with demo_broker((DEMO_RELAY_USER, DEMO_DESK), prefix, DEMO_RELAY_USER) as broker, \
            demo_environment(ucm=True, crm=True) as demo, _demo_view() as (view, password):
        settings = replace(
            demo.settings, ucm=replace(demo.settings.ucm, extension=""),
            mqtt=MqttSettings(url=broker.url, username=DEMO_RELAY_USER),
            relay=RelaySettings(crm_lookup=True), view=view,
        )
        demo.secrets.set(MQTT_PASSWORD, broker.passwords[DEMO_RELAY_USER])
        # Where a newcomer can look: the demo desk's own view of the broker.
        print(f"ucm-popup: demo relay: broker {broker.url}, desk user {DEMO_DESK} password "
              f"{broker.passwords[DEMO_DESK]}; watch it with (package mosquitto-clients): "
              f"mosquitto_sub -h 127.0.0.1 -p {broker.port} -u {DEMO_DESK} "
              f"-P {broker.passwords[DEMO_DESK]} "
              f"-t '{prefix}/ext/{DEMO_DESK}/events' -t '{prefix}/relay/status' -v",
              file=sys.stderr, flush=True)
        print(f"ucm-popup: demo relay: site view http://{view.listen}/ user {DEMO_VIEW_USER} "
              f"password {password}", file=sys.stderr, flush=True)
        yield settings, demo.secrets


@asynccontextmanager
async def _demo_view() -> AsyncIterator[tuple[ViewSettings, str]]:
    """The site view of the demo relay: loopback, a throwaway account in a temporary folder
    (never the user's own files); its settings and the account's password."""
    import secrets as random
    import socket
    import tempfile
    from pathlib import Path

    from ucm_popup.relay.view.users import hash_password, write_users

    password = random.token_urlsafe(9)
    with tempfile.TemporaryDirectory(prefix="ucm-popup-demo-view-") as folder, \
            socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        users = Path(folder) / "view-users"
        write_users(users, {DEMO_VIEW_USER: hash_password(password)})
        yield ViewSettings(listen=f"127.0.0.1:{port}", users_file=str(users)), password
