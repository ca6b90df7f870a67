"""Run one test file N times in a row beside busy processes, and count what passed.

A test that waits for time instead of a state passes on an idle machine and fails on a busy one;
this makes the busy machine on purpose:

    nice .venv/bin/python bench/under_load.py tests/test_dial_command.py --runs 30 --busy 4

Each busy process spins on the CPU; they are stopped at the end (and on Ctrl-C). Prints one line
per run and a summary: runs, passed, failed, and the slowest run. Extra arguments after ``--`` go
to pytest (e.g. ``-- -k some_test``). Exit 0 only when every run passed."""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def spin() -> None:
    while True:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the test file (or pytest node id) to repeat")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--busy", type=int, default=4, help="CPU-bound processes beside it")
    parser.add_argument("--stop-at-first", action="store_true", help="stop at the first failure")
    # What follows "--" goes to pytest as it is (argparse would have taken it for its own
    # positional at the file's place, before the options).
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.pytest_args = argv[cut + 1:]

    # A SIGTERM ends the runs as Ctrl-C does: through the finally below, busy processes too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    busy = [multiprocessing.Process(target=spin, daemon=True) for _ in range(args.busy)]
    for process in busy:
        process.start()
    failed: list[int] = []
    durations: list[float] = []
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", args.file,
                 *args.pytest_args], cwd=ROOT, capture_output=True, text=True)
            durations.append(time.monotonic() - started)
            last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
            print(f"run {run:3}: {'ok  ' if result.returncode == 0 else 'FAIL'} "
                  f"{durations[-1]:6.1f} s  {last}", flush=True)
            if result.returncode != 0:
                failed.append(run)
                print(result.stdout[-3000:], result.stderr[-1000:], sep="\n", flush=True)
                if args.stop_at_first:
                    break
    finally:
        for process in busy:
            process.terminate()
        for process in busy:
            process.join()
    runs = len(durations)
    print(f"{args.file}: {runs - len(failed)}/{runs} runs passed with {args.busy} busy "
          f"processes; failed runs: {failed or 'none'}; slowest run {max(durations):.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
