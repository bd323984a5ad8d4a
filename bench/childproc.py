"""Run one benchmark step in a child process, so its peak memory is its own (ru_maxrss of the child)."""

from __future__ import annotations

import json
import os
import subprocess
import time
from typing import Any


def run_measured(command: list[str]) -> dict[str, Any] | None:
    """The JSON the child prints last, plus wall_s, peak_mb and cpu_s; None when the child failed."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        return None
    figures: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    figures["wall_s"] = wall
    figures["peak_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    figures["cpu_s"] = usage.ru_utime + usage.ru_stime  # the child and the worker processes it waited for
    return figures
