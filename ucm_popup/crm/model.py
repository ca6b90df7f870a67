"""What a lookup returns: the ``lookup`` JSON object (docs/json-output.md) as frozen dataclasses."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


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
    """A CRM value as the string shown to the user: None, "null" and non-text become ""/str."""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def unique_matches(matches: list[Match]) -> tuple[Match, ...]:
    """Drop repeats of the same record (same module and id), keeping the first."""
    seen: set[tuple[str, str]] = set()
    kept: list[Match] = []
    for match in matches:
        key = (match.module, match.id)
        if key not in seen:
            seen.add(key)
            kept.append(match)
    return tuple(kept)
