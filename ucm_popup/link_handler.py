"""macOS: make this app the default handler of ``tel:`` and ``callto:`` links.

The bundle's ``CFBundleURLTypes`` makes UCM Popup a candidate for both schemes, but FaceTime
stays the default until the user (or this) tells Launch Services otherwise:
``LSSetDefaultHandlerForURLScheme`` with the bundle's identifier, through ctypes (no PyObjC).
Other systems choose their handler themselves (Windows asks at the first link, Linux's
``xdg-mime``, see the README).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ucm_popup.autostart import APP_ID  # also the bundle identifier (the spec)

SCHEMES = ("tel", "callto")
OFFERED = sys.platform == "darwin"  # Settings shows the action there (tests force it)
_UTF8 = 0x08000100  # kCFStringEncodingUTF8


def make_default_link_handler(
        set_handler: Callable[[str, str], int] | None = None, bundle_id: str = APP_ID) -> str:
    """"" once Launch Services opens both schemes with this app; else why not, one line."""
    try:
        setter = set_handler or _launch_services()
    except OSError as exc:
        return f"Launch Services could not be loaded ({exc})"
    for scheme in SCHEMES:
        status = setter(scheme, bundle_id)
        if status != 0:  # an OSStatus, e.g. -10814: no application with this identifier
            return (f"macOS refused to make {bundle_id} the handler of {scheme}: links (status "
                    f"{status}; is UCM Popup in Applications?)")
    return ""


def _launch_services() -> Callable[[str, str], int]:
    import ctypes
    import ctypes.util

    core_foundation = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreFoundation") or "")
    core_services = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreServices") or "")
    create = core_foundation.CFStringCreateWithCString
    create.restype = ctypes.c_void_p
    create.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    release = core_foundation.CFRelease
    release.argtypes = [ctypes.c_void_p]
    set_default = core_services.LSSetDefaultHandlerForURLScheme
    set_default.restype = ctypes.c_int32
    set_default.argtypes = [ctypes.c_void_p, ctypes.c_void_p]

    def set_handler(scheme: str, bundle_id: str) -> int:
        scheme_ref = create(None, scheme.encode(), _UTF8)
        bundle_ref = create(None, bundle_id.encode(), _UTF8)
        try:
            return int(set_default(scheme_ref, bundle_ref))
        finally:
            release(scheme_ref)
            release(bundle_ref)

    return set_handler
