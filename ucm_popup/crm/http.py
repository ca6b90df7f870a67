"""The one HTTP client the CRM code shares, and its failures as one-line errors."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx

from ucm_popup.errors import ServiceError

REQUEST_TIMEOUT = httpx.Timeout(4.0, connect=3.0)

# httpx logs every request URL at INFO, and v1 URLs carry the auth token: keep them quiet.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def new_client() -> httpx.AsyncClient:
    """One client per service, reused for every request (keep-alive saves a TLS handshake)."""
    return httpx.AsyncClient(
        timeout=REQUEST_TIMEOUT,
        follow_redirects=False,
        headers={"User-Agent": "ucm-popup", "Accept": "application/json"},
    )


def transport_error(exc: httpx.HTTPError, server: str) -> ServiceError:
    """A failed request in words, without the URL (it may carry a v1 auth token)."""
    if isinstance(exc, httpx.TimeoutException):
        return ServiceError(f"{server} did not answer in time")
    if isinstance(exc, httpx.ConnectError):
        return ServiceError(f"cannot reach {server}: {_reason(exc)}")
    return ServiceError(f"the connection to {server} failed: {type(exc).__name__}")


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    if not text or "authtoken" in text.lower():
        return type(exc).__name__
    return text.splitlines()[0][:160]


def decode_json(response: httpx.Response, server: str) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        raise ServiceError(
            f"{server} answered something that is not JSON (HTTP {response.status_code})"
        ) from None
