"""Evidence in context: article text with facts highlighted and every sentence an anchor."""

from __future__ import annotations

import re

import pandas as pd

from sco_analysis.presenting import context
from sco_analysis.reading.corpus import load_corpus

from .conftest import write_folder

TEXT = "Headline about the SCO\n\nThe SCO has 10 members <b>now</b>. Belarus joined in 2024.\n"


def _tables(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    c = load_corpus(folder)
    s = c.sentences
    first = s[s["text"].str.startswith("The SCO")].iloc[0]
    start = int(first["start"]) + first["text"].index("10 members")
    counts = pd.DataFrame(
        {"article_id": ["a"], "sentence_id": [first["sentence_id"]], "start": [start], "end": [start + 10]}
    )
    claims = pd.DataFrame(
        {"article_id": ["a"], "sentence_id": [first["sentence_id"]], "start": [start + 3], "end": [start + 24]}
    )
    return {"articles": c.articles, "sentences": s, "counts": counts, "claims": claims}, first


def test_article_text_is_escaped_marked_by_kind_and_anchored(tmp_path):
    tables, first = _tables(tmp_path)
    out = context.evidence_html(tables, {"a": "Test Wire, 5 Jul 2024"}, printed=["a"])
    assert "<b>now</b>" not in out and "&lt;b&gt;now&lt;/b&gt;" in out
    assert '<mark class="sco-k-count" title="group size">10 </mark>' in out
    assert '<mark class="sco-k-claim sco-k-count" title="compared claim, group size">members</mark>' in out
    assert f'id="{context.anchor("a", first["sentence_id"])}"' in out
    assert f'id="{context.anchor("a", first["sentence_id"], prefix="p")}"' in out, "the printed copy has its own ids"
    ids = re.findall(r'id="([^"]+)"', out)
    assert len(ids) == len(set(ids))
    text = re.sub(r"<[^>]+>", "", out)
    assert "Belarus joined in 2024." in text and "<script" not in out


def test_link_points_at_the_sentence_anchor():
    link = context.link("a b/c", 3, "x < y")
    assert link == f'<a class="sco-ev" href="#{context.anchor("a b/c", 3)}">x &lt; y</a>'
    assert re.fullmatch(r"s-[0-9a-f]{10}-3", context.anchor("a b/c", 3))


def test_appendix_is_the_earliest_article_of_each_source_with_problems():
    comp = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "reference_verdict": ["refuted", "refuted", "supported", "refuted"],
            "verdict": ["agree"] * 4,
        }
    )
    arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                         "reference_date": pd.to_datetime(["2024-02-01", "2024-01-01", "2023-01-01", "2022-01-01"])})
    got = context.appendix_articles(comp, arts, {"a": "g", "b": "g", "c": "c", "d": "d"})
    assert got == ["d", "b"]
