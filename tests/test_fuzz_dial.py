"""Hostile input around click-to-dial: whatever reaches the instance channel, and whatever a
UCM answers to a dial, gives a number or nothing, and one readable line."""

from __future__ import annotations

import json
import os
import socket
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.errors import UcmPopupError
from ucm_popup.instance_channel import MAX_LINE, parse_request
from ucm_popup.ucm.api import _status, dial_refused

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.builds(lambda b: b"dial " + b, st.binary(max_size=300))
       | st.builds(lambda v: b"dial " + json.dumps(v).encode(), JSON))
def test_anything_on_the_instance_channel_is_a_number_or_a_knock(line: bytes) -> None:
    number = parse_request(line)
    assert number is None or isinstance(number, str)


def request_line(number: Any, others: dict[str, Any], ascii_only: bool) -> bytes:
    return b"dial " + json.dumps({**others, "number": number},
                                 ensure_ascii=ascii_only).encode()


@settings(max_examples=300, deadline=None)
@given(number=st.text(max_size=200), others=st.dictionaries(st.text(max_size=10).filter(
           lambda k: k != "number"), JSON, max_size=3), ascii_only=st.booleans())
def test_a_dial_request_gives_its_number_as_sent(number: str, others: dict[str, Any],
                                                 ascii_only: bool) -> None:
    # Whatever the text (odd Unicode, spaces, letters): the number as sent; the dial rules
    # judge it afterwards.
    assert parse_request(request_line(number, others, ascii_only)) == number


@settings(max_examples=300, deadline=None)
@given(number=JSON.filter(lambda v: not isinstance(v, str)), ascii_only=st.booleans())
def test_a_request_whose_number_is_not_text_is_a_knock(number: Any, ascii_only: bool) -> None:
    assert parse_request(request_line(number, {}, ascii_only)) is None
    assert parse_request(b"dail " + request_line(number, {}, ascii_only)[5:]) is None


@pytest.mark.parametrize("line", [
    b"dial " + b"[" * (MAX_LINE - 5), b"dial " + b'{"number":' * 800 + b'"1"' + b"}" * 800,
    b"dial \xff\xfe", b"dial " + json.dumps({"number": ["0612345678"]}).encode(),
])
def test_deep_or_odd_requests_are_knocks(line: bytes) -> None:
    assert parse_request(line) is None


@settings(max_examples=300, deadline=None)
@given(JSON | st.text(min_size=1000, max_size=5000))
def test_any_status_a_ucm_answers_to_a_dial_is_one_short_line(status: Any) -> None:
    error = dial_refused("pbx.example.com", "cdrapi", "1002", "0612345678", _status(status))
    assert isinstance(error, UcmPopupError) and error.exit_code in (3, 4)
    text = str(error)
    assert "\n" not in text and "\r" not in text and len(text) < 600


def test_a_status_as_a_string_counts_as_its_number() -> None:
    assert "no permission" in str(dial_refused("h", "u", "1002", "1", _status(" -47")))
    assert "invalid value" in str(dial_refused("h", "u", "1002", "1", _status("-15")))


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket; the same hostile lines go "
                    "over the Windows named pipe in tests/test_windows_instance.py")
def test_the_running_app_survives_hostile_requests(qtbot: Any) -> None:
    from ucm_popup.ui.single_instance import SingleInstance

    # The runtime folder: a short path, as a Unix socket's must be on macOS (104 bytes).
    instance = SingleInstance(os.path.join(os.environ["XDG_RUNTIME_DIR"], "ucm-popup-test.sock"))
    assert instance.acquire()
    try:
        for line in (b"dial " + b"[" * 8000 + b"\n", b"\x00" * 20000, b"dial {}\n"):
            with qtbot.waitSignal(instance.another_started, timeout=5000):
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                    probe.connect(instance.name)
                    probe.sendall(line)
        with qtbot.waitSignal(instance.dial_requested, timeout=5000) as asked:
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.connect(instance.name)
            probe.sendall(b'dial {"number": "tel:+33612345678"}\n')
        number, reply = asked.args
        assert number == "tel:+33612345678"
        reply({"ok": True, "number": "0612345678"})
        assert json.loads(probe.makefile("rb").readline()) == {"ok": True, "number": "0612345678"}
        probe.close()
    finally:
        instance.release()
