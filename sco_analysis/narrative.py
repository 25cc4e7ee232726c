"""Computed prose for the report's reading of the sources.

Every number and value in these sentences comes from the ``comparison`` and ``sources`` tables
passed in; nothing is written about particular articles. Returns Markdown with article text
escaped, so the notebooks only display it.
"""

from __future__ import annotations

import pandas as pd

from .report import esc

LIST_MAX = 6


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _listing(items: list[str]) -> str:
    shown = items[:LIST_MAX]
    more = f" and {len(items) - LIST_MAX} more" if len(items) > LIST_MAX else ""
    if len(shown) <= 1:
        return "".join(shown) + more
    return ", ".join(shown[:-1]) + (" and " if not more else ", ") + shown[-1] + more


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
        parts.append(f"{esc(keys.get(key, key))}: {_listing(said)} describe different moments, not a conflict; {judged}.")
    return " ".join(parts)


def per_article(comparison: pd.DataFrame, sources: pd.DataFrame, keys: dict, labels: dict) -> list[str]:
    """One paragraph per article: its stance in time, its own claims, and how the reference judges it."""
    paragraphs = []
    for s in sources.itertuples():
        rows = comparison[comparison["article_id"] == s.article_id]
        name = f"**{esc(labels.get(s.article_id, s.article_id))}**"
        kind = esc(s.kind) if isinstance(s.kind, str) else "piece"
        based = f", based on {esc(s.based_on)}" if isinstance(s.based_on, str) else ""
        if rows.empty:
            paragraphs.append(f"{name} ({kind}{based}) makes no claim the comparison can use.")
            continue
        expected = rows[rows["modality"] == "expected"]
        text = f"{name} is a {kind}{based}. Of its {_n(len(rows), 'compared claim')}, {len(expected)} look ahead"
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
