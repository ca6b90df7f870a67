"""Outside text made printable: what reaches a terminal, a log line or a notification."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.text import encodable, one_line, truncate


def test_a_reason_with_newlines_and_escape_codes_is_one_plain_line():
    shown = one_line("bad\nthing\r\x1b[31mred\x1b[0m\u2028end")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
    assert shown == "bad\\nthing\\r\\x1b[31mred\\x1b[0m\\u2028end"


def test_a_lone_surrogate_is_written_as_an_escape():
    assert encodable("Jane \ud800 Doe") == "Jane \\ud800 Doe"
    assert encodable("Zoë ☎") == "Zoë ☎"


def test_200_kb_of_text_is_cut_to_one_short_line():
    shown = one_line("x" * 200_000, limit=120)
    assert len(shown) == 120 and shown.endswith("…")
    assert truncate("short", 10) == "short"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=500))
def test_any_text_becomes_one_encodable_line(text):
    shown = one_line(text, limit=200)
    shown.encode("utf-8")  # never raises
    assert len(shown) <= 200
    assert not any(c in shown for c in "\n\r\x1b\x00\u2028\u2029\x85")
