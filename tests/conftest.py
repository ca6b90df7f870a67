"""Shared fixtures: every test runs with its own config dir and never the user's keyring."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from ucm_popup.sim.ucm import UcmSimulator

FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = Path(__file__).parent / "artifacts"
# pytest-qt makes its QApplication before any fixture runs: choose the platform at import.
os.environ.setdefault("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# What a test on the Windows or macOS runner cannot check, skipped there with the reason.
STOPPED_BY_SIGTERM = pytest.mark.skipif(
    sys.platform == "win32",
    reason="stops a command with SIGTERM, which is TerminateProcess on Windows: there is no "
    "clean stop to check there (Ctrl+C in a console is checked by hand, docs/windows-macos.md)")

# Fuzz tests explore new inputs on every developer run (and keep what failed in .hypothesis/);
# CI runs the same derandomized examples each time, so that a submission is judged on its code,
# not on the luck of the draw.  A failure found locally becomes an @example or a unit test.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if IN_CI else "dev")


def app_dir(kind: str) -> Path:
    """The app's ``config``, ``state`` or ``log`` folder on this OS (in the test's own tree):
    ``$XDG_STATE_HOME/ucm-popup`` on Linux, ``%LOCALAPPDATA%\\ucm-popup`` on Windows."""
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")("ucm-popup", appauthor=False))


def pytest_configure(config: pytest.Config) -> None:
    """The UI's catalogues compiled from their .ts (as a build does), once per run."""
    from ucm_popup import translations

    if not translations.is_current():
        translations.build()


@pytest.fixture(autouse=True)
def _english_ui() -> Iterator[None]:
    """Widget tests speak English (plurals come from the English catalogue), as an English
    desktop would; a test that switches language is switched back."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QCoreApplication

    from ucm_popup.ui.i18n import LANGUAGE

    if QCoreApplication.instance() is not None and LANGUAGE.installed != "en":
        LANGUAGE.install("en")
    yield
    if QCoreApplication.instance() is not None and LANGUAGE.installed != "en":
        LANGUAGE.install("en")


def _encodable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A test's report with lone surrogates escaped: tests feed them (``\\ud800``) on
    purpose, the captured log keeps them, and pytest-xdist cannot send such text from a
    worker (the run stops with an INTERNALERROR)."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    try:
        for _title, content in report.sections:
            content.encode("utf-8")
        str(report.longrepr or "").encode("utf-8")
    except UnicodeEncodeError:
        report.sections = [(title, _encodable(content)) for title, content in report.sections]
        if report.longrepr is not None:
            report.longrepr = _encodable(str(report.longrepr))


# Where a UCM fixture comes from (its "_provenance"): tests that claim to check the client
# against real UCMs load only "recorded" ones.
PROVENANCE = {
    "recorded": "answers captured from real UCMs (secrets replaced by same-format examples)",
    "vendor": "Grandstream's own documents or web-GUI code, as published or transcribed",
    "inferred": "shapes we inferred (a test double's, or rebuilt from quoted field names): "
                "check them against a real UCM before relying on them",
}


def load_fixture(relative: str, provenance: str | None = None) -> Any:
    data = json.loads((FIXTURES / relative).read_text(encoding="utf-8"))
    if provenance is not None:
        assert data.get("_provenance") == provenance, (
            f"{relative} is {data.get('_provenance')!r}, not {provenance!r}")
    return data


def require_tool(path: str | None, what: str) -> None:
    """Skip locally when a system tool is missing; in CI a missing tool is a failure."""
    if path:
        return
    if IN_CI:
        pytest.fail(f"{what} is not installed; .ci/run must install it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    # The single-instance socket lives here: never meet a ucm-popup the developer is running.
    # A short path: a Unix socket's is limited to 104 bytes on macOS (108 on Linux), which
    # pytest's temporary folders there (/private/var/folders/...) overrun.
    runtime = Path(tempfile.mkdtemp(prefix="ucm-rt-", dir="/tmp" if os.path.isdir("/tmp")
                                    else None))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # platformdirs reads the XDG variables on Linux and macOS; on Windows these instead (its
    # folders there come from the shell, and a test must never write to the runner's own).
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", str(tmp_path / "local-appdata"))
    monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", str(tmp_path / "appdata"))
    monkeypatch.delenv("UCM_POPUP_CONFIG", raising=False)
    for name in (
        "UCM_POPUP_UCM_PASSWORD",
        "UCM_POPUP_UCM_API_PASSWORD",
        "UCM_POPUP_MQTT_PASSWORD",
        "UCM_POPUP_ZOHO_AUTHTOKEN",
        "UCM_POPUP_ZOHO_CLIENT_SECRET",
        "UCM_POPUP_ZOHO_REFRESH_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    # Never the user's keyring: the null backend unless a test sets up a real one.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("UCM_POPUP_TEST_QPA", "offscreen"))
    # Apps the tests start speak English whatever the developer's desktop language (a test of
    # another language sets its own).
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LC_MESSAGES", "C.UTF-8")
    yield
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_root_logger() -> Iterator[None]:
    """Each test starts with Python's default root logger: a command run in an earlier test
    (setup_logging) must not silence what a later test reads with caplog."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.setLevel(logging.WARNING)
    yield
    for handler in root.handlers:
        if handler not in saved[0]:
            handler.close()
    root.handlers[:], level = saved
    root.setLevel(level)


@pytest.fixture
async def sim() -> AsyncIterator[UcmSimulator]:
    """A UCM simulator on loopback (TLS), for the UCM and watch tests."""
    from ucm_popup.sim.ucm import UcmSimulator

    simulator = await UcmSimulator().start()
    yield simulator
    await simulator.aclose()
