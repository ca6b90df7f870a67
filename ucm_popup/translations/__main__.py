"""``python -m ucm_popup.translations [--update]``: see the package's docstring."""

from __future__ import annotations

import sys

from ucm_popup.translations import build, update

if "--update" in sys.argv[1:]:
    update()
for qm in build():
    print(qm)
