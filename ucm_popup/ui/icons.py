"""Icons: the app icon and one tray icon per state, told apart by colour AND shape.

The base is the icon that ``packaging/make_icons.py`` renders from ``resources/ucm-popup.svg``
into ``ucm_popup/resources/icons/{app,tray}-<N>.png``; where that is missing (a source tree
whose icons were never generated) an inline SVG of the same idea stands in.  The state badge
is painted here with QPainter so that every state of the tray has its own look, at every size.
"""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ACCENT = "#2563EB"

_FALLBACK_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#3B82F6"/><stop offset="1" stop-color="#1D4ED8"/>
</linearGradient></defs>
<rect x="2" y="2" width="60" height="60" rx="14" fill="url(#g)"/>
<path fill="#FFFFFF" d="M21 13h6.5l3.2 9.3-4.6 3.6c2.1 5.2 6 9.1 11.2 11.3l3.6-4.6 9.1 3.2v6.6
c0 3.1-2.5 5.6-5.6 5.6C27.3 48 16 36.7 16 19c0-3.3 2.3-6 5-6z"/></svg>"""


class TrayState(enum.Enum):
    """Each value: (badge colour, badge glyph, greyed base, tooltip title)."""

    CONNECTED = ("#16A34A", "dot", False,
                 QT_TRANSLATE_NOOP("TrayState", "Connected"))
    CONNECTING = ("#F59E0B", "dots", False,
                  QT_TRANSLATE_NOOP("TrayState", "Connecting to the UCM…"))
    RECONNECTING = ("#F59E0B", "dots", False,
                    QT_TRANSLATE_NOOP("TrayState", "Reconnecting to the UCM…"))
    LOGIN_REFUSED = ("#DC2626", "cross", False,
                     QT_TRANSLATE_NOOP("TrayState", "UCM login refused"))
    UCM_FAILED = ("#DC2626", "bang", False,
                  QT_TRANSLATE_NOOP("TrayState", "Cannot use the UCM"))
    CRM_FAILING = ("#EA580C", "card", False,
                   QT_TRANSLATE_NOOP("TrayState", "CRM lookups failing"))
    PAUSED = ("#475569", "pause", True,
              QT_TRANSLATE_NOOP("TrayState", "Popups paused"))
    NOT_CONFIGURED = ("#64748B", "question", True,
                      QT_TRANSLATE_NOOP("TrayState", "Not configured"))
    RELAY_OFFLINE = ("#DC2626", "slash", False,
                     QT_TRANSLATE_NOOP("TrayState", "Site relay offline"))
    RELAY_LOST_UCM = ("#F59E0B", "bang", False,
                      QT_TRANSLATE_NOOP("TrayState", "The site relay lost the UCM"))

    @property
    def colour(self) -> str:
        return self.value[0]

    @property
    def glyph(self) -> str:
        return self.value[1]

    @property
    def greyed(self) -> bool:
        return self.value[2]

    @property
    def title(self) -> str:
        """The state in the agent's language (the tooltip, the status line, the notification)."""
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("TrayState", str(self.value[3]))


def _sizes(prefix: str) -> list[tuple[int, Path]]:
    found = []
    for path in ICON_DIR.glob(f"{prefix}-*.png"):
        tail = path.stem.removeprefix(f"{prefix}-")
        if tail.isdigit():
            found.append((int(tail), path))
    return sorted(found)


def _base_image(size: int, prefix: str = "tray") -> QImage:
    """The generated PNG closest above ``size`` (the tray set has no CRM card: a smudge there)."""
    sizes = _sizes(prefix)
    fitting = [path for n, path in sizes if n >= size] or [path for _, path in sizes[-1:]]
    for candidate in fitting[:1]:
        image = QImage(str(candidate))
        if not image.isNull():
            return image.scaled(
                size,
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
    from PySide6.QtSvg import QSvgRenderer  # only for source trees without generated icons

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(_FALLBACK_SVG)).render(painter)
    painter.end()
    return image


def _greyed(image: QImage) -> QImage:
    grey = image.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(grey.height()):
        for x in range(grey.width()):
            colour = grey.pixelColor(x, y)
            level = int(0.3 * colour.red() + 0.59 * colour.green() + 0.11 * colour.blue())
            level = 90 + level * 90 // 255  # a muted slate, still readable on dark panels
            grey.setPixelColor(x, y, QColor(level, level + 6, level + 14, colour.alpha()))
    return grey


def _paint_badge(painter: QPainter, size: int, colour: str, glyph: str) -> None:
    radius = size * 0.24
    centre = QPointF(size - radius - size * 0.02, size - radius - size * 0.02)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawEllipse(centre, radius, radius)
    inner = radius * 0.78
    painter.setBrush(QColor(colour))
    painter.drawEllipse(centre, inner, inner)
    white = QColor("#FFFFFF")
    pen = QPen(white, max(1.2, inner * 0.32), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    cx, cy, r = centre.x(), centre.y(), inner * 0.5
    if glyph == "dot":
        return
    if glyph == "dots":
        painter.setBrush(white)
        for dx in (-r, 0.0, r):
            painter.drawEllipse(QPointF(cx + dx, cy), inner * 0.16, inner * 0.16)
    elif glyph == "cross":
        painter.setPen(pen)
        painter.drawLine(QPointF(cx - r, cy - r), QPointF(cx + r, cy + r))
        painter.drawLine(QPointF(cx - r, cy + r), QPointF(cx + r, cy - r))
    elif glyph == "bang":
        painter.setPen(pen)
        painter.drawLine(QPointF(cx, cy - r * 1.1), QPointF(cx, cy + r * 0.25))
        painter.drawPoint(QPointF(cx, cy + r * 0.95))
    elif glyph == "pause":
        painter.setPen(pen)
        for dx in (-r * 0.45, r * 0.45):
            painter.drawLine(QPointF(cx + dx, cy - r * 0.8), QPointF(cx + dx, cy + r * 0.8))
    elif glyph == "card":  # a record card with a slash: "the CRM is not answering"
        painter.setPen(QPen(white, max(1.0, inner * 0.18)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(cx - r, cy - r * 0.7, 2 * r, 1.4 * r), r * 0.2, r * 0.2)
        painter.setPen(pen)
        painter.drawLine(QPointF(cx - r * 0.9, cy + r * 0.9), QPointF(cx + r * 0.9, cy - r * 0.9))
    elif glyph == "slash":  # a link cut: the relay is gone
        painter.setPen(pen)
        painter.drawLine(QPointF(cx - r, cy + r), QPointF(cx + r, cy - r))
    elif glyph == "question":
        pen.setWidthF(max(1.2, inner * 0.26))
        painter.setPen(pen)
        path = QPainterPath()
        path.moveTo(cx - r * 0.6, cy - r * 0.45)
        path.cubicTo(
            cx - r * 0.6, cy - r * 1.2, cx + r * 0.7, cy - r * 1.2, cx + r * 0.6, cy - r * 0.4
        )
        path.cubicTo(cx + r * 0.5, cy, cx, cy - r * 0.05, cx, cy + r * 0.35)
        painter.drawPath(path)
        painter.drawPoint(QPointF(cx, cy + r * 0.95))


@cache
def state_pixmap(state: TrayState, size: int) -> QPixmap:
    image = _base_image(size).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    if state.greyed:
        image = _greyed(image).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint_badge(painter, size, state.colour, state.glyph)
    painter.end()
    return QPixmap.fromImage(image)


@cache
def state_icon(state: TrayState) -> QIcon:
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        icon.addPixmap(state_pixmap(state, size))
    return icon


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 128, 256):
        icon.addPixmap(QPixmap.fromImage(_base_image(size, "app" if size >= 48 else "tray")))
    return icon


CALL_COLOURS = {"missed": "#DC2626", "answered": "#16A34A", "answered elsewhere": "#94A3B8",
                "ringing": "#F59E0B", "on call": "#2563EB"}


@cache
def call_icon(how: str) -> QIcon:
    """A small coloured dot for the recent-calls menu: red for missed, green for answered."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CALL_COLOURS.get(how, "#94A3B8")))
        painter.drawEllipse(QRectF(size * 0.25, size * 0.25, size * 0.5, size * 0.5))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
