"""``python -m ucm_popup.translations [--update]``: see the package's docstring."""

from __future__ import annotations

import sys

from ucm_popup.translations import build, update


def main(arguments: list[str]) -> int:
    if "--update" in arguments:
        update()
    for qm in build():
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
