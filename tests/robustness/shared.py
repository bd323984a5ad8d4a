"""What the robustness tests share: bounded hypothesis settings and the YAML expansion bomb."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

BOUNDED = settings(
    max_examples=60,
    deadline=None,  # slow examples are the bench's business; hangs are caught by subprocess timeouts
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # CI runs the same examples every time, so a red build is reproducible
)

# Nine levels of nine aliases each: 9**9 strings if a loader expanded them ("billion laughs").
BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
