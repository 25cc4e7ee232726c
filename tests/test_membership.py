"""Membership claims and group counts, one small test per phenomenon, on sentences written here."""

from __future__ import annotations

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.facts import membership
from sco_analysis.reading.corpus import load_corpus
from tests.conftest import write_folder


def _corpus(tmp_path, body: str, published: str = "2024-07-05"):
    folder = write_folder(tmp_path / "arts", {"a.txt": "A test headline\n\n" + body + "\n"},
                          rows=[{"file": "a.txt", "outlet": "Test Wire", "title": "", "published": published}])
    return load_corpus(folder)


def members(tmp_path, body, published="2024-07-05"):
    corpus = _corpus(tmp_path, body, published)
    df = membership.extract_membership(corpus)
    schema.validate("membership", df)
    for row in df.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.quote
    return [(r.iso3, r.status, None if pd.isna(r.year) else int(r.year), r.modality) for r in df.itertuples()]


def counts(tmp_path, body, published="2024-07-05"):
    corpus = _corpus(tmp_path, body, published)
    df = membership.extract_counts(corpus)
    schema.validate("counts", df)
    return [(r.status, int(r.count), r.modality, r.as_of,
             None if pd.isna(r.as_of_date) else r.as_of_date.strftime("%Y-%m-%d")) for r in df.itertuples()]


def _isos(rows):
    return [r[0] for r in rows]


# ---------------------------------------------------------------- lists

def test_comma_list_with_oxford_and(tmp_path):
    rows = members(
        tmp_path, "The SCO's founding members are Russia, Kazakhstan, Kyrgyzstan, China, Tajikistan, and Uzbekistan."
    )
    assert _isos(rows) == ["RUS", "KAZ", "KGZ", "CHN", "TJK", "UZB"]
    assert {r[1:] for r in rows} == {("founding_member", None, "reported")}


def test_em_dash_list_takes_founding_year_from_previous_sentence(tmp_path):
    rows = members(tmp_path, "The bloc was set up in 2001. Initially comprising six nations—China, Kazakhstan, "
                             "Kyrgyzstan, Russia, Tajikistan and Uzbekistan—it later grew.")
    assert _isos(rows) == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert {r[1:] for r in rows} == {("founding_member", 2001, "reported")}


def test_parenthesised_list_after_count(tmp_path):
    rows = members(tmp_path, "The organisation was founded in 2001 by its six founding states (Kazakhstan, China, "
                             "Kyrgyzstan, Russia, Tajikistan and Uzbekistan).")
    assert len(rows) == 6 and {r[1:] for r in rows} == {("founding_member", 2001, "reported")}


def test_as_well_as_list(tmp_path):
    rows = members(tmp_path, "In 2017 the SCO admitted India as well as Pakistan as full members.")
    assert rows == [("IND", "member", 2017, "reported"), ("PAK", "member", 2017, "reported")]


def test_years_distributed_over_list(tmp_path):
    rows = members(tmp_path, "Membership grew to include Pakistan and India in 2017, and Iran in 2023.")
    assert rows == [("PAK", "member", 2017, "reported"), ("IND", "member", 2017, "reported"),
                    ("IRN", "member", 2023, "reported")]


def test_founders_do_not_take_the_later_years(tmp_path):
    rows = members(tmp_path, "The SCO was created on 15 June 2001. At first having five members—China, Russia, "
                             "Kazakhstan, Kyrgyzstan and Tajikistan—it expanded to include Uzbekistan in 2002.")
    assert rows[:5] == [(iso, "founding_member", 2001, "reported") for iso in ["CHN", "RUS", "KAZ", "KGZ", "TJK"]]
    assert rows[5:] == [("UZB", "member", 2002, "reported")]


# ---------------------------------------------------------------- time

def test_relative_year_resolved_against_publication(tmp_path):
    assert members(tmp_path, "Laos will become a dialogue partner next year.") == [
        ("LAO", "dialogue_partner", 2025, "expected")]


def test_relative_year_left_null_without_date(tmp_path):
    assert members(tmp_path, "Laos will become a dialogue partner next year.", published="") == [
        ("LAO", "dialogue_partner", None, "expected")]


def test_event_range_dates_the_accession_by_its_last_day(tmp_path):
    corpus = _corpus(tmp_path, "At the summit on July 3-4, Belarus will become a full-fledged member state of the SCO.",
                     "2024-05-20")
    row = membership.extract_membership(corpus).iloc[0]
    assert (row.iso3, row.status, row.modality, str(row.date.date()), row.date_precision) == (
        "BLR", "member", "expected", "2024-07-04", "day")


def test_weekday_expected(tmp_path):
    corpus = _corpus(tmp_path, "Belarus will be admitted on Thursday.", "2024-07-03")
    row = membership.extract_membership(corpus).iloc[0]
    assert (row.iso3, row.status, row.modality, str(row.date.date())) == ("BLR", "member", "expected", "2024-07-04")


# ---------------------------------------------------------------- status phrases

@pytest.mark.parametrize("sentence, expected", [
    ("Turkey became a partner in dialogue in 2013.", [("TUR", "dialogue_partner", 2013, "reported")]),
    ("Mongolia was granted observer status in 2004.", [("MNG", "observer", 2004, "reported")]),
    ("Egypt and Qatar received dialogue partner status.", [("EGY", "dialogue_partner", None, "reported"),
                                                           ("QAT", "dialogue_partner", None, "reported")]),
    ("Leaders approved the accession of Belarus.", [("BLR", "member", None, "reported")]),
    ("Laos is now an SCO partner.", [("LAO", "partner", None, "reported")]),
    ("Iran is expected to join the organisation in 2023.", [("IRN", "member", 2023, "expected")]),
    ("Belarus is set to join the grouping.", [("BLR", "member", None, "expected")]),
    ("The observer states, Afghanistan and Mongolia, sent delegations.", [("AFG", "observer", None, "reported"),
                                                                          ("MNG", "observer", None, "reported")]),
    ("The summit granted observer status to Afghanistan.", [("AFG", "observer", None, "reported")]),
    ("India and Pakistan became full members in 2017.", [("IND", "member", 2017, "reported"),
                                                          ("PAK", "member", 2017, "reported")]),
    ("Azerbaijan and Nepal have joined the SCO family as partners in dialogue.",
     [("AZE", "dialogue_partner", 2024, "reported"), ("NPL", "dialogue_partner", 2024, "reported")]),
    ("The bloc now includes India.", [("IND", "member", None, "reported")]),
    ("It has grown with India, Pakistan and Iran added later.", [("IND", "member", None, "reported"),
                                                                  ("PAK", "member", None, "reported"),
                                                                  ("IRN", "member", None, "reported")]),
])
def test_status_phrases(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


# ---------------------------------------------------------------- not claims

@pytest.mark.parametrize("sentence", [
    "Leaders of China, Russia, India and Pakistan attended the summit in Astana, Kazakhstan.",
    "China will assume the chairmanship after Kazakhstan.",
    "China will take over the rotating presidency of SCO from Kazakhstan after the summit concludes.",
    "The Belarusian side welcomed the decision, the Iranian President said.",
    "All member states, except India, have had BRI projects running for a decade.",
    "Turkey is not a member of the SCO.",
    "Belarus is a member of the CSTO.",
    "China believes there would be consensus among the participating members.",
    "India joined other countries in condemning the attack.",
    "China’s members of parliament met Russia’s delegates.",
    "The weather in Astana was warm and dry on Tuesday.",
])
def test_not_membership_claims(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


# ---------------------------------------------------------------- counts

def test_number_words_and_digits(tmp_path):
    assert counts(tmp_path, "The SCO now has nine member states and 2 observers.") == [
        ("member", 9, "reported", "publication", "2024-07-05"),
        ("observer", 2, "reported", "publication", "2024-07-05"),
    ]


@pytest.mark.parametrize("sentence, count", [
    ("It has become a 9 member organization.", 9),
    ("Uzbekistan handed the presidency of the eight-member bloc to India.", 8),
    ("The grouping counts twenty-six member states.", 26),
])
def test_member_organization_forms(tmp_path, sentence, count):
    assert [r[:2] for r in counts(tmp_path, sentence)] == [("member", count)]


def test_countries_as_status(tmp_path):
    assert counts(tmp_path, "14 other countries participate in SCO as dialogue partners.") == [
        ("dialogue_partner", 14, "reported", "publication", "2024-07-05")]


def test_ordinal_expected_after_event_in_same_sentence(tmp_path):
    rows = counts(tmp_path, "At the summit on 3-4 July 2024, Belarus is set to become the organisation's tenth member.",
                  "2024-06-01")
    assert rows == [("member", 10, "expected", "after_event", "2024-07-04")]


def test_after_event_date_from_preceding_sentence(tmp_path):
    rows = counts(tmp_path, "The summit takes place on July 3-4. Consequently, the SCO will include 10 member states "
                            "and 14 dialogue partner states.", "2024-06-20")
    assert rows == [("member", 10, "expected", "after_event", "2024-07-04"),
                    ("dialogue_partner", 14, "expected", "after_event", "2024-07-04")]


def test_after_event_without_reference_date(tmp_path):
    rows = counts(tmp_path, "The summit opens on Wednesday. Afterwards the SCO will include ten member states.", "")
    assert rows == [("member", 10, "expected", "after_event", None)]


def test_founding_count_dated_with_founding_year(tmp_path):
    assert counts(tmp_path, "The SCO was founded in 2001 by six countries.") == [
        ("founding_member", 6, "reported", "2001", "2001-01-01")]


@pytest.mark.parametrize("sentence", [
    "The 24th meeting of the council opened today.",
    "The group represents half of the world's total population and one third of global GDP.",
    "The two organizations signed a memorandum.",
    "Only one member, India, objected.",
    "The EU's 27 member states disagreed.",
    "Six countries sent observers to the election.",
])
def test_not_counts(tmp_path, sentence):
    assert counts(tmp_path, sentence) == []


def test_number_parsing():
    assert [membership.number(w) for w in ["six", "14", "twenty-six", "10th", "tenth", "Nine"]] == [
        6,
        14,
        26,
        10,
        10,
        9,
    ]


def test_relative_clause_and_appositive(tmp_path):
    assert members(tmp_path, "Turkey, which is a NATO member, has been an SCO dialogue partner since 2013.") == [
        ("TUR", "dialogue_partner", 2013, "reported")]
    assert members(tmp_path, "Armenia and Azerbaijan, both dialogue partners, sent delegations.") == [
        ("ARM", "dialogue_partner", None, "reported"), ("AZE", "dialogue_partner", None, "reported")]
    assert members(tmp_path, "Belarus, which joined the SCO in 2024, hosted the talks.") == [
        ("BLR", "member", 2024, "reported")]


@pytest.mark.parametrize("sentence, expected", [
    ("SCO member Kazakhstan hosted the talks.", [("KAZ", "member", None, "reported")]),
    ("The observer states include Mongolia.", [("MNG", "observer", None, "reported")]),
    ("India, a member since 2017, chaired the meeting.", [("IND", "member", 2017, "reported")]),
    ("Iran is a member of the SCO and BRICS.", [("IRN", "member", None, "reported")]),
    ("The summit granted Turkey the status of dialogue partner.", [("TUR", "dialogue_partner", None, "reported")]),
])
def test_more_status_frames(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "BRICS members Brazil and India disagreed.",
    "Iran became a member of BRICS in 2024.",
    "Russia and India, both BRICS members, voted.",
    "Leaders of China and Russia met members of the press.",
])
def test_other_organisations_are_not_the_sco(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "India is the chair of the member states' council.",
    "Kazakhstan is hosting the members this week.",
    "Kazakhstan became the chair of the SCO, hosting member states in Astana.",
])
def test_status_noun_must_be_the_predicate(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


def test_hedged_accession_is_expected(tmp_path):
    assert members(tmp_path, "Laos could become a dialogue partner.") == [("LAO", "dialogue_partner", None, "expected")]


def test_second_coordinated_predicate(tmp_path):
    assert members(tmp_path, "Belarus signed a memorandum and is expected to become the tenth member next year.") == [
        ("BLR", "member", 2025, "expected")]
    assert members(tmp_path, "China signed the declaration and Russia hosted the talks.") == []


def test_dated_historical_count(tmp_path):
    assert counts(tmp_path, "In 2017 the SCO grew from six to eight members.") == [
        ("member", 8, "reported", "2017", "2017-01-01")]
    assert counts(tmp_path, "The SCO, founded in 2001, now has ten members.") == [
        ("member", 10, "reported", "publication", "2024-07-05")]


def test_other_organisation_named_before_number(tmp_path):
    assert counts(tmp_path, "Unlike NATO, the SCO has 10 members.") == [
        ("member", 10, "reported", "publication", "2024-07-05")
    ]
    assert counts(tmp_path, "NATO has 32 members.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Belarus joined the SCO, which was founded in 2001.", [("BLR", "member", None, "reported")]),
    ("Mongolia, an observer, attended the summit on July 5.", [("MNG", "observer", None, "reported")]),
    ("Iran has been an observer since 2005.", [("IRN", "observer", 2005, "reported")]),
    ("Afghanistan and Mongolia held observer status in 2024.", [("AFG", "observer", None, "reported"),
                                                                ("MNG", "observer", None, "reported")]),
])
def test_which_dates_can_date_a_claim(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


def test_future_copula_takes_event_date(tmp_path):
    assert members(tmp_path, "At the summit on July 4, Belarus will be a full member.", "2024-06-01") == [
        ("BLR", "member", 2024, "expected")]


def test_each_clause_keeps_its_own_date(tmp_path):
    assert members(
        tmp_path,
        "Pakistan and India have been full members since 2017, and Iran is expected to join next year.",
        "2022-09-16",
    ) == [("PAK", "member", 2017, "reported"), ("IND", "member", 2017, "reported"), ("IRN", "member", 2023, "expected")]


@pytest.mark.parametrize("sentence", [
    "Ministers discussed the application of Iran for full membership.",
    "Turkey aims to become a member.",
])
def test_procedures_and_wishes_are_not_claims(tmp_path, sentence):
    assert members(tmp_path, sentence) == []
