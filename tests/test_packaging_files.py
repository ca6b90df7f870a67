"""The shipped desktop files validate, every icon exists and is what its name says, and the
version in the packaging matches the package's."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import require_tool

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.ucm_popup.UcmPopup"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version: str = tomllib.load(handle)["project"]["version"]
    return version


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    require_tool(tool, "desktop-file-validate (apt: desktop-file-utils)")
    result = subprocess.run([str(tool), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    require_tool(tool, "appstreamcli (apt: appstream)")
    result = subprocess.run(
        [str(tool), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only "I:" (info) and "P:" (pedantic) lines are acceptable; no warning or error.
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("W:", "E:")]
    assert not problems, result.stdout


def test_desktop_entry_and_metainfo_agree() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("icon") == "ucm-popup"
    assert component.findtext("provides/binary") == "ucm-popup"
    entry = dict(
        line.split("=", 1)
        for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entry["Exec"] == "ucm-popup %u"  # %u: a tel: or callto: link to dial
    assert entry["Icon"] == "ucm-popup"


def test_metainfo_release_is_the_package_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == pyproject_version()


def test_metainfo_has_a_homepage_and_shows_the_projects_screenshots() -> None:
    component = ET.parse(METAINFO).getroot()
    homepage = component.findtext("url[@type='homepage']") or ""
    assert homepage.startswith("https://")
    screenshots = component.findall("screenshots/screenshot")
    assert len(screenshots) >= 3
    assert [shot.get("type") for shot in screenshots].count("default") == 1
    for shot in screenshots:
        image = shot.findtext("image") or ""
        assert image.startswith("https://") and "/docs/screenshots/" in image
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[1]).is_file(), image
        assert shot.findtext("caption")


def test_the_desktop_entry_is_named_after_the_app_id_wherever_it_is_installed() -> None:
    assert DESKTOP.name == f"{APP_ID}.desktop"
    build = (LINUX / "build-deb.sh").read_text(encoding="utf-8")
    assert 'install -m 644 "packaging/linux/$APP_ID.desktop" ' in build
    assert '"$PKG/usr/share/applications/$APP_ID.desktop"' in build
    smoke = (LINUX / "smoke_test.py").read_text(encoding="utf-8")
    assert 'f"usr/share/applications/{APP_ID}.desktop"' in smoke
    # The old name lives on only as the autostart entry's (an administrator's copy in
    # /etc/xdg/autostart must share the name of the user's entry that hides it).
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "applications/ucm-popup.desktop" not in readme + build + smoke
    assert f"/usr/share/applications/{APP_ID}.desktop" in readme


def test_autostart_module_uses_the_same_app_id() -> None:
    from ucm_popup import autostart

    assert autostart.APP_ID == APP_ID


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_hicolor_icon_exists_in_its_size(size: int) -> None:
    path = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "ucm-popup.png"
    assert png_size(path) == (size, size)


def test_package_icons_exist_in_their_sizes() -> None:
    icons = ROOT / "ucm_popup" / "resources" / "icons"
    for name, size in [(f"app-{n}", n) for n in (48, 128, 256)] + [
        (f"tray-{n}", n) for n in (16, 22, 24, 32, 48, 64)
    ]:
        assert png_size(icons / f"{name}.png") == (size, size), name


def test_windows_ico_holds_every_size() -> None:
    data = (ROOT / "resources" / "ucm-popup.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an ICO file"
    sizes = set()
    for i in range(count):
        width, height = data[6 + 16 * i], data[7 + 16 * i]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an ICO directory
        length, offset = struct.unpack("<II", data[14 + 16 * i : 22 + 16 * i])
        assert offset + length <= len(data)
    assert {(n, n) for n in (16, 24, 32, 48, 64, 128, 256)} <= sizes


def test_macos_icns_holds_large_and_small_icons() -> None:
    data = (ROOT / "resources" / "ucm-popup.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert length >= 8
        kinds.add(kind)
        offset += length
    assert offset == len(data)
    # ic10 = 512@2x (1024 px), ic09 = 512, ic07 = 128; the small ones as icp4/icp5 or is32/il32.
    assert {b"ic10", b"ic09", b"ic07"} <= kinds, kinds
    assert kinds & {b"icp4", b"is32", b"ic11"}, kinds


def test_generated_icons_are_all_there() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def iss_defines() -> dict[str, str]:
    text = (ROOT / "packaging" / "windows" / "ucm-popup.iss").read_text(encoding="utf-8")
    defines = {}
    for line in text.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) == 3 and parts[0] == "#define":
            defines[parts[1]] = parts[2].strip('"')
    return defines


def test_windows_installer_and_the_app_share_one_start_at_login_switch() -> None:
    from ucm_popup import autostart

    defines = iss_defines()
    assert defines["RunKey"] == autostart.RUN_KEY
    assert defines["RunValue"] == autostart.RUN_VALUE_NAME
    assert defines["AppExe"] == autostart.WINDOWS_TRAY_PROGRAM
    spec = (ROOT / "packaging" / "pyinstaller" / "ucm-popup.spec").read_text(encoding="utf-8")
    assert f'name="{autostart.WINDOWS_TRAY_PROGRAM.removesuffix(".exe")}"' in spec


def test_windows_installer_is_per_user_and_deploys_the_settings_file() -> None:
    text = (ROOT / "packaging" / "windows" / "ucm-popup.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    # platformdirs.user_config_dir("ucm-popup", appauthor=False) on Windows
    assert r'DestDir: "{localappdata}\ucm-popup"' in text
    assert r'Source: "{src}\config.toml"' in text


def test_macos_app_is_menu_bar_only_with_the_app_id() -> None:
    spec = (ROOT / "packaging" / "pyinstaller" / "ucm-popup.spec").read_text(encoding="utf-8")
    assert f'bundle_identifier="{APP_ID}"' in spec
    assert '"LSUIElement": True' in spec


def test_macos_app_asks_for_the_macos_the_readme_names() -> None:
    spec = (ROOT / "packaging" / "pyinstaller" / "ucm-popup.spec").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    promised = re.search(r"^### macOS (\d+) and newer", readme, re.MULTILINE)
    assert promised, "the README names no macOS version"
    assert f'"LSMinimumSystemVersion": "{promised[1]}.0"' in spec
    assert int(promised[1]) >= 12  # Qt 6.8, which PySide6 6.8+ brings, needs macOS 12


# Notes that live outside the repository, which a reader of a clone cannot open.
OUTSIDE_NOTES = re.compile(r"protocols/\w+\.md|§ ?\d|\bissue #?\d|\bthe contract\b|contract's")


def test_the_repository_stands_alone_citing_only_its_own_docs() -> None:
    folders = ("ucm_popup", "tests", "bench", "packaging", "docs", ".github")
    files = [ROOT / "README.md", ROOT / "tasks.py", ROOT / "pyproject.toml"] + [
        path for folder in folders for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".md", ".sh", ".yml", ".spec", ".iss", ".xml", ".desktop")
        and path != Path(__file__).resolve()
    ]
    outside, missing = [], []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            outside += [f"{where}: {line.strip()}"] if OUTSIDE_NOTES.search(line) else []
            missing += [f"{where}: {cited}" for cited in re.findall(r"docs/[\w./-]+\.md", line)
                        if not (ROOT / cited).is_file()]
    assert outside == []
    assert missing == []
    assert (ROOT / "docs" / "ucm-event-stream.md").is_file()
    assert (ROOT / "docs" / "json-output.md").is_file()


DEMO_ONLY = ("aiohttp", "cryptography")
# Run in a fresh interpreter in which the demo's libraries cannot be imported at all.
WITHOUT_DEMO_LIBRARIES = f"""
import importlib, pkgutil, runpy, sys
class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {DEMO_ONLY!r}:
            raise ImportError(name + " is not installed")
sys.meta_path.insert(0, Absent())
"""


def test_the_demo_libraries_are_loaded_by_the_demo_alone(tmp_path: Path) -> None:
    """aiohttp and cryptography serve only the --demo simulators and, on the relay's machine,
    the supervisors' site view (aiohttp): the tray app, the other headless commands and the
    settings dialog import and run without them."""
    import ucm_popup

    code = WITHOUT_DEMO_LIBRARIES + (
        "modules = [m.name for m in pkgutil.walk_packages(['ucm_popup'], 'ucm_popup.')\n"
        "           if not m.name.startswith(('ucm_popup.sim.', 'ucm_popup.__main__',\n"
        "                                      'ucm_popup.relay.view.'))]\n"
        "for name in modules:\n"
        "    importlib.import_module(name)\n"
        "print(len(modules))\n"
    )
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=Path(ucm_popup.__file__).parent.parent)
    assert imported.returncode == 0, imported.stderr
    assert int(imported.stdout) > 30  # the ui, commands, ucm and crm modules
    # A real lookup through the CRM client (httpx) to a closed loopback port: exit 4, one line.
    config = tmp_path / "config.toml"
    config.write_text('[crm]\nprovider = "zoho-v1"\n[zoho_v1]\nserver = "http://127.0.0.1:9"\n',
                      encoding="utf-8")
    environment = {**os.environ, "UCM_POPUP_ZOHO_AUTHTOKEN": "v1-token"}
    for argv, code, out, err in (
        (["--version"], 0, "ucm-popup ", ""),
        (["--config", str(config), "lookup", "0612345678"], 4, "",
         "ucm-popup: cannot reach Zoho CRM v1 (http://127.0.0.1:9)"),
    ):
        run = WITHOUT_DEMO_LIBRARIES + f"sys.argv = {['ucm-popup', *argv]!r}\n" + (
            "runpy.run_module('ucm_popup', run_name='__main__')\n")
        result = subprocess.run([sys.executable, "-c", run], capture_output=True, text=True,
                                env=environment)
        assert (result.returncode, len(result.stderr.splitlines())) == (code, int(err != "")), (
            argv, result.stderr)
        assert result.stdout.startswith(out) and result.stderr.startswith(err)
