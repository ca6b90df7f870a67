"""Loopback simulators of a UCM and of Zoho CRM, shared by the tests and ``--demo``. No Qt."""
