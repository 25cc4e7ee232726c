"""The two error types the command line turns into one line: bad input (exit 2) and a hostile
environment (exit 3: an output that cannot be written, a file that cannot be read)."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

EXIT_INPUT = 2
EXIT_ENVIRONMENT = 3

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str | Path) -> str:
    """``text`` on one line, as written: line breaks, terminal escapes and bidi overrides shown as
    escapes (``\\n``, ``\\x1b``, ``\\u202e``), so a file name can neither split nor disguise the line."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group(0))[1:-1], str(text))


class InputError(Exception):
    """Bad input the user can fix. ``str(err)`` is one line: ``path[: where]: problem``."""

    exit_code = EXIT_INPUT

    def __init__(self, path: str | Path, problem: str, where: str | None = None):
        self.path = str(path)
        self.problem = " ".join(printable(problem).split())
        self.where = where
        loc = f"{printable(self.path)}: {where}" if where else printable(self.path)
        super().__init__(f"{loc}: {self.problem}")

    def __reduce__(self):
        """Rebuilt from its parts, so the error crosses a process boundary (``--jobs``, ``--cluster``) intact."""
        return type(self), (self.path, self.problem, self.where)


class EnvironmentProblem(InputError):
    """The machine, not the input: no space, no permission, a read-only disk, ``--out`` a file."""

    exit_code = EXIT_ENVIRONMENT


_PROBLEMS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "read-only file system",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOENT: "does not exist",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "input/output error",
}


def from_os_error(err: OSError, path: str | Path | None = None, doing: str | None = None) -> EnvironmentProblem:
    """One line for an ``OSError``: the path it names (or ``path``), what was being done, and why."""
    where = path if path is not None else (err.filename if err.filename is not None else "?")
    why = _PROBLEMS.get(err.errno) or (os.strerror(err.errno) if err.errno else str(err)).lower()
    return EnvironmentProblem(os.fsdecode(where) if isinstance(where, bytes) else where,
                              f"{doing}: {why}" if doing else why)
