"""Named process exit codes, shared by every command."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # ran, nothing to report at or above the requested level
    FINDINGS = 1  # ran, and found contradictions at or above --fail-on
    INPUT_ERROR = 2  # bad usage, bad rules or bad input (the good input is still processed)
