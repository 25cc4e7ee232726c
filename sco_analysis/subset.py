"""A subset of the corpus on demand: the articles of one period and/or some outlets, with the
comparison and the per-source summary computed again among them (agreement with an article left out
is not agreement). Used by ``extract`` and ``report`` (``--since``, ``--until``, ``--outlet``).

``build`` chooses the articles from the catalog (``catalog_rows``) before anything is read, so an
article outside the subset is never opened; ``select`` does the same to tables already built."""

from __future__ import annotations

import pandas as pd

from sco_analysis.errors import InputError


def parse_day(value: str | None, option: str) -> pd.Timestamp | None:
    """``YYYY-MM-DD`` as a day; ``InputError`` naming the option otherwise."""
    if value in (None, ""):
        return None
    try:
        return pd.Timestamp(pd.to_datetime(value, format="%Y-%m-%d"))
    except (ValueError, OverflowError):
        raise InputError(option, f"{value!r} is not a date (YYYY-MM-DD)") from None


def articles_in(articles: pd.DataFrame, since=None, until=None, outlets=()) -> pd.DataFrame:
    """The rows of ``articles`` dated from ``since`` to ``until`` (inclusive; by ``reference_date``, so
    undated articles drop out when either is given) and published by one of ``outlets`` (any case).
    ``InputError`` when a date is not a date or when no article is left."""
    since, until = parse_day(since, "--since"), parse_day(until, "--until")
    outlets = [o for o in (outlets or []) if o and o.strip()]
    keep = pd.Series(True, index=articles.index)
    if since is not None:
        keep &= (articles["reference_date"] >= since).fillna(False)
    if until is not None:
        keep &= (articles["reference_date"] <= until).fillna(False)
    if outlets:
        wanted = {" ".join(o.split()).casefold() for o in outlets}
        keep &= articles["outlet"].fillna("").map(lambda o: " ".join(o.split()).casefold() in wanted).astype(bool)
    if not keep.any():
        what = " ".join(x for x in (f"from {since:%Y-%m-%d}" if since is not None else "",
                                    f"to {until:%Y-%m-%d}" if until is not None else "",
                                    f"by {', '.join(outlets)}" if outlets else "") if x)
        raise InputError("catalog.csv", f"no article dated or published {what}")
    return articles[keep]


def wanted(since=None, until=None, outlets=()) -> bool:
    """True when any condition is given."""
    return bool(since or until or [o for o in (outlets or []) if o and o.strip()])


def catalog_rows(catalog: pd.DataFrame, since=None, until=None, outlets=()) -> pd.DataFrame:
    """The rows of ``catalog`` (``corpus.read_catalog``) whose articles ``articles_in`` keeps: dated by
    ``published``, else ``published_estimate``, as the articles table dates them."""
    if not wanted(since, until, outlets):
        return catalog
    from sco_analysis.reading.corpus import reference_day

    day = [reference_day(r.get("published"), r.get("published_estimate")) for r in catalog.to_dict("records")]
    dated = pd.DataFrame({"reference_date": pd.to_datetime(pd.Series(day, index=catalog.index)),
                          "outlet": catalog["outlet"]}, index=catalog.index)
    return catalog.loc[articles_in(dated, since, until, outlets).index]


def select(tables: dict[str, pd.DataFrame], since=None, until=None, outlets=()) -> dict[str, pd.DataFrame]:
    """``tables`` restricted to ``articles_in(...)``, with ``comparison`` and ``sources`` computed again
    among those articles. With no condition the tables come back unchanged."""
    from sco_analysis.checking.compare import compare, sources

    if not wanted(since, until, outlets):
        return tables
    ids = set(articles_in(tables["articles"], since, until, outlets)["article_id"])
    out = {name: (df[df["article_id"].isin(ids)].reset_index(drop=True) if "article_id" in df.columns else df)
           for name, df in tables.items()}
    out["comparison"] = compare(out["claims"], out["articles"])
    out["sources"] = sources(out["articles"], out["claims"], out["comparison"], out["attributions"],
                             out["themes"], out["sentences"])
    return {name: out[name] for name in tables}
