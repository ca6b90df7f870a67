"""The one HTTP client the CRM code shares, and its failures as one-line errors.

Every answer is read through ``fetch``: streamed, and abandoned once it passes
``MAX_BODY_BYTES``, so a hostile or broken server cannot make the app hold 100 MB in memory
or parse it for a minute.  ``parse_json`` turns anything that is not usable JSON (including
nesting too deep for the parser) into a ServiceError.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import httpx

from ucm_popup.errors import Problem, ServiceError
from ucm_popup.text import one_line
from ucm_popup.trust import client_context

REQUEST_TIMEOUT = httpx.Timeout(4.0, connect=3.0)
# The biggest real answers are a COQL page of 50 rows (about 50 KB) and a v1 search (about
# 100 KB); token and org answers are under 2 KB.  2 MiB leaves room for twenty times that and
# still parses in a few milliseconds.
MAX_BODY_BYTES = 2 * 1024 * 1024

# httpx logs every request URL at INFO, and v1 URLs carry the auth token: keep them quiet.
for _name in ("httpx", "httpcore"):
    logging.getLogger(_name).setLevel(logging.WARNING)


@dataclass(frozen=True)
class Reply:
    status: int
    content: bytes
    date: str = ""  # the server's Date header: its clock (Zoho's may differ from the desk's)


def new_client() -> httpx.AsyncClient:
    """One client per service, reused for every request (keep-alive saves a TLS handshake)."""
    return httpx.AsyncClient(
        timeout=REQUEST_TIMEOUT,
        verify=client_context(),  # the system's trust store: a company's proxy CA is in it
        follow_redirects=False,
        headers={"User-Agent": "ucm-popup", "Accept": "application/json"},
    )


async def fetch(
    client: httpx.AsyncClient, method: str, url: str, server: str, **kwargs: Any
) -> Reply:
    """Status and body of one request, the body at most ``MAX_BODY_BYTES`` (decoded); a
    redirect is an error.

    Leaving the stream early closes the connection instead of returning it to the pool, so
    an abandoned or cancelled request never holds a pooled connection."""
    try:
        async with client.stream(method, url, **kwargs) as response:
            # Zoho's APIs never redirect: the address is wrong (304 "not modified" is no
            # redirect: the answer to If-Modified-Since)
            if response.is_redirect and response.status_code != 304:
                raise ServiceError(
                    f"{server} redirected the request (HTTP {response.status_code}): "
                    "check the address in the settings"
                )
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise ServiceError(
                        f"{server} sent an answer larger than {MAX_BODY_BYTES // 2**20} MiB "
                        f"(HTTP {response.status_code}); it was not read"
                    )
                chunks.append(chunk)
            return Reply(response.status_code, b"".join(chunks),
                         response.headers.get("date", "")[:64])
    except httpx.HTTPError as exc:
        raise transport_error(exc, server) from None
    except httpx.InvalidURL:
        raise ServiceError(f"{server} is not a usable address") from None


def transport_error(exc: httpx.HTTPError, server: str) -> ServiceError:
    """A failed request in words, without the URL (it may carry a v1 auth token)."""
    if isinstance(exc, httpx.TimeoutException):
        return ServiceError(f"{server} did not answer in time", Problem.TIMED_OUT)
    if isinstance(exc, httpx.ConnectError):
        return ServiceError(f"cannot reach {server}: {_reason(exc)}")
    return ServiceError(f"the connection to {server} failed: {type(exc).__name__}")


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    if not text or "authtoken" in text.lower():
        return type(exc).__name__
    return one_line(text.splitlines()[0], 160)


def parse_json(reply: Reply, server: str) -> Any:
    """The body as JSON; a ServiceError for anything else, however malformed or deep."""
    try:
        return json.loads(reply.content)
    except RecursionError:
        raise ServiceError(
            f"{server} answered JSON nested too deeply to read (HTTP {reply.status})"
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise ServiceError(
            f"{server} answered something that is not JSON (HTTP {reply.status})"
        ) from None
