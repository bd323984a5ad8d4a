"""The Typer application every command module registers itself on, and what no command may leak.

Whatever a command raises ends here as one line on stderr and a named exit code, never a traceback:
InputError (bad input, an unwritable output) is 2, Ctrl-C 130, SIGTERM 143, and anything else is a bug,
3, with a hint (`TIMELINE_DEBUG=1` shows the traceback). SIGTERM and SIGHUP unwind the command like
Ctrl-C does, so temporary files are removed and worker processes stopped on the way out.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from timeline import __version__
from timeline.cli.output import QUIET_OPTION, VERBOSE_OPTION, TimelineTyper, reset, set_verbosity
from timeline.diagnostics import DEBUG_VARIABLE, InputError, printable
from timeline.exitcodes import ExitCode

# click's own exceptions (usage errors, exit 2) pass through; typer re-exports click's under its own names.
_CLICK_ERROR: type[Exception] = next(
    cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException"
)


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like KeyboardInterrupt (no `except Exception` swallows it)."""


def _raise_terminated(signum: int, frame: object) -> NoReturn:
    raise Terminated(signum)


@contextmanager
def _terminate_by_unwinding() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = {
        number: signal.signal(number, _raise_terminated) for number in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _stop(message: str, code: ExitCode) -> NoReturn:
    typer.echo(f"timeline: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    """The stages' warnings (logging, logger "timeline") as plain lines on this command's stderr, whatever
    logging configuration the libraries in the process have set up."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("timeline")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = True


class GuardedGroup(TyperGroup):
    """Runs each command with the top-level error handling described above."""

    def invoke(self, ctx: Any) -> Any:  # click's Context, which typer does not export under its own name
        with _terminate_by_unwinding(), _warnings_to_stderr():
            try:
                return super().invoke(ctx)
            except (typer.Exit, typer.Abort, _CLICK_ERROR):
                raise  # a command's own exit code, or a usage error (exit 2)
            except InputError as exc:
                typer.echo(str(exc.problem), err=True)
                raise typer.Exit(ExitCode.INPUT_ERROR) from None
            except KeyboardInterrupt:
                _stop("interrupted", ExitCode.INTERRUPTED)
            except Terminated:
                _stop("terminated", ExitCode.TERMINATED)
            except BrokenPipeError:
                # The reader went away (`timeline build | head`): nothing more to say, nowhere to say it.
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (Python flushes stdout at exit)
                raise typer.Exit(ExitCode.BROKEN_PIPE) from None
            except Exception as exc:
                _internal_error(exc)


def _internal_error(exc: Exception) -> NoReturn:
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(exc, file=sys.stderr)
    what = "ran out of memory" if isinstance(exc, MemoryError) else f"{type(exc).__name__}: {exc}"
    hint = f"please report it with the command you ran ({DEBUG_VARIABLE}=1 shows the traceback)"
    _stop(
        f"internal error ({printable(what)}); this is a bug in timeline {__version__}: {hint}",
        ExitCode.INTERNAL,
    )


app = TimelineTyper(  # --quiet/--verbose on every command
    name="timeline",
    help="Turn a folder of news articles into one event timeline and check the articles against each other.",
    cls=GuardedGroup,
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
    ),
    quiet: bool = QUIET_OPTION,
    verbose: bool = VERBOSE_OPTION,
) -> None:
    """timeline: one chronology from many articles, with contradictions between sources flagged.

    Example: timeline build corpus/ -o timeline.json
    """
    reset()
    set_verbosity(quiet, verbose)
