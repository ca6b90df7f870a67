"""The command line: options before or after the command, one-line errors, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import app_dir

from ucm_popup import __version__, cli
from ucm_popup.cli import parse_options
from ucm_popup.errors import ServiceError, SettingsError


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo", "--config", "/tmp/x.toml", "watch"],
        ["watch", "--demo", "--config", "/tmp/x.toml"],
        ["--config", "/tmp/x.toml", "watch", "--demo"],
    ],
)
def test_common_options_work_before_and_after_the_command(argv: list[str]) -> None:
    options = parse_options(argv)
    assert options.command == "watch"
    assert options.demo is True
    assert options.config_path == Path("/tmp/x.toml")


def test_config_option_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UCM_POPUP_CONFIG", "/tmp/from-env.toml")
    assert parse_options(["lookup", "123"]).config_path == Path("/tmp/from-env.toml")
    assert parse_options(["lookup", "123", "--config", "/tmp/opt.toml"]).config_path == Path(
        "/tmp/opt.toml"
    )


def test_default_config_path_is_in_the_user_config_dir(tmp_path: Path) -> None:
    options = parse_options([])
    assert options.command is None
    assert options.config_path == app_dir("config") / "config.toml"
    assert tmp_path in options.config_path.parents  # the test's own, never the user's


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SettingsError, match="invalid choice"):
        parse_options(["bogus"])


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ucm_popup", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_version_is_printed() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ucm-popup {__version__}"


def test_usage_error_is_one_line_and_exit_2() -> None:
    result = run_cli("lookup")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_broken_settings_file_names_the_file_and_exits_2(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ucm]\nport = "eighty"\n', encoding="utf-8")
    result = run_cli("watch", "--config", str(config))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(config) in lines[0] and "[ucm] port" in lines[0]


def test_missing_settings_file_points_to_demo(tmp_path: Path) -> None:
    result = run_cli("watch", "--config", str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "--demo" in result.stderr


HOSTILE = [
    "refused\nTraceback (most recent call last):\n  forged",
    "\x1b[31mred\x1b[0m and a bell\x07 and \x1b]0;new title\x07",
    "x" * 200_000,
    "lone \ud800 surrogate \u2028 line separator \r carriage return",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("error", [ServiceError, RuntimeError])
def test_every_failure_is_one_short_printable_line(
    text: str, error: type[Exception], monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def dispatch(_options: object) -> int:
        raise error(f"the UCM said: {text}")

    monkeypatch.setattr(cli, "dispatch", dispatch)
    code = cli.main(["lookup", "0612345678"])
    out, err = capsys.readouterr()
    assert code == (4 if error is ServiceError else 1) and out == ""
    assert err.endswith("\n") and err.count("\n") == 1
    line = err.rstrip("\n")
    assert line.startswith("ucm-popup: ") and "the UCM said: " in line
    assert len(line) <= 900
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line)  # no escape codes
    assert "\u2028" not in line
    line.encode("utf-8")  # no lone surrogate either
    if error is RuntimeError:
        assert "unexpected error: RuntimeError" in line and line.endswith("for details)")


def test_a_usage_error_quoting_hostile_arguments_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["bogus\n\x1b[2J" + "y" * 5000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and len(err) <= 900


def test_the_commands_do_not_import_the_command_line_module() -> None:
    code = (
        "import sys\n"
        "import ucm_popup.commands.watch, ucm_popup.commands.lookup, ucm_popup.commands.authorize\n"
        "assert 'ucm_popup.cli' not in sys.modules, 'an import circle cli -> commands -> cli'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
