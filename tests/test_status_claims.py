"""Each stated status is a ``status.<ISO3>`` claim, checked against ``reference.status_on`` as of the
time it speaks of: a stale status is refuted, a historical one is judged in its own time."""

from __future__ import annotations

import pandas as pd
import pytest

from sco_analysis.checking import compare, reference
from sco_analysis.facts.claims import extract_claims
from sco_analysis.facts.membership import extract_counts, extract_membership
from sco_analysis.reading.corpus import load_corpus

from .conftest import ROOT, write_folder


def _compared(folder):
    c = load_corpus(folder)
    claims = extract_claims(c, extract_membership(c), extract_counts(c))
    return compare.compare(claims, c.articles)


def _verdicts(cmp):
    rows = cmp[cmp["claim_key"].str.startswith("status.")]
    return {(r.claim_key, r.value): r.reference_verdict for r in rows.itertuples()}


@pytest.mark.parametrize("text, published, expected", [
    # out of date when published: Iran was a member from 2023-07-04
    ("The SCO currently groups eight member states as well as four countries as observers (Afghanistan, Iran, "
     "Belarus and Mongolia).", "2023-12-09",
     {("status.AFG", "observer"): "supported", ("status.IRN", "observer"): "refuted",
      ("status.BLR", "observer"): "supported", ("status.MNG", "observer"): "supported"}),
    # an observer listed after it became a member
    ("India is an observer state of the SCO.", "2019-03-01", {("status.IND", "observer"): "refuted"}),
    ("India is an observer state of the SCO.", "2012-03-01", {("status.IND", "observer"): "supported"}),
    # a historical statement is judged in its own time, not at publication
    ("Iran obtained observer status in 2005.", "2024-07-04", {("status.IRN", "observer"): "supported"}),
    # an expected status is judged after the summit it anticipates
    ("Belarus will become a full member at the Astana summit.", "2024-07-03",
     {("status.BLR", "member"): "supported"}),
    # a country that never held a status
    ("Ukraine is an observer of the SCO.", "2020-01-01", {("status.UKR", "observer"): "not_enough_info"}),
])
def test_stated_status_is_checked_against_the_reference_on_its_day(tmp_path, text, published, expected):
    folder = write_folder(tmp_path / "arts", {"a.txt": text + "\n"},
                          rows=[{"file": "a.txt", "outlet": "Wire", "title": "", "published": published}])
    assert _verdicts(_compared(folder)) == expected


def test_devset_stale_background_is_caught():
    cmp = _compared(ROOT / "tests" / "corpus")
    kuna = cmp[cmp["article_id"] == "06_kuna_menafn_kuwait_dialogue_partner_2023"]
    iran = kuna[kuna["claim_key"] == "status.IRN"]
    assert iran[["value", "reference_value", "reference_verdict"]].values.tolist() == [
        ["observer", "member", "refuted"]]
    assert "member from 2023-07-04" in iran["reference_note"].iloc[0]


def test_reference_status_value_and_frame():
    assert reference.value_for("status.IRN", "2023-12-09").value == "member"
    assert reference.value_for("status.IRN", "2010-01-01").value == "observer"
    assert reference.value_for("status.LAO", "2020-01-01").value == "none"
    assert reference.value_for("status.UKR", "2020-01-01") is None
    assert reference.frame_of("status.IRN", "2010-01-01") == "2005-07-05..2023-07-03"
    assert reference.frame_of("status.IRN", "2010-01-01") == reference.frame_of("status.IRN", "2020-01-01")
    assert reference.frame_of("status.IRN", "2024-01-01") != reference.frame_of("status.IRN", "2020-01-01")
    assert pd.Timestamp("2023-07-04") == pd.Timestamp(reference.events().query("iso3 == 'IRN'")["date"].iloc[-1])
