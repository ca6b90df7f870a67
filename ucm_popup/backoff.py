"""How long to wait before trying again: exponential, bounded, jittered.

Jitter (±25 %) keeps many desks that lost the same PBX at the same moment from all knocking
again at the same moment.
"""

from __future__ import annotations

import random


class Backoff:
    """``next()`` gives ``initial`` (jittered), then twice that, ... up to ``maximum``."""

    def __init__(self, initial_s: float, maximum_s: float) -> None:
        self.initial_s = initial_s
        self.maximum_s = maximum_s
        self._current = initial_s

    def next(self) -> float:
        delay = random.uniform(0.75, 1.25) * self._current
        self._current = min(self._current * 2, self.maximum_s)
        return delay

    def reset(self) -> None:
        """Start again at ``initial``: what failed had worked for a good while."""
        self._current = self.initial_s
