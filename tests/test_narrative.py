"""The computed reading states what the comparison tables say, and only that."""

from __future__ import annotations

import html

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.checking import compare
from sco_analysis.presenting import narrative, plots
from sco_analysis.reading.corpus import load_corpus

from .conftest import SEEDS, write_folder


@pytest.fixture(scope="module")
def seed_reading():
    from sco_analysis import build

    t = build(SEEDS)
    keys = plots.claim_labels(t["comparison"]["claim_key"])
    labels = plots.article_labels(t["articles"])
    return t, keys, labels, html.unescape(narrative.reading(t["comparison"], t["sources"], keys, labels))


def test_seed_reading_counts_agreement_from_the_table(seed_reading):
    t, _keys, _labels, text = seed_reading
    cells = t["comparison"][t["comparison"]["n_articles"] > 1].drop_duplicates(["claim_key", "frame"])
    assert f"{len(cells)} claims are made by more than one article" in text
    assert f"The articles agree on {int((cells['verdict'] == 'agree').sum())}" in text
    assert "They conflict on none." in text


def test_seed_reading_explains_9_and_10_members_as_different_moments(seed_reading):
    *_, text = seed_reading
    para = next(p for p in text.split("\n\n") if p.startswith("Number of full member states"))
    assert "9 (Peoples Dispatch" in para and "as of publication, 2024-07-03" in para
    assert "10 (" in para and "after the event, 2024-07-04" in para
    assert "not a conflict; the reference supports each on its own date" in para


def test_seed_reading_names_the_refuted_share(seed_reading):
    *_, text = seed_reading
    assert (
        "The reference refutes 1 claim: SCO members' share of the world's population, 0.5 in Peoples Dispatch" in text
    )
    assert "against 0.42 in the record" in text


def _claims(rows):
    base = {"sentence_id": 0, "start": 0, "end": 5, "quote": "Text.", "modality": "reported",
            "as_of": "publication", "as_of_date": pd.Timestamp("2024-07-03")}
    return schema.frame("claims", [{**base, **r} for r in rows])


def test_three_articles_with_a_conflict(tmp_path):
    folder = write_folder(tmp_path / "f", {f"{n}.txt": "Text." for n in "abc"})
    corpus = load_corpus(folder)
    claims = _claims([
        {"article_id": "a", "claim_key": "dialogue_partners.count", "value": "14"},
        {"article_id": "b", "claim_key": "dialogue_partners.count", "value": "14"},
        {"article_id": "c", "claim_key": "dialogue_partners.count", "value": "15"},
    ])
    comparison = compare.compare(claims, corpus.articles)
    sources = compare.sources(corpus.articles, claims, comparison, schema.empty("attributions"),
                              schema.empty("themes"), corpus.sentences)
    keys = plots.claim_labels(comparison["claim_key"])
    text = narrative.reading(comparison, sources, keys, plots.article_labels(corpus.articles))
    assert "1 claim is made by more than one article" in text
    assert "The articles agree on 0" in text and "They conflict on 1: number of dialogue partner states." in text
    assert "The reference refutes 1 claim" in text and "15 in" in text
    assert text.count("It attributes no statement to a named speaker.") == 3


def test_no_claims_at_all():
    assert narrative.reading(schema.empty("comparison"), schema.empty("sources"), {}, {}) == \
        "The articles make no claim the comparison can use."


def test_wildcard_claim_keys_get_readable_labels():
    labels = plots.claim_labels(["summit.document.energy_strategy", "accession.year.BLR"])
    assert labels["summit.document.energy_strategy"].endswith(": energy strategy")
    assert labels["accession.year.BLR"].endswith("(BLR)")


def test_listing_names_every_item():
    assert narrative._listing([str(i) for i in range(9)]) == "0, 1, 2, 3, 4, 5, 6, 7 and 8"


def test_out_of_date_count_is_found_and_dated():
    from sco_analysis.checking import reference

    rows = _claims(
        [
            {"article_id": "a", "claim_key": "members.count", "value": "8", "as_of_date": pd.Timestamp("2024-01-10")},
            {"article_id": "b", "claim_key": "members.count", "value": "9", "as_of_date": pd.Timestamp("2024-01-10")},
        ]
    )
    arts = pd.DataFrame({"article_id": ["a", "b"]})
    comp = compare.compare(
        rows,
        schema.frame(
            "articles",
            [
                {
                    "article_id": a,
                    "file": f"{a}.txt",
                    "outlet": "X",
                    "title": None,
                    "published": "2024-01-10",
                    "published_estimate": None,
                    "reference_date": "2024-01-10",
                    "reference_date_basis": "published",
                    "kind": None,
                    "based_on": None,
                    "language": None,
                    "address": None,
                    "accessed": None,
                    "notes": None,
                    "n_chars": 1,
                    "n_sentences": 1,
                    "n_body_sentences": 1,
                    "sha256": "0",
                }
                for a in arts["article_id"]
            ],
        ),
    )
    stale = narrative.out_of_date(comp, reference.growth(), {})
    assert list(stale["value"]) == ["8"] and stale["held_until"].iloc[0] == pd.Timestamp("2023-07-03")


def test_prose_reads_naturally_without_catalog_kind():
    sources = pd.DataFrame({"article_id": ["a"], "kind": [None], "based_on": [None], "cites": [None],
                            "n_supported": [1], "n_refuted": [0], "n_not_enough_info": [0]})
    comp = pd.DataFrame(
        {
            "article_id": ["a"],
            "modality": ["reported"],
            "verdict": ["single_source"],
            "claim_key": ["members.count"],
            "value": ["10"],
            "reference_verdict": ["supported"],
        }
    )
    (para,) = narrative.per_article(comp, sources, {}, {"a": "Xinhua, 4 Jul 2024"})
    assert "piece" not in para and para.startswith("Of the 1 compared claim in **Xinhua, 4 Jul 2024**")
