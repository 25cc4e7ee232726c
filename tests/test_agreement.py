"""Membership, counts and claims agree wherever they state the same fact: founding rows and
``founded.members``, dated member rows and ``accession.year.<ISO3>``, counts and ``*.count`` claims,
and the modality of a membership row and a count read from the same sentence. Checked on the seeds,
the dev corpus (when present) and an article written here with one sentence per overlap."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sco_analysis import pipeline
from tests.conftest import ROOT, write_folder

WRITTEN = (
    "SCO grows again\n\n"
    "On June 15, 2001, the SCO was founded in Shanghai by the six countries of China, Russia, Kazakhstan, "
    "Kyrgyzstan, Tajikistan and Uzbekistan. India and Pakistan joined as full members in 2017. "
    "Laos could become the SCO's 11th member state. The organization now has 10 members, two observer "
    "states and 14 dialogue partners. Earlier, the SCO had three dialogue partners — Belarus, Sri Lanka and Turkey. "
    "Iran has been admitted as a permanent member of the SCO.\n"
)
COUNT_KEYS = {"founding_member": "founded.count", "member": "members.count", "observer": "observers.count",
              "dialogue_partner": "dialogue_partners.count", "partner": "partners.count"}


def _folders(tmp_path) -> list[Path]:
    written = write_folder(tmp_path / "written", {"a.txt": WRITTEN},
                           rows=[{"file": "a.txt", "outlet": "Test Wire", "title": "SCO grows again",
                                  "published": "2024-07-05"}])
    return [written, ROOT / "seeds"] + [p for p in [ROOT / "tests" / "corpus"] if (p / "catalog.csv").exists()]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return [pipeline.build_uncached(f) for f in _folders(tmp_path_factory.mktemp("agree"))]


def _claims(t, key_prefix):
    c = t["claims"]
    return c[c["claim_key"].str.startswith(key_prefix)]


def test_founding_rows_and_founded_members_agree(tables):
    checked = 0
    for t in tables:
        m = t["membership"]
        founders = m[m["status"] == "founding_member"].groupby(["article_id", "sentence_id"])["iso3"]
        from_rows = {(aid, ";".join(sorted(set(v)))) for (aid, _), v in founders if len(set(v)) >= 2}
        c = _claims(t, "founded.members")
        assert from_rows == {(r.article_id, r.value) for r in c.itertuples()}
        checked += len(from_rows)
    assert checked >= 1


def test_member_years_and_accession_claims_agree(tables):
    """Claims keep one row per (article, key, value), from its first sentence: that row's modality is
    the membership row's of the same sentence."""
    checked = 0
    for t in tables:
        m = t["membership"]
        dated = m[(m["status"] == "member") & m["year"].notna()]
        rows = {(r.article_id, r.sentence_id, r.iso3, str(int(r.year))): r.modality for r in dated.itertuples()}
        c = _claims(t, "accession.year.")
        claims = {
            (r.article_id, r.sentence_id, r.claim_key.rsplit(".", 1)[1], r.value): r.modality for r in c.itertuples()
        }
        assert {(a, i, y) for a, _, i, y in rows} == {(a, i, y) for a, _, i, y in claims}
        for key, modality in claims.items():
            assert rows[key] == modality, key
        checked += len(claims)
    assert checked >= 2


def test_counts_and_count_claims_agree(tables):
    checked = 0
    for t in tables:
        cnt = t["counts"]
        rows = {(r.article_id, r.sentence_id, COUNT_KEYS[r.status], str(int(r["count"]))): (r.modality, r.as_of)
                for _, r in cnt.iterrows()}
        c = t["claims"][t["claims"]["claim_key"].isin(COUNT_KEYS.values())]
        claims = {(r.article_id, r.sentence_id, r.claim_key, r.value): (r.modality, r.as_of) for r in c.itertuples()}
        assert {(a, k, v) for a, _, k, v in rows} == {(a, k, v) for a, _, k, v in claims}
        for key, (modality, as_of) in claims.items():
            assert rows[key][0] == modality, key
            assert key[2] == "founded.count" or rows[key][1] == as_of, key
        checked += len(claims)
    assert checked >= 4


def test_membership_and_counts_read_one_sentence_with_one_modality(tables):
    checked = 0
    for t in tables:
        m, cnt = t["membership"], t["counts"]
        both = m.merge(cnt, on=["article_id", "sentence_id", "status"], suffixes=("_m", "_c"))
        assert (both["modality_m"] == both["modality_c"]).all(), both[["quote_m", "modality_m", "modality_c"]]
        checked += len(both)
    assert checked >= 1


def test_laos_is_expected_in_every_table(tables):
    t = tables[0]
    quote = "Laos could become the SCO's 11th member state."
    assert set(t["membership"].loc[t["membership"]["quote"] == quote, "modality"]) == {"expected"}
    assert set(t["counts"].loc[t["counts"]["quote"] == quote, "modality"]) == {"expected"}
    c = t["claims"]
    sid = t["counts"].loc[t["counts"]["quote"] == quote, "sentence_id"].iloc[0]
    assert set(c.loc[(c["sentence_id"] == sid) & (c["article_id"] == t["counts"]["article_id"].iloc[0]), "modality"]) \
        <= {"expected"}


def test_historical_count_is_not_a_present_one(tables):
    t = tables[0]
    row = t["counts"][t["counts"]["quote"].str.startswith("Earlier,")]
    assert list(row["as_of"]) == ["earlier"] and pd.isna(row["as_of_date"].iloc[0])
