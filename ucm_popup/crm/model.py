"""What a lookup returns: the ``lookup`` JSON object (docs/json-output.md) as frozen dataclasses."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ucm_popup.text import truncate

# A caller is one person or company; more records than this carry a shared switchboard
# number, and a popup or a JSON answer with thousands of them helps nobody.
MAX_MATCHES = 50
# No real name, company or e-mail is this long; a megabyte "name" would only stall the popup.
MAX_FIELD_CHARS = 1000


@dataclass(frozen=True)
class Match:
    """One CRM record that carries the caller's number.  Every field is a string ("" = unknown)."""

    module: str
    id: str
    name: str
    company: str
    phone: str
    mobile: str
    email: str
    owner: str
    url: str


@dataclass(frozen=True)
class LookupResult:
    number: str
    normalized: str
    provider: str
    matches: tuple[Match, ...]

    def to_json(self) -> dict[str, Any]:
        """Exactly the documented lookup object, keys in its order (docs/json-output.md)."""
        return {
            "number": self.number,
            "normalized": self.normalized,
            "provider": self.provider,
            "matches": [asdict(match) for match in self.matches],
        }


def text(value: Any) -> str:
    """A CRM value as the string shown to the user: None, "null" and non-text become ""/str;
    at most ``MAX_FIELD_CHARS``."""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return truncate(value if isinstance(value, str) else str(value), MAX_FIELD_CHARS)


def unique_matches(matches: list[Match]) -> tuple[Match, ...]:
    """Drop repeats of the same record (same module and id), keeping the first; at most
    ``MAX_MATCHES``."""
    seen: set[tuple[str, str]] = set()
    kept: list[Match] = []
    for match in matches:
        key = (match.module, match.id)
        if key not in seen:
            seen.add(key)
            kept.append(match)
            if len(kept) == MAX_MATCHES:
                break
    return tuple(kept)
