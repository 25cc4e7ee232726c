"""The evaluation: the scorer on small hand-made tables (including cases that must fail), gold that
breaks the format, the CLI, and the dev corpus above its floors (the seeds at 1.0: test_gold_seeds.py)."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.checking import evaluation
from sco_analysis.errors import InputError

from .conftest import ROOT, write_folder

CORPUS = ROOT / "tests" / "corpus"
SENTS = ["China, Russia and Kazakhstan founded the SCO in 2001.",
         "India became a member in 2017 and Iran is an observer.",
         "The SCO now has nine members."]


def _tables(membership=(), counts=(), claims=(), attributions=()) -> dict[str, pd.DataFrame]:
    """A one-article result set; facts as tuples whose first element is the sentence id."""
    def frame(rows, cols):
        return pd.DataFrame([dict(article_id="a", **dict(zip(["sentence_id", *cols], r))) for r in rows],
                            columns=["article_id", "sentence_id", *cols])

    return {
        "articles": pd.DataFrame({"article_id": ["a"], "file": ["a.txt"]}),
        "sentences": pd.DataFrame({"article_id": "a", "sentence_id": range(len(SENTS)), "text": SENTS}),
        "membership": frame(membership, ["iso3", "status", "year", "modality"]),
        "counts": frame(counts, ["status", "count", "modality", "as_of", "as_of_date"]),
        "claims": frame(claims, ["claim_key", "value", "modality", "as_of"]),
        "attributions": frame(attributions, ["speaker", "role", "cue"]),
    }


def _gold(tmp_path, article: dict, name="gold.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"articles": {"a.txt": article}}), encoding="utf-8")
    return evaluation.load_gold(path)


def _figures(scores, table, article="a.txt"):
    row = scores[(scores["article"] == article) & (scores["table"] == table)].iloc[0]
    return row["matched_gold"], row["n_gold"], row["matched_found"], row["n_found"]


def test_membership_year_modality_and_statuses(tmp_path):
    gold = _gold(tmp_path, {"membership": [["CHN", ["founding_member"], 2001, "reported"],
                                           ["IND", ["member"], 2017],
                                           ["IRN", ["observer", "partner"], None, "reported"]]})
    t = _tables(membership=[(0, "CHN", "founding_member", 2001, "reported"),
                            (1, "IND", "member", 2016, "reported"),      # wrong year: miss and extra
                            (1, "IRN", "partner", None, "reported"),     # one of the accepted statuses
                            (0, "RUS", "founding_member", 2001, "reported")])  # not in the gold: extra
    scores, errors = evaluation.score(t, gold)
    assert _figures(scores, "membership") == (2, 3, 2, 4)
    r = scores.set_index(["article", "table"]).loc[("a.txt", "membership")]
    assert r["recall"] == pytest.approx(2 / 3) and r["precision"] == pytest.approx(0.5)
    assert r["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    got = {(e.error, e.fact) for e in errors.itertuples()}
    assert got == {("miss", "IND member year=2017"), ("extra", "IND member year=2016 modality=reported"),
                   ("extra", "RUS founding_member year=2001 modality=reported")}
    extra = errors[errors["fact"].str.startswith("RUS")].iloc[0]
    assert extra["sentence"] == SENTS[0] and extra["sentence_id"] == 0


def test_membership_wrong_modality_fails_and_a_missing_year_costs_only_recall(tmp_path):
    gold = _gold(tmp_path, {"membership": [["BLR", ["member"], 2024, "expected"]]})
    wrong = evaluation.score(_tables(membership=[(1, "BLR", "member", 2024, "reported")]), gold)[0]
    assert _figures(wrong, "membership") == (0, 1, 0, 1)
    yearless = evaluation.score(_tables(membership=[(1, "BLR", "member", None, "expected")]), gold)[0]
    assert _figures(yearless, "membership") == (0, 1, 1, 1)


def test_a_fact_stated_twice_is_one_record_and_forbidden_countries_are_flagged(tmp_path):
    gold = _gold(tmp_path, {"membership": [["CHN", ["member", "founding_member"], None]], "forbid": ["AFG"]})
    t = _tables(membership=[(0, "CHN", "founding_member", 2001, "reported"),
                            (1, "CHN", "founding_member", 2001, "reported"),
                            (1, "AFG", "observer", None, "reported")])
    scores, errors = evaluation.score(t, gold)
    assert _figures(scores, "membership") == (1, 1, 1, 2)
    assert errors["note"].tolist() == ["country the gold forbids any status"]


def test_counts_match_on_status_and_number_and_report_as_of_apart(tmp_path):
    gold = _gold(tmp_path, {"counts": [["member", 9, "publication"], ["dialogue_partner", 3, "earlier"],
                                       ["founding_member", 6, "2001"], ["observer", 4, "2015"]]})
    t = _tables(counts=[(2, "member", 9, "reported", "publication", "2024-07-03"),
                        (2, "dialogue_partner", 3, "reported", "publication", "2015-07-10"),
                        (0, "founding_member", 6, "reported", "2001-06-15", "2001-06-15"),
                        (2, "observer", 5, "reported", "publication", None)])
    scores, errors = evaluation.score(t, gold)
    assert _figures(scores, "counts") == (3, 4, 3, 4)
    assert scores.set_index(["article", "table"]).loc[("a.txt", "counts"), "as_of_agree"] == 2
    assert {(e.error, e.fact) for e in errors.itertuples()} == {("miss", "observer count=4 as_of=2015"),
                                                                 ("extra", "observer count=5 as_of=publication")}


@pytest.mark.parametrize("gold_as_of, row, agrees", [
    ("publication", {"as_of": "publication"}, True),
    ("publication", {"as_of": "after_event"}, False),
    ("after_event", {"as_of": "after_event", "as_of_date": "2024-07-04"}, True),
    ("earlier", {"as_of": "2012"}, True),
    ("earlier", {"as_of": "publication"}, False),
    ("2001", {"as_of": "2001-06-15"}, True),
    ("2001-06-15", {"as_of": "2001"}, True),
    ("2005", {"as_of": "2015"}, False),
    ("2024", {"as_of": "publication", "as_of_date": "2024-07-04"}, False),
    (None, {"as_of": "publication"}, None),
])
def test_as_of_agreement(gold_as_of, row, agrees):
    assert evaluation.as_of_agrees(gold_as_of, row) is agrees


@pytest.mark.parametrize("a, b, same", [
    ("6", "6.0", True), ("0.33", "0.330", True), ("0.33", "0.5", False),
    ("CHN;KAZ;RUS", "RUS;CHN;KAZ", True), ("CHN;KAZ", "CHN;KAZ;RUS", False),
    ("Shanghai", "shanghai", True), ("Astana", "Nur-Sultan", False),
    ("2024-07-03/2024-07-04", "2024-07-03/2024-07-04", True), ("2024-07-03/2024-07-04", "2024-07-03/2024-07-05", False),
])
def test_claim_values(a, b, same):
    assert evaluation.same_value(a, b) is same


def test_claims_precision_counts_only_families_the_gold_annotates(tmp_path):
    gold = _gold(tmp_path, {"claims": [["members.count", "9"], ["accession.year.IND", "2017"],
                                       ["founded.members", "CHN;KAZ;RUS"]]})
    t = _tables(claims=[(2, "members.count", "9.0", "reported", "publication"),
                        (1, "accession.year.IND", "2017", "reported", "timeless"),
                        (1, "accession.year.IRN", "2023", "reported", "timeless"),    # annotated family: extra
                        (0, "founded.members", "RUS;CHN;KAZ", "reported", "timeless"),
                        (0, "summit.place", "Astana", "reported", "publication"),     # family never annotated
                        (1, "status.IRN", "observer", "reported", "publication")])    # scored in membership
    scores, errors = evaluation.score(t, gold)
    assert _figures(scores, "claims") == (3, 3, 3, 4)
    assert errors["fact"].tolist() == ["accession.year.IRN=2023"]
    strict = evaluation.score(t, gold, strict=True)[0]
    assert _figures(strict, "claims") == (3, 3, 3, 5)


def test_strict_requires_details_and_no_year(tmp_path):
    gold = _gold(tmp_path, {
        "membership": [["IND", ["member"], None, "reported", {"evidence": "India became", "note": "no year"}]],
        "counts": [["member", 9, "publication", {"modality": "reported", "as_of_date": "2024-07-03",
                                                 "evidence": "now has nine"}]],
        "attributions": [["Zhang Ming", "said", {"role": "SCO Secretary General", "evidence": "nine members"}]]})
    good = _tables(membership=[(1, "IND", "member", None, "reported")],
                   counts=[(2, "member", 9, "reported", "publication", "2024-07-03")],
                   attributions=[(2, "Zhang Ming", "SCO Secretary General", "said")])
    scores, errors = evaluation.score(good, gold, strict=True)
    scores = scores[scores["n_gold"] > 0]
    assert errors.empty and len(scores) == 6 and (scores["recall"] == 1).all() and (scores["precision"] == 1).all()
    bad = _tables(membership=[(1, "IND", "member", 2017, "reported")],              # gold says no year
                  counts=[(0, "member", 9, "reported", "publication", "2024-07-03")],  # wrong sentence
                  attributions=[(2, "Zhang Ming", None, "said")])                    # role missing
    scores, errors = evaluation.score(bad, gold, strict=True)
    scores = scores[scores["n_gold"] > 0]
    assert (scores["recall"] == 0).all() and (scores["precision"] == 0).all()
    assert sorted(errors["table"]) == sorted(["membership", "counts", "attributions"] * 2)
    lenient = evaluation.score(bad, gold)[0]
    assert (lenient.loc[lenient["n_gold"] > 0, "recall"] == 1).all()


def test_overall_is_micro_averaged_and_empty_figures_are_nan(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": {
        "a.txt": {"membership": [["CHN", ["member"], None]]},
        "b.txt": {"membership": [["RUS", ["member"], None], ["KAZ", ["member"], None], ["UZB", ["member"], None]]}}}))
    t = _tables(membership=[(0, "CHN", "member", None, "reported")])
    t["articles"] = pd.DataFrame({"article_id": ["a", "b"], "file": ["a.txt", "b.txt"]})
    scores, _ = evaluation.score(t, evaluation.load_gold(path))
    overall = scores[(scores["article"] == evaluation.ALL) & (scores["table"] == "membership")].iloc[0]
    assert overall["recall"] == pytest.approx(1 / 4) and overall["precision"] == 1.0
    b = scores[(scores["article"] == "b.txt") & (scores["table"] == "claims")].iloc[0]
    assert math.isnan(b["recall"]) and math.isnan(b["precision"]) and math.isnan(b["f1"])
    schema.validate("eval_scores", scores)


@pytest.mark.parametrize("text, problem", [
    ("{", "invalid JSON"),
    ('{"articles": []}', 'must be an object with "articles"'),
    ('{"articles": {"a.txt": {"membership": [["China", ["member"], null]]}}}', "not an ISO3 code"),
    ('{"articles": {"a.txt": {"membership": [["CHN", ["king"], null]]}}}', "statuses"),
    ('{"articles": {"a.txt": {"membership": [["CHN", ["member"], "2001"]]}}}', "year"),
    ('{"articles": {"a.txt": {"membership": [["CHN", ["member"], 2001, "maybe"]]}}}', "modality"),
    ('{"articles": {"a.txt": {"counts": [["member", "nine", "publication"]]}}}', "count"),
    ('{"articles": {"a.txt": {"counts": [["member", 9, "now"]]}}}', "as_of"),
    ('{"articles": {"a.txt": {"claims": [["status.IRN", "observer"]]}}}', "derived from membership"),
    ('{"articles": {"a.txt": {"claims": [["members.total", "9"]]}}}', "not in claim_keys.csv"),
    ('{"articles": {"a.txt": {"claims": [["members.count"]]}}}', "has 1 fields"),
    ('{"articles": {"a.txt": {"claims": [["members.count", "9", {"sentence": 3}]]}}}', "unknown detail"),
    ('{"articles": {"a.txt": {"members": []}}}', "unknown field"),
])
def test_bad_gold_is_one_input_error(tmp_path, text, problem):
    path = tmp_path / "gold.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluation.load_gold(path)
    assert problem in str(err.value) and str(path) in str(err.value)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "sco_analysis", "eval", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_bad_input_is_one_line_exit_2(tmp_path):
    folder = write_folder(tmp_path / "arts", {"a.txt": "The SCO has nine members.\n"})
    (tmp_path / "gold.json").write_text('{"articles": {"b.txt": {}}}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"articles": {', encoding="utf-8")
    for args, named in [((folder, tmp_path / "gold.json"), "'b.txt'"),
                        ((folder, tmp_path / "broken.json"), "invalid JSON"),
                        ((folder, tmp_path / "missing.json"), "gold file not found"),
                        ((tmp_path / "nowhere", tmp_path / "gold.json"), "nowhere")]:
        r = _cli(*args)
        assert r.returncode == 2, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and named in r.stderr and "Traceback" not in r.stderr


def test_cli_prints_scores_and_errors_and_checks_floors(tmp_path):
    folder = write_folder(tmp_path / "arts", {"a.txt": "The SCO has nine members, including China and Russia.\n"})
    (tmp_path / "gold.json").write_text(
        json.dumps(
            {
                "articles": {
                    "a.txt": {
                        "membership": [["CHN", ["member"], None], ["IND", ["member"], None]],
                        "counts": [["member", 9, "publication"]],
                    }
                }
            }
        )
    )
    (tmp_path / "floors.json").write_text('{"membership": {"recall": 0.9}}')
    r = _cli(folder, tmp_path / "gold.json", "--floors", tmp_path / "floors.json")
    assert r.returncode == 1
    assert "below floor: membership recall" in r.stderr
    assert "MISS: IND member" in r.stdout and "== overall" in r.stdout


def test_dev_corpus_is_above_its_floors():
    scores, errors = evaluation.evaluate(CORPUS, CORPUS / "gold.json")
    floors = evaluation.read_floors(CORPUS / "floors.json")
    assert set(floors) >= {"membership", "counts", "claims"}
    assert evaluation.below_floors(scores, floors) == [], evaluation.render(scores, errors)


def test_dev_corpus_gold_names_every_article_and_each_once():
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))["articles"]
    catalog = pd.read_csv(CORPUS / "catalog.csv", dtype=str)
    assert sorted(gold) == sorted(catalog["file"]) == sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize("gold, speaker, role, same", [
    ("Putin", "Vladimir Putin", None, True),
    ("the Uzbek Foreign Ministry", "Uzbek Foreign Ministry", None, True),
    ("Chinese Vice Foreign Minister Li Hui", "Li Hui", "Chinese Vice Foreign Minister", True),
    ("the UAE’s Foreign Ministry", "UAE's Foreign Ministry", None, True),
    ("Sergei Lavrov", "Sergei Shoigu", None, False),
    ("the Kremlin press service", "service", None, False),
    ("Zhang Ming", "Ming Zhang", None, False),
])
def test_speakers_written_two_ways(gold, speaker, role, same):
    assert evaluation.same_speaker(gold, speaker, role) is same
