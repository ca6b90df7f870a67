"""Secrets never reach a log line, tracebacks included; no line is lost to odd Unicode."""

from __future__ import annotations

import io
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ucm_popup import logs
from ucm_popup.logs import redact, register_secret

REGISTERED = "Reg1stered-Pa55word"
# Each kind of secret text, with a value that must never reach the log file.
SECRET_TEXTS = {
    "registered": f"login refused for popup/{REGISTERED}",
    "authtoken": "GET /crm/private/json/Leads/searchRecords?authtoken=v1-auth-0a1b2c&scope=crmapi",
    "access_token": "redirect to /callback#access_token=1000.access.9d8e&expires_in=3600",
    "refresh_token": "body refresh_token=1000.refresh.7f6e&grant_type=refresh_token",
    "client_secret": "body client_id=1000.X&client_secret=clientsecret5c4d&code=x",
    "code": "grant exchange failed for code=1000.grantcode.3b2a&redirect_uri=",
    "password": "form password=pa55-form-value&user=popup",
    "password json": '{"action": "login", "password": "pa55 with spaces"}',
    "cookie": '{"response": {"cookie": "sid1234567-1771597757"}, "status": 0}',
    "cookie repr": "request({'cookie': 'sid7654321-1771597757', 'action': 'listAccount'})",
    "token json": 'sent {"action":"login","token":"9f86d081884c7d659a2feaa0c55ad015"}',
    "zoho header": "headers Authorization: Zoho-oauthtoken 1000.oauth.deadbeef",
}
SECRET_VALUES = [
    REGISTERED, "v1-auth-0a1b2c", "1000.access.9d8e", "1000.refresh.7f6e", "clientsecret5c4d",
    "1000.grantcode.3b2a", "pa55-form-value", "pa55 with spaces", "sid1234567", "sid7654321",
    "9f86d081884c7d659a2feaa0c55ad015", "1000.oauth.deadbeef",
]


@pytest.fixture
def stderr(monkeypatch: pytest.MonkeyPatch) -> io.TextIOWrapper:
    """A UTF-8 stderr that fails on what it cannot encode (a real one may be more lenient)."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def shown(stderr: io.TextIOWrapper) -> str:
    stderr.flush()
    return stderr.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


@pytest.fixture
def log_file(tmp_path: Path, stderr: io.TextIOWrapper) -> Iterator[Path]:
    """The app's handlers as the tray app sets them up with -v: stderr and a log file."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    path = tmp_path / "logs" / "ucm-popup.log"
    logs.setup_logging(verbose=True)
    assert logs.log_to_file(path, verbose=True)
    try:
        yield path
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], level = saved
        root.setLevel(level)


def test_known_secret_values_are_masked() -> None:
    register_secret("s3cret-Pa55")
    assert "s3cret-Pa55" not in redact("login failed for password s3cret-Pa55 at host")


@pytest.mark.parametrize("kind", SECRET_TEXTS)
def test_each_kind_of_secret_text_is_masked(kind: str) -> None:
    register_secret(REGISTERED)
    out = redact(SECRET_TEXTS[kind])
    assert [value for value in SECRET_VALUES if value in out] == []
    assert "***" in out


def test_what_is_not_a_secret_stays_readable() -> None:
    line = "UCM connected to pbx.example.com:8089 as popup, extension 1002 (status=0)"
    assert redact(line) == line


def test_a_secret_in_an_exception_or_its_cause_never_reaches_the_log(
    log_file: Path, stderr: io.TextIOWrapper
) -> None:
    register_secret(REGISTERED)
    log = logging.getLogger("ucm_popup.test")
    for kind, text in SECRET_TEXTS.items():
        try:
            try:
                raise ValueError(text)
            except ValueError as cause:
                raise RuntimeError(f"{kind} failed: {text}") from cause
        except RuntimeError:
            log.exception("lookup failed")
        try:
            try:
                raise OSError(text)
            except OSError:
                raise KeyError(text)  # noqa: B904 - the implicit context is what is tested
        except KeyError:
            log.error("while handling", exc_info=True, stack_info=True)
    log.debug("url %s", "https://x/?client_secret=hunter22")
    written = log_file.read_text(encoding="utf-8")
    for output in (written, shown(stderr)):
        assert "Traceback (most recent call last)" in output
        assert "The above exception was the direct cause" in output
        assert "During handling of the above exception" in output
        assert "Stack (most recent call last)" in output
        assert output.count("***") >= 4 * len(SECRET_TEXTS)
        assert [value for value in [*SECRET_VALUES, "hunter22"] if value in output] == []


def test_a_lone_surrogate_is_written_escaped_not_dropped(
    log_file: Path, stderr: io.TextIOWrapper
) -> None:
    logging.getLogger("ucm_popup.test").info("ringing: caller %r name %s", "0612", "\ud800")
    logging.getLogger("ucm_popup.test").info("next line")
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith("ringing: caller '0612' name \\ud800")
    assert lines[1].endswith("next line")
    assert shown(stderr).splitlines()[0].endswith("name \\ud800")


def test_a_caller_name_cannot_forge_a_log_line_nor_flood_the_file(log_file: Path) -> None:
    forged = "Jane\n2026-12-01 10:00:00,000 INFO ucm_popup.app: UCM connected\x1b[31m"
    logging.getLogger("ucm_popup.test").info("ringing: %s", forged)
    logging.getLogger("ucm_popup.test").info("ringing: %s", "x" * 3_000_000)
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("ringing: Jane\\n2026-12-01 10:00:00,000 INFO ucm_popup.app: "
                             "UCM connected\\x1b[31m")
    assert len(lines[1]) < logs.LOG_MESSAGE_CHARS + 100 and lines[1].endswith("x…")


def test_a_traceback_keeps_its_lines(log_file: Path) -> None:
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        logging.getLogger("ucm_popup.test").exception("failed")
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text.splitlines()[1]
    assert text.rstrip().endswith("ValueError: bad\nvalue")


def test_a_huge_line_is_redacted_whole() -> None:
    body = '{"data": [' + '{"Phone": "0612345678", "Full_Name": "Jane"},' * 150_000
    out = redact(body + '"refresh_token": "1000.at-the-end"' + "=" * 100_000 + '"' * 100_000)
    assert "1000.at-the-end" not in out
    assert out.startswith(body)


_VALUE = st.text("abcdefXYZ0123456789.-_~+/", min_size=8, max_size=40)
_KEY = st.sampled_from(["authtoken", "Access_Token", "refresh_token", "CLIENT_SECRET", "code",
                        "token", "password", "cookie"])


@settings(max_examples=300, deadline=None)
@given(before=st.text(max_size=60), key=_KEY, value=_VALUE, after=st.text(max_size=60),
       shape=st.sampled_from(["{key}={value}&", '"{key}": "{value}"', "'{key}':'{value}'",
                              "{key}='{value}' ", "Zoho-oauthtoken {value} "]))
def test_fuzz_a_secret_value_in_any_surrounding_text_is_masked(
    before: str, key: str, value: str, after: str, shape: str
) -> None:
    assume(value not in before + after)
    assert value not in redact(before + shape.format(key=key, value=value) + after)


@settings(max_examples=200, deadline=None)
@given(message=st.text(), argument=st.text())
def test_fuzz_any_record_formats_to_one_encodable_string(message: str, argument: str) -> None:
    register_secret(REGISTERED)
    record = logging.LogRecord("ucm_popup.test", logging.INFO, __file__, 1, "%s %s " + message
                               .replace("%", "%%"), (argument, REGISTERED), None)
    line = logs.RedactingFormatter("%(levelname)s %(message)s").format(record)
    line.encode("utf-8")  # never raises: the handler writes it whole
    assert REGISTERED not in line
    assert "\n" not in line and "\r" not in line


def test_the_log_file_is_redacted_rotated_and_kept_small(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "LOG_FILE_BYTES", 30_000)  # 1 MB in use: the same, 30x faster
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    path = tmp_path / "logs" / "ucm-popup.log"
    try:
        logs.setup_logging(verbose=False)
        assert logs.log_to_file(path, verbose=False)
        log = logging.getLogger("ucm_popup.test")
        for _ in range(90):  # about 90 kB: rotates twice or more
            log.info("x" * 1000)
        log.debug("debug lines only with -v")
        log.info("token refresh failed: refresh_token=1000.abc.def")
    finally:
        for handler in root.handlers[1:]:
            handler.close()
        root.handlers[:], level = saved
        root.setLevel(level)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["ucm-popup.log", "ucm-popup.log.1", "ucm-popup.log.2"]
    assert all(p.stat().st_size <= logs.LOG_FILE_BYTES for p in path.parent.iterdir())
    everything = "".join(p.read_text() for p in path.parent.iterdir())
    assert "debug lines" not in everything
    assert path.read_text().endswith("token refresh failed: refresh_token=***\n")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_file_and_its_folder_are_the_users_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "LOG_FILE_BYTES", 30_000)  # rotations as with 1 MB, sooner
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    own = shared / "ucm-popup" / "log"  # as on Linux: the app's folder, then its log folder
    old_app_folder = tmp_path / "older" / "ucm-popup"  # left 0755 by an earlier version
    old_app_folder.mkdir(parents=True)
    old_app_folder.chmod(0o755)
    (old_app_folder / "ucm-popup.log").write_text("old line\n")
    (old_app_folder / "ucm-popup.log").chmod(0o644)
    (old_app_folder / "ucm-popup.log.1").write_text("older line\n")
    (old_app_folder / "ucm-popup.log.1").chmod(0o644)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logs.setup_logging(verbose=False)
        assert logs.log_to_file(own / "ucm-popup.log", verbose=True)
        assert logs.log_to_file(old_app_folder / "ucm-popup.log", verbose=True)
        for _ in range(75):  # about 75 kB: rotates twice
            logging.getLogger("ucm_popup.test").info("ringing: 0612345678 Jane " + "x" * 1000)
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], level = saved
        root.setLevel(level)
    assert mode(shared) == 0o755  # not the app's: left as it was
    assert (mode(own.parent), mode(own), mode(old_app_folder)) == (0o700, 0o700, 0o700)
    for folder in (own, old_app_folder):
        files = sorted(folder.iterdir())
        assert [p.name for p in files] == ["ucm-popup.log", "ucm-popup.log.1", "ucm-popup.log.2"]
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
