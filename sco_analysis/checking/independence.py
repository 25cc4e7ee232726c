"""Independent sources: syndicated and near-duplicate articles grouped, so that two copies of one wire
story agreeing is not counted as corroboration.

Two articles are copies of one story when they share long body sentences (eight words or more,
compared after lower-casing and dropping punctuation): at least ``CONTAINED`` of the shorter one's, or
at least ``OVERLAP`` of the two together (Jaccard), so an excerpt or a trimmed copy joins its original
while articles that quote a few of the same paragraphs stay apart; or when the
catalog says both are ``based_on`` the same source (or one is based on the other's outlet) and they are
dated within ``BASED_ON_DAYS`` of each other. Groups are the connected pieces of that relation.
``syndication`` returns one row per article; ``by_source`` counts a claim's articles and its
independent sources.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import combinations

import pandas as pd

MIN_WORDS = 8
CONTAINED = 0.8
OVERLAP = 0.5
MIN_SHARED = 2
BASED_ON_DAYS = 7
COLUMNS = ("article_id", "source_group", "group_size", "reason", "copies_of")

_NON_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str | None:
    words = _NON_WORD.sub(" ", text.lower()).split()
    return " ".join(words) if len(words) >= MIN_WORDS else None


def _name(value) -> str:
    return " ".join(str(value).lower().split()) if isinstance(value, str) and value.strip() else ""


class _Groups:
    def __init__(self, ids):
        self.parent = {a: a for a in ids}

    def find(self, a):
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def shared_sentences(sentences: pd.DataFrame) -> Counter:
    """(article, article) -> number of long body sentences the two share (pairs in sorted order)."""
    body = sentences[sentences["kind"] == "body"]
    holders: dict[str, set[str]] = defaultdict(set)
    for aid, text in zip(body["article_id"], body["text"]):
        key = _key(text)
        if key:
            holders[key].add(aid)
    pairs: Counter = Counter()
    for ids in holders.values():
        if len(ids) > 1:
            pairs.update(combinations(sorted(ids), 2))
    return pairs


def long_sentences(sentences: pd.DataFrame) -> dict[str, int]:
    """Distinct long body sentences per article (the denominator of the shared share)."""
    body = sentences[sentences["kind"] == "body"]
    keys = [(a, _key(t)) for a, t in zip(body["article_id"], body["text"])]
    return pd.Series([a for a, k in set(keys) if k], dtype="object").value_counts().to_dict() if keys else {}


def syndication(articles: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per article: its ``source_group`` (the first article id of its group), the group's size,
    why it was grouped (``shared sentences``, ``based on``, both, or empty when alone) and the other
    articles in its group (``;``-joined)."""
    ids = sorted(articles["article_id"])
    groups = _Groups(ids)
    reasons: dict[str, set[str]] = defaultdict(set)
    n_long = long_sentences(sentences)
    for (a, b), shared in shared_sentences(sentences).items():
        na, nb = n_long.get(a, 0), n_long.get(b, 0)
        if shared >= MIN_SHARED and (shared >= CONTAINED * min(na, nb) or shared >= OVERLAP * (na + nb - shared)):
            groups.join(a, b)
            reasons[a].add("shared sentences")
            reasons[b].add("shared sentences")
    rows = articles[["article_id", "outlet", "based_on", "reference_date"]].to_dict("records")
    by_basis: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if _name(r["based_on"]):
            by_basis[_name(r["based_on"])].append(r)
    for r in rows:
        for basis in {_name(r["based_on"]), _name(r["outlet"])} - {""}:
            for other in by_basis.get(basis, []):
                if other["article_id"] != r["article_id"] and _close(r["reference_date"], other["reference_date"]):
                    groups.join(r["article_id"], other["article_id"])
                    reasons[r["article_id"]].add("based on")
                    reasons[other["article_id"]].add("based on")
    members: dict[str, list[str]] = defaultdict(list)
    for a in ids:
        members[groups.find(a)].append(a)
    out = []
    for a in ids:
        group = members[groups.find(a)]
        out.append({"article_id": a, "source_group": group[0], "group_size": len(group),
                    "reason": " and ".join(sorted(reasons[a])) if len(group) > 1 else "",
                    "copies_of": ";".join(x for x in group if x != a)})
    frame = pd.DataFrame(out, columns=list(COLUMNS)).astype({"group_size": "Int64"})
    return frame.astype({c: "string" for c in COLUMNS if c != "group_size"})


def _close(a, b) -> bool:
    if pd.isna(a) or pd.isna(b):
        return True
    return abs((pd.Timestamp(a) - pd.Timestamp(b)).days) <= BASED_ON_DAYS


def group_of(groups: pd.DataFrame) -> dict[str, str]:
    """article_id -> source group, for mapping other tables."""
    return dict(zip(groups["article_id"], groups["source_group"]))


def by_source(comparison: pd.DataFrame, groups: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim_key, frame, value): how many articles give it and how many independent
    sources (source groups) they come from, with the reference verdict."""
    cols = ["claim_key", "frame", "value", "n_articles", "n_sources", "reference_verdict", "reference_value"]
    if comparison.empty:
        return pd.DataFrame(columns=cols)
    comp = comparison.assign(
        source_group=comparison["article_id"].map(group_of(groups)).fillna(comparison["article_id"])
    )
    out = (comp.groupby(["claim_key", "frame", "value"], sort=True)
           .agg(n_articles=("article_id", "nunique"), n_sources=("source_group", "nunique"),
                reference_verdict=("reference_verdict", "first"), reference_value=("reference_value", "first"))
           .reset_index())
    return out[cols]
