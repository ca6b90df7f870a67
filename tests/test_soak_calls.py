"""A short run of bench/bench_soak.py: calls through the simulator into the tray core, with
the link dropped at random, give every ringing exactly one popup and one end."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.soak, pytest.mark.timeout(300)]


def bench_soak() -> ModuleType:
    path = Path(__file__).parents[1] / "bench" / "bench_soak.py"
    spec = importlib.util.spec_from_file_location("bench_soak", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_soak", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


async def test_calls_with_random_link_drops_each_pop_up_once_and_end() -> None:
    figures = await bench_soak().soak(calls=200, drops=0.1, seed=7, warm_up=20)
    assert figures.calls == 200 and figures.drops > 5  # the drops did happen
    assert (figures.missed, figures.duplicates, figures.stuck_open, figures.stray) == (
        0, 0, 0, 0)
    assert figures.tasks_left == 0
