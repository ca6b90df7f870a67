#!/usr/bin/env bash
# Smoke-test the .deb that build-deb.sh made (see smoke_test.py for what is checked and how the
# start time to the tray icon is measured).  Runs with the system's python3, outside any venv.
#
#   packaging/linux/smoke-test.sh [dist/ucm-popup_<version>_<arch>.deb] [--system]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEB=${1:-}
if [ -z "$DEB" ] || [ "${DEB#--}" != "$DEB" ]; then
  DEB=$(ls -t "$ROOT"/dist/ucm-popup_*.deb 2>/dev/null | head -n 1)
  [ -n "$DEB" ] || { echo "smoke: no dist/ucm-popup_*.deb; run packaging/linux/build-deb.sh" >&2; exit 2; }
else
  shift
fi
exec /usr/bin/env -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME python3 "$ROOT/packaging/linux/smoke_test.py" "$DEB" "$@"
