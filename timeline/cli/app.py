"""The Typer application every command module registers itself on."""

from __future__ import annotations

import typer

from timeline import __version__
from timeline.cli.output import QUIET_OPTION, VERBOSE_OPTION, TimelineTyper, reset, set_verbosity

app = TimelineTyper(  # --quiet/--verbose on every command
    name="timeline",
    help="Turn a folder of news articles into one event timeline and check the articles against each other.",
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
