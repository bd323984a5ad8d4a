"""How much the commands say, in colour or not, and how wide: `--quiet`/`--verbose` (every command has
them, added by `TimelineTyper`), FORCE_COLOR / NO_COLOR, and the terminal's width (COLUMNS).

Problems with the input are always printed; `--quiet` drops the rest of what goes to stderr (summaries,
progress, "written to"), `--verbose` adds what was read and how long each step took.
"""

from __future__ import annotations

import functools
import inspect
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import typer

QUIET, NORMAL, VERBOSE = 0, 1, 2


@dataclass
class _Settings:
    verbosity: int = NORMAL
    started: float = field(default_factory=time.monotonic)


SETTINGS = _Settings()


def quiet() -> bool:
    return SETTINGS.verbosity == QUIET


def verbose() -> bool:
    return SETTINGS.verbosity >= VERBOSE


def say(message: str) -> None:
    """An informational line on stderr (not with --quiet)."""
    if SETTINGS.verbosity >= NORMAL:
        typer.echo(message, err=True)


def detail(message: str) -> None:
    """A line only --verbose prints, with the seconds since the command started."""
    if SETTINGS.verbosity >= VERBOSE:
        typer.echo(f"[{time.monotonic() - SETTINGS.started:6.2f}s] {message}", err=True)


def colour_wanted(stream: Any = None) -> bool:
    """Colour when the stream is a terminal; NO_COLOR (any non-empty value) turns it off, FORCE_COLOR (any
    non-empty value) on even in a pipe or CI log. NO_COLOR wins when both are set: it is the reader's."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def terminal_width() -> int | None:
    """COLUMNS, else the terminal's width; None when writing to a pipe or file with no COLUMNS set (tables
    then keep their full width, for logs and files)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


QUIET_OPTION = typer.Option(
    False, "--quiet", "-q", help="Print only the output and problems: no summary, progress or notes."
)
VERBOSE_OPTION = typer.Option(
    False, "--verbose", "-v", help="Also print what was read and how long each step took (on stderr)."
)


def set_verbosity(quiet: bool, verbose: bool) -> None:
    if quiet:
        SETTINGS.verbosity = QUIET
    elif verbose:
        SETTINGS.verbosity = VERBOSE


def reset() -> None:
    """Each command starts from the defaults (one process may run several: tests do)."""
    SETTINGS.verbosity, SETTINGS.started = NORMAL, time.monotonic()


def with_verbosity(function: Callable[..., Any]) -> Callable[..., Any]:
    """The command with --quiet and --verbose added to its options (taken off before it is called)."""

    @functools.wraps(function)
    def command(*args: Any, quiet: bool = False, verbose: bool = False, **kwargs: Any) -> Any:
        set_verbosity(quiet, verbose)
        return function(*args, **kwargs)

    signature = inspect.signature(function, eval_str=True)
    extra = [
        inspect.Parameter("quiet", inspect.Parameter.KEYWORD_ONLY, default=QUIET_OPTION, annotation=bool),
        inspect.Parameter("verbose", inspect.Parameter.KEYWORD_ONLY, default=VERBOSE_OPTION, annotation=bool),
    ]
    command.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *extra])  # type: ignore[attr-defined]
    command.__annotations__ = {**function.__annotations__, "quiet": bool, "verbose": bool}
    return command


class TimelineTyper(typer.Typer):
    """A Typer whose every command takes --quiet and --verbose."""

    def command(  # type: ignore[override]  # same arguments, passed on as they are
        self, *args: Any, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        register = super().command(*args, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            register(with_verbosity(function))
            return function

        return decorator
