"""Hand-annotated membership rows and counts of both seeds: recall and precision 1.0, exact provenance."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sco_analysis import countries, membership, schema

GOLD = Path(__file__).parent / "gold"
M_KEY = ["article_id", "sentence_id", "iso3", "status", "year", "modality"]
C_KEY = ["article_id", "sentence_id", "status", "count", "modality", "as_of", "as_of_date"]


def _keys(df: pd.DataFrame, cols: list[str]) -> set[tuple]:
    out = set()
    for row in df[cols].itertuples(index=False):
        out.add(tuple(None if pd.isna(v) else (v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else str(v))
                      for v in row))
    return out


@pytest.fixture(scope="module")
def tables(seed_corpus):
    return membership.extract_membership(seed_corpus), membership.extract_counts(seed_corpus)


@pytest.fixture(scope="module")
def gold():
    read = lambda name: pd.read_csv(GOLD / name, dtype=str, keep_default_na=False).replace("", None)
    return read("membership.csv"), read("counts.csv")


def test_gold_rows_point_at_real_sentences(seed_corpus, gold):
    sents = seed_corpus.sentences.set_index(["article_id", "sentence_id"])["text"]
    for row in gold[0].itertuples():
        text = sents[(row.article_id, int(row.sentence_id))]
        assert row.iso3 in {m.iso3 for m in countries.find(text)}, row
    for row in gold[1].itertuples():
        assert sents[(row.article_id, int(row.sentence_id))]


def test_membership_recall_and_precision(tables, gold):
    found, expected = _keys(tables[0], M_KEY), _keys(gold[0], M_KEY)
    assert expected - found == set(), "missed gold rows"
    assert found - expected == set(), "rows a careful reader would not mark"
    assert len(tables[0]) == len(found)


def test_counts_recall_and_precision(tables, gold):
    found, expected = _keys(tables[1], C_KEY), _keys(gold[1], C_KEY)
    assert expected - found == set(), "missed gold counts"
    assert found - expected == set(), "counts a careful reader would not mark"
    assert len(tables[1]) == len(found)


@pytest.mark.parametrize("i, name", [(0, "membership"), (1, "counts")])
def test_provenance_and_schema(seed_corpus, tables, i, name):
    df = tables[i]
    schema.validate(name, df)
    for row in df.itertuples():
        assert seed_corpus.texts[row.article_id][row.start:row.end] == row.quote
    sents = seed_corpus.sentences.set_index(["article_id", "sentence_id"])
    for row in df.itertuples():
        assert sents.loc[(row.article_id, row.sentence_id), "kind"] == "body"


def test_membership_country_as_written(seed_corpus, tables):
    for row in tables[0].itertuples():
        assert row.country in row.quote
        assert countries.resolve(row.country) == row.iso3
