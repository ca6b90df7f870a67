"""The subset of COQL the Zoho simulator understands, checked the way Zoho documents it.

Supported: ``select f1, f2, Lookup.field from Module where <condition> [limit n[, m]]`` with
conditions built from ``Field = 'v'``, ``Field in ('a', 'b')``, ``Field is [not] null``,
``DateTimeField between 'from' and 'to'`` (inclusive, as Zoho's COQL operator table has it for
date and date-time fields), ``and``/``or`` and brackets.  Like Zoho: at most one
``and``/``or`` per bracket level (``A or B or C`` must be written ``(A or (B or C))``), at
most 25 criteria and 50 ``in`` values, and comparison is exact string equality (no phone
normalisation).  Not supported (answered with INVALID_QUERY): group by, like, aggregates,
comparisons other than =, in and between, except ``id > N`` and ``order by``, which the phone
index's sync pages with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

MAX_CRITERIA = 25
MAX_IN_VALUES = 50
MAX_LIMIT = 200  # v2: "a maximum of 200 records per API call" (later versions: 2,000)

_TOKEN = re.compile(
    r"\s*(?:(?P<string>'[^']*')|(?P<punct>[=(),>])|(?P<number>\d+)|(?P<word>[A-Za-z_$][\w$.]*))"
)


class CoqlError(Exception):
    """The query is outside the subset or breaks one of Zoho's rules (INVALID_QUERY)."""


@dataclass(frozen=True)
class Query:
    fields: tuple[str, ...]
    module: str
    where: Callable[[Callable[[str], Any]], bool] | None
    limit: int
    offset: int
    where_fields: tuple[str, ...]
    order_by: tuple[str, bool] | None = None  # (field, descending)
    id_after: int | None = None  # the whole condition is ``id > N`` (the index sync's pages)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        text = text.strip()
        while position < len(text):
            found = _TOKEN.match(text, position)
            if not found or found.end() == position:
                raise CoqlError(f"syntax error near {text[position:position + 20]!r}")
            kind = found.lastgroup or ""
            self.tokens.append((kind, found.group(kind)))
            position = found.end()
            while position < len(text) and text[position].isspace():
                position += 1
        self.index = 0
        self.criteria = 0
        self.id_after: int | None = None
        self.names: list[str] = []

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.index] if self.index < len(self.tokens) else ("end", "")

    def take(self) -> tuple[str, str]:
        token = self.peek()
        self.index += 1
        return token

    def keyword(self, word: str) -> bool:
        kind, value = self.peek()
        if kind == "word" and value.lower() == word:
            self.index += 1
            return True
        return False

    def expect(self, value: str) -> None:
        _kind, found = self.take()
        if found.lower() != value:
            raise CoqlError(f"expected {value!r}, found {found!r}")

    def field(self) -> str:
        kind, value = self.take()
        if kind != "word":
            raise CoqlError(f"expected a field name, found {value!r}")
        return value

    def string(self) -> str:
        kind, value = self.take()
        if kind != "string":
            raise CoqlError(f"expected a quoted value, found {value!r}")
        return value[1:-1]

    def condition(self) -> Callable[[Callable[[str], Any]], bool]:
        left = self.term()
        kind, value = self.peek()
        if kind == "word" and value.lower() in ("and", "or"):
            self.take()
            right = self.term()
            following = self.peek()
            if following[0] == "word" and following[1].lower() in ("and", "or"):
                raise CoqlError("more than two criteria need brackets: (A or (B or C))")
            if value.lower() == "and":
                return lambda get: left(get) and right(get)
            return lambda get: left(get) or right(get)
        return left

    def term(self) -> Callable[[Callable[[str], Any]], bool]:
        if self.peek() == ("punct", "("):
            self.take()
            inner = self.condition()
            self.expect(")")
            return inner
        name = self.field()
        self.names.append(name)
        self.criteria += 1
        if self.criteria > MAX_CRITERIA:
            raise CoqlError(f"more than {MAX_CRITERIA} criteria in the where clause")
        if self.keyword("is"):
            negate = self.keyword("not")
            self.expect("null")
            return lambda get: (get(name) in (None, "")) != negate
        if self.keyword("in"):
            self.expect("(")
            values = {self.string()}
            while self.peek() == ("punct", ","):
                self.take()
                values.add(self.string())
            self.expect(")")
            if len(values) > MAX_IN_VALUES:
                raise CoqlError(f"more than {MAX_IN_VALUES} values in 'in'")
            return lambda get: isinstance(get(name), str) and get(name) in values
        if self.keyword("between"):
            low = _instant(self.string())
            if not self.keyword("and"):
                raise CoqlError("expected 'and' in 'between'")
            high = _instant(self.string())
            return lambda get: _within(get(name), low, high)
        _kind, op = self.take()
        if op == ">" and name == "id":
            kind, value = self.take()
            if kind not in ("number", "string"):
                raise CoqlError(f"expected an id, found {value!r}")
            after = int(value.strip("'")) if value.strip("'").isdigit() else None
            if after is None:
                raise CoqlError(f"invalid id {value!r}")
            self.id_after = after
            return lambda get: int(get("id")) > after
        if op != "=":
            raise CoqlError(f"operator {op!r} is not supported by the simulator")
        wanted = self.string()
        return lambda get: _equal(get(name), wanted)


def parse_coql(text: str) -> Query:
    parser = _Parser(text)
    if not parser.keyword("select"):
        raise CoqlError("only select queries are supported")
    fields = [parser.field()]
    while parser.peek() == ("punct", ","):
        parser.take()
        fields.append(parser.field())
    if len(fields) > 50:
        raise CoqlError("more than 50 fields in select")
    parser.expect("from")
    module = parser.field()
    where = None
    if parser.keyword("where"):
        where = parser.condition()
    order_by = None
    if parser.keyword("order"):
        if not parser.keyword("by"):
            raise CoqlError("expected 'by' after 'order'")
        order_field = parser.field()
        descending = parser.keyword("desc")
        if not descending:
            parser.keyword("asc")
        order_by = (order_field, descending)
    limit, offset = 200, 0
    if parser.keyword("limit"):
        kind, value = parser.take()
        if kind != "number":
            raise CoqlError("limit needs a number")
        limit = int(value)
        if parser.peek() == ("punct", ","):
            parser.take()
            offset, limit = limit, int(parser.take()[1])
        if not 0 < limit <= MAX_LIMIT:
            raise CoqlError(f"limit must be between 1 and {MAX_LIMIT}")
    if parser.peek()[0] != "end":
        raise CoqlError(f"unexpected {parser.peek()[1]!r}")
    id_after = parser.id_after if parser.criteria == 1 else None
    return Query(tuple(fields), module, where, limit, offset, tuple(parser.names),
                 order_by, id_after)


def _equal(stored: Any, wanted: str) -> bool:
    """COQL's ``=``: exact for text; a date-time compares as the instant it names (Zoho
    answers times in the user's zone, whatever zone the query used)."""
    if stored == wanted:
        return True
    if not isinstance(stored, str) or "T" not in wanted or "T" not in stored:
        return False
    try:
        return datetime.fromisoformat(stored) == datetime.fromisoformat(wanted)
    except ValueError:
        return False


def _instant(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise CoqlError(f"invalid date-time {value!r} for 'between'") from None
    if moment.tzinfo is None:
        raise CoqlError(f"date-time {value!r} without its offset")
    return moment


def _within(stored: Any, low: datetime, high: datetime) -> bool:
    if not isinstance(stored, str):
        return False
    try:
        return low <= datetime.fromisoformat(stored) <= high
    except (ValueError, TypeError):  # a date without a zone, or not a date at all
        return False
