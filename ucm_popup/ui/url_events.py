"""macOS hands a ``tel:`` or ``callto:`` link to the app as an open-URL event (Qt: a
``QFileOpenEvent`` carrying the URL), to the running app or to one it starts for the link;
the bundle declares both schemes in its ``CFBundleURLTypes``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

LINK_SCHEMES = ("tel", "callto")


class OpenUrlFilter(QObject):
    """Installed on the QApplication: a link to dial goes to ``dial``, other events on."""

    def __init__(self, dial: Callable[[str], None]) -> None:
        super().__init__()
        self._dial = dial

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            url = event.url()
            if url.scheme().lower() in LINK_SCHEMES:
                self._dial(url.toString())
                return True
        return False
