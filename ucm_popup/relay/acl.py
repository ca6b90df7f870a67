"""The broker ACL of a site relay, in one place: ``relay --demo`` writes it, the README shows it
(a test checks the README's block against ``render_acl``) and the tests' brokers enforce it.

The relay's own user may read and write everything under the prefix; each desk logs in as its
extension (``%u``) and may only touch its own extension's topics. A new topic for desks is one
more line in ``DESK_LINES``."""

from __future__ import annotations

# One mosquitto "pattern" line per desk topic; ``{prefix}`` is the settings' topic prefix.
DESK_LINES: tuple[str, ...] = (
    "pattern read {prefix}/relay/status",
    "pattern read {prefix}/relay/+/status",  # two relays (standby): each one's role
    "pattern read {prefix}/ext/%u/events",
    "pattern write {prefix}/ext/%u/dial",
    "pattern read {prefix}/ext/%u/dial/result",
    "pattern write {prefix}/ext/%u/presence",  # the site view's "desk online" (and last will)
)


def render_acl(prefix: str, relay_user: str) -> str:
    """The text of mosquitto's ``acl_file`` for a site with this topic prefix and relay user."""
    relay = [f"user {relay_user}", f"topic readwrite {prefix}/#"]
    desks = [line.format(prefix=prefix) for line in DESK_LINES]
    return "\n".join([*relay, "", *desks]) + "\n"
