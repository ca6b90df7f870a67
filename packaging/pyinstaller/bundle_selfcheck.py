"""What a frozen bundle commonly loses, checked from inside the bundle.

Run as ``UCM_POPUP_SELFCHECK=1 ucm-popup``: prints one JSON object (check -> details) and exits
1 when a check failed.  Every check loads the thing the app loads lazily at run time, so a
module or data file PyInstaller did not see is found here and not on an agent's desk.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import ssl
import sys
from collections.abc import Callable
from typing import Any


def check_ucm_popup_modules() -> Any:
    import ucm_popup

    names = [m.name for m in pkgutil.walk_packages(ucm_popup.__path__, "ucm_popup.")]
    names = [n for n in names if n not in ("ucm_popup.__main__",)]
    for name in names:
        importlib.import_module(name)
    if ucm_popup.__version__.startswith("0.0.0"):
        raise RuntimeError("the package metadata is missing: version " + ucm_popup.__version__)
    return {"version": ucm_popup.__version__, "modules": len(names)}


def check_phonenumbers() -> Any:
    import phonenumbers
    from phonenumbers import PhoneMetadata

    # Region metadata modules are imported on first use: load every one.
    missing = [
        r for r in phonenumbers.SUPPORTED_REGIONS if PhoneMetadata.metadata_for_region(r) is None
    ]
    if missing:
        raise RuntimeError(f"no metadata for {len(missing)} regions, e.g. {missing[:5]}")
    number = phonenumbers.parse("06 12 34 56 78", "FR")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if e164 != "+33612345678":
        raise RuntimeError(f"parsed a French number as {e164}")
    return {"regions": len(phonenumbers.SUPPORTED_REGIONS), "sample": e164}


def check_keyring() -> Any:
    from importlib.metadata import entry_points

    import keyring.backend

    points = {ep.name: ep for ep in entry_points(group="keyring.backends")}
    wanted = {"win32": "Windows", "darwin": "macOS"}
    system_backend = wanted.get(sys.platform, "SecretService")
    if system_backend not in points:
        raise RuntimeError(f"keyring's entry points are missing {system_backend}: {sorted(points)}")
    for ep in points.values():
        if ep.name in ("Windows", "macOS") and ep.name != system_backend:
            continue  # those import only on their own system
        ep.load()
    backends = sorted(
        type(b).__module__ + "." + type(b).__name__ for b in keyring.backend.get_all_keyring()
    )
    return {"entry_points": sorted(points), "backends": backends}


def check_tls() -> Any:
    import certifi
    import httpx

    paths = ssl.get_default_verify_paths()
    context = ssl.create_default_context()
    system_cas = context.cert_store_stats()["x509_ca"]
    if not system_cas and not (paths.capath and os.listdir(paths.capath)):
        raise RuntimeError(f"no CA certificates found (default paths: {paths})")
    certifi_context = ssl.create_default_context(cafile=certifi.where())
    if certifi_context.cert_store_stats()["x509_ca"] < 50:
        raise RuntimeError("certifi's CA bundle is missing or empty")
    httpx.create_ssl_context()  # what the CRM client uses by default
    return {
        "system_cafile": paths.cafile,
        "system_capath": paths.capath,
        "system_cas_loaded": system_cas,
        "SSL_CERT_FILE": os.environ.get("SSL_CERT_FILE", ""),
        "certifi": certifi.where(),
        "openssl": ssl.OPENSSL_VERSION,
    }


def check_qt() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    found = {
        kind: sorted(os.listdir(os.path.join(plugins, kind)))
        for kind in ("platforms", "platformthemes", "iconengines", "imageformats")
        if os.path.isdir(os.path.join(plugins, kind))
    }
    if sys.platform.startswith("linux"):
        platforms = " ".join(found.get("platforms", []))
        for needed in ("qxcb", "qoffscreen", "qwayland"):
            if needed not in platforms:
                raise RuntimeError(f"Qt platform plugin {needed} is missing: {platforms}")
        if not any("svg" in name for name in found.get("imageformats", [])):
            raise RuntimeError("Qt's SVG image format plugin is missing")
    app = QApplication.instance() or QApplication([])
    from ucm_popup.ui import icons

    if icons.app_icon().isNull() or not any(icons.ICON_DIR.glob("app-*.png")):
        raise RuntimeError(f"the app icons are missing from {icons.ICON_DIR}")
    del app
    return {
        "plugins": found,
        "tray_class": QSystemTrayIcon.__name__,
        "icon_themes": QIcon.themeSearchPaths()[:1],
    }


def check_platformdirs() -> Any:
    import platformdirs

    return {"config_dir": platformdirs.user_config_dir("ucm-popup")}


def check_libraries() -> Any:
    versions = {}
    for name in ("aiohttp", "tomlkit", "websockets", "httpx", "qasync", "platformdirs"):
        module = importlib.import_module(name)
        versions[name] = str(getattr(module, "__version__", "?"))
    import tomlkit

    tomlkit.parse('[ucm]\nhost = "pbx"  # comment\n')
    return versions


CHECKS: dict[str, Callable[[], Any]] = {
    "ucm_popup": check_ucm_popup_modules,
    "phonenumbers": check_phonenumbers,
    "keyring": check_keyring,
    "tls": check_tls,
    "qt": check_qt,
    "platformdirs": check_platformdirs,
    "libraries": check_libraries,
}


def main() -> int:
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    failed = []
    for name, check in CHECKS.items():
        try:
            report[name] = {"ok": True, "details": check()}
        except Exception as error:  # report every failure, not only the first
            failed.append(name)
            report[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    report["failed"] = failed
    print(json.dumps(report, indent=1, default=str))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
