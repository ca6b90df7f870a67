"""``ucm-popup view-user NAME [--delete]``: the site view's accounts, in its users file.

The password comes from a prompt (asked twice), or from the first line of stdin when stdin is
not a terminal (``echo "$PW" | ucm-popup view-user anna``). Prints one JSON line saying what
was done. Exit 2 for a bad name, an empty password, or a name to delete that is not there.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from ucm_popup.commands.common import print_json_line
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options
from ucm_popup.settings import Settings, load_settings

MAX_LINE = 4096


def _settings(path: Path) -> Settings:
    """The relay's settings; without a file, the defaults (the users file in the relay's
    state directory), so that the first account can be made before the rest is set up."""
    if not path.exists():
        return Settings()
    settings, _warnings = load_settings(path)
    return settings


def _password(name: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(f"Password for {name}: ")
        if first and getpass.getpass("Again: ") != first:
            raise SettingsError("the two passwords differ; nothing was changed")
        return first
    line = sys.stdin.readline(MAX_LINE) if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def run_view_user(options: Options) -> int:
    from ucm_popup.relay.site_crm import relay_state_dir
    from ucm_popup.relay.view.service import users_path
    from ucm_popup.relay.view.users import (
        MAX_PASSWORD,
        check_name,
        hash_password,
        read_users,
        write_users,
    )

    name = options.name
    problem = check_name(name)
    if problem:
        raise SettingsError(problem)
    path = users_path(_settings(options.config_path), relay_state_dir())
    users = read_users(path)
    if options.delete:
        if name not in users:
            raise SettingsError(f"there is no view user {name!r} in {path}")
        del users[name]
        action = "deleted"
    else:
        password = _password(name)
        if not password:
            raise SettingsError("the password is empty; nothing was changed")
        if len(password) > MAX_PASSWORD:
            raise SettingsError(f"the password is longer than {MAX_PASSWORD} characters")
        action = "changed" if name in users else "added"
        users[name] = hash_password(password)
    try:
        write_users(path, users)
    except OSError as exc:
        raise SettingsError(f"cannot write the view's users file {path}: "
                            f"{exc.strerror or exc}") from None
    print_json_line({"user": name, "action": action, "users_file": str(path)})
    return 0
