"""Prototype of ``--jobs N``: build shards of the catalog in N worker processes and concatenate.

Measures whether a process pool pays off; it is not wired into the package. Each shard is a
temporary folder of symlinks plus its own catalog, so every worker runs the unmodified
``sco_analysis.build``. Per-article tables concatenate exactly; tables computed across
articles (``comparison``, ``sources``) would have to be recomputed from the merged fact tables,
which this prototype does not do (it returns the per-shard rows as they are).
"""

from __future__ import annotations

import csv
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

CROSS_ARTICLE = ("comparison", "sources")


def _shards(folder: Path, jobs: int, into: Path) -> list[Path]:
    with open(folder / "catalog.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    size = -(-len(rows) // jobs)
    shards = []
    for i in range(jobs):
        part = rows[i * size:(i + 1) * size]
        if not part:
            continue
        shard = into / f"shard{i}"
        shard.mkdir()
        for r in part:
            os.symlink((folder / r["file"]).resolve(), shard / r["file"])
        with open(shard / "catalog.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=header)
            w.writeheader()
            w.writerows(part)
        shards.append(shard)
    return shards


def _build(folder: Path) -> dict[str, pd.DataFrame]:
    os.environ["SCO_CACHE"] = "off"
    from sco_analysis import build

    return build(folder)


def build_parallel(folder: str | Path, jobs: int) -> dict[str, pd.DataFrame]:
    """Tables for ``folder`` built in ``jobs`` processes (cross-article tables not recomputed)."""
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        shards = _shards(folder, jobs, Path(tmp))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_build, shards))
    return {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in parts[0]}
