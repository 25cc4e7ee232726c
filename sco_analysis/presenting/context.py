"""Evidence in context: each article's text as HTML, with the spans facts were read from marked by kind
and every sentence an anchor that tables and findings link to.

No script: articles sit in ``<details>`` (collapsed on screen), links are plain ``#anchors`` (browsers
open the ``<details>`` a fragment points into). The text is rebuilt from the ``sentences`` table (every
non-space character of an article is in exactly one sentence; paragraph breaks come from
``paragraph_id``), so no file is read here. All article text is escaped.
"""

from __future__ import annotations

import hashlib
import html
import itertools

import pandas as pd

KINDS = {"membership": "membership", "counts": "count", "claims": "claim", "attributions": "attribution"}
KIND_LABELS = {"membership": "membership statement", "count": "group size", "claim": "compared claim",
               "attribution": "attribution"}


def _slug(article_id: str) -> str:
    return hashlib.sha1(str(article_id).encode("utf-8")).hexdigest()[:10]


def anchor(article_id: str, sentence_id=None, prefix: str = "s") -> str:
    """The HTML id of an article (``sentence_id`` None) or of one of its sentences."""
    base = f"{prefix}-{_slug(article_id)}"
    return base if sentence_id is None or pd.isna(sentence_id) else f"{base}-{int(sentence_id)}"


def link(article_id: str, sentence_id, text: str) -> str:
    """``<a>`` to the sentence in the evidence section, with ``text`` escaped."""
    return f'<a class="sco-ev" href="#{anchor(article_id, sentence_id)}">{html.escape(str(text))}</a>'


def spans(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every span a fact was read from: [article_id, sentence_id, start, end, kind]."""
    parts = [tables[name][["article_id", "sentence_id", "start", "end"]].assign(kind=kind)
             for name, kind in KINDS.items() if name in tables and len(tables[name])]
    if not parts:
        return pd.DataFrame(columns=["article_id", "sentence_id", "start", "end", "kind"])
    return pd.concat(parts, ignore_index=True).dropna(subset=["start", "end"])


def _marked(text: str, offset: int, marks: list[tuple[int, int, str]]) -> str:
    """``text`` (starting at ``offset`` in the article) escaped, with each (start, end, kind) marked;
    overlapping spans split into segments carrying every kind that covers them."""
    cuts = {0, len(text)}
    local = []
    for s, e, kind in marks:
        s, e = max(int(s) - offset, 0), min(int(e) - offset, len(text))
        if s < e:
            local.append((s, e, kind))
            cuts.update((s, e))
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        piece = html.escape(text[a:b], quote=False)
        kinds = sorted({k for s, e, k in local if s <= a and b <= e})
        if kinds:
            title = html.escape(", ".join(KIND_LABELS[k] for k in kinds), quote=True)
            classes = " ".join(f"sco-k-{k}" for k in kinds)
            out.append(f'<mark class="{classes}" title="{title}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def article_html(article_id: str, sentences: pd.DataFrame, marks: pd.DataFrame, prefix: str = "s") -> str:
    """One article's text: a ``<p>`` per line, a ``<span id>`` per sentence, facts marked by kind."""
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for r in marks.itertuples(index=False):
        by_sentence.setdefault(int(r.sentence_id), []).append((r.start, r.end, r.kind))
    paragraphs: list[list[str]] = []
    last = None
    for s in sentences.sort_values("sentence_id").itertuples(index=False):
        if s.paragraph_id != last:
            paragraphs.append([])
            last = s.paragraph_id
        body = _marked(s.text, int(s.start), by_sentence.get(int(s.sentence_id), []))
        paragraphs[-1].append(f'<span class="sco-s sco-{html.escape(s.kind)}" '
                              f'id="{anchor(article_id, s.sentence_id, prefix)}">{body}</span>')
    return "".join(f"<p>{' '.join(p)}</p>" for p in paragraphs)


def legend_html() -> str:
    """What the highlight colours mean."""
    items = "".join(f'<mark class="sco-k-{k}">{html.escape(v)}</mark> ' for k, v in KIND_LABELS.items())
    return f'<p class="sco-legend">Highlighted: {items.strip()}.</p>'


def _summary(article_id: str, label: str, n_marks: int, articles: pd.DataFrame) -> str:
    row = articles.loc[articles["article_id"] == article_id].iloc[0]
    title = row["title"] if isinstance(row["title"], str) and row["title"] else ""
    facts = f"{n_marks} span{'s' if n_marks != 1 else ''} read"
    head = f"<strong>{html.escape(label)}</strong>"
    return head + (f": {html.escape(title)}" if title else "") + f" ({facts})"


def evidence_html(tables: dict[str, pd.DataFrame], labels: dict[str, str], printed: list[str] = ()) -> str:
    """Every article in a collapsed ``<details>`` (screen), and the ``printed`` ones written out in full
    for the PDF (with their own ids, so anchors stay unique)."""
    sentences = tables["sentences"]
    marks = spans(tables)
    by_article = dict(tuple(sentences.groupby("article_id", sort=False)))
    marks_by = dict(tuple(marks.groupby("article_id", sort=False))) if len(marks) else {}
    empty = marks.iloc[0:0]
    screen, paper = [], []
    for aid in labels:
        sents = by_article.get(aid, sentences.iloc[0:0])
        m = marks_by.get(aid, empty)
        summary = _summary(aid, labels[aid], len(m), tables["articles"])
        screen.append(f'<details class="sco-article" id="{anchor(aid)}"><summary>{summary}</summary>'
                      f'<div class="sco-text">{article_html(aid, sents, m)}</div></details>')
        if aid in printed:
            paper.append(f'<section class="sco-article-print"><h3>{summary}</h3>'
                         f'<div class="sco-text">{article_html(aid, sents, m, prefix="p")}</div></section>')
    out = f'<div class="sco-screen-only">{"".join(screen)}</div>'
    if paper:
        out += f'<div class="sco-print-only">{"".join(paper)}</div>'
    return legend_html() + out


APPENDIX_MAX = 6


def appendix_articles(comparison: pd.DataFrame, articles: pd.DataFrame, group_of: dict[str, str],
                      limit: int = APPENDIX_MAX) -> list[str]:
    """The articles the PDF prints in full: those with a refuted or conflicting claim, the earliest of
    each independent source, most refuted and conflicting claims first, at most ``limit``."""
    bad = comparison[(comparison["reference_verdict"] == "refuted") | (comparison["verdict"] == "conflict")]
    if bad.empty:
        return []
    n_bad = bad.groupby("article_id").size()
    dates = dict(zip(articles["article_id"], articles["reference_date"]))
    ranked = sorted(
        n_bad.index, key=lambda a: (pd.Timestamp(dates.get(a)) if pd.notna(dates.get(a)) else pd.Timestamp.max, a)
    )
    firsts: dict[str, str] = {}
    for a in ranked:
        firsts.setdefault(group_of.get(a, a), a)
    chosen = sorted(firsts.values(), key=lambda a: (-int(n_bad[a]), ranked.index(a)))[:limit]
    return sorted(chosen, key=ranked.index)
