"""The view's users file: one ``name:hash`` a line, scrypt hashes, mode 0600.

The hash is ``scrypt$N$r$p$salt$key`` (salt and key in base64): the standard library's
``hashlib.scrypt``, memory-hard, with its cost stored beside it so that it can be raised
later without breaking the hashes already written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import tempfile
from pathlib import Path

from ucm_popup.errors import SettingsError

NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
# OWASP's password storage cheat sheet: N=2^14, r=8, p=5 is one of its equivalent minimums
# (16 MiB of memory, p passes one after the other; about a quarter second a check here).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 5
MAX_PASSWORD = 1024
MAX_FILE_BYTES = 1024 * 1024
_MAXMEM = 64 * 1024 * 1024


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be a view user's name, or None."""
    if NAME.fullmatch(name):
        return None
    return (f"{name[:80]!r} is not a user name: 1-64 letters, digits, '.', '_' or '-'")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                         maxmem=_MAXMEM, dklen=32)
    return "$".join(("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(key).decode()))


# Checked against when the name is unknown, so that an unknown name costs what a known one does.
_DUMMY = hash_password(secrets.token_urlsafe(16))


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored`` (None: an unknown user, refused in the same
    time). A malformed or absurdly costly stored hash never matches."""
    text = stored if stored is not None else _DUMMY
    parts = text.split("$")
    try:
        if len(parts) != 6 or parts[0] != "scrypt":
            raise ValueError(parts[0])
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, key = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5],
                                                                                validate=True)
        if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and 16 <= len(key) <= 64):
            raise ValueError("cost")
        got = hashlib.scrypt(password[:MAX_PASSWORD].encode(), salt=salt, n=n, r=r, p=p,
                             maxmem=_MAXMEM * 2, dklen=len(key))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(got, key) and stored is not None


def read_users(path: Path) -> dict[str, str]:
    """name -> hash; a missing file is no users. Lines that are not ``name:hash`` are skipped."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(f"cannot read the view's users file {path}: {exc.strerror}") \
            from None
    if len(raw) > MAX_FILE_BYTES:
        raise SettingsError(f"the view's users file {path} is larger than 1 MiB")
    users: dict[str, str] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        name, sep, stored = line.strip().partition(":")
        if sep and check_name(name) is None and stored:
            users[name] = stored
    return users


def write_users(path: Path, users: dict[str, str]) -> None:
    """Atomically, mode 0600 from the start (``mkstemp`` makes it so): the hashes are
    nobody else's business."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".view-users-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.writelines(f"{name}:{stored}\n" for name, stored in sorted(users.items()))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        os.chmod(path, 0o600)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
