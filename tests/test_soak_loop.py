"""Soak test of the real qasync loop the tray app runs on.

Guards the trap measured with PySide6 6.12.0 + qasync 0.28 on Python 3.11: references to None
are dropped on every loop iteration until the process aborts ("Fatal Python error:
none_dealloc").  The loop runs in a subprocess so that an abort is a clean test failure, for at
least a million iterations, through the app's own ``run_on_qt_loop``.  On 3.11 the refcount of
None must not drift down; on 3.12+ None is immortal and only the completion counts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.soak, pytest.mark.timeout(900)]

ITERATIONS = 1_000_000
CHECKPOINTS = 20
# Ordinary churn moves None's refcount by a few hundred at most; the bug drops one per
# iteration, so a real leak is far past this before the first checkpoint.
DRIFT_ALLOWED = 2_000

SCRIPT = r"""
import asyncio, json, sys
from ucm_popup.ui.app import qt_application, run_on_qt_loop

iterations, checkpoints = int(sys.argv[1]), int(sys.argv[2])
qt_application()

async def soak():
    for _ in range(1000):  # warm-up: caches and lazily created objects settle
        await asyncio.sleep(0)
    counts = [sys.getrefcount(None)]
    step = iterations // checkpoints
    done = 0
    for _ in range(checkpoints):
        for _ in range(step):
            await asyncio.sleep(0)
        done += step
        counts.append(sys.getrefcount(None))
    return done, counts

done, counts = run_on_qt_loop(soak)
print(json.dumps({"iterations": done, "none_refcounts": counts,
                  "immortal_none": sys.version_info >= (3, 12)}))
"""


def test_qasync_loop_survives_a_million_iterations() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ITERATIONS), str(CHECKPOINTS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=850,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (
        f"the qasync loop died (exit {result.returncode}) on Python "
        f"{sys.version.split()[0]}:\n{result.stderr[-2000:]}"
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["iterations"] == ITERATIONS
    counts = report["none_refcounts"]
    print(f"{ITERATIONS} iterations in {elapsed:.1f} s; None refcounts {counts[0]}..{counts[-1]}")
    if not report["immortal_none"]:
        assert min(counts) >= counts[0] - DRIFT_ALLOWED, f"None's refcount drifts down: {counts}"
