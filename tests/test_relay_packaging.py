"""The relay's systemd unit: in the .deb, disabled, settings from /etc, secrets from a
root-only environment file, and a unit systemd itself accepts."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import require_tool

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "packaging" / "linux" / "ucm-popup-relay.service"
sys.path.insert(0, str(ROOT / "packaging" / "linux"))
from relay_unit_check import UNIT_NAME, UNIT_PATH, relay_unit_problems  # noqa: E402


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


def build_deb(tmp_path: Path) -> Path:
    """A .deb made by build-deb.sh itself, around a stand-in bundle (a copy of /bin/true named
    ucm-popup) instead of PyInstaller's: the package's layout in seconds, in tmp_path only."""
    for tool in ("dpkg-deb", "dpkg-shlibdeps", "readelf"):
        require_tool(shutil.which(tool), tool)
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    shutil.copy2("/bin/true", bundle / "ucm-popup")
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "build-deb.sh")], capture_output=True,
        text=True, timeout=300, env={**os.environ, "PYTHON": sys.executable,
                                     "BUNDLE": str(bundle), "OUT": str(tmp_path / "out"),
                                     "WORK": str(tmp_path / "work")})
    assert result.returncode == 0, result.stdout + result.stderr
    (deb,) = (tmp_path / "out").glob("ucm-popup_*.deb")
    return deb


def test_the_built_deb_ships_the_unit_disabled_with_its_state_directory(tmp_path: Path) -> None:
    deb = build_deb(tmp_path)
    root, control = tmp_path / "root", tmp_path / "control"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    subprocess.run(["dpkg-deb", "-e", str(deb), str(control)], check=True)
    assert (root / UNIT_PATH).read_text() == UNIT.read_text()
    assert relay_unit_problems(root, control, systemctl_root=root) == []


def test_the_unit_check_finds_a_missing_or_enabled_unit(tmp_path: Path) -> None:
    """What the smoke test says about a package that got the unit wrong."""
    root = tmp_path / "root"
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/ucm-popup").write_text("")
    assert relay_unit_problems(root) == [f"no relay unit at /{UNIT_PATH}"]
    (root / UNIT_PATH).parent.mkdir(parents=True)
    (root / UNIT_PATH).write_text(UNIT.read_text().replace("StateDirectoryMode=0700\n", ""))
    assert relay_unit_problems(root) == [
        "the relay unit's StateDirectoryMode is None, not '0700'"]
    (root / UNIT_PATH).write_text(UNIT.read_text())
    wants = root / "etc/systemd/system/multi-user.target.wants"
    wants.mkdir(parents=True)
    (wants / UNIT_NAME).symlink_to(f"/{UNIT_PATH}")
    problems = relay_unit_problems(root, systemctl_root=root if shutil.which("systemctl")
                                   else None)
    assert problems[0] == ("the package enables the relay: "
                           f"etc/systemd/system/multi-user.target.wants/{UNIT_NAME}")
    if shutil.which("systemctl"):
        assert problems[1] == "systemctl says the relay is 'enabled', not 'disabled'"
    (wants / UNIT_NAME).unlink()
    (tmp_path / "control").mkdir()
    (tmp_path / "control" / "postinst").write_text(
        "#!/bin/sh\nsystemctl enable ucm-popup-relay.service\n")
    assert relay_unit_problems(root, tmp_path / "control") == [
        "the package's postinst starts or enables the relay"]


def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    require_tool(analyze, "systemd-analyze (apt: systemd)")  # a failure in CI, not a skip
    assert analyze is not None
    copy = tmp_path / UNIT.name
    # /usr/bin/ucm-popup exists only where the .deb is installed: point at any program.
    copy.write_text(UNIT.read_text().replace("/usr/bin/ucm-popup relay", "/bin/true relay"))
    result = subprocess.run([analyze, "verify", str(copy)], capture_output=True, text=True,
                            timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if UNIT.name in line and "relay.env" not in line]
    assert not problems, result.stdout + result.stderr
