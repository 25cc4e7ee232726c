"""Sets the articles' claims side by side, and next to the cited reference.

``compare`` builds the ``comparison`` table: one row per (claim key, frame, article, value), with a
verdict across articles (agree / conflict / single_source) and a FEVER label against the reference
(supported / refuted / not_enough_info). ``pairwise`` and ``overall`` summarise it; ``sources``
summarises each article as a source. Does not extract claims: it reads the ``claims`` table.

Rules (also in ``data/REFERENCE.md``):
- A claim is checked on ``checked_on``: its ``as_of_date`` (the last day of the period when ``as_of``
  is only a year or a month); else the article's date (``publication``) or the end of the summit
  under way or next after it (``after_event``). ``expected`` claims about a
  state (counts, chair.current) are judged after the summit they anticipate ends. ``chair.next``
  ("China takes over after the summit") is relative to when the article speaks: checked on its date.
- Claims are compared only within a frame: the span of days over which the reference's answer for
  the key is constant (``reference.frame_of``), so "9 members" before a summit and "10 members" after
  it do not conflict. Without a usable day the frame is the ``as_of`` label.
- ``status.<ISO3>`` (every membership row) is checked against ``reference.status_on`` on its day, so
  a status already out of date when published is refuted, not believed.
- Sets compare as sets of ISO3 codes (names resolved with ``countries.resolve``); numbers
  numerically; shares within ``SHARE_TOLERANCE``.
- Shares of world GDP: with a stated measure, the figure for that measure decides. Without one, a
  value within tolerance of the nominal figure is supported, within tolerance of the PPP figure only
  is not_enough_info ("measure not stated"), and neither is refuted.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from sco_analysis import schema
from sco_analysis.checking import reference
from sco_analysis.reading import countries

SHARE_TOLERANCE = reference.SHARE_TOLERANCE
MEASURE_KEY = "share.world_gdp.measure"
LIST_LIMIT = 50
NOT_SHIFTED_PREFIXES = ("chair.next", "summit.")
RELATIVE_TO_ARTICLE = ("chair.next",)
_ISO3 = re.compile(r"^[A-Z]{3}$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_PPP = re.compile(r"\bppp\b|purchasing[ -]power", re.I)
_NOMINAL = re.compile(r"nominal|exchange[ -]rate|market", re.I)


# ---------------------------------------------------------------- values

def _iso3(name: str) -> str:
    name = name.strip()
    if _ISO3.match(name):
        return name
    return countries.resolve(name) or name.upper()


def _is_set(key: str, value: str) -> bool:
    return key == "founded.members" or ";" in value


@lru_cache(maxsize=65536)
def token(key: str, value: str) -> str:
    """Canonical form of a claim value: sorted ISO3 sets, plain numbers, ranges with both ends."""
    value = str(value).strip()
    if _is_set(key, value):
        return ";".join(sorted({_iso3(v) for v in value.split(";") if v.strip()}))
    if key == "summit.dates":
        ends = [p.strip() for p in value.split("/") if p.strip()]
        return "/".join(ends if len(ends) == 2 else ends * 2)
    try:
        x = float(value)
    except ValueError:
        return value.casefold()
    return str(int(x)) if x == int(x) and not key.startswith("share.") else f"{x:.4f}".rstrip("0")


def same(key: str, a: str, b: str) -> bool:
    """Whether two values of ``key`` say the same thing (shares: within ``SHARE_TOLERANCE``)."""
    if key.startswith("share.world_") and key != MEASURE_KEY:
        try:
            return abs(float(a) - float(b)) <= SHARE_TOLERANCE + 1e-9
        except ValueError:
            pass
    return token(key, a) == token(key, b)


def _measure(value: str | None) -> str | None:
    if value is None:
        return None
    if _PPP.search(value):
        return "ppp"
    if _NOMINAL.search(value):
        return "nominal"
    return None


# ---------------------------------------------------------------- dates and frames

def _period_end(label: str) -> pd.Timestamp | None:
    """Last day of a year (``2017``) or month (``2017-06``) label: the state the period ended in."""
    if _YEAR.match(label):
        return pd.Timestamp(f"{label}-12-31")
    if _MONTH.match(label):
        return pd.Timestamp(f"{label}-01") + pd.offsets.MonthEnd(0)
    return None


def _check_date(claim, published, ref) -> pd.Timestamp | None:
    if claim["as_of"] == "timeless":
        return None
    if claim["claim_key"] in RELATIVE_TO_ARTICLE and claim["as_of"] in ("publication", "after_event") \
            and published is not None:
        return published
    d = _period_end(claim["as_of"])
    if d is None:
        d = claim["as_of_date"]
    if d is None or pd.isna(d):
        d = None
        if claim["as_of"] == "publication":
            d = published
        elif claim["as_of"] == "after_event":
            d = ref.summit_end(published)
        else:
            d = pd.to_datetime(claim["as_of"], errors="coerce")
    if d is None or pd.isna(d):
        return None
    d = pd.Timestamp(d)
    if claim["modality"] == "expected" and not claim["claim_key"].startswith(NOT_SHIFTED_PREFIXES):
        end = ref.summit_end(d)
        if end is not None:
            d = max(d, pd.Timestamp(end))
    return d


def _frame(claim, checked, ref) -> str:
    if claim["as_of"] == "timeless":
        return "timeless"
    framed = ref.frame_of(claim["claim_key"], checked) if checked is not None else None
    return framed or claim["as_of"]


# ---------------------------------------------------------------- reference verdicts

def _figure(rv) -> str:
    return reference.describe_share(rv.value, rv.measure, rv.year)


def _judge_share_gdp(value: str, checked, measure: str | None, ref, when: str):
    key = "share.world_gdp"
    tol = f"tolerance ±{SHARE_TOLERANCE * 100:.0f} points"
    if measure:
        rv = ref.value_for(key, checked, measure=measure)
        if rv is None:
            return None, "not_enough_info", f"{when}; no {measure} GDP share in the reference", None
        label = "supported" if same(key, value, rv.value) else "refuted"
        note = f"{when}; measure stated ({measure}); compared with {_figure(rv)}; {tol}"
        return rv.value, label, note, rv.citation
    nominal = ref.value_for(key, checked, measure="nominal")
    ppp = ref.value_for(key, checked, measure="ppp")
    known = [rv for rv in (nominal, ppp) if rv is not None]
    if not known:
        return None, "not_enough_info", f"{when}; no GDP share in the reference near {checked:%Y}", None
    compared = f"compared with {' and '.join(_figure(rv) for rv in known)}; {tol}"
    if nominal is not None and same(key, value, nominal.value):
        rv, label, how = nominal, "supported", "within tolerance of nominal"
    elif ppp is not None and same(key, value, ppp.value):
        rv, label, how = ppp, "not_enough_info", "within tolerance of PPP only"
    else:
        rv, label, how = known[0], "refuted", "outside tolerance of every figure"
    return rv.value, label, f"{when}; measure not stated, {how}; {compared}", rv.citation


@lru_cache(maxsize=65536)
def _as_of(checked: pd.Timestamp) -> str:
    return f"as of {checked:%Y-%m-%d}"


def _judge(claim, checked, measure: str | None, ref):
    """(reference_value, reference_verdict, reference_note, reference_source) for one claim."""
    key, value = claim["claim_key"], claim["value"]
    when = "timeless" if claim["as_of"] == "timeless" else (
        _as_of(checked) if checked is not None else "no usable date")
    if key == MEASURE_KEY:
        return None, "not_enough_info", "qualifier of share.world_gdp; judged with that claim", None
    if key == "share.world_gdp" and checked is not None:
        return _judge_share_gdp(value, checked, measure, ref, when)
    rv = ref.value_for(key, checked)
    if rv is None:
        return None, "not_enough_info", f"the reference has nothing for {key} ({when})", None
    label = "supported" if same(key, value, rv.value) else "refuted"
    note = "; ".join(p for p in (when, rv.note) if p)
    return rv.value, label, note, rv.citation


def _measures(claims: pd.DataFrame) -> dict[tuple, str]:
    """Stated GDP measure per (article, sentence), and per article under sentence None."""
    out: dict[tuple, str] = {}
    for c in claims[claims["claim_key"] == MEASURE_KEY].itertuples():
        m = _measure(c.value)
        if m:
            out.setdefault((c.article_id, c.sentence_id), m)
            out.setdefault((c.article_id, None), m)
    return out


# ---------------------------------------------------------------- comparison

def place(claims: pd.DataFrame, articles: pd.DataFrame, ref=reference) -> list[dict]:
    """Each claim with its frame and reference verdict; repeats of (key, frame, article, value) dropped.

    Per article, so it runs where the articles were read (each worker places its own shard's claims);
    ``compare`` then adds the verdicts across articles.

    Each distinct question is answered once: the check day per (key, as_of, as_of_date, modality,
    article date), then frame and verdict per (key, value, as_of, check day, GDP measure).
    """
    published = {a: None if pd.isna(d) else pd.Timestamp(d)
                 for a, d in zip(articles["article_id"], articles["reference_date"])}
    measures = _measures(claims)
    check_days: dict[tuple, pd.Timestamp | None] = {}
    verdicts: dict[tuple, tuple] = {}
    seen: set[tuple] = set()
    out = []
    ordered = claims.sort_values(["article_id", "sentence_id", "start"], kind="stable")
    columns = list(ordered.columns)
    for values in zip(*(ordered[c].tolist() for c in columns)):
        claim = dict(zip(columns, values))
        pub = published.get(claim["article_id"])
        when = (claim["claim_key"], claim["as_of"], claim["as_of_date"], claim["modality"], pub)
        if when not in check_days:
            check_days[when] = _check_date(claim, pub, ref)
        checked = check_days[when]
        measure = (measures.get((claim["article_id"], claim["sentence_id"]))
                   or measures.get((claim["article_id"], None)))
        how = (claim["claim_key"], claim["value"], claim["as_of"], checked, measure)
        if how not in verdicts:
            verdicts[how] = (_frame(claim, checked, ref), *_judge(claim, checked, measure, ref))
        frame, ref_value, verdict, note, source = verdicts[how]
        ident = (claim["claim_key"], frame, claim["article_id"], token(claim["claim_key"], claim["value"]))
        if ident in seen:
            continue
        seen.add(ident)
        out.append(dict(claim, frame=frame, checked_on=checked, reference_value=ref_value,
                        reference_verdict=verdict, reference_note=note, reference_source=source))
    return out


class _Listing:
    """``;``-joined first ``LIST_LIMIT`` ids of a sorted list, leaving out the row's own article."""

    def __init__(self, ids: list[str]):
        self.head = ids[:LIST_LIMIT + 1]
        self.plain = ";".join(self.head[:LIST_LIMIT]) or None

    def without(self, article_id: str) -> str | None:
        if article_id not in self.head:
            return self.plain
        return ";".join([i for i in self.head if i != article_id][:LIST_LIMIT]) or None


def _across(key: str, members: list[dict]) -> None:
    """Add the verdict across articles to the rows of one (key, frame) cell.

    Rows are bucketed by value so a cell with many articles costs one comparison per pair of
    distinct values, not per pair of articles.
    """
    tokens = [token(key, m["value"]) for m in members]
    by_value: dict[str, set[str]] = {}
    values: dict[str, str] = {}
    for t, m in zip(tokens, members):
        by_value.setdefault(t, set()).add(m["article_id"])
        values.setdefault(t, m["value"])
    everyone = set().union(*by_value.values())
    agreeing = {t: set().union(*(by_value[u] for u in by_value if same(key, values[t], values[u])))
                for t in by_value}
    listed = {t: (_Listing(sorted(ids)), _Listing(sorted(everyone - ids))) for t, ids in agreeing.items()}
    for t, m in zip(tokens, members):
        n_agree = len(agreeing[t]) - 1
        n_conflict = len(everyone) - len(agreeing[t])
        verdict = "single_source" if len(everyone) == 1 else ("conflict" if n_conflict else "agree")
        m.update(n_articles=len(everyone), verdict=verdict, n_agree=n_agree, n_conflict=n_conflict,
                 agrees_with=listed[t][0].without(m["article_id"]),
                 conflicts_with=listed[t][1].without(m["article_id"]))


def compare(claims: pd.DataFrame, articles: pd.DataFrame, ref=reference,
            placed: list[dict] | None = None) -> pd.DataFrame:
    """The ``comparison`` table: every claim placed in its frame, across articles and against ``ref``.

    ``placed``: the claims already placed (``place``, per shard of articles, in catalog order).
    """
    if claims.empty:
        return schema.empty("comparison")
    rows = place(claims, articles, ref) if placed is None else placed
    groups: dict[tuple, list[dict]] = {}
    for row in rows:
        groups.setdefault((row["claim_key"], row["frame"]), []).append(row)
    for (key, _), members in groups.items():
        _across(key, members)
    rows.sort(key=lambda r: (r["claim_key"], r["frame"], r["article_id"], r["sentence_id"], r["start"]))
    return schema.frame("comparison", rows)  # keeps the table's columns, in its order


def pairwise(comparison: pd.DataFrame) -> pd.DataFrame:
    """Per pair of articles: (claim_key, frame) cells both fill, and how many of those agree or conflict.

    Two articles agree in a cell when some value of one is the same as some value of the other.
    Quadratic in the number of articles (one row per pair), so meant for tens to a few thousand.
    """
    ids = sorted(comparison["article_id"].unique())
    n = len(ids)
    pos = {a: i for i, a in enumerate(ids)}
    shared = np.zeros((n, n), dtype=np.int32)
    agree = np.zeros((n, n), dtype=np.int32)
    for (key, _), cell in comparison.groupby(["claim_key", "frame"], sort=False):
        arts = sorted({pos[a] for a in cell["article_id"]})
        local = {p: k for k, p in enumerate(arts)}
        by_value: dict[str, list[int]] = {}
        values: dict[str, str] = {}
        for a, v in zip(cell["article_id"], cell["value"]):
            t = token(key, v)
            by_value.setdefault(t, []).append(local[pos[a]])
            values.setdefault(t, v)
        hit = np.zeros((len(arts), len(arts)), dtype=bool)
        for t, rows_t in by_value.items():
            for u, cols_u in by_value.items():
                if same(key, values[t], values[u]):
                    hit[np.ix_(rows_t, cols_u)] = True
        shared[np.ix_(arts, arts)] += 1
        agree[np.ix_(arts, arts)] += hit
    upper = np.triu_indices(n, k=1)
    n_shared, n_agree = shared[upper], agree[upper]
    rows = [{"article_a": ids[i], "article_b": ids[j], "n_shared": int(s_), "n_agree": int(a_),
             "n_conflict": int(s_ - a_)}
            for i, j, s_, a_ in zip(*upper, n_shared, n_agree)]
    return schema.frame("pairwise", rows)


def overall(comparison: pd.DataFrame) -> dict[str, int]:
    """Cells (claim_key, frame) by verdict across articles, and rows by reference verdict."""
    per_cell = comparison.groupby(["claim_key", "frame"])["verdict"].agg(
        lambda v: "conflict" if (v == "conflict").any() else v.iloc[0])
    out = {"cells": len(per_cell)}
    out.update({f"cells_{v}": int((per_cell == v).sum()) for v in schema.VERDICTS})
    out.update({f"rows_{v}": int((comparison["reference_verdict"] == v).sum())
                for v in schema.REFERENCE_VERDICTS})
    return out


# ---------------------------------------------------------------- sources

def _theme_shares(themes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Share of each article's body sentences that touch each theme (articles x themes, zeros filled)."""
    body = sentences[sentences["kind"] == "body"][["article_id", "sentence_id"]]
    n_body = body.groupby("article_id").size()
    tagged = themes.merge(body, on=["article_id", "sentence_id"])[["article_id", "sentence_id", "theme_id"]]
    hits = tagged.drop_duplicates().groupby(["article_id", "theme_id"]).size().unstack(fill_value=0)
    hits = hits.reindex(index=n_body.index, columns=sorted(themes["theme_id"].unique()), fill_value=0)
    return hits.div(n_body, axis=0).astype(float)


def distinctive_themes(themes: pd.DataFrame, sentences: pd.DataFrame, top: int = 3) -> dict[str, list[str]]:
    """Per article, the themes it weights most above the others: its share minus the others' mean share.

    With a single article the others' mean is taken as zero. Only positive differences count.
    """
    shares = _theme_shares(themes, sentences)
    n = len(shares)
    others = (shares.sum() - shares) / (n - 1) if n > 1 else shares * 0.0
    diff = shares - others
    theme_ids = list(diff.columns)
    out: dict[str, list[str]] = {}
    for a, row in zip(diff.index, diff.to_numpy().tolist()):
        ranked = sorted((-x, t) for t, x in zip(theme_ids, row) if x > 1e-12)
        out[a] = [t for _, t in ranked[:top]]
    return out


def sources(articles: pd.DataFrame, claims: pd.DataFrame, comparison: pd.DataFrame,
            attributions: pd.DataFrame, themes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The ``sources`` table: one row per article, summarising it as a source.

    ``n_supported`` etc. count rows of ``comparison`` (one per distinct claim per frame);
    ``distinctive_themes`` holds theme ids.
    """
    distinct = distinctive_themes(themes, sentences) if len(themes) else {}
    attr = attributions.sort_values(["article_id", "sentence_id", "start"], kind="stable")
    cites = attr.groupby("article_id", sort=False)["speaker"].agg(
        lambda s: ";".join(dict.fromkeys(s))).to_dict()
    n_attr = attr.groupby("article_id").size().to_dict()
    n_claims = claims.groupby("article_id").size().to_dict()
    verdicts = comparison.groupby(["article_id", "reference_verdict"]).size().to_dict()
    rows = []
    for a in articles.to_dict("records"):
        aid = a["article_id"]
        date = a["published"] if not pd.isna(a["published"]) else a["published_estimate"]
        rows.append({
            "article_id": aid, "outlet": a["outlet"], "published": date,
            "date_basis": a["reference_date_basis"], "kind": a["kind"], "based_on": a["based_on"],
            "cites": cites.get(aid) or None,
            "n_attributions": int(n_attr.get(aid, 0)),
            "n_claims": int(n_claims.get(aid, 0)),
            **{f"n_{v}": int(verdicts.get((aid, v), 0)) for v in schema.REFERENCE_VERDICTS},
            "distinctive_themes": ";".join(distinct.get(aid, [])) or None,
        })
    return schema.frame("sources", rows)
