"""Text from outside (the UCM, Zoho, a settings file) made safe to print, log or show.

A server is not trusted to send printable text: a reason with newlines would break the
"one line on stderr" rule, escape codes would colour or move the terminal, a lone surrogate
(``"\\ud800"`` is valid JSON) cannot be encoded as UTF-8 at all, and 200 KB of text is no
message.  Everything from outside that reaches a terminal, a log line or a notification goes
through here first.
"""

from __future__ import annotations

import re

ONE_LINE_CHARS = 300
# C0/C1 controls, DEL, and the Unicode line and paragraph separators: each one could end a
# line or steer a terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{ord(char):02x}"
                                                        if ord(char) < 0x100
                                                        else f"\\u{ord(char):04x}")


def encodable(text: str) -> str:
    """``text`` with lone surrogates written as ``\\udXXX`` escapes, so that it encodes as
    UTF-8; text without surrogates comes back unchanged (and fast)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def truncate(text: str, limit: int) -> str:
    """At most ``limit`` characters; a cut is marked with an ellipsis."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def escape_controls(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes."""
    return _CONTROL.sub(_escape_control, text)


def one_line(text: str, limit: int = ONE_LINE_CHARS) -> str:
    """``text`` as one printable line: controls escaped, surrogates escaped, truncated."""
    # Cut first (generously) so that 200 KB of text is not escaped whole only to be dropped.
    text = text[: limit * 2]
    return truncate(escape_controls(encodable(text)), limit)
