"""The log file's last line tells a quit from a crash: "ucm-popup stopped" ends only a run that
stopped cleanly (the real ``run_tray_app``, with its loop replaced by one that ends or dies)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ucm_popup.cli import parse_options
from ucm_popup.ui import app as tray_app

pytestmark = pytest.mark.qt


@pytest.fixture
def log_text() -> Iterator[Path]:
    handlers = list(logging.getLogger().handlers)
    yield Path(os.environ["XDG_STATE_HOME"]) / "ucm-popup" / "log" / "ucm-popup.log"
    for handler in logging.getLogger().handlers:  # the app's file handler: not for other tests
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_a_clean_quit_ends_the_log_with_stopped(
    log_text: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tray_app, "run_on_qt_loop", lambda _main: 0)
    assert tray_app.run_tray_app(parse_options([])) == 0
    lines = log_text.read_text(encoding="utf-8").splitlines()
    assert "started" in lines[0] and lines[-1].endswith("ucm-popup stopped")


def test_a_run_that_died_has_no_stopped_line(
    log_text: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dies(_main: object) -> int:
        raise RuntimeError("the loop died")

    monkeypatch.setattr(tray_app, "run_on_qt_loop", dies)
    with pytest.raises(RuntimeError):
        tray_app.run_tray_app(parse_options([]))
    content = log_text.read_text(encoding="utf-8")
    assert "started" in content and "ucm-popup stopped" not in content
