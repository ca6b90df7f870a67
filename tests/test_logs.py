"""Secrets never reach a log line."""

from __future__ import annotations

import logging

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
