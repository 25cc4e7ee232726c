"""Runs the extraction in one direction: text -> sentences -> one reading of each sentence -> facts -> comparisons.

``build(folder)`` returns every table, keyed by name in ``schema.EXTRACT_TABLES`` order, from the
on-disk cache when nothing it depends on has changed. Article-pair agreement (``compare.pairwise``)
is left out: it grows with the square of the corpus, so it is computed where it is shown. ``write(tables, out)`` writes them as UTF-8
CSV with a header row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import cache, output, reading, schema
from .attributions import extract_attributions
from .claims import extract_claims
from .compare import compare, sources
from .corpus import load_corpus
from .membership import extract_counts, extract_membership
from .themes import extract_themes


def build_uncached(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Every table for the articles in ``folder``, computed afresh."""
    corpus = load_corpus(folder)
    read = reading.read(corpus)
    membership = extract_membership(corpus, read)
    counts = extract_counts(corpus, read)
    themes, unthemed = extract_themes(corpus)
    attributions = extract_attributions(corpus)
    claims = extract_claims(corpus, membership, counts)
    comparison = compare(claims, corpus.articles)
    tables = {
        "articles": corpus.articles, "sentences": corpus.sentences, "membership": membership,
        "counts": counts, "themes": themes, "claims": claims, "attributions": attributions,
        "comparison": comparison,
        "sources": sources(corpus.articles, claims, comparison, attributions, themes, corpus.sentences),
        "unthemed": unthemed,
    }
    return {name: tables[name] for name in schema.EXTRACT_TABLES}


def build(folder: str | Path, use_cache: bool = True, since=None, until=None, outlets=()) -> dict[str, pd.DataFrame]:
    """Every table for ``folder``; cached by a hash of the articles and the package (see ``cache``).
    ``since``/``until``/``outlets`` restrict it to a subset of the articles (``subset.select``)."""
    from .subset import select

    tables = build_uncached(folder) if not use_cache else cache.load_or_build(folder, build_uncached)
    return select(tables, since, until, outlets)


def write(tables: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Write each table to ``out/<name>.csv`` as one set (see ``output``); dates as ISO, missing values empty."""
    return output.write_set(tables, out)
