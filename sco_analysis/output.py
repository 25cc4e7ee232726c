"""Writes a set of tables into a folder as one unit: the user has the old set or the new set.

The tables are written into a temporary folder beside the target, then moved into place. When the
target is missing or holds only the files of a previous set, the folder is swapped by renames (a
process killed between them leaves the old set in ``.<name>.old-*`` beside it); when it holds other
files too (``--out .``), each table is renamed into place once all were written, and nothing else in
the folder is touched. A write that fails (full disk, killed process) fails before anything moved,
so the old set stays as it was and the temporary folder is removed.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from sco_analysis.errors import EnvironmentProblem, from_os_error

FORMATS = ("csv", "parquet")
PART_ROWS = 1_000_000
_PART = "part-{:05d}.parquet"


def write_table(df: pd.DataFrame, path: Path, fmt: str = "csv") -> None:
    """One table to ``path``: UTF-8 CSV with a header row, dates as ISO, missing values empty; or Parquet
    (pyarrow; the schema's dtypes, dates as timestamps), a folder of ``part-NNNNN.parquet`` files of
    ``PART_ROWS`` rows each when the table is larger (pandas and pyarrow read the folder as one table)."""
    if fmt == "parquet":
        _write_parquet(df, path)
        return
    if fmt != "csv":
        raise ValueError(f"unknown table format {fmt!r}; one of {', '.join(FORMATS)}")
    df.to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d", lineterminator="\n")


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def one(part: pd.DataFrame, dest: Path) -> None:
        pq.write_table(pa.Table.from_pandas(part, preserve_index=False, nthreads=1), dest)

    if len(df) <= PART_ROWS:
        one(df, path)
        return
    path.mkdir()
    for i, start in enumerate(range(0, len(df), PART_ROWS)):
        one(df.iloc[start:start + PART_ROWS], path / _PART.format(i))


def _is_parts(path: Path) -> bool:
    """A folder this module wrote for a large Parquet table (only ``part-NNNNN.parquet`` files)."""
    if path.suffix != ".parquet" or not path.is_dir() or path.is_symlink():
        return False
    names = [p.name for p in path.iterdir()]
    return bool(names) and all(re.fullmatch(r"part-\d{5}\.parquet", n) and (path / n).is_file() for n in names)


def _replace(src: Path, dest: Path) -> None:
    if _is_parts(dest):
        shutil.rmtree(dest)
    os.replace(src, dest)


def check_writable(out: str | Path) -> Path:
    """``out`` as a folder a set of tables can be moved into; raises ``EnvironmentProblem`` otherwise.

    Called before the slow work, so a read-only disk or an ``--out`` that is a file is reported at once.
    Creates ``out``'s missing parent folders, and probes them by creating (and removing) a temporary
    folder beside ``out``.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise EnvironmentProblem(out, "exists and is a file, not a folder; give --out a folder")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise EnvironmentProblem(_first_file(parent), "is a file, so the output folder cannot be made there") from None
    except OSError as err:
        raise from_os_error(err, doing="cannot write the output here") from None
    try:
        os.rmdir(tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=parent))
    except FileNotFoundError:  # /proc and the like: the folder exists, but nothing can be made in it
        raise EnvironmentProblem(parent, "cannot write the output here: folders cannot be created in it") from None
    except OSError as err:
        raise from_os_error(err, parent, "cannot write the output here") from None
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise EnvironmentProblem(out, "cannot write the output here: permission denied")
    return out


def _first_file(path: Path) -> Path:
    for p in reversed([path, *path.parents]):
        if p.exists() and not p.is_dir():
            return p
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_set(tables: dict[str, pd.DataFrame], out: str | Path, fmt: str = "csv",
              writer: Callable[[pd.DataFrame, Path, str], None] | None = None) -> list[Path]:
    """Write every table to ``out/<name>.<fmt>`` as one set; the paths written, in ``tables`` order."""
    out = check_writable(out)
    writer = writer or write_table
    parent = out.absolute().parent
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=parent))
    os.chmod(stage, stat.S_IMODE(out.stat().st_mode) if out.is_dir() else 0o777 & ~_umask())
    try:
        try:
            for name, df in tables.items():
                writer(df, stage / f"{name}.{fmt}", fmt)
        except OSError as err:
            raise from_os_error(err, out, "could not write the tables (the previous set is kept)") from None
        _move_into_place(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return [out / f"{name}.{fmt}" for name in tables]


def _move_into_place(stage: Path, out: Path) -> None:
    new = sorted(p.name for p in stage.iterdir())
    try:
        if not out.exists():
            os.rename(stage, out)
            return
        existing = list(out.iterdir())
        blocking = [out / n for n in new
                    if (out / n).exists() and not (out / n).is_file() and not _is_parts(out / n)]
        if blocking:
            raise EnvironmentProblem(blocking[0], "is in the way of a table file; move it away")
        swappable = (not out.is_symlink() and not Path.cwd().is_relative_to(out.resolve())
                     and all(p.name in new and (p.is_file() or _is_parts(p)) and not p.is_symlink()
                             for p in existing))
        if not swappable:
            for name in new:
                _replace(stage / name, out / name)
            return
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.absolute().parent))
        try:
            os.rename(out, old / "set")
            try:
                os.rename(stage, out)
            except OSError:
                os.rename(old / "set", out)
                raise
        except OSError:
            os.rmdir(old)
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        raise from_os_error(err, out, "could not move the new tables into place") from None
