#!/usr/bin/env python3
"""Render every icon of ucm-popup from the one SVG source, resources/ucm-popup.svg.

    python packaging/make_icons.py          (re)write the generated icons
    python packaging/make_icons.py --check  exit 1 if a generated icon is missing

Writes:
  resources/icons/hicolor/<N>x<N>/apps/ucm-popup.png   Linux hicolor theme, 16..512
  resources/ucm-popup.ico                               Windows, 16..256 in one file
  resources/ucm-popup.icns                              macOS, 16..1024 in one file
  ucm_popup/resources/icons/app-<N>.png                 the window icon the app loads
  ucm_popup/resources/icons/tray-<N>.png                the tray icon's base (no card badge)

Needs PySide6 (QtSvg, in PySide6-Essentials) to render and Pillow to write .ico/.icns; both are
build-time tools only.  Small sizes and the tray base leave out the CRM card badge, which would
be a smudge there (and where the tray paints its state badge, ucm_popup/ui/icons.py).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "ucm-popup.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "resources" / "ucm-popup.ico"
ICNS = ROOT / "resources" / "ucm-popup.icns"
PACKAGE_ICONS = ROOT / "ucm_popup" / "resources" / "icons"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
APP_SIZES = (48, 128, 256)
TRAY_SIZES = (16, 22, 24, 32, 48, 64)
SMALLEST_WITH_CARD = 32

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)


def _find(root: ET.Element, element_id: str) -> ET.Element:
    for element in root.iter():
        if element.get("id") == element_id:
            return element
    raise SystemExit(f"{SOURCE}: no element with id={element_id!r}")


def _without_card(root: ET.Element) -> None:
    badge = _find(root, "card-badge")
    root.remove(badge)
    # With the card gone the handset moves to the middle and grows a little.
    _find(root, "handset").set("transform", "translate(122 128) rotate(-45) scale(0.95)")


def variant_svg(*, card: bool) -> bytes:
    """The source SVG, optionally without the card badge (for small and tray icons)."""
    root = ET.parse(SOURCE).getroot()
    if not card:
        _without_card(root)
    return ET.tostring(root, encoding="utf-8")


class Renderer:
    def __init__(self) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        self._app = QGuiApplication.instance() or QGuiApplication([])

    def png(self, svg: bytes, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(svg))
        if not renderer.isValid():
            raise SystemExit(f"{SOURCE}: Qt could not read the SVG")
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data().data())


def app_png(renderer: Renderer, size: int) -> bytes:
    return renderer.png(variant_svg(card=size >= SMALLEST_WITH_CARD), size)


def outputs() -> list[Path]:
    paths = [HICOLOR / f"{n}x{n}" / "apps" / "ucm-popup.png" for n in HICOLOR_SIZES]
    paths += [ICO, ICNS]
    paths += [PACKAGE_ICONS / f"app-{n}.png" for n in APP_SIZES]
    paths += [PACKAGE_ICONS / f"tray-{n}.png" for n in TRAY_SIZES]
    return paths


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")


def _pillow_multi(renderer: Renderer, sizes: tuple[int, ...], fmt: str) -> bytes:
    from PIL import Image

    images = [Image.open(io.BytesIO(app_png(renderer, n))).convert("RGBA") for n in sizes]
    largest = images[-1]
    out = io.BytesIO()
    if fmt == "ICO":
        # Each size rendered from the vector source, not scaled down from the largest.
        largest.save(out, "ICO", sizes=[(n, n) for n in sizes], append_images=images[:-1])
    else:
        largest.save(out, "ICNS", append_images=images[:-1])
    return out.getvalue()


def generate() -> None:
    renderer = Renderer()
    for n in HICOLOR_SIZES:
        _write(HICOLOR / f"{n}x{n}" / "apps" / "ucm-popup.png", app_png(renderer, n))
    for n in APP_SIZES:
        _write(PACKAGE_ICONS / f"app-{n}.png", app_png(renderer, n))
    tray = variant_svg(card=False)
    for n in TRAY_SIZES:
        _write(PACKAGE_ICONS / f"tray-{n}.png", renderer.png(tray, n))
    _write(ICO, _pillow_multi(renderer, ICO_SIZES, "ICO"))
    _write(ICNS, _pillow_multi(renderer, ICNS_SIZES, "ICNS"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that every icon exists")
    args = parser.parse_args()
    if args.check:
        missing = [p for p in outputs() if not p.is_file()]
        for path in missing:
            print(f"missing: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if missing else 0
    generate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
