"""``ucm-popup relay`` as its own process with the CRM writer's retry times and missed grace
made short (from ``UCM_POPUP_TEST_OUTBOX``), for the tests that kill it with SIGKILL.

Usage: python relay_crm_process.py relay --config CONFIG (secrets from the environment; the
index and outbox in ``$STATE_DIRECTORY``)."""

from __future__ import annotations

import functools
import json
import os
import sys

from ucm_popup.cli import main
from ucm_popup.relay import site_crm

if __name__ == "__main__":
    options = json.loads(os.environ.get("UCM_POPUP_TEST_OUTBOX", "{}"))
    site_crm.build_site_crm = functools.partial(site_crm.build_site_crm, **options)
    sys.exit(main(sys.argv[1:]))
