#!/usr/bin/env bash
# Build the Linux one-folder bundle (PyInstaller) and a .deb (dpkg-deb) from this checkout.
#
#   packaging/linux/build-deb.sh            -> dist/ucm-popup/ (bundle), dist/ucm-popup_<v>_<arch>.deb
#
# Environment:
#   PYTHON   the Python whose environment has ucm-popup installed (default: .venv/bin/python,
#            as made by "python3 tasks.py test"); PyInstaller is installed into it if missing.
#   OUT      where the bundle and the .deb go (default: dist)
#   WORK     the scratch folder (default: build/packaging)
#   BUNDLE   package this already built bundle folder instead of running PyInstaller (the tests
#            pack a stand-in bundle this way to check what the .deb ships, in seconds)
#
# The .deb installs the bundle under /opt/ucm-popup, ucm-popup on the PATH (/usr/bin), the
# desktop entry, the AppStream metainfo and the hicolor icons.  Its Depends line is computed by
# dpkg-shlibdeps from the libraries the bundle links to but does not carry.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=${OUT:-$ROOT/dist}
WORK=${WORK:-$ROOT/build/packaging}
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"
APP_ID=io.github.ucm_popup.UcmPopup
START=$(date +%s)

step() { printf '== %s (%ss)\n' "$*" $(($(date +%s) - START)); }

if [ ! -x "$PYTHON" ]; then
  echo "build-deb: no Python at $PYTHON; run 'python3 tasks.py test' first or set PYTHON" >&2
  exit 2
fi
for tool in dpkg-deb dpkg-shlibdeps readelf; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (apt: dpkg-dev binutils)" >&2; exit 2; }
done

step "checking the generated icons"
"$PYTHON" packaging/make_icons.py --check

if [ -z "${BUNDLE:-}" ] && ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  step "installing $PYINSTALLER_SPEC"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER_SPEC"
fi

VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
INSTALLED=$("$PYTHON" -c 'from importlib.metadata import version; print(version("ucm-popup"))')
if [ "$VERSION" != "$INSTALLED" ]; then
  echo "build-deb: pyproject says $VERSION but the environment has ucm-popup $INSTALLED; reinstall it" >&2
  exit 2
fi
ARCH=$(dpkg --print-architecture)

if [ -n "${BUNDLE:-}" ]; then
  step "packaging the bundle $BUNDLE (no PyInstaller)"
  rm -rf "$WORK"
  mkdir -p "$WORK" "$OUT"
else
  step "building the bundle with PyInstaller"
  rm -rf "$WORK" "$OUT/ucm-popup"
  mkdir -p "$WORK" "$OUT"
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT" --workpath "$WORK/pyinstaller" packaging/pyinstaller/ucm-popup.spec
  BUNDLE="$OUT/ucm-popup"
fi
test -x "$BUNDLE/ucm-popup"

step "staging the package tree"
PKG="$WORK/root"
install -d -m 755 "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/metainfo" "$PKG/usr/share/doc/ucm-popup" "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$PKG/opt/ucm-popup"
# A relative link works in the installed system and in a throwaway root (dpkg -x) alike; the
# bundle finds its _internal folder through its real path.
ln -s ../../opt/ucm-popup/ucm-popup "$PKG/usr/bin/ucm-popup"
# Named after the app id, as the metainfo's <launchable> and software centres expect.
install -m 644 "packaging/linux/$APP_ID.desktop" "$PKG/usr/share/applications/$APP_ID.desktop"
install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
for icon in resources/icons/hicolor/*/apps/ucm-popup.png; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  install -D -m 644 "$icon" "$PKG/usr/share/icons/hicolor/$size/apps/ucm-popup.png"
done
install -m 644 resources/ucm-popup.svg "$PKG/usr/share/icons/hicolor/scalable/apps/ucm-popup.svg"
# The site relay's service, installed disabled (no maintainer script enables it).
install -D -m 644 packaging/linux/ucm-popup-relay.service \
  "$PKG/usr/lib/systemd/system/ucm-popup-relay.service"
cat > "$PKG/usr/share/doc/ucm-popup/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ucm-popup

Files: *
Copyright: ucm-popup developers
License: MIT
Comment: /opt/ucm-popup carries Python, Qt (LGPL-3), PySide6 (LGPL-3) and the Python
 libraries listed in /opt/ucm-popup/_internal/*.dist-info, each under its own licence.
EOF
# Files 644, directories and programs 755, whatever the umask of the build machine.
find "$PKG" -type d -exec chmod 755 {} +
find "$PKG/opt" "$PKG/usr/share" -type f -exec chmod u+rw,go+r,go-w {} +

step "computing Depends with dpkg-shlibdeps"
# dpkg-shlibdeps wants a debian/control to read; the bundle's own libraries are private (-l).
SHLIB="$WORK/shlibdeps"
mkdir -p "$SHLIB/debian"
printf 'Source: ucm-popup\n\nPackage: ucm-popup\nArchitecture: any\n' > "$SHLIB/debian/control"
mapfile -t ELF_FILES < <(find "$PKG/opt/ucm-popup" -type f \( -name '*.so*' -o -name ucm-popup \) \
  -exec sh -c 'head -c 4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
mapfile -t PRIVATE_DIRS < <(find "$PKG/opt/ucm-popup" -type f -name '*.so*' -printf '%h\n' | sort -u)
(
  cd "$SHLIB"
  dpkg-shlibdeps -O --ignore-missing-info --warnings=0 \
    "${PRIVATE_DIRS[@]/#/-l}" "${ELF_FILES[@]}" 2>/dev/null
) > "$WORK/substvars"
DEPENDS=$(sed -n 's/^shlibs:Depends=//p' "$WORK/substvars")
if [ -z "$DEPENDS" ]; then
  echo "build-deb: dpkg-shlibdeps found no dependencies" >&2
  exit 1
fi

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: ucm-popup
Version: $VERSION
Architecture: $ARCH
Maintainer: ucm-popup developers <ucm-popup@users.noreply.github.com>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: gnome-keyring | keepassxc | kwalletmanager
Section: comm
Priority: optional
Description: caller popups with Zoho CRM records for Grandstream UCM extensions
 A system tray app for call-centre agents whose phones are on a Grandstream
 UCM6xxx PBX and whose customers are in Zoho CRM: when the agent's extension
 rings, a popup shows the caller's number and the matching CRM record, with a
 button that opens it in the CRM.
 .
 The program and its Python and Qt runtime are installed under /opt/ucm-popup.
EOF

step "building the .deb with dpkg-deb"
DEB="$OUT/ucm-popup_${VERSION}_${ARCH}.deb"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz -z6 --threads-max=2 --build "$PKG" "$DEB" >/dev/null
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

BUNDLE_MB=$(du -sm "$BUNDLE" | cut -f1)
DEB_MB=$(awk -v b="$(stat -c %s "$DEB")" 'BEGIN { printf "%.1f", b / 1048576 }')
step "done"
echo "bundle: $BUNDLE (${BUNDLE_MB} MB)"
echo "deb:    $DEB (${DEB_MB} MB)"
echo "build duration: $(($(date +%s) - START)) s"
