"""On-disk cache of the extracted tables, keyed by a hash of everything they are a function of.

The key covers every file of the articles folder (relative name + bytes) and every source and
data file of this package, plus the Python and pandas versions the pickle is written with, so
an edited article, vocabulary or module is a miss. Entries are written atomically
(temporary file + ``os.replace``) and carry a SHA-256 of their payload: an entry that fails
the check or does not unpickle into tables is rebuilt and overwritten, never returned.

Holds no extraction logic; ``pipeline.build`` passes its uncached builder in.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

PACKAGE = Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE.parent / ".cache"
ENV_DIR = "SCO_CACHE_DIR"
ENV_SWITCH = "SCO_CACHE"
KEEP = 8
_SUFFIX = ".tables.pkl"
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}

Tables = dict[str, pd.DataFrame]


def _files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and not _SKIP_DIRS.intersection(p.relative_to(root).parts) and p.suffix != ".pyc"
    )


def _feed(h, root: Path, label: str) -> None:
    for p in _files(root):
        name = f"{label}/{p.relative_to(root).as_posix()}".encode()
        data = p.read_bytes()
        h.update(len(name).to_bytes(8, "big") + name + len(data).to_bytes(8, "big"))
        h.update(data)


def input_key(folder: str | Path) -> str:
    """Hex SHA-256 of the folder's files, the package's files and the runtime versions."""
    h = hashlib.sha256()
    h.update(f"python {sys.version_info[:3]} pandas {pd.__version__}\n".encode())
    _feed(h, Path(folder), "input")
    _feed(h, PACKAGE, "package")
    return h.hexdigest()


def resolve_dir(override: str | Path | None = None) -> Path:
    """``override``, else ``$SCO_CACHE_DIR``, else ``.cache/`` at the repository root."""
    return Path(override or os.environ.get(ENV_DIR) or DEFAULT_DIR)


def _read(path: Path) -> Tables | None:
    """The tables stored at ``path``, or None when missing, corrupt or not a dict of frames."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    digest, sep, payload = blob.partition(b"\n")
    if not sep or hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    try:
        tables = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a damaged pickle can raise almost any error
        return None
    if not isinstance(tables, dict) or not all(
            isinstance(k, str) and isinstance(v, pd.DataFrame) for k, v in tables.items()):
        return None
    return tables


def _write(path: Path, tables: Tables) -> None:
    payload = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(payload).hexdigest().encode() + b"\n")
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune(directory: Path, keep: int) -> None:
    entries = sorted(directory.glob(f"*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)


def load_or_build(folder: str | Path, build_fn: Callable[[str | Path], Tables],
                  cache_dir: str | Path | None = None) -> Tables:
    """The tables for ``folder``: from the cache when its inputs are unchanged, else ``build_fn(folder)``.

    ``SCO_CACHE=off`` bypasses the cache. A cache directory that cannot be written is not an
    error: the freshly built tables are returned all the same.
    """
    if os.environ.get(ENV_SWITCH, "").lower() in {"off", "0", "no", "false"}:
        return build_fn(folder)
    directory = resolve_dir(cache_dir)
    path = directory / f"{input_key(folder)}{_SUFFIX}"
    tables = _read(path)
    if tables is not None:
        try:
            os.utime(path)
        except OSError:
            pass
        return tables
    tables = build_fn(folder)
    try:
        _write(path, tables)
        _prune(directory, KEEP)
    except OSError:
        pass
    return tables
