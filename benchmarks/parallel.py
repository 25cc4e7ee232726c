"""Prototype of ``--jobs N``: per-article extraction in N worker processes, comparison once.

Measures whether a process pool pays off; it is not wired into the package. The catalog is cut
into N shards (temporary folders of symlinks plus their own catalog); each worker reads its shard
and runs the per-article extractors, the parent concatenates those tables and runs the
cross-article steps (``compare``, ``sources``) once on the whole. It calls the
functions ``pipeline.build_uncached`` calls, so it follows the pipeline as of this writing; the
benchmark checks its tables equal the serial ones before timing it.
"""

from __future__ import annotations

import csv
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd


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


def per_article(folder: Path) -> dict[str, pd.DataFrame]:
    """The tables each article yields on its own (everything but the cross-article steps)."""
    from sco_analysis import pipeline as p

    corpus = p.load_corpus(folder)
    membership, counts = p.extract_membership(corpus), p.extract_counts(corpus)
    themes, unthemed = p.extract_themes(corpus)
    return {"articles": corpus.articles, "sentences": corpus.sentences, "membership": membership,
            "counts": counts, "themes": themes, "unthemed": unthemed,
            "attributions": p.extract_attributions(corpus),
            "claims": p.extract_claims(corpus, membership, counts)}


def build_parallel(folder: str | Path, jobs: int) -> dict[str, pd.DataFrame]:
    """Every table for ``folder``, the per-article part in ``jobs`` processes."""
    from sco_analysis import pipeline as p
    from sco_analysis import schema

    folder = Path(folder)
    with tempfile.TemporaryDirectory() as tmp:
        shards = _shards(folder, jobs, Path(tmp))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(per_article, shards))
    t = {name: pd.concat([part[name] for part in parts], ignore_index=True) for name in parts[0]}
    t["comparison"] = p.compare(t["claims"], t["articles"])
    t["sources"] = p.sources(t["articles"], t["claims"], t["comparison"], t["attributions"], t["themes"],
                             t["sentences"])
    return {name: t[name] for name in schema.EXTRACT_TABLES}
