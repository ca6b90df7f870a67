"""The UCM WebSocket's JSON envelopes (docs/ucm-event-stream.md), both directions.

Replies come in two forms (Form A: ``{"type":"response","message":{..., "status":0}}``;
Form B: ``{"response":{...},"status":0}``) and ``status`` may be ``0`` or ``"0"``: these
helpers read both so that the stream never has to care.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from typing import Any

EVENT_NAMES = ("ActiveCallStatus", "ExtensionStatus")
_transaction_ids = itertools.count(1)


def login_token(challenge: str, password: str) -> str:
    """``md5hex(challenge + password)``: what ``login`` sends instead of the password."""
    return hashlib.md5((challenge + password).encode("utf-8"), usedforsecurity=False).hexdigest()


def request(action: str, **fields: Any) -> str:
    """A client request frame; the transaction id is ``<action>_<n>``."""
    message = {"transactionid": f"{action}_{next(_transaction_ids)}", "action": action, **fields}
    return json.dumps({"type": "request", "message": message}, separators=(",", ":"))


def parse_frame(text: str | bytes) -> dict[str, Any] | None:
    """The frame as a JSON object, or None for anything else (the caller logs and skips it).

    Whatever the server sends gives one or the other, never an exception: invalid UTF-8 or
    JSON, and nesting deeper than the interpreter's recursion limit (``[[[[...`` raises
    RecursionError in ``json``), are all just frames to skip.
    """
    try:
        frame = json.loads(text)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    return frame if type(frame) is dict else None


def is_notify(frame: dict[str, Any]) -> bool:
    message = frame.get("message")
    if type(message) is list:
        return True
    return type(message) is dict and message.get("action") == "notify"


def is_reply(frame: dict[str, Any]) -> bool:
    """A reply in either form (a notify frame is not one)."""
    message = frame.get("message")
    if type(message) is dict:
        return frame.get("type") == "response" or "status" in message
    return "status" in frame


def reply_action(frame: dict[str, Any]) -> str:
    """The action a Form A reply names; Form B names none (empty)."""
    message = frame.get("message")
    action = message.get("action") if type(message) is dict else None
    return action if type(action) is str else ""


def _field(frame: dict[str, Any], name: str) -> Any:
    message = frame.get("message")
    if type(message) is dict and name in message:
        return message[name]
    response = frame.get("response")
    if type(response) is dict and name in response:
        return response[name]
    return frame.get(name)


def reply_status(frame: dict[str, Any]) -> int | None:
    """The status as an int (``0`` and ``"0"`` alike); None when missing or not a number."""
    status = _field(frame, "status")
    if type(status) is bool:
        return None
    try:
        return int(status)
    except (TypeError, ValueError):
        return None


def reply_challenge(frame: dict[str, Any]) -> str | None:
    challenge = _field(frame, "challenge")
    return challenge if type(challenge) is str and challenge else None
