"""The one error type for bad input: a one-line message naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input the user can fix. ``str(err)`` is one line: ``path[: where]: problem``."""

    def __init__(self, path: str | Path, problem: str, where: str | None = None):
        self.path = str(path)
        self.problem = " ".join(str(problem).split())
        self.where = where
        loc = f"{self.path}: {where}" if where else self.path
        super().__init__(f"{loc}: {self.problem}")
