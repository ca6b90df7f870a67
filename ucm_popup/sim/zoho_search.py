"""The Zoho simulator's ``GET /crm/v2/{Module}/search``: ``criteria``, ``email``, ``phone``,
``word``, as Zoho's Search Records API (v2) documents them.

- One parameter is honoured, in this order of precedence: criteria, email, phone, word.
- ``criteria``: ``(Field:operator:value)`` joined by ``and``/``or`` in brackets, operators
  ``equals`` and ``starts_with``, at most 10 criteria; ``\\(``, ``\\)`` and ``\\,`` escape
  those characters in a value.  ``phone`` looks in every phone field of the module, ``email``
  in its e-mail fields, ``word`` in every text field; the value needs two characters.
- A new record is found only once Zoho's search index has it (``visible``): COQL reads
  records at once, search does not, and Zoho's docs say so.
Matching is exact (phone normalisation is not documented; the simulator does none).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

MAX_CRITERIA = 10
PHONE_FIELDS = {
    "Contacts": ("Phone", "Mobile", "Home_Phone", "Other_Phone", "Asst_Phone", "Fax"),
    "Leads": ("Phone", "Mobile", "Fax"),
    "Accounts": ("Phone", "Fax"),
    "Calls": (),
    "Notes": (),
}
EMAIL_FIELDS = ("Email", "Secondary_Email")
_TOKEN = re.compile(r"\s*(\(|\)|and\b|or\b|(?:[^():\\]|\\.)+:(?:equals|starts_with):"
                    r"(?:[^()\\]|\\.)*)", re.IGNORECASE)


class SearchError(Exception):
    """Zoho's INVALID_QUERY / INVALID_DATA for a search it cannot do; the message says why."""


def _value(raw: str) -> str:
    return re.sub(r"\\(.)", r"\1", raw)


def _parse(criteria: str) -> Callable[[dict[str, Any]], bool]:
    tokens: list[str] = []
    position = 0
    while position < len(criteria):
        found = _TOKEN.match(criteria, position)
        if found is None or found.end() == position:
            if criteria[position:].strip():
                raise SearchError(f"invalid criteria near {criteria[position:position + 20]!r}")
            break
        tokens.append(found.group(1).strip())
        position = found.end()
    count = sum(1 for t in tokens if ":" in t)
    if not count or count > MAX_CRITERIA:
        raise SearchError(f"criteria must hold 1 to {MAX_CRITERIA} conditions")
    index = 0

    def group() -> Callable[[dict[str, Any]], bool]:
        nonlocal index
        if index >= len(tokens) or tokens[index] != "(":
            raise SearchError("each condition must be in brackets")
        index += 1
        if index < len(tokens) and tokens[index] == "(":
            test = expression()
        else:
            test = condition(tokens[index])
            index += 1
        if index >= len(tokens) or tokens[index] != ")":
            raise SearchError("unbalanced brackets in criteria")
        index += 1
        return test

    def expression() -> Callable[[dict[str, Any]], bool]:
        nonlocal index
        left = group()
        while index < len(tokens) and tokens[index].lower() in ("and", "or"):
            joiner = tokens[index].lower()
            index += 1
            left = _join(joiner, left, group())
        return left

    def condition(token: str) -> Callable[[dict[str, Any]], bool]:
        field, _, rest = token.partition(":")
        operator, _, raw = rest.partition(":")
        wanted, op = _value(raw), operator.lower()
        if len(wanted) < 1:
            raise SearchError("a criteria value is empty")

        def test(record: dict[str, Any]) -> bool:
            value = record.get(field.strip())
            if isinstance(value, dict):
                value = value.get("name")
            if not isinstance(value, str):
                return False
            return value.startswith(wanted) if op == "starts_with" else value == wanted
        return test

    result = expression()
    if index != len(tokens):
        raise SearchError("unexpected text after the criteria")
    return result


Test = Callable[[dict[str, Any]], bool]


def _join(joiner: str, left: Test, right: Test) -> Test:
    if joiner == "and":
        return lambda record: left(record) and right(record)
    return lambda record: left(record) or right(record)


def _any_field_equals(fields: tuple[str, ...], wanted: str) -> Test:
    return lambda record: any(record.get(f) == wanted for f in fields)


def matcher(module: str, query: dict[str, str]) -> Callable[[dict[str, Any]], bool]:
    """The test a record must pass for ``query``; SearchError when the query is refused."""
    if "criteria" in query:
        return _parse(query["criteria"])
    for name, fields in (("email", EMAIL_FIELDS), ("phone", PHONE_FIELDS.get(module, ()))):
        if name in query:
            wanted = query[name].strip()
            if len(wanted) < 2:
                raise SearchError(f"the {name} to search needs at least two characters")
            return _any_field_equals(fields, wanted)
    word = query.get("word", "").strip()
    if len(word) < 2:
        raise SearchError("give criteria, email, phone or word (at least two characters)")
    return lambda r: any(isinstance(v, str) and word.lower() in v.lower() for v in r.values())
