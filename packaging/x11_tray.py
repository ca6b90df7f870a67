"""What a test needs to see of an X desktop's system tray: is there a tray host, and has an
app's icon docked in it.  libX11 through ctypes (no extra package), so that the packaging smoke
test (system Python, outside any venv) and the end-to-end tests share it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path


class X11Error(RuntimeError):
    pass


class XClassHint(ctypes.Structure):
    # void pointers, not c_char_p: XFree needs the addresses Xlib allocated, not copies.
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]


class X11:
    """The few libX11 calls needed to see the tray (ctypes: no extra package)."""

    def __init__(self, display: str) -> None:
        lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XClassHint)]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XSetErrorHandler.argtypes = [ctypes.c_void_p]
        self.lib = lib
        # Windows come and go while the tree is walked: ignore BadWindow instead of exiting.
        self._handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(
            lambda _d, _e: 0
        )
        lib.XSetErrorHandler(ctypes.cast(self._handler, ctypes.c_void_p))
        self.dpy = lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise X11Error(f"cannot open X display {display}")

    def close(self) -> None:
        self.lib.XCloseDisplay(self.dpy)

    def tray_owned(self) -> bool:
        atom = self.lib.XInternAtom(self.dpy, b"_NET_SYSTEM_TRAY_S0", 0)
        return bool(self.lib.XGetSelectionOwner(self.dpy, atom))

    def _children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(
            self.dpy,
            window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        found = [children[i] for i in range(count.value)]
        if children:
            self.lib.XFree(children)
        return found

    def _class(self, window: int) -> str:
        hint = XClassHint()
        if not self.lib.XGetClassHint(self.dpy, window, ctypes.byref(hint)):
            return ""
        pointers = [p for p in (hint.res_name, hint.res_class) if p]
        text = b" ".join(ctypes.string_at(p) for p in pointers).decode(errors="replace")
        for pointer in pointers:
            self.lib.XFree(pointer)
        return text.lower()

    def icon_docked(self, app_class: str, host_class: str = "trayer") -> bool:
        """Is a window of the app's class a descendant of the tray host's window?"""

        def walk(window: int, inside_host: bool) -> bool:
            for child in self._children(window):
                wm_class = self._class(child)
                if inside_host and app_class in wm_class:
                    return True
                if walk(child, inside_host or host_class in wm_class):
                    return True
            return False

        return walk(self.lib.XDefaultRootWindow(self.dpy), False)


def free_display() -> str:
    for number in range(120, 200):
        if not any(
            Path(p).exists() for p in (f"/tmp/.X11-unix/X{number}", f"/tmp/.X{number}-lock")
        ):
            return f":{number}"
    raise X11Error("no free X display number")
