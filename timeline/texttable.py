"""Plain-text tables that fit a width: the widest free-text columns are cut (with "…") so that a table
never runs past the terminal. `--format json` (or the file written) always has the full text."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tabulate import tabulate  # plain-text tables that read well in a terminal and in CI logs

from timeline.diagnostics import no_command_lines

GAP = 2  # tabulate's "simple" format puts two spaces between columns
NARROWEST = 12  # a cut column keeps at least this many characters


def cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 1)] + "…"


def fit_table(
    rows: Sequence[Sequence[object]],
    headers: Sequence[str],
    width: int | None,
    flexible: Sequence[int],
    indent: int = 0,
    **options: object,
) -> str:
    """`tabulate(rows, headers, tablefmt="simple")`, with the `flexible` columns cut until the table, shifted
    right by `indent`, is at most `width` wide (None: as wide as it takes)."""
    texts = [[str(cell) for cell in row] for row in rows]
    if width is not None and texts:
        natural = [max(len(headers[i]), *(len(row[i]) for row in texts)) for i in range(len(headers))]
        fixed = sum(natural[i] for i in range(len(headers)) if i not in flexible)
        room = width - indent - fixed - GAP * (len(headers) - 1)
        wanted = sum(natural[i] for i in flexible)
        if wanted > room:
            limits = _share(room, [natural[i] for i in flexible])
            for i, limit in zip(flexible, limits, strict=True):
                for row in texts:
                    row[i] = cut(row[i], max(limit, NARROWEST, len(headers[i])))
    table = tabulate(texts, headers=list(headers), tablefmt="simple", **options)  # type: ignore[arg-type]
    return no_command_lines("\n".join(" " * indent + line for line in table.splitlines()))


def _share(room: int, natural: list[int]) -> list[int]:
    """Widths for the cut columns: the narrow ones keep their width, the rest split what is left."""
    limits = list(natural)
    remaining, open_columns = room, sorted(range(len(natural)), key=lambda i: natural[i])
    while open_columns:
        fair = remaining // len(open_columns)
        narrowest = open_columns[0]
        if natural[narrowest] <= fair:
            remaining -= natural[narrowest]
            open_columns.pop(0)
            continue
        for i in open_columns:
            limits[i] = fair
        break
    return limits


def wrap_lines(text: str, width: int | None) -> str:
    """Each line longer than `width` wrapped at spaces, its continuation indented two more than it."""
    if width is None:
        return text
    lines = []
    for line in text.splitlines():
        indent = " " * (len(line) - len(line.lstrip()))
        lines += textwrap.wrap(line, width, subsequent_indent=indent + "  ", break_on_hyphens=False) or [""]
    return no_command_lines("\n".join(lines))  # a value's inner " ::" may now begin a line
