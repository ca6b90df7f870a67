"""Hostile settings files: load_settings gives Settings or a SettingsError naming the file and
the key, never another exception; the dialog's reader always opens them."""

from __future__ import annotations

import json
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.errors import SettingsError
from ucm_popup.settings import Settings, load_settings
from ucm_popup.settings_checks import load_for_editing

KEYS = [(section, f.name) for section in ("ucm", "crm", "zoho_v1", "zoho_v2", "popup")
        for f in fields(getattr(Settings(), section))]
URL_KEYS = {("zoho_v1", "server"), ("zoho_v2", "server"), ("zoho_v2", "accounts_url"),
            ("zoho_v2", "web_url")}

def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes are TOML's, but for DEL and astral
    characters, which JSON's ASCII mode writes as surrogate pairs, invalid in TOML)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


bad_urls = st.sampled_from([
    "https://[::1", "https://[::1]:99999", "https://h:abc", "https://h:-1", "https://h:0",
    "https://", "ftp://h", "https://a b", "https://h?q=1", "https://h#x", "https://u:p@h",
    "http://zoho.example", "https://h\\x", "https://\u202eh", "https://h\u0000", "//h", "h",
    "https://" + "a" * 300, "https://xn--", "https://-h", "https://[fe80::1%25eth0]",
]) | st.builds(lambda host, port: f"https://{host}:{port}",
               st.text(max_size=12), st.text(max_size=8))
hostile_strings = bad_urls | st.text(max_size=30) | st.sampled_from(["x" * 200_000, "", " "])
# TOML literals: wrong types, huge numbers, surrogate escapes (invalid TOML), nesting
toml_values = (
    hostile_strings.map(toml_string)
    | st.integers(-(2**63), 2**63 - 1).map(str)
    | st.sampled_from(["true", "1e400", "nan", "-inf", "1979-05-27T07:32:00Z", "[]", "{}",
                       '["Contacts", 1]', '"\\ud800"', '"\\udfff x"', "[" * 400 + "]" * 400,
                       '{ a = { b = 1 } }', "99999", "-1", "0", "65536", "'[::1'"])
)


def load(text: str) -> tuple[Path, Settings | SettingsError]:
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False,
                                     encoding="utf-8", errors="surrogatepass") as handle:
        handle.write(text)
    path = Path(handle.name)
    try:
        return path, load_settings(path)[0]
    except SettingsError as exc:
        return path, exc
    finally:
        try:
            assert load_for_editing(path)  # the dialog opens whatever the file holds
        finally:
            path.unlink()


def assert_one_line(error: SettingsError) -> None:
    message = str(error)
    assert "\n" not in message and len(message) < 1000
    message.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KEYS), toml_values)
def test_any_value_for_any_key(key: tuple[str, str], value: str) -> None:
    section, name = key
    path, outcome = load(f"[{section}]\n{name} = {value}\n")
    if isinstance(outcome, SettingsError):
        assert_one_line(outcome)
        assert str(path) in str(outcome)
        assert f"[{section}] {name}" in str(outcome) or "not valid TOML" in str(outcome)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(URL_KEYS)), bad_urls)
def test_bad_urls_are_refused_by_key(key: tuple[str, str], url: str) -> None:
    section, name = key
    path, outcome = load(f"[{section}]\n{name} = {toml_string(url)}\n")
    if isinstance(outcome, Settings):  # accepted: a URL httpx can use as is
        import httpx

        value = getattr(getattr(outcome, section), name)
        assert httpx.URL(value).host
        return
    assert_one_line(outcome)
    assert str(path) in str(outcome) and f"[{section}] {name}" in str(outcome)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | st.binary(max_size=300).map(
    lambda b: b.decode("utf-8", "surrogateescape")))
def test_any_text_at_all(text: str) -> None:
    path, outcome = load(text)
    if isinstance(outcome, SettingsError):
        assert_one_line(outcome)
        assert str(path) in str(outcome)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), toml_values, min_size=2, max_size=6))
def test_several_hostile_keys_at_once(values: dict[tuple[str, str], Any]) -> None:
    sections: dict[str, list[str]] = {}
    for (section, name), value in values.items():
        sections.setdefault(section, []).append(f"{name} = {value}")
    text = "".join(f"[{s}]\n" + "\n".join(lines) + "\n" for s, lines in sections.items())
    path, outcome = load(text)
    if isinstance(outcome, SettingsError):
        assert_one_line(outcome)
        assert str(path) in str(outcome)
