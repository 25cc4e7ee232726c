"""On-disk cache of extracted tables, stored as data (Parquet through pyarrow), never as pickles.

Two kinds of entry, both keyed by SHA-256 hashes of everything they are a function of:

- ``articles``: the per-article tables (articles, sentences and the fact tables) of a batch of
  articles, each article keyed by its file name, its catalog row (and the catalog's columns), its
  bytes, and the code key. A build reuses every article whose key it finds and extracts the rest.
- ``results``: the finished tables of a whole build, keyed by the code key and the ordered article
  keys, so an unchanged rerun (the four notebooks of a report) reads them back directly.

The code key covers every file of this package (source, vocabularies, reference data) and the
Python, pandas and pyarrow versions: a changed rule is a miss. An entry is a folder holding one
Parquet file per table and a ``manifest.json`` with the SHA-256 of each file. It is written into a
temporary folder and renamed into place. An entry that is missing a file, fails its checksum, does
not parse, or holds other columns or dtypes than ``schema`` declares is deleted and rebuilt, never
used. Parquet and JSON hold data only, so whoever can write the cache folder cannot make a build
run code. The folder is ``$SCO_CACHE_DIR`` (a relative value is taken from the working directory
of the process that reads it; ``absolute_env`` pins it for child processes such as the notebook
kernel), else ``.cache/`` at the repository root; ``SCO_CACHE=off`` bypasses it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from sco_analysis import schema
from sco_analysis.resources import PACKAGE

DEFAULT_DIR = PACKAGE.parent / ".cache"
ENV_DIR = "SCO_CACHE_DIR"
ENV_SWITCH = "SCO_CACHE"
FORMAT = "sco-analysis-cache/2"
KEEP_RESULTS = 8
KEEP_BATCHES = 64
MANIFEST = "manifest.json"
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}

Tables = dict[str, pd.DataFrame]


# ---------------------------------------------------------------- where, and whether

def enabled() -> bool:
    """False when ``$SCO_CACHE`` is off, 0, no or false."""
    return os.environ.get(ENV_SWITCH, "").lower() not in {"off", "0", "no", "false"}


def resolve_dir(override: str | Path | None = None) -> Path:
    """``override``, else ``$SCO_CACHE_DIR``, else ``.cache/`` at the repository root; absolute."""
    return Path(override or os.environ.get(ENV_DIR) or DEFAULT_DIR).absolute()


def absolute_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` with a relative ``SCO_CACHE_DIR`` made absolute against this process's working directory.

    A child started in another folder (the notebook kernel runs in ``notebooks/``) then uses the
    folder the user named, not one of the same name inside its own working directory.
    """
    if env.get(ENV_DIR):
        return {**env, ENV_DIR: str(resolve_dir(env[ENV_DIR]))}
    return env


# ---------------------------------------------------------------- keys

def _hash(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def code_key() -> str:
    """SHA-256 of every file of the package (relative name + bytes) and the runtime versions."""
    import pyarrow

    parts = [f"python {sys.version_info[:3]} pandas {pd.__version__} pyarrow {pyarrow.__version__}".encode()]
    for p in sorted(PACKAGE.rglob("*")):
        rel = p.relative_to(PACKAGE)
        if p.is_file() and not _SKIP_DIRS.intersection(rel.parts) and p.suffix != ".pyc":
            parts += [rel.as_posix().encode(), p.read_bytes()]
    return _hash(*parts)


def article_key(code: str, columns: list[str], record: dict, data: bytes) -> str:
    """Key of one article's tables: the code key, the catalog's columns, its row and its file's bytes."""
    row = json.dumps([columns, [str(record.get(c)) for c in columns]], ensure_ascii=False)
    return _hash(b"article", code.encode(), row.encode(), data)


def result_key(code: str, keys: list[str]) -> str:
    """Key of a whole build: the code key and its articles' keys in catalog order."""
    return _hash(b"result", code.encode(), "\n".join(keys).encode())


# ---------------------------------------------------------------- entries

# Arrow's thread pool is never started: tables here are small, and a process that exits while the
# pool's threads live can abort ("terminate called without an active exception").

def _table_bytes(df: pd.DataFrame) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False, nthreads=1), buf)
    return buf.getvalue()


def _table_from(name: str, blob: bytes) -> pd.DataFrame | None:
    """The table stored in ``blob`` with its declared dtypes, or None when it is not that table."""
    import pyarrow.parquet as pq

    df = pq.read_table(io.BytesIO(blob), use_threads=False).to_pandas(use_threads=False)
    declared = schema.TABLES[name]
    if list(df.columns[:len(declared.names)]) != declared.names:
        return None
    if len(df.columns) > len(declared.names) and not declared.extra_columns_allowed:
        return None
    typed = schema.cast(name, df)
    if any(a.kind != b.kind for a, b in zip(df.dtypes, typed.dtypes)):
        return None  # a column stored as another kind of data (text where a number belongs, ...)
    return typed


def _read_entry(path: Path, kind: str, names: tuple[str, ...]) -> tuple[dict, Tables] | None:
    """Manifest and tables ``names`` of the entry at ``path``; None when it is missing, damaged or foreign."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("kind") != kind:
            return None
        if sorted(manifest["tables"]) != sorted(names):
            return None
        tables = {}
        for name in names:
            digest = manifest["tables"][name]
            blob = (path / f"{name}.parquet").read_bytes()
            if hashlib.sha256(blob).hexdigest() != digest:
                return None
            table = _table_from(name, blob)
            if table is None:
                return None
            tables[name] = table
        return manifest, tables
    except Exception:
        return None


def _write_entry(directory: Path, name: str, manifest: dict, tables: Tables) -> None:
    """Write an entry as ``directory/name`` (temporary folder, then one rename); never half-written."""
    directory.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=directory))
    try:
        digests = {}
        for table, df in tables.items():
            blob = _table_bytes(df)
            (tmp / f"{table}.parquet").write_bytes(blob)
            digests[table] = hashlib.sha256(blob).hexdigest()
        manifest = {"format": FORMAT, **manifest, "tables": digests}
        (tmp / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        try:
            os.rename(tmp, directory / name)
        except OSError:
            if not (directory / name / MANIFEST).is_file():  # not a concurrent writer of the same entry
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _prune(directory: Path, keep: int) -> None:
    entries = sorted((p for p in directory.iterdir() if not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


class Store:
    """The cache folder: finished builds under ``results/``, per-article tables under ``articles/``.

    Writing never fails a build: a folder that cannot be written is a cache that keeps nothing.
    """

    def __init__(self, directory: str | Path | None = None):
        self.root = resolve_dir(directory)
        self.results = self.root / "results"
        self.batches = self.root / "articles"

    def result(self, key: str) -> Tables | None:
        """The finished tables of the build keyed ``key``, if stored intact."""
        path = self.results / key
        if not path.is_dir():
            return None
        got = _read_entry(path, "results", schema.EXTRACT_TABLES)
        if got is None:
            shutil.rmtree(path, ignore_errors=True)
            return None
        _touch(path)
        return got[1]

    def put_result(self, key: str, tables: Tables) -> None:
        try:
            _write_entry(self.results, key, {"kind": "results"}, tables)
            _prune(self.results, KEEP_RESULTS)
        except OSError:
            pass

    def _index(self) -> dict[str, Path]:
        """Article key -> the batch holding it (the most recently used batch when several do)."""
        index: dict[str, Path] = {}
        try:
            batches = sorted((p for p in self.batches.iterdir() if not p.name.startswith(".")),
                             key=lambda p: p.stat().st_mtime)
        except OSError:
            return index
        for path in batches:
            try:
                manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
                index.update({str(k): path for k in manifest["articles"].values()})
            except Exception:
                continue
        return index

    def articles(self, keys: dict[str, str], names: tuple[str, ...]) -> tuple[list[Tables], set[str]]:
        """Stored per-article tables for ``keys`` (article_id -> key): the parts found and their keys."""
        index = self._index()
        wanted: dict[Path, set[str]] = {}
        for aid, key in keys.items():
            if key in index:
                wanted.setdefault(index[key], set()).add(aid)
        parts, found = [], set()
        for path, ids in wanted.items():
            got = _read_entry(path, "articles", names)
            if got is None:
                shutil.rmtree(path, ignore_errors=True)
                continue
            manifest, tables = got
            ids = {a for a in ids if manifest["articles"].get(a) == keys[a]}
            parts.append({name: df[df["article_id"].isin(ids)] for name, df in tables.items()})
            found.update(keys[a] for a in ids)
            _touch(path)
        return parts, found

    def put_articles(self, keys: dict[str, str], tables: Tables) -> None:
        """Store the per-article ``tables`` of the articles ``keys`` (article_id -> key) as one batch."""
        if not keys:
            return
        name = _hash(b"batch", *sorted(k.encode() for k in keys.values()))
        try:
            _write_entry(self.batches, name, {"kind": "articles", "articles": keys}, tables)
            _prune(self.batches, KEEP_BATCHES)
        except OSError:
            pass
