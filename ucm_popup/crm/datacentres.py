"""Zoho's data centres: the hosts the settings dialog fills in together.

Accounts and API hosts are Zoho's own multi-DC tables; the web hosts come from Grandstream's
Zoho plugin (US, EU, IN, AU, CN) and public code (JP, CA, SA, UK): no Zoho page documents them,
so every value stays editable in the settings.  v1 (legacy) servers are listed where Zoho
documented them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class DataCentre:
    code: str
    label: str
    server: str  # [zoho_v2] server: the API domain
    accounts_url: str  # [zoho_v2] accounts_url: the OAuth server
    web_url: str  # [zoho_v2] web_url: where "Open in CRM" points
    v1_server: str = ""  # [zoho_v1] server, where Zoho documented one


DATA_CENTRES: dict[str, DataCentre] = {
    dc.code: dc
    for dc in (
        DataCentre("US", "United States (zoho.com)", "https://www.zohoapis.com",
                   "https://accounts.zoho.com", "https://crm.zoho.com", "https://crm.zoho.com"),
        DataCentre("EU", "Europe (zoho.eu)", "https://www.zohoapis.eu",
                   "https://accounts.zoho.eu", "https://crm.zoho.eu", "https://crm.zoho.eu"),
        DataCentre("IN", "India (zoho.in)", "https://www.zohoapis.in",
                   "https://accounts.zoho.in", "https://crm.zoho.in", "https://crm.zoho.in"),
        DataCentre("AU", "Australia (zoho.com.au)", "https://www.zohoapis.com.au",
                   "https://accounts.zoho.com.au", "https://crm.zoho.com.au",
                   "https://crm.zoho.com.au"),
        DataCentre("CN", "China (zoho.com.cn)", "https://www.zohoapis.com.cn",
                   "https://accounts.zoho.com.cn", "https://crm.zoho.com.cn",
                   "https://crm.zoho.com.cn"),
        DataCentre("JP", "Japan (zoho.jp)", "https://www.zohoapis.jp",
                   "https://accounts.zoho.jp", "https://crm.zoho.jp"),
        DataCentre("CA", "Canada (zohocloud.ca)", "https://www.zohoapis.ca",
                   "https://accounts.zohocloud.ca", "https://crm.zohocloud.ca"),
        DataCentre("SA", "Saudi Arabia (zoho.sa)", "https://www.zohoapis.sa",
                   "https://accounts.zoho.sa", "https://crm.zoho.sa"),
        # Zoho's OAuth multi-DC page lists accounts.zoho.uk; the API and web hosts follow
        # the pattern of the others (www.zohoapis.uk names Zoho's UK API host).
        DataCentre("UK", "United Kingdom (zoho.uk)", "https://www.zohoapis.uk",
                   "https://accounts.zoho.uk", "https://crm.zoho.uk"),
    )
}


# The hosts an access token may be sent to: Zoho's API domain of each data centre (its
# "www.zohoapis.<tld>" form and the bare "zohoapis.<tld>" that Zoho's multi-DC pages also
# name), the UK's included although the table above has no row for it yet.  A token reply
# naming any other host is refused (crm/zoho_oauth.py): else the token would follow it.
ZOHO_API_SUFFIXES = ("com", "eu", "in", "com.au", "jp", "com.cn", "ca", "sa", "uk")
ZOHO_API_HOSTS = frozenset(
    host for tld in ZOHO_API_SUFFIXES for host in (f"www.zohoapis.{tld}", f"zohoapis.{tld}")
)


def host_of(url: str) -> str:
    """The host of ``url`` in lower case, "" when there is none (or the URL is malformed, as
    it may be while someone types it)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def data_centre_for(*urls: str) -> str:
    """The data-centre code whose accounts or API host is one of ``urls``, else ""."""
    hosts = {host_of(url) for url in urls if url} - {""}
    for dc in DATA_CENTRES.values():
        if hosts & {host_of(dc.accounts_url), host_of(dc.server)}:
            return dc.code
    return ""
