#!/usr/bin/env bash
# CI's packaging job: build the bundle and the .deb from this checkout, then smoke-test the
# installed app (see build-deb.sh and smoke_test.py).  Needs the .venv that
# "python3 tasks.py test" made (or PYTHON=...), and the apt packages dpkg-dev, binutils,
# desktop-file-utils, appstream, xvfb, trayer, xdotool.
#
#   packaging/linux/ci.sh             unpack the .deb into a throwaway root
#   packaging/linux/ci.sh --system    install it into this machine with apt-get (root), then remove it
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
START=$(date +%s)
"$ROOT/packaging/linux/build-deb.sh"
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n 1)
"$ROOT/packaging/linux/smoke-test.sh" "$ROOT/dist/ucm-popup_${VERSION}_$(dpkg --print-architecture).deb" "$@"
echo "packaging job: $(($(date +%s) - START)) s"
