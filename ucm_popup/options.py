"""What the command line asked for, as the commands and the tray app receive it.

Its own module, below ``cli`` and the commands alike, so that neither imports the other for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    command: str | None
    config_path: Path
    demo: bool
    verbose: bool
    number: str = ""
    code: str = ""
    name: str = ""  # view-user's NAME
    delete: bool = False  # view-user --delete
