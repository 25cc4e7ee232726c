"""Runs the extraction in one direction: text -> sentences -> facts -> comparisons.

``build(folder)`` returns every table, keyed by name in ``schema.EXTRACT_TABLES`` order;
``write(tables, out)`` writes them as UTF-8 CSV with a header row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import schema
from .corpus import load_corpus


def build(folder: str | Path) -> dict[str, pd.DataFrame]:
    """All tables for the articles in ``folder``."""
    corpus = load_corpus(folder)
    tables = {"articles": corpus.articles, "sentences": corpus.sentences}
    return {name: tables[name] for name in schema.EXTRACT_TABLES if name in tables}


def write(tables: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Write each table to ``out/<name>.csv``; dates as ISO, missing values empty."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables.items():
        path = out / f"{name}.csv"
        df.to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d", lineterminator="\n")
        paths.append(path)
    return paths
