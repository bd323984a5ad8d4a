"""Problems with the user's input, reported as one clear line each instead of a traceback.

Every stage returns these next to its results rather than raising, so that one bad file never
stops the others from being processed.
"""

from __future__ import annotations

from pydantic import BaseModel


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
        return f"{self.location()}: {self.message}"


class InputError(Exception):
    """Raised inside a stage when one input cannot be used; callers turn it into an InputProblem."""

    def __init__(self, problem: InputProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem
