"""The site view as the relay runs it: where its files are, and how it is fed and served."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ucm_popup.settings import Settings

if TYPE_CHECKING:
    from ucm_popup.relay.site import SiteRelay
    from ucm_popup.relay.view.server import ViewServer
    from ucm_popup.relay.view.state import SiteView

USERS_FILE = "view-users"
SESSIONS_FILE = "view-sessions.json"


def users_path(settings: Settings, state_dir: Path) -> Path:
    """``[view] users_file``, else ``view-users`` in the relay's state directory."""
    given = settings.view.users_file
    return Path(given).expanduser() if given else state_dir / USERS_FILE


@asynccontextmanager
async def serve_view(settings: Settings, state_dir: Path) -> AsyncIterator[ViewServer | None]:
    """The running view server (None when ``[view] listen`` is empty), stopped on leaving."""
    if not settings.view.listen:
        yield None
        return
    from ucm_popup.relay.view.server import ViewServer
    from ucm_popup.relay.view.state import SiteView

    users = users_path(settings, state_dir)
    view = SiteView(default_region=settings.crm.default_region,
                    extensions=settings.relay.extensions)
    server = ViewServer(view, settings.view, users, users.with_name(SESSIONS_FILE))
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


def feed_from(server: ViewServer, relay: SiteRelay, *, looks_up: bool) -> None:
    """Before each push the view reads what the relay's CRM side says now."""

    def poll(view: SiteView) -> None:
        crm = relay.crm
        status = crm.writes_status if crm is not None else None
        index = ""
        if crm is not None and crm.index_state is not None:
            from ucm_popup.crm.index import describe

            index = describe(crm.index_state)
        view.on_crm(lookup=looks_up, waiting=status.waiting if status else 0,
                    last_error=status.last_error if status else "", index=index)

    server.poll = poll
