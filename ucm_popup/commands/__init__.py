"""The headless commands: watch, lookup, authorize-zoho."""
