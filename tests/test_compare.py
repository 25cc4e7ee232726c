"""Comparison verdicts across articles and against the reference, on small frames built here."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sco_analysis import schema
from sco_analysis.checking import compare


def article(aid: str, published: str | None = "2024-07-03", estimate: str | None = None, **kw) -> dict:
    ref = published or estimate
    return {
        "article_id": aid, "file": f"{aid}.txt", "outlet": kw.get("outlet", f"Outlet {aid}"), "title": None,
        "published": published, "published_estimate": estimate, "reference_date": ref,
        "reference_date_basis": "published" if published else ("estimated" if estimate else "unknown"),
        "kind": kw.get("kind", "report"), "based_on": kw.get("based_on"), "language": "en", "address": None,
        "accessed": None, "notes": None, "n_chars": 100, "n_sentences": 5, "n_body_sentences": 4,
        "sha256": "0" * 64,
    }


def claim(aid: str, key: str, value: str, as_of: str = "publication", as_of_date: str | None = None,
          modality: str = "reported", sentence_id: int = 0, quote: str = "evidence") -> dict:
    return {"article_id": aid, "sentence_id": sentence_id, "start": 0, "end": len(quote), "quote": quote,
            "claim_key": key, "value": value, "modality": modality, "as_of": as_of, "as_of_date": as_of_date}


def run(claims: list[dict], articles: list[dict]) -> pd.DataFrame:
    return compare.compare(schema.frame("claims", claims), schema.frame("articles", articles))


def row(cmp: pd.DataFrame, aid: str, key: str) -> pd.Series:
    rows = cmp[(cmp["article_id"] == aid) & (cmp["claim_key"] == key)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_same_count_now_and_after_the_summit_agrees_and_is_supported():
    cmp = run([claim("a", "dialogue_partners.count", "14", as_of_date="2024-07-03"),
               claim("b", "dialogue_partners.count", "14", "after_event", "2024-07-04", "expected")],
              [article("a"), article("b", "2024-05-20")])
    a, b = row(cmp, "a", "dialogue_partners.count"), row(cmp, "b", "dialogue_partners.count")
    assert a["frame"] == b["frame"]
    assert (a["verdict"], a["agrees_with"], a["n_articles"]) == ("agree", "b", 2)
    assert (b["reference_verdict"], b["reference_value"]) == ("supported", "14")
    assert "Bahrain" in a["reference_source"] or "bahrain" in a["reference_source"]


def test_different_counts_in_one_frame_conflict():
    cmp = run([claim("a", "members.count", "9"), claim("b", "members.count", "8")],
              [article("a"), article("b")])
    a, b = row(cmp, "a", "members.count"), row(cmp, "b", "members.count")
    assert (a["verdict"], a["conflicts_with"], b["conflicts_with"]) == ("conflict", "b", "a")
    assert a["reference_verdict"] == "supported" and b["reference_verdict"] == "refuted"
    assert pd.isna(a["agrees_with"])


def test_one_article_is_single_source():
    cmp = run([claim("a", "observers.count", "2", "after_event", None, "expected")], [article("a")])
    a = row(cmp, "a", "observers.count")
    assert (a["verdict"], a["n_articles"], a["reference_verdict"]) == ("single_source", 1, "supported")
    assert a["checked_on"] == pd.Timestamp("2024-07-04")


def test_nine_before_and_ten_after_the_summit_are_different_frames():
    cmp = run([claim("a", "members.count", "9", as_of_date="2024-07-03"),
               claim("b", "members.count", "10", "after_event", None, "expected")],
              [article("a"), article("b", "2024-05-20")])
    a, b = row(cmp, "a", "members.count"), row(cmp, "b", "members.count")
    assert a["frame"] != b["frame"]
    assert a["verdict"] == b["verdict"] == "single_source"
    assert a["reference_verdict"] == b["reference_verdict"] == "supported"


def test_same_value_in_different_frames_is_not_agreement():
    cmp = run([claim("a", "members.count", "9", as_of_date="2023-08-01"),
               claim("b", "members.count", "9", as_of_date="2024-08-01")],
              [article("a", "2023-08-01"), article("b", "2024-08-01")])
    a, b = row(cmp, "a", "members.count"), row(cmp, "b", "members.count")
    assert a["verdict"] == b["verdict"] == "single_source"
    assert (a["reference_verdict"], b["reference_verdict"]) == ("supported", "refuted")


def test_a_year_label_is_checked_at_the_end_of_that_year():
    cmp = run([claim("a", "members.count", "6", "2001", "2001-01-01"),
               claim("b", "members.count", "8", "2017-06", "2017-06-01")],
              [article("a"), article("b")])
    a, b = row(cmp, "a", "members.count"), row(cmp, "b", "members.count")
    assert (a["checked_on"], a["reference_verdict"]) == (pd.Timestamp("2001-12-31"), "supported")
    assert (b["checked_on"], b["reference_verdict"]) == (pd.Timestamp("2017-06-30"), "supported")


def test_without_a_date_the_frame_is_the_as_of_label():
    cmp = run([claim("a", "members.count", "9"), claim("b", "members.count", "10")],
              [article("a", None), article("b", None)])
    a = row(cmp, "a", "members.count")
    assert (a["frame"], a["verdict"], a["reference_verdict"]) == ("publication", "conflict", "not_enough_info")


def test_sets_compare_as_sets_of_iso3():
    cmp = run([claim("a", "founded.members", "CHN;KAZ;KGZ;RUS;TJK;UZB", "timeless"),
               claim("b", "founded.members", "Russia;China;UZB;Tajikistan;KGZ;Kazakhstan", "timeless"),
               claim("c", "founded.members", "CHN;KAZ;KGZ;RUS;TJK", "timeless")],
              [article("a"), article("b"), article("c")])
    a, b, c = (row(cmp, x, "founded.members") for x in "abc")
    assert a["frame"] == "timeless" and a["agrees_with"] == "b" and a["conflicts_with"] == "c"
    assert a["reference_verdict"] == b["reference_verdict"] == "supported"
    assert c["reference_verdict"] == "refuted"


def test_reference_labels_supported_refuted_not_enough_info():
    cmp = run([claim("a", "founded.place", "Shanghai", "timeless"),
               claim("a", "founded.year", "2000", "timeless", sentence_id=1),
               claim("a", "partners.count", "16", sentence_id=2),
               claim("a", "accession.year.BLR", "2024", "timeless", None, "expected", sentence_id=3),
               claim("a", "chair.next", "CHN", sentence_id=4)],
              [article("a")])
    assert row(cmp, "a", "founded.place")["reference_verdict"] == "supported"
    year = row(cmp, "a", "founded.year")
    assert (year["reference_verdict"], year["reference_value"]) == ("refuted", "2001")
    partners = row(cmp, "a", "partners.count")
    assert partners["reference_verdict"] == "not_enough_info" and pd.isna(partners["reference_value"])
    assert row(cmp, "a", "accession.year.BLR")["reference_verdict"] == "supported"
    assert row(cmp, "a", "chair.next")["reference_verdict"] == "supported"


def test_expected_claims_are_judged_after_the_event():
    cmp = run([claim("p", "members.count", "10", modality="expected"),
               claim("p", "chair.current", "CHN", modality="expected", sentence_id=1),
               claim("p", "chair.next", "CHN", modality="expected", sentence_id=2),
               claim("q", "members.count", "10"),
               claim("q", "chair.next", "CHN", "after_event", "2024-07-04", "expected", sentence_id=1)],
              [article("p", None, "2024-05-20"), article("q", None, "2024-05-20")])
    p = row(cmp, "p", "members.count")
    assert p["checked_on"] == pd.Timestamp("2024-07-04") and p["reference_verdict"] == "supported"
    assert row(cmp, "p", "chair.current")["reference_verdict"] == "supported"
    assert row(cmp, "p", "chair.next")["reference_verdict"] == "supported"
    assert row(cmp, "q", "chair.next")["reference_verdict"] == "supported"
    assert row(cmp, "q", "chair.next")["frame"] == row(cmp, "p", "chair.next")["frame"]
    q = row(cmp, "q", "members.count")
    assert q["checked_on"] == pd.Timestamp("2024-05-20") and q["reference_verdict"] == "refuted"
    assert q["frame"] != p["frame"]


@pytest.mark.parametrize("value, measure, verdict, named", [
    ("0.33", None, "not_enough_info", "PPP only"),
    ("0.25", None, "supported", "nominal"),
    ("0.5", None, "refuted", "outside tolerance"),
    ("0.33", "at purchasing power parity", "supported", "measure stated (ppp)"),
    ("0.33", "nominal", "refuted", "measure stated (nominal)"),
])
def test_gdp_share_with_and_without_a_measure(value, measure, verdict, named):
    claims = [claim("a", "share.world_gdp", value, sentence_id=3)]
    if measure:
        claims.append(claim("a", "share.world_gdp.measure", measure, sentence_id=3))
    cmp = run(claims, [article("a")])
    r = row(cmp, "a", "share.world_gdp")
    assert r["reference_verdict"] == verdict
    assert named in r["reference_note"]
    if measure is None:
        assert "23.0%" in r["reference_note"] and "36.0%" in r["reference_note"]
    if measure:
        assert row(cmp, "a", "share.world_gdp.measure")["reference_verdict"] == "not_enough_info"


def test_population_share_against_tolerance():
    cmp = run([claim("a", "share.world_population", "0.5"), claim("b", "share.world_population", "0.4")],
              [article("a"), article("b")])
    a, b = row(cmp, "a", "share.world_population"), row(cmp, "b", "share.world_population")
    assert (a["reference_verdict"], b["reference_verdict"]) == ("refuted", "supported")
    assert "42.0%" in a["reference_note"] and "±5" in a["reference_note"]
    assert a["verdict"] == "conflict"


def test_shares_within_tolerance_agree_across_articles():
    cmp = run([claim("a", "share.world_gdp", "0.33"), claim("b", "share.world_gdp", "0.3")],
              [article("a"), article("b")])
    assert row(cmp, "a", "share.world_gdp")["verdict"] == "agree"


def test_three_articles_pairwise_and_overall():
    cmp = run([claim("a", "members.count", "9"), claim("b", "members.count", "9"), claim("c", "members.count", "8"),
               claim("a", "founded.year", "2001", "timeless", sentence_id=1),
               claim("c", "founded.year", "2001", "timeless", sentence_id=1),
               claim("b", "summit.place", "Astana", sentence_id=2)],
              [article("a"), article("b"), article("c")])
    pw = compare.pairwise(cmp).set_index(["article_a", "article_b"])
    assert pw.loc[("a", "b")].tolist() == [1, 1, 0]
    assert pw.loc[("a", "c")].tolist() == [2, 1, 1]
    assert pw.loc[("b", "c")].tolist() == [1, 0, 1]
    totals = compare.overall(cmp)
    assert totals["cells"] == 3
    assert (totals["cells_agree"], totals["cells_conflict"], totals["cells_single_source"]) == (1, 1, 1)
    assert totals["rows_refuted"] == 1


def test_counts_of_other_articles_and_capped_lists(monkeypatch):
    monkeypatch.setattr(compare, "LIST_LIMIT", 2)
    ids = ["a", "b", "c", "d", "e"]
    cmp = run([claim(x, "members.count", "8" if x == "e" else "9") for x in ids], [article(x) for x in ids])
    b, e = row(cmp, "b", "members.count"), row(cmp, "e", "members.count")
    assert (b["n_agree"], b["n_conflict"], b["agrees_with"], b["conflicts_with"]) == (3, 1, "a;c", "e")
    assert (e["n_agree"], e["n_conflict"], e["conflicts_with"]) == (0, 4, "a;b")
    assert pd.isna(e["agrees_with"])


def test_result_does_not_depend_on_claim_order():
    claims = [claim("a", "members.count", "9"), claim("b", "members.count", "8", sentence_id=2),
              claim("b", "founded.members", "RUS;CHN;KAZ;KGZ;TJK;UZB", "timeless", sentence_id=1),
              claim("c", "founded.members", "CHN;KAZ;KGZ;RUS;TJK;UZB", "timeless"),
              claim("c", "share.world_gdp", "0.3", sentence_id=4), claim("a", "share.world_gdp", "0.25", sentence_id=3)]
    arts = [article("a"), article("b"), article("c")]
    forward = run(claims, arts)
    backward = run(claims[::-1], arts[::-1])
    pd.testing.assert_frame_equal(forward, backward)


def test_repeated_claim_in_one_article_is_one_row():
    cmp = run([claim("a", "founded.year", "2001", "timeless"),
               claim("a", "founded.year", "2001", "timeless", sentence_id=5)], [article("a")])
    assert len(cmp) == 1 and cmp.iloc[0]["sentence_id"] == 0


def test_empty_claims_give_an_empty_table():
    cmp = compare.compare(schema.empty("claims"), schema.frame("articles", [article("a")]))
    assert cmp.empty and list(cmp.columns) == schema.TABLES["comparison"].names


def _sentence(aid, sid, kind="body"):
    return {"article_id": aid, "sentence_id": sid, "paragraph_id": sid, "start": 0, "end": 1,
            "kind": kind, "text": "x"}


def _theme(aid, sid, theme):
    return {"article_id": aid, "sentence_id": sid, "start": 0, "end": 1, "quote": "x",
            "theme_id": theme, "theme_label": theme, "terms": "x"}


def test_sources_summarise_each_article():
    articles = [article("a", based_on="TASS"), article("b", None, "2024-05-20", kind="preview")]
    claims = [claim("a", "members.count", "9"), claim("a", "members.count", "8", sentence_id=1),
              claim("b", "founded.year", "2001", "timeless")]
    cmp = run(claims, articles)
    sentences = schema.frame("sentences", [_sentence("a", i) for i in range(4)] + [_sentence("a", 9, "headline")]
                             + [_sentence("b", i) for i in range(2)])
    themes = schema.frame("themes", [_theme("a", 0, "security"), _theme("a", 1, "security"),
                                     _theme("a", 3, "security"), _theme("a", 2, "economy"), _theme("a", 9, "energy"),
                                     _theme("b", 0, "economy"), _theme("b", 1, "economy"),
                                     _theme("b", 1, "security")])
    attributions = schema.frame("attributions", [
        {"article_id": "a", "sentence_id": 2, "start": 0, "end": 1, "quote": "x", "speaker": "Xinhua",
         "role": None, "cue": "reported"},
        {"article_id": "a", "sentence_id": 1, "start": 0, "end": 1, "quote": "x", "speaker": "Mao Ning",
         "role": None, "cue": "said"},
        {"article_id": "a", "sentence_id": 3, "start": 0, "end": 1, "quote": "x", "speaker": "Xinhua",
         "role": None, "cue": "reported"},
    ])
    src = compare.sources(schema.frame("articles", articles), schema.frame("claims", claims), cmp,
                          attributions, themes, sentences).set_index("article_id")
    a, b = src.loc["a"], src.loc["b"]
    assert (a["cites"], a["n_attributions"], a["n_claims"]) == ("Mao Ning;Xinhua", 3, 2)
    assert (a["n_supported"], a["n_refuted"], a["n_not_enough_info"]) == (1, 1, 0)
    assert (b["date_basis"], b["published"], b["n_attributions"]) == ("estimated", pd.Timestamp("2024-05-20"), 0)
    assert pd.isna(b["cites"])
    # a: security 3/4, economy 1/4; b: economy 2/2, security 1/2; the headline's "energy" is not body
    assert a["distinctive_themes"] == "security"
    assert b["distinctive_themes"] == "economy"


@pytest.fixture(scope="module")
def seed_tables(seed_corpus):
    claims_mod = pytest.importorskip("sco_analysis.facts.claims")
    from sco_analysis.facts import attributions, membership, themes

    membership_rows = membership.extract_membership(seed_corpus)
    counts = membership.extract_counts(seed_corpus)
    claims = claims_mod.extract_claims(seed_corpus, membership_rows, counts)
    cmp = compare.compare(claims, seed_corpus.articles)
    theme_rows, _ = themes.extract_themes(seed_corpus)
    src = compare.sources(seed_corpus.articles, claims, cmp, attributions.extract_attributions(seed_corpus),
                          theme_rows, seed_corpus.sentences)
    return claims, cmp, src


def _cells(cmp, key):
    return cmp[cmp["claim_key"] == key]


def test_seeds_founding_agrees(seed_tables):
    _, cmp, _ = seed_tables
    for key in ("founded.year", "founded.members"):
        cells = _cells(cmp, key)
        assert cells["article_id"].nunique() == 2, key
        assert (cells["verdict"] == "agree").all() and (cells["reference_verdict"] == "supported").all(), key


def test_seeds_dialogue_partners_agree_and_are_supported(seed_tables):
    _, cmp, _ = seed_tables
    cells = _cells(cmp, "dialogue_partners.count")
    assert set(cells["value"]) == {"14"} and cells["article_id"].nunique() == 2
    assert cells["frame"].nunique() == 1
    assert (cells["verdict"] == "agree").all() and (cells["reference_verdict"] == "supported").all()


def test_seeds_two_observers_single_source_and_supported(seed_tables):
    _, cmp, _ = seed_tables
    cells = _cells(cmp, "observers.count")
    assert cells[["value", "verdict", "reference_verdict"]].values.tolist() == [["2", "single_source", "supported"]]


def test_seeds_nine_and_ten_members_do_not_conflict(seed_tables):
    _, cmp, _ = seed_tables
    cells = _cells(cmp, "members.count")
    assert {"9", "10"} <= set(cells["value"])
    assert not (cells["verdict"] == "conflict").any()
    assert (cells["reference_verdict"] == "supported").all()
    assert cells.loc[cells["value"] == "9", "frame"].iloc[0] != cells.loc[cells["value"] == "10", "frame"].iloc[0]


def test_seeds_shares_are_judged_with_the_measure_named(seed_tables):
    _, cmp, _ = seed_tables
    pop = _cells(cmp, "share.world_population").iloc[0]
    gdp = _cells(cmp, "share.world_gdp").iloc[0]
    assert pop["reference_verdict"] == "refuted" and "population 42.0%" in pop["reference_note"]
    assert gdp["reference_verdict"] == "not_enough_info"
    assert "nominal GDP 23.0%" in gdp["reference_note"] and "GDP at PPP 36.0%" in gdp["reference_note"]
    assert "measure not stated" in gdp["reference_note"]


def test_seeds_no_conflicts_and_every_judged_row_cited(seed_tables):
    claims, cmp, src = seed_tables
    assert not (cmp["verdict"] == "conflict").any()
    judged = cmp[cmp["reference_verdict"] != "not_enough_info"]
    assert judged["reference_source"].notna().all() and judged["reference_value"].notna().all()
    for r in cmp.itertuples():
        assert r.quote in " ".join(claims.loc[claims["article_id"] == r.article_id, "quote"])
    assert src["n_claims"].sum() == len(claims)
    assert (src[["n_supported", "n_refuted", "n_not_enough_info"]].sum(axis=1)
            == cmp.groupby("article_id").size().reindex(src["article_id"]).to_numpy()).all()
    assert src["distinctive_themes"].notna().all()


def test_distinctive_themes_of_a_single_article_are_its_heaviest():
    sentences = schema.frame("sentences", [_sentence("a", i) for i in range(4)])
    themes = schema.frame("themes", [_theme("a", 0, "trade"), _theme("a", 1, "trade"), _theme("a", 2, "energy"),
                                     _theme("a", 1, "security"), _theme("a", 3, "security"), _theme("a", 0, "health")])
    assert compare.distinctive_themes(themes, sentences) == {"a": ["security", "trade", "energy"]}


_KEYS = st.sampled_from([("members.count", ["8", "9", "10"]), ("share.world_gdp", ["0.2", "0.25", "0.33", "0.5"]),
                         ("founded.members", ["CHN;RUS", "RUS;CHN", "CHN;KAZ;RUS"])])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), _KEYS, st.integers(0, 3)), min_size=1, max_size=12))
def test_agreement_is_symmetric_and_counts_add_up(picks):
    claims = [claim(a, key, values[i % len(values)], "timeless" if key == "founded.members" else "publication",
                    sentence_id=n) for n, (a, (key, values), i) in enumerate(picks)]
    cmp = run(claims, [article(x) for x in "abcd"])
    for _, cell in cmp.groupby(["claim_key", "frame"]):
        for r in cell.itertuples():
            assert r.n_agree + r.n_conflict == r.n_articles - 1
            assert (r.verdict == "single_source") == (r.n_articles == 1)
            assert (r.verdict == "conflict") == (r.n_conflict > 0)
            for b in r.agrees_with.split(";") if isinstance(r.agrees_with, str) else []:
                partner = cell.loc[cell["article_id"] == b, "agrees_with"].dropna()
                assert any(r.article_id in x.split(";") for x in partner)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), _KEYS, st.integers(0, 3)), min_size=1, max_size=12),
       st.integers(1, 3))
def test_claims_placed_per_shard_compare_as_placed_together(picks, cut):
    """Workers place their own shard's claims; the comparison is the same as placing all claims at once."""
    claims = schema.frame("claims", [claim(a, key, values[i % len(values)], sentence_id=n)
                                     for n, (a, (key, values), i) in enumerate(picks)])
    articles = schema.frame("articles", [article(x) for x in "abcd"])
    shards = [list("abcd")[:cut], list("abcd")[cut:]]
    placed = [row for ids in shards for row in compare.place(claims[claims["article_id"].isin(ids)],
                                                               articles[articles["article_id"].isin(ids)])]
    pd.testing.assert_frame_equal(compare.compare(claims, articles, placed=placed), compare.compare(claims, articles))
