"""ucm-popup: caller popups with Zoho CRM records for Grandstream UCM extensions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ucm-popup")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "ucm-popup"
