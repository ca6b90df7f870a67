"""The relay's systemd unit: in the .deb, disabled, settings from /etc, secrets from a
root-only environment file, and a unit systemd itself accepts."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "packaging" / "linux" / "ucm-popup-relay.service"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text())
    return parser


def test_the_unit_runs_the_relay_with_the_documented_files() -> None:
    service = unit()["Service"]
    assert service["ExecStart"] == "/usr/bin/ucm-popup relay"
    assert "UCM_POPUP_CONFIG=/etc/ucm-popup/relay.toml" in UNIT.read_text()
    assert service["EnvironmentFile"] == "/etc/ucm-popup/relay.env"
    assert service["DynamicUser"] == "yes"  # the relay never runs as root
    assert service["RestartPreventExitStatus"] == "2 3"


def test_the_unit_gives_the_relay_a_private_state_directory() -> None:
    """The relay's phone index and CRM outbox (``$STATE_DIRECTORY``) survive restarts."""
    service = unit()["Service"]
    assert service["StateDirectory"] == "ucm-popup-relay"
    assert service["StateDirectoryMode"] == "0700"


def test_the_deb_ships_the_unit_disabled() -> None:
    script = (ROOT / "packaging" / "linux" / "build-deb.sh").read_text()
    assert "usr/lib/systemd/system/ucm-popup-relay.service" in script
    assert "systemctl enable" not in script and "postinst" not in script


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    copy = tmp_path / UNIT.name
    # /usr/bin/ucm-popup exists only where the .deb is installed: point at any program.
    copy.write_text(UNIT.read_text().replace("/usr/bin/ucm-popup relay", "/bin/true relay"))
    result = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True,
                            timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if UNIT.name in line and "relay.env" not in line]
    assert not problems, result.stdout + result.stderr
