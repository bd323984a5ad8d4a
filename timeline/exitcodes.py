"""Named process exit codes, shared by every command."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # ran, nothing to report at or above the requested level
    FINDINGS = 1  # ran, and found contradictions at or above --fail-on
    INPUT_ERROR = 2  # bad usage, bad rules or bad input (the good input is still processed)
    INTERNAL = 3  # a bug in timeline: an exception no input should cause (one line, and a hint)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT): what was being written is left as it was
    BROKEN_PIPE = 141  # the reader of stdout went away (`| head`), as if killed by SIGPIPE (128 + 13)
    TERMINATED = 143  # SIGTERM or SIGHUP (128 + SIGTERM): likewise
