"""Secrets never reach a log line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ucm_popup.logs import RedactingFilter, redact, register_secret


def test_known_secret_values_are_masked() -> None:
    register_secret("s3cret-Pa55")
    assert "s3cret-Pa55" not in redact("login failed for password s3cret-Pa55 at host")


@pytest.mark.parametrize(
    "line",
    [
        "GET https://crm.zoho.com/crm/private/json/Contacts/searchRecords?authtoken=abcd1234&scope=crmapi",
        "POST /oauth/v2/token refresh_token=1000.aaaa.bbbb&client_secret=xyz987&grant_type=x",
        'sent {"action":"login","token":"9f86d081884c7d659a2feaa0c55ad015"}',
        "Authorization: Zoho-oauthtoken 1000.deadbeef.cafe",
        'reply {"response":{"cookie":"sid123456-1771597757"},"status":0}',
    ],
)
def test_secret_shaped_text_is_masked(line: str) -> None:
    out = redact(line)
    for secret in (
        "abcd1234",
        "1000.aaaa.bbbb",
        "xyz987",
        "9f86d081884c7d659a2feaa0c55ad015",
        "1000.deadbeef.cafe",
        "sid123456-1771597757",
    ):
        assert secret not in out
    assert "***" in out


def test_filter_rewrites_formatted_records(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redaction")
    logger.addFilter(RedactingFilter())
    with caplog.at_level(logging.DEBUG, logger="test.redaction"):
        logger.debug("url %s", "https://x/?client_secret=hunter22")
    assert "hunter22" not in caplog.text


def test_the_log_file_is_redacted_rotated_and_kept_small(tmp_path: Path) -> None:
    from ucm_popup import logs

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    path = tmp_path / "logs" / "ucm-popup.log"
    try:
        logs.setup_logging(verbose=False)
        assert logs.log_to_file(path, verbose=False)
        log = logging.getLogger("ucm_popup.test")
        for _ in range(3000):  # about 3 MB: rotates twice or more
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
