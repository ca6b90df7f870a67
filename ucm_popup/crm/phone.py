"""Reading the caller's number and spelling it the ways people type numbers into a CRM.

Zoho compares phone fields as typed (COQL ``=``/``in`` is exact string equality, and how
``search?phone=`` normalises is undocumented), so instead of hoping the server normalises we
ask for every common spelling of the number at once: E.164, international and national
formats, digits only, ``00`` prefix, and the national groups joined by spaces, dots or dashes.

``phonenumbers`` is imported on first use: its region metadata costs several MiB of memory
and ~0.1 s to load, which the tray app should only pay once a call actually comes in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# What may go between quotes into a COQL query or a v1 criteria value: no quotes, no
# backslashes, no commas, so a number can never change the shape of a query.
SAFE_VARIANT = re.compile(r"^[0-9+ .()\-]{2,40}$")
MAX_VARIANTS = 48  # COQL allows up to 50 values in one ``in (...)``
_SEPARATORS = (" ", "", ".", "-")


@dataclass(frozen=True)
class ReadNumber:
    """The number as given, its E.164 form (or the number as given), and spellings to search."""

    given: str
    normalized: str
    variants: tuple[str, ...]
    valid: bool


def _digit_groups(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _phonenumbers() -> Any:
    import phonenumbers as module

    return module


@lru_cache(maxsize=1024)
def read_number(number: str, default_region: str) -> ReadNumber:
    """Parse ``number`` as the UCM gives it (national, ``+``, ``00``) in ``default_region``."""
    given = number.strip()
    pn = _phonenumbers()
    parsed = None
    candidate = given
    if candidate.startswith("00") and not candidate.startswith("000"):
        candidate = "+" + candidate[2:]  # international call prefix used all over Europe
    try:
        parsed = pn.parse(candidate, default_region.upper())
    except pn.NumberParseException:
        parsed = None
    if parsed is not None and (pn.is_valid_number(parsed) or pn.is_possible_number(parsed)):
        return _spellings(given, parsed)
    return ReadNumber(given, given, _fallback_variants(given), False)


def _fallback_variants(given: str) -> tuple[str, ...]:
    """Short or unreadable numbers: searched as typed and as bare digits, nothing invented."""
    digits = re.sub(r"\D", "", given)
    if given.startswith("+") and digits:
        digits = "+" + digits
    variants = [v for v in dict.fromkeys((given, digits)) if SAFE_VARIANT.match(v)]
    return tuple(variants)


def _spellings(given: str, parsed: Any) -> ReadNumber:
    pn = _phonenumbers()
    fmt = pn.PhoneNumberFormat
    e164 = pn.format_number(parsed, fmt.E164)
    international = pn.format_number(parsed, fmt.INTERNATIONAL)
    national = pn.format_number(parsed, fmt.NATIONAL)
    cc = str(parsed.country_code)
    nsn = pn.national_significant_number(parsed)
    intl_groups = _digit_groups(international)[1:]  # after the country code
    national_groups = _digit_groups(national)
    national_digits = "".join(national_groups)
    ordered = [
        e164,
        international,
        national,
        national_digits,
        "00" + cc + nsn,
        given,
    ]
    for sep in _SEPARATORS:
        ordered.append(sep.join(national_groups))
        ordered.append(f"+{cc} " + sep.join(intl_groups))
        ordered.append(f"00{cc} " + sep.join(intl_groups))
        ordered.append(f"+{cc}" + sep + sep.join(intl_groups))
        ordered.append(f"00{cc}" + sep + sep.join(intl_groups))
    ordered.append(cc + nsn)
    if national_digits.startswith("0"):  # +33 (0)6 12 34 56 78: trunk prefix in brackets
        ordered += [
            f"+{cc} (0)" + " ".join(intl_groups),
            f"+{cc} (0) " + " ".join(intl_groups),
            f"+{cc}(0)" + nsn,
        ]
    if cc == "1":  # North American habits: 1-212-555-0142, +1 (212) 555-0142
        ordered += [
            "1 " + national,
            "+1 " + national,
            "1-" + "-".join(national_groups),
            "1" + nsn,
        ]
    variants = [v for v in dict.fromkeys(ordered) if SAFE_VARIANT.match(v)]
    return ReadNumber(given, e164, tuple(variants[:MAX_VARIANTS]), True)


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", text)
