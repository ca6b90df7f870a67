"""The frozen bundle's entry point: the ucm-popup command line.

``UCM_POPUP_SELFCHECK=1`` makes the bundle print a JSON report of what it carries instead (Qt
plugins, CA certificates, phonenumbers' metadata, keyring backends...) and exit 1 if anything is
missing; packaging/linux/smoke-test.sh uses it, and administrators may too.
"""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("UCM_POPUP_SELFCHECK") == "1":
        from bundle_selfcheck import main as selfcheck

        sys.exit(selfcheck())
    from ucm_popup.cli import main

    sys.exit(main())
