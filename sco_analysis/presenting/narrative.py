"""Computed prose for the report's reading of the sources.

Every number and value in these sentences comes from the ``comparison`` and ``sources`` tables
passed in; nothing is written about particular articles. Returns Markdown with article text
escaped, so the notebooks only display it.
"""

from __future__ import annotations

import pandas as pd

from sco_analysis.presenting.report import esc


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _listing(items: list[str]) -> str:
    """Every item, joined as prose ("a, b and c"): a list is never cut short without naming the rest."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _label(keys: dict, key: str) -> str:
    """The claim's label, lower-cased for use inside a sentence unless it opens with an acronym."""
    label = keys.get(key, key)
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[:1].lower() + label[1:]


def _claim(keys: dict, row) -> str:
    return f"{esc(_label(keys, row.claim_key))} ({esc(row.value)})"


def _when(row) -> str:
    moment = "after the event" if row.as_of == "after_event" else f"as of {row.as_of}"
    return moment + (f", {row.checked_on:%Y-%m-%d}" if pd.notna(row.checked_on) else "")


def overlap(comparison: pd.DataFrame, keys: dict) -> str:
    """Where the articles make the same claim: how many cells agree or conflict, and which."""
    shared = comparison[comparison["n_articles"] > 1]
    cells = shared.drop_duplicates(["claim_key", "frame"])
    if cells.empty:
        return "No claim is made by more than one article, so the sources cannot be checked against each other."
    agree = cells[cells["verdict"] == "agree"]
    conflict = shared[shared["verdict"] == "conflict"].drop_duplicates(["claim_key", "frame"])
    text = (f"{_n(len(cells), 'claim')} {'is' if len(cells) == 1 else 'are'} made by more than one article. "
            f"The articles agree on {len(agree)}: {_listing([_claim(keys, r) for r in agree.itertuples()])}.")
    if len(conflict):
        text += (f" They conflict on {len(conflict)}: "
                 f"{_listing([esc(_label(keys, r.claim_key)) for r in conflict.itertuples()])}.")
    else:
        text += " They conflict on none."
    return text


def time_frames(comparison: pd.DataFrame, keys: dict, labels: dict) -> str:
    """Claims with one key but different values that describe different moments (not conflicts)."""
    parts = []
    for key, rows in comparison.groupby("claim_key", sort=False):
        if rows["frame"].nunique() < 2 or rows["value"].nunique() < 2 or rows["article_id"].nunique() < 2:
            continue
        said = []
        for (_, value), group in rows.groupby(["frame", "value"], sort=False):
            who = "; ".join(esc(labels.get(a, a)) for a in dict.fromkeys(group["article_id"]))
            said.append(f"{esc(value)} ({who}: {esc(_when(group.iloc[0]))})")
        verdicts = set(rows["reference_verdict"])
        judged = ("the reference supports each on its own date" if verdicts == {"supported"}
                  else "each is checked against the reference on its own date")
        parts.append(
            f"{esc(keys.get(key, key))}: {_listing(said)} describe different moments, not a conflict; {judged}."
        )
    return " ".join(parts)


def per_article(comparison: pd.DataFrame, sources: pd.DataFrame, keys: dict, labels: dict) -> list[str]:
    """One paragraph per article: its stance in time, its own claims, and how the reference judges it."""
    paragraphs = []
    for s in sources.itertuples():
        rows = comparison[comparison["article_id"] == s.article_id]
        name = f"**{esc(labels.get(s.article_id, s.article_id))}**"
        kind = esc(s.kind) if isinstance(s.kind, str) and s.kind.strip() else ""
        based = f"based on {esc(s.based_on)}" if isinstance(s.based_on, str) and s.based_on.strip() else ""
        what = (f"{name} is {_article(kind)} {kind}{' ' + based if based else ''}. " if kind
                else f"{name} is {based}. " if based else "")
        if rows.empty:
            paragraphs.append(f"{what}{'It' if what else name} makes no claim the comparison can use.")
            continue
        expected = rows[rows["modality"] == "expected"]
        looking = "looks" if len(expected) == 1 else "look"
        text = (f"{what}Of its {_n(len(rows), 'compared claim')}, {len(expected)} {looking} ahead" if what
                else f"Of the {_n(len(rows), 'compared claim')} in {name}, {len(expected)} {looking} ahead")
        if len(expected):
            borne = expected[expected["reference_verdict"] == "supported"]
            text += (f"; the record bears out {len(borne)} of them"
                     + (f" ({_listing([_claim(keys, r) for r in borne.itertuples()])})" if len(borne) else ""))
        text += ". "
        own = rows[rows["verdict"] == "single_source"]
        if len(own):
            text += f"Only this article gives {_listing([_claim(keys, r) for r in own.itertuples()])}. "
        text += (f"Against the reference: {s.n_supported} supported, {s.n_refuted} refuted, "
                 f"{s.n_not_enough_info} not settled.")
        speakers = [x for x in s.cites.split(";") if x] if isinstance(s.cites, str) else []
        if speakers:
            text += f" It cites {_listing([esc(x) for x in speakers])}."
        else:
            text += " It attributes no statement to a named speaker."
        paragraphs.append(text)
    return paragraphs


def unsettled(comparison: pd.DataFrame, keys: dict, labels: dict) -> str:
    """What the reference refutes, and what it cannot settle and why."""
    out = []
    refuted = comparison[comparison["reference_verdict"] == "refuted"]
    if len(refuted):
        out.append(f"The reference refutes {_n(len(refuted), 'claim')}: " + _listing([
            f"{esc(_label(keys, r.claim_key))}, {esc(r.value)} in {esc(labels.get(r.article_id, r.article_id))}, "
            f"against {esc(r.reference_value)} in the record" for r in refuted.itertuples()]) + ".")
    else:
        out.append("The reference refutes none of the claims.")
    open_ = comparison[comparison["reference_verdict"] == "not_enough_info"]
    if len(open_):
        no_record = open_[open_["reference_value"].isna()]
        judged = open_[open_["reference_value"].notna()]
        if len(no_record):
            out.append(f"It has no record for {_listing([_claim(keys, r) for r in no_record.itertuples()])}.")
        for r in judged.itertuples():
            out.append(f"It cannot settle {esc(_label(keys, r.claim_key))}, {esc(r.value)} in "
                       f"{esc(labels.get(r.article_id, r.article_id))} ({esc(r.reference_note)}).")
    return " ".join(out)


def reading(comparison: pd.DataFrame, sources: pd.DataFrame, keys: dict, labels: dict) -> str:
    """The whole computed reading as Markdown paragraphs."""
    if comparison.empty:
        return "The articles make no claim the comparison can use."
    parts = [overlap(comparison, keys), time_frames(comparison, keys, labels),
             *per_article(comparison, sources, keys, labels), unsettled(comparison, keys, labels)]
    return "\n\n".join(p for p in parts if p)


# ---------------------------------------------------------------- the summary's findings

OUTLETS_NAMED = 12
COUNT_KEYS = {"members.count": "member", "observers.count": "observer",
              "dialogue_partners.count": "dialogue_partner", "partners.count": "partner"}


def _sources_of(rows: pd.DataFrame, groups: dict[str, str]) -> int:
    return len({groups.get(a, a) for a in rows["article_id"]})


def _grouped(rows: pd.DataFrame, by: list[str], groups: dict[str, str]) -> pd.DataFrame:
    """Rows of ``comparison`` gathered by ``by``: how many articles and independent sources, and the
    (article_id, sentence_id) evidence of each, earliest article first."""
    out = []
    for values, g in rows.groupby(by, sort=True, dropna=False):
        g = g.sort_values(["checked_on", "article_id"], na_position="last")
        out.append({**dict(zip(by, values if isinstance(values, tuple) else (values,))),
                    "n_articles": g["article_id"].nunique(), "n_sources": _sources_of(g, groups),
                    "evidence": list(zip(g["article_id"], g["sentence_id"]))})
    return pd.DataFrame(out, columns=[*by, "n_articles", "n_sources", "evidence"])


def refuted(comparison: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Claims the reference refutes, one row per (claim, value, reference value)."""
    rows = comparison[comparison["reference_verdict"] == "refuted"]
    return _grouped(rows, ["claim_key", "value", "reference_value"], groups)


def conflicts(comparison: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Claims on which sources give different values for the same moment: one row per value given,
    with the number of independent sources behind it. Copies of one story disagreeing still count."""
    cells = comparison[comparison["verdict"] == "conflict"][["claim_key", "frame"]].drop_duplicates()
    rows = comparison.merge(cells, on=["claim_key", "frame"])
    return _grouped(rows, ["claim_key", "frame", "value", "reference_verdict"], groups)


def out_of_date(comparison: pd.DataFrame, growth: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Counts reported for the day of publication that the reference refutes there but that were true
    before: the article repeated a figure already out of date. ``held_until`` is its last true day."""
    rows = comparison[comparison["claim_key"].isin(list(COUNT_KEYS)) & (comparison["reference_verdict"] == "refuted")
                      & (comparison["modality"] == "reported") & comparison["checked_on"].notna()]
    growth = growth.assign(date=pd.to_datetime(growth["date"])).sort_values("date")
    held = []
    for r in rows.itertuples():
        steps = growth[growth["status"] == COUNT_KEYS[r.claim_key]]
        before = steps[steps["date"] <= r.checked_on]
        ends = list(before["date"].iloc[1:]) + [pd.NaT]
        last = None
        for (_date, count), end in zip(zip(before["date"], before["count"]), ends):
            if str(int(count)) == str(r.value) and pd.notna(end) and end <= r.checked_on:
                last = end - pd.Timedelta(days=1)
        held.append(last)
    rows = rows.assign(held_until=held)
    rows = rows[rows["held_until"].notna()]
    return _grouped(rows, ["claim_key", "value", "reference_value", "held_until"], groups)


def single_source(comparison: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Claims (key and moment) that only one independent source makes, copies included."""
    comp = comparison.assign(source=comparison["article_id"].map(lambda a: groups.get(a, a)))
    n = comp.groupby(["claim_key", "frame"])["source"].transform("nunique")
    return _grouped(comp[n == 1], ["claim_key", "frame", "value", "reference_verdict"], groups)


def corpus_line(articles: pd.DataFrame, groups: pd.DataFrame) -> str:
    """The corpus in one paragraph: articles, outlets, date span, independent sources."""
    n = len(articles)
    outlets = articles["outlet"].dropna().nunique()
    dates = articles["reference_date"].dropna()
    span = ""
    if len(dates):
        lo, hi = (f"{d.day} {d:%B %Y}" for d in (dates.min(), dates.max()))
        span = f", dated {lo} to {hi}" if lo != hi else f", dated {lo}"
    estimated = int((articles["reference_date_basis"] == "estimated").sum())
    undated = int(articles["reference_date"].isna().sum())
    notes = []
    if estimated:
        notes.append(f"{_n(estimated, 'date')} estimated from the text")
    if undated:
        notes.append(f"{_n(undated, 'article')} undated")
    names = sorted(articles["outlet"].dropna().unique())
    named = f" ({_listing([esc(o) for o in names])})" if 0 < len(names) <= OUTLETS_NAMED else ""
    text = (f"**{_n(n, 'article')}** from **{_n(outlets, 'outlet')}**{named}{span}"
            + (f" ({'; '.join(notes)})" if notes else "") + ".")
    n_sources = groups["source_group"].nunique() if len(groups) else n
    copies = groups[groups["group_size"] > 1] if len(groups) else groups
    if len(copies):
        sizes = copies.groupby("source_group").size()
        text += (
            f" Syndicated copies and near-duplicates grouped, they come from"
            f" **{_n(n_sources, 'independent source')}**: "
            f"{_n(len(sizes), 'group')} of copies ({len(copies)} articles, the largest {int(sizes.max())}); "
            "agreement below counts sources, not copies."
        )
    elif n > 1:
        text += f" No two of them are copies of one story: **{_n(n_sources, 'independent source')}**."
    return text


MARKS = {"supported": "✓", "refuted": "✗", "not_enough_info": "?"}


def by_claim(rows: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """Findings gathered one row per claim: every value given with its verdict mark and number of
    articles (a list, most articles first), the reference's values, articles and independent sources, evidence."""
    out = []
    for key, g in rows.groupby("claim_key", sort=True):
        g = g.sort_values("n_articles", ascending=False, kind="stable")
        evidence = [e for lst in g["evidence"] for e in lst]
        marks = g["reference_verdict"].map(MARKS) if "reference_verdict" in g else pd.Series("", index=g.index)
        values = [f"{v}{' ' + m if m else ''} ({n})" for v, m, n in zip(g["value"], marks.fillna(""), g["n_articles"])]
        reference = (
            "; ".join(dict.fromkeys(str(x) for x in g["reference_value"].dropna())) if "reference_value" in g else ""
        )
        out.append(
            {
                "claim_key": key,
                "values": values,
                "reference": reference,
                "n_articles": len({a for a, _ in evidence}),
                "n_sources": len({groups.get(a, a) for a, _ in evidence}),
                "evidence": list(dict.fromkeys(evidence)),
            }
        )
    return pd.DataFrame(out, columns=["claim_key", "values", "reference", "n_articles", "n_sources", "evidence"])
