"""Problems with the user's input, reported as one clear line each instead of a traceback.

Every stage returns these next to its results rather than raising, so that one bad file never
stops the others from being processed.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

# Set (to anything) to see the tracebacks and library logs behind the one-line messages.
DEBUG_VARIABLE = "TIMELINE_DEBUG"

# What must never reach a terminal or a CI log raw: C0 and C1 controls (a newline starts a new log line, an
# escape sequence rewrites the screen), DEL, Unicode line and paragraph separators, bidirectional overrides
# (text that reads differently from what it is) and lone surrogates (a byte of a file name that is not UTF-8).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# A line that starts with "::" (after blanks) is a workflow command in a GitHub Actions log.
_WORKFLOW_COMMAND = re.compile(r"^(\s*):(?=:)")
_WORKFLOW_COMMAND_LINES = re.compile(r"^([^\S\n]*):(?=:)", re.MULTILINE)


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the undecodable byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with unprintable characters written as escapes (`\\n`, `\\x1b`, `\\u2028`; an undecodable
    byte of a file name as `\\xe9`): one line, and always writable as UTF-8. Plain text is returned as is."""
    return _UNPRINTABLE.sub(_escaped, text)


def printable(text: str) -> str:
    """`text` safe to print as part of a line of a terminal or a CI log: `escape_controls`, and a leading
    "::" written as `\\x3a:`, so no file name, front-matter value or article text can start a GitHub
    workflow command (`::error ...`) or a new line."""
    return _WORKFLOW_COMMAND.sub(r"\1\\x3a", escape_controls(text))


def no_command_lines(text: str) -> str:
    """`text` with every line that would start a workflow command written with `\\x3a:` instead: for
    text assembled from escaped values and then cut or wrapped, where a value's inner " ::" can begin a line.
    """
    return _WORKFLOW_COMMAND_LINES.sub(r"\1\\x3a", text)


class InputProblem(BaseModel):
    """One problem in one input file: where it is and what the user should do about it."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def location(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        # Both parts may quote file names and values from the input: printed escaped, always one line.
        return f"{printable(self.location())}: {printable(self.message)}"


class InputError(Exception):
    """Raised inside a stage when one input cannot be used; callers turn it into an InputProblem."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem
