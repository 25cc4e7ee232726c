"""The fixed copy of the seeds (tests/seeds/) against its exhaustive hand gold (tests/seeds/gold.json,
format: tests/corpus/GOLD.md): recall and precision 1.0 per table under strict scoring, exact provenance.
Tests read the copy, so an article a user adds to seeds/ changes the report, not these results."""

from __future__ import annotations

import pytest

from sco_analysis import pipeline, schema
from sco_analysis.checking import evaluation
from sco_analysis.reading import countries

from .conftest import SEEDS


@pytest.fixture(scope="module")
def tables():
    return pipeline.build(SEEDS)


@pytest.fixture(scope="module")
def gold():
    return evaluation.load_gold(SEEDS / "gold.json")


@pytest.fixture(scope="module")
def scored(tables, gold):
    return evaluation.score(tables, gold, strict=True)


def test_seeds_copy_is_the_seeds_and_every_article_has_gold(tables, gold):
    assert sorted(gold) == sorted(tables["articles"]["file"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for g in gold.values():
        assert g.has_attributions and all(g.entries[t] for t in evaluation.TABLES)


def test_gold_evidence_names_real_sentences(tables, gold):
    sents = tables["sentences"]
    for file, g in gold.items():
        texts = sents.loc[sents["article_id"] == file.removesuffix(".txt"), "text"].tolist()
        for table in evaluation.TABLES:
            for e in g.entries[table]:
                ev = e.details.get("evidence")
                if ev is None:
                    continue
                holders = [t for t in texts if ev in t]
                assert len(holders) == 1, (file, e)
                if table == "membership":
                    assert e.fields["iso3"] in {m.iso3 for m in countries.find(holders[0])}, e


@pytest.mark.parametrize("table", evaluation.TABLES)
def test_recall_and_precision_are_one(scored, table):
    scores, errors = scored
    overall = scores[(scores["article"] == evaluation.ALL) & (scores["table"] == table)].iloc[0]
    mine = errors[errors["table"] == table]
    assert mine.empty, evaluation.render(scores, mine)
    assert overall["recall"] == 1.0 and overall["precision"] == 1.0
    if table == "counts":
        assert overall["as_of_agree"] == overall["n_gold"]


@pytest.mark.parametrize("table, key", [
    ("membership", ["article_id", "sentence_id", "iso3", "status", "year", "modality"]),
    ("counts", ["article_id", "sentence_id", "status", "count", "modality", "as_of", "as_of_date"]),
    ("claims", ["article_id", "claim_key", "value", "modality", "as_of"]),
    ("attributions", ["article_id", "sentence_id", "speaker", "role", "cue"]),
])
def test_no_fact_twice(tables, table, key):
    assert not tables[table][key].astype(str).duplicated().any()


@pytest.mark.parametrize("name", ["membership", "counts"])
def test_provenance_and_schema(seed_corpus, tables, name):
    df = tables[name]
    schema.validate(name, df)
    sents = tables["sentences"].set_index(["article_id", "sentence_id"])
    for row in df.itertuples():
        assert seed_corpus.texts[row.article_id][row.start:row.end] == row.quote
        assert sents.loc[(row.article_id, row.sentence_id), "kind"] == "body"


def test_attribution_quotes_are_exact(seed_corpus, tables):
    for row in tables["attributions"].itertuples():
        assert seed_corpus.texts[row.article_id][row.start:row.end] == row.quote


def test_membership_country_as_written(tables):
    for row in tables["membership"].itertuples():
        assert row.country in row.quote
        assert countries.resolve(row.country) == row.iso3
