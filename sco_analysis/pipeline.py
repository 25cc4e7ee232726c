"""Runs the extraction in one direction: text -> sentences -> one reading of each sentence -> facts -> comparisons.

``build(folder)`` returns every table, keyed by name in ``schema.EXTRACT_TABLES`` order. The work
comes in two parts:

- per article (``extract_articles``): reading one article to its ``articles`` row, sentences and
  fact tables. Each article's result is cached by its bytes, its catalog row and the code (see
  ``cache``), so a build extracts only new or edited articles; those run here, in ``jobs``
  processes, or on a Dask ``cluster`` (see ``workers``).
- across articles (``cross_article``): ``comparison`` and ``sources``, recomputed from the
  assembled tables on every build that is not a cache hit as a whole.

Rows of the per-article tables come in catalog order, each article's rows in the order its
extractor gives them, however the work was split: every way of building gives identical tables.
Article-pair agreement (``compare.pairwise``) is left out: it grows with the square of the
corpus, so it is computed where it is shown. ``write(tables, out)`` writes them as CSV or Parquet.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from sco_analysis import cache, output, schema, workers
from sco_analysis.checking.compare import compare, place, sources
from sco_analysis.facts.attributions import extract_attributions
from sco_analysis.facts.claims import extract_claims
from sco_analysis.facts.membership import extract_counts, extract_membership
from sco_analysis.facts.themes import extract_themes
from sco_analysis.reading import sentences
from sco_analysis.reading.corpus import article_id, load_corpus, read_catalog

PER_ARTICLE = ("articles", "sentences", *schema.FACT_TABLES, "unthemed")
PLACED = "_placed"  # not a table: rows of compare.place, carried from the workers to compare

Tables = dict[str, pd.DataFrame]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector switched off for the duration (then restored as it was).

    Reading articles makes millions of short-lived objects (matches, row dicts, tuples) that reference
    counting frees at once; the collector, left on, walks the growing heap again and again and finds
    next to nothing: about a tenth of a build at 1,000 articles. Nothing read depends on it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_articles(folder: str | Path, records: list[dict] | None = None,
                     blobs: dict[str, bytes] | None = None) -> Tables:
    """The per-article tables of ``records`` (catalog rows of ``folder``; all of them by default), and
    under ``PLACED`` their claims placed against the reference (``compare.place``), the per-claim part
    of the comparison, done here so that it runs in the workers.

    ``blobs`` holds the files' bytes when they were read elsewhere (a worker need not see the folder).
    Tables are cast but not yet checked against the schema: ``build`` checks each assembled table once.
    """
    with schema.checks_deferred(), _without_cycle_collection():
        corpus = load_corpus(folder, records, blobs)
        read = sentences.read(corpus)
        membership = extract_membership(corpus, read)
        counts = extract_counts(corpus, read)
        themes, unthemed = extract_themes(corpus)
        claims = extract_claims(corpus, membership, counts, read)
        return {"articles": corpus.articles, "sentences": corpus.sentences, "membership": membership,
                "counts": counts, "themes": themes, "claims": claims,
                "attributions": extract_attributions(corpus), "unthemed": unthemed,
                PLACED: place(claims, corpus.articles)}


def cross_article(t: Tables, placed: list[dict] | None = None) -> Tables:
    """Every table: the per-article ones in ``t`` plus ``comparison`` and ``sources`` computed from them
    (``placed``: the claims already placed against the reference, in catalog order)."""
    comparison = compare(t["claims"], t["articles"], placed=placed)
    t = {**t, "comparison": comparison,
         "sources": sources(t["articles"], t["claims"], comparison, t["attributions"], t["themes"], t["sentences"])}
    return {name: t[name] for name in schema.EXTRACT_TABLES}


def _assemble(parts: list[Tables], ids: list[str]) -> Tables:
    """The parts' per-article tables as one, rows in catalog order (each article's own order kept),
    each checked against its schema."""
    order = {aid: i for i, aid in enumerate(ids)}
    out = {}
    for name in PER_ARTICLE:
        df = pd.concat([p[name] for p in parts], ignore_index=True) if len(parts) > 1 else parts[0][name]
        pos = df["article_id"].map(order).to_numpy(dtype=np.int64)
        out[name] = schema.validate(name, df.take(np.argsort(pos, kind="stable")).reset_index(drop=True))
    return out


def _placed_in_order(parts: list[Tables], ids: list[str]) -> list[dict]:
    """The placed claims of every part (placed here for parts read from the cache), in catalog order."""
    order = {aid: i for i, aid in enumerate(ids)}
    rows = []
    for p in parts:
        rows += p[PLACED] if PLACED in p else place(p["claims"], p["articles"])
    if len(parts) > 1:
        rows.sort(key=lambda r: order[r["article_id"]])
    return rows


def build(folder: str | Path, use_cache: bool = True, since=None, until=None, outlets=(), jobs: int = 1,
          cluster: str | None = None, progress: bool | None = None) -> Tables:
    """Every table for ``folder``.

    ``since``/``until``/``outlets`` restrict it to a subset of the articles, chosen from the catalog
    before any article is read (``subset.catalog_rows``) and compared among themselves.
    ``jobs``: processes for the per-article work (1: this process; 0: one per CPU). ``cluster``: the
    address of a Dask scheduler (``tcp://HOST:PORT``) to send that work to instead. ``progress``:
    show a progress bar (default: on a terminal outside CI). With ``use_cache`` (and ``$SCO_CACHE``
    not off) unchanged articles come from the cache.
    """
    from sco_analysis.subset import catalog_rows

    folder = Path(folder)
    catalog = catalog_rows(read_catalog(folder), since, until, outlets)
    with _without_cycle_collection():
        return _build(folder, catalog, use_cache, jobs, cluster, progress)


def _build(folder: Path, catalog: pd.DataFrame, use_cache: bool, jobs: int, cluster: str | None,
           progress: bool | None) -> Tables:
    records = catalog.to_dict("records")
    blobs = {r["file"]: (folder / r["file"]).read_bytes() for r in records}
    ids = [article_id(r["file"]) for r in records]
    store = cache.Store() if use_cache and cache.enabled() else None
    parts, found, keys = [], set(), {}
    if store is not None:
        code, columns = cache.code_key(), list(catalog.columns)
        keys = {aid: cache.article_key(code, columns, r, blobs[r["file"]]) for aid, r in zip(ids, records)}
        whole = cache.result_key(code, list(keys.values()))
        tables = store.result(whole)
        if tables is not None:
            return tables
        parts, found = store.articles(keys, PER_ARTICLE)
    todo = [r for aid, r in zip(ids, records) if keys.get(aid) not in found]
    if todo:
        built = workers.run(extract_articles, folder, todo, blobs, jobs=jobs or workers.cpu_count(),
                            cluster=cluster, show=progress)
        parts.append(built)
        if store is not None:
            store.put_articles({aid: keys[aid] for aid in map(article_id, (r["file"] for r in todo))},
                               {name: built[name] for name in PER_ARTICLE})
    tables = _assemble(parts, ids)
    placed = _placed_in_order(parts, ids)
    tables = cross_article(tables, placed)
    if store is not None:
        store.put_result(whole, tables)
    return tables


def build_uncached(folder: str | Path) -> Tables:
    """Every table for ``folder``, computed afresh in this process (the reference every other way must equal)."""
    return build(folder, use_cache=False, progress=False)


def write(tables: Tables, out: str | Path, fmt: str = "csv") -> list[Path]:
    """Write each table to ``out/<name>.csv`` (dates as ISO, missing values empty) or ``.parquet``,
    as one set (see ``output``)."""
    return output.write_set(tables, out, fmt)
