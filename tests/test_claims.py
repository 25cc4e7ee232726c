"""Claims: derivation from the membership and counts tables, and one small text per phenomenon
(the seeds' gold is scored in test_gold_seeds.py)."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.facts.claims import KEYS_FILE, extract_claims
from sco_analysis.facts.membership import extract_counts, extract_membership
from sco_analysis.reading.corpus import load_corpus
from tests.conftest import write_folder


def _claims(tmp_path, text, published="2024-07-03", membership=None, counts=None):
    folder = write_folder(tmp_path / "arts", {"a.txt": text},
                          rows=[{"file": "a.txt", "outlet": "Test Wire", "title": "", "published": published}])
    c = load_corpus(folder)
    m = schema.empty("membership") if membership is None else membership
    n = schema.empty("counts") if counts is None else counts
    return c, extract_claims(c, m, n)


def _pairs(claims):
    return {(r.claim_key, r.value) for r in claims.itertuples()}


@pytest.fixture(scope="module")
def seed_claims(seed_corpus):
    return extract_claims(seed_corpus, extract_membership(seed_corpus), extract_counts(seed_corpus))


def test_seed_claims_provenance_and_dates(seed_corpus, seed_claims):
    for r in seed_claims.itertuples():
        assert seed_corpus.texts[r.article_id][r.start:r.end] == r.quote
        if r.as_of == "timeless":
            assert pd.isna(r.as_of_date)
    pd_rows = seed_claims[seed_claims["article_id"].str.startswith("peoplesdispatch")]
    after = pd_rows[pd_rows["as_of"] == "after_event"]
    assert set(after["as_of_date"].dt.strftime("%Y-%m-%d")) == {"2024-07-04"}
    founding = seed_claims[seed_claims["claim_key"] == "founded.place"]
    assert founding["quote"].str.contains("founded").all()


def test_every_key_is_documented(seed_claims):
    with open(KEYS_FILE, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["meaning"] and r["value_format"] and r["compare"] for r in rows)
    patterns = [re.compile(re.escape(r["key"]).replace(re.escape("<ISO3>"), "[A-Z]{3}")
                           .replace(re.escape("<slug>"), "[a-z_]+") + "$") for r in rows]
    for key in set(seed_claims["claim_key"]):
        assert any(p.match(key) for p in patterns), key


@pytest.mark.parametrize("phrase, key, value", [
    ("represents half of the world's total population", "share.world_population", "0.5"),
    ("accounts for almost one third of global GDP", "share.world_gdp", "0.33"),
    ("accounts for a quarter of global GDP", "share.world_gdp", "0.25"),
    ("is home to 42% of the world's population", "share.world_population", "0.42"),
    ("is home to over 40 percent of the world's population", "share.world_population", "0.4"),
    ("produces two thirds of the world's economic output", "share.world_gdp", "0.67"),
])
def test_fractions(tmp_path, phrase, key, value):
    _, claims = _claims(tmp_path, f"The SCO {phrase}.\n")
    assert _pairs(claims) == {(key, value)}
    assert list(claims["as_of"]) == ["publication"]


def test_gdp_measure_only_when_stated(tmp_path):
    _, stated = _claims(tmp_path, "In PPP terms the bloc produces about a quarter of world GDP.\n")
    assert _pairs(stated) == {("share.world_gdp", "0.25"), ("share.world_gdp.measure", "ppp")}


def test_future_share_is_after_event(tmp_path):
    _, claims = _claims(tmp_path, "With Belarus, the SCO will represent over 40 percent of the world's population.\n")
    r = claims.iloc[0]
    assert (r["claim_key"], r["value"], r["modality"], r["as_of"]) == \
        ("share.world_population", "0.4", "expected", "after_event")


def test_chair_hand_over(tmp_path):
    _, claims = _claims(
        tmp_path, "China will take over the rotating presidency of SCO from Kazakhstan after the summit.\n"
    )
    got = {(r.claim_key, r.value, r.modality, r.as_of) for r in claims.itertuples()}
    assert got == {("chair.next", "CHN", "expected", "after_event"),
                   ("chair.current", "KAZ", "reported", "publication")}


@pytest.mark.parametrize("sentence, expected", [
    ("China will assume the SCO chairmanship.", {("chair.next", "CHN")}),
    ("Kyrgyzstan took over the chairmanship from China in September.", {("chair.current", "KGZ")}),
    ("India will hand over the chairmanship to Kazakhstan.", {("chair.next", "KAZ"), ("chair.current", "IND")}),
    ("Leaders met under the Kazakh chairmanship.", {("chair.current", "KAZ")}),
    ("Kazakh President Tokayev chaired the meeting.", set()),
])
def test_chair_phrasings(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("chair.")} == expected


def test_summit_dates_from_opening_weekday_and_closing_weekday(tmp_path):
    _, claims = _claims(tmp_path, "The summit opened in Astana on Wednesday, July 3 and will conclude on Thursday.\n")
    assert _pairs(claims) == {("summit.dates", "2024-07-03/2024-07-04"), ("summit.place", "Astana")}
    assert set(claims["modality"]) == {"reported"}


def test_summit_dates_from_attached_range_and_future_modality(tmp_path):
    _, claims = _claims(tmp_path, "Ministers prepared the upcoming SCO summit (scheduled for July 3-4) in Astana.\n"
                                  "Upon his arrival on Tuesday, he met the press.\n", published="2024-05-20")
    assert _pairs(claims) == {("summit.dates", "2024-07-03/2024-07-04")}
    assert set(claims["modality"]) == {"expected"}


def test_summit_number_and_place(tmp_path):
    _, claims = _claims(tmp_path, "Leaders gathered for the twenty-fourth summit of the SCO.\n"
                                  "The Tianjin summit will be the largest yet.\n"
                                  "India joined at the 2017 Astana summit as the 9th member.\n")
    assert _pairs(claims) == {("summit.number", "24"), ("summit.place", "Tianjin")}


def test_hosting_city_is_not_a_founding_place(tmp_path):
    _, claims = _claims(tmp_path, "The summit opened in Astana on Wednesday.\n"
                                  "The SCO, founded in 2001, held its summit in Astana.\n"
                                  "At the summit in Astana, leaders recalled that the SCO was established in 2001.\n")
    keys = _pairs(claims)
    assert ("founded.year", "2001") in keys
    assert not any(k == "founded.place" for k, _ in keys)
    assert ("summit.place", "Astana") in keys


def test_founding_needs_founding_evidence(tmp_path):
    _, claims = _claims(tmp_path, "The 2001 summit in Shanghai was a success.\n"
                                  "The Shanghai Five group was created on 26 April 1996 in Shanghai.\n"
                                  "The SCO was founded in Shanghai in 2001.\n")
    assert _pairs(claims) == {("founded.year", "2001"), ("founded.place", "Shanghai")}
    founded = claims[claims["claim_key"].str.startswith("founded")]
    assert set(founded["quote"]) == {"The SCO was founded in Shanghai in 2001."}


def test_founding_date_not_taken_from_the_expansion_clause(tmp_path):
    _, claims = _claims(tmp_path, "Originally consisting of six countries, it expanded to include India in 2017.\n")
    assert not any(k.startswith("founded.year") for k, _ in _pairs(claims))


def _sentence_row(c, i, **kw):
    s = c.sentences[c.sentences["kind"] == "body"].iloc[i]
    return {"article_id": s["article_id"], "sentence_id": s["sentence_id"], "start": s["start"],
            "end": s["end"], "quote": s["text"], **kw}


def test_derivation_from_membership_and_counts_frames(tmp_path):
    text = (
        "Iran joined in 2023 and Belarus will join in 2024.\nFounded by China and Russia, the SCO now has 9 members.\n"
    )
    folder = write_folder(tmp_path / "arts", {"a.txt": text})
    c = load_corpus(folder)
    common = {"date": None, "date_precision": "year"}
    membership = schema.frame(
        "membership",
        [
            _sentence_row(c, 0, country="Iran", iso3="IRN", status="member", year=2023, modality="reported", **common),
            _sentence_row(
                c, 0, country="Belarus", iso3="BLR", status="member", year=2024, modality="expected", **common
            ),
            _sentence_row(
                c, 1, country="China", iso3="CHN", status="founding_member", year=None, modality="reported", **common
            ),
            _sentence_row(
                c, 1, country="Russia", iso3="RUS", status="founding_member", year=None, modality="reported", **common
            ),
            _sentence_row(
                c, 1, country="Russia", iso3="RUS", status="member", year=None, modality="reported", **common
            ),
        ],
    )
    counts = schema.frame("counts", [
        _sentence_row(c, 1, status="member", count=9, modality="reported", as_of="publication",
                      as_of_date="2024-07-05"),
    ])
    claims = extract_claims(c, membership, counts)
    got = {(r.claim_key, r.value, r.modality, r.as_of) for r in claims.itertuples()}
    assert got == {("accession.year.IRN", "2023", "reported", "timeless"),
                   ("accession.year.BLR", "2024", "expected", "timeless"),
                   ("founded.members", "CHN;RUS", "reported", "timeless"),
                   ("members.count", "9", "reported", "publication"),
                   ("status.IRN", "member", "reported", "2023"),
                   ("status.BLR", "member", "expected", "2024"),
                   ("status.CHN", "member", "reported", "publication"),
                   ("status.RUS", "member", "reported", "publication")}
    count_row = claims[claims["claim_key"] == "members.count"].iloc[0]
    assert str(count_row["as_of_date"].date()) == "2024-07-05"
    assert count_row["quote"] == "Founded by China and Russia, the SCO now has 9 members."


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Most leaders are attending the summit, except Indian Prime Minister Narendra Modi.",
            {("summit.leader_attends.IND", "no")},
        ),
        (
            "Turkish President Recep Tayyip Erdogan will attend the summit as a guest.",
            {("summit.leader_attends.TUR", "yes")},
        ),
        ("Pakistani Prime Minister Shehbaz Sharif will not attend the summit.", {("summit.leader_attends.PAK", "no")}),
        ("Indian Prime Minister Narendra Modi will attend a dinner.", set()),
    ],
)
def test_leader_attendance(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert _pairs(claims) == expected


def test_documents_to_be_adopted(tmp_path):
    _, claims = _claims(tmp_path, "The leaders will endorse an energy strategy and sign the Astana Declaration.\n"
                                  "In 2016 India signed a memorandum of obligations.\n", published="2024-05-20")
    got = {(r.claim_key, r.value, r.modality) for r in claims.itertuples()}
    assert got == {("summit.document.energy_strategy", "adopted", "expected"),
                   ("summit.document.declaration", "adopted", "expected")}


def test_secretary_general_but_not_the_un_one(tmp_path):
    _, claims = _claims(tmp_path, "UN Secretary General Antonio Guterres arrived.\n"
                                  "SCO Secretary-General Zhang Ming welcomed him.\n")
    assert _pairs(claims) == {("secretary_general", "Zhang Ming")}


def test_coordinated_documents_and_numbered_council_meeting(tmp_path):
    _, claims = _claims(
        tmp_path,
        "The 25th meeting of the SCO Council of Heads of State opened in Tianjin.\n"
        "The leaders will adopt the Tianjin Declaration and a development strategy until 2035.\n",
        published="2025-08-31",
    )
    assert _pairs(claims) == {("summit.number", "25"), ("summit.place", "Tianjin"),
                              ("summit.document.declaration", "adopted"),
                              ("summit.document.development_strategy", "adopted")}


def test_past_summit_sentence_is_not_this_summit_and_was_held_dates(tmp_path):
    _, claims = _claims(tmp_path, "The 22nd SCO summit was held on September 15-16, 2022, in Samarkand.\n"
                                  "In 2017, India and Pakistan joined the SCO at the Astana summit.\n",
                        published="2022-09-16")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("summit.")} == {
        ("summit.number", "22"), ("summit.dates", "2022-09-15/2022-09-16"), ("summit.place", "Samarkand")}


@pytest.mark.parametrize("sentence, expected", [
    ("Talks began. Founded in Shanghai in 2001, the SCO now spans Eurasia.",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("Since its founding in 2001 the bloc has grown.", {("founded.year", "2001")}),
    ("Bishkek will host the next summit.", {("summit.place", "Bishkek")}),
    ("Kyrgyzstan will host the next summit.", set()),
    ("The summit was held in the Kazakh capital, Astana.", {("summit.place", "Astana")}),
    ("India, which chairs the SCO this year, hosted talks.", {("chair.current", "IND")}),
    ("Talks went well under India's chairmanship.", {("chair.current", "IND")}),
])
def test_more_phrasings(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert _pairs(claims) == expected


def test_undated_summit_modality_follows_tense(tmp_path):
    _, claims = _claims(tmp_path, "Bishkek will host the next summit.\nThe 2024 summit was held in Astana.\n",
                        published="2024-09-01")
    got = {(r.value, r.modality) for r in claims.itertuples()}
    assert got == {("Bishkek", "expected"), ("Astana", "reported")}


@pytest.mark.parametrize("sentence, expected", [
    ("SCO Secretary-General Zhang Ming met the envoys.", {"Zhang Ming"}),
    ("SCO Secretary General Nurlan Yermekbayev said the talks went well.", {"Nurlan Yermekbayev"}),
    ("Secretary General of Shanghai Cooperation Organization (SCO) Zhang Ming has affirmed the ties.",
     {"Zhang Ming"}),
    ("The Secretary-General of the SCO, Vladimir Norov, said so.", {"Vladimir Norov"}),
    ("The talks, the organization's Secretary General, Zhang Ming, said, went well.", {"Zhang Ming"}),
    ("Zhang Ming, the SCO Secretary-General, said the talks went well.", {"Zhang Ming"}),
    ("Vladimir Norov, Secretary-General of the SCO, opened the forum.", {"Vladimir Norov"}),
    ("SCO Sec Gen Zhang Ming spoke.", {"Zhang Ming"}),
    # not the SCO's office, or no name
    ("UN Secretary-General Antonio Guterres said so.", set()),
    ("In Beijing, NATO Secretary General Mark Rutte spoke.", set()),
    ("The SCO Secretary-General said the talks went well.", set()),
    ("Ties boosted, says Sec Gen", set()),
])
def test_secretary_general_phrasings(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {v for k, v in _pairs(claims) if k == "secretary_general"} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The SCO is a political alliance founded in 2001 that brings together six states.",
     {("founded.year", "2001")}),
    ("It is a bloc established in Shanghai in June 2001 by six states.",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("The grouping, first created in 2001, now has ten members.", {("founded.year", "2001")}),
    ("The SCO (founded in 2001) now has ten members.", {("founded.year", "2001")}),
    ("The SCO — founded in 2001 — now has ten members.", {("founded.year", "2001")}),
    ("Launched in Shanghai in June 2001, the SCO has eight full members.",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("On June 15, 2001, the Shanghai Cooperation Organization (SCO) was established in Shanghai by the heads "
     "of state of six countries.",
     {("founded.year", "2001"), ("founded.date", "2001-06-15"), ("founded.place", "Shanghai")}),
    # an organisation formed for something else, or a forum set up later, is not the founding
    ("The alliance formed a working group in 2019.", set()),
    ("The Shanghai Five, founded in 1996, preceded it.", set()),
])
def test_founding_frames(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("founded.")} == expected


@pytest.mark.parametrize("sentence, place", [
    ("The meeting of the Council of Heads of Member States was held on September 1 in China's Tianjin.",
     "Tianjin"),
    ("The summit opened in Russia's Ufa on Friday.", "Ufa"),
    ("The summit took place in the Uzbek city of Samarkand.", "Samarkand"),
    ("The SCO summit was held in Kazakhstan's capital.", None),
    ("The summit was held in Putin's Russia.", None),
])
def test_summit_place_after_a_possessive(tmp_path, sentence, place):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {v for k, v in _pairs(claims) if k == "summit.place"} == ({place} if place else set())


@pytest.mark.parametrize("text, published, dates", [
    ("Leaders gathered for the one-day summit held on July 10 in Ufa.", "2015-07-10", "2015-07-10/2015-07-10"),
    ("Sharif will attend the SCO Summit in Astana starting June 8.\n"
     "India is expected to join during the two-day Summit.", "2017-06-05", "2017-06-08/2017-06-09"),
    ("The two-day SCO summit opens on July 3 in Astana.", "2024-06-20", "2024-07-03/2024-07-04"),
    ("The summit, held from June 6 to 7 in Beijing, ended.", "2012-06-07",
     "2012-06-06/2012-06-07"),
    # a length that is not the summit's, or an opening day alone, is not a span
    ("Modi will pay a two-day visit to attend the summit opening on July 3.", "2024-06-20", None),
    # a single day attached to the summit, with no opening verb, is the summit's day
    ("Officials spoke ahead of the upcoming SCO summit in Bishkek on Aug 16.", "2007-08-10", "2007-08-16/2007-08-16"),
    ("The day-long SCO summit is scheduled to open in Dushanbe on August 28.", "2008-08-10",
     "2008-08-28/2008-08-28"),
    ("He spoke at the fifth summit of the Shanghai Cooperation Organization in Shanghai June 15.", "2006-06-15",
     "2006-06-15/2006-06-15"),
    ("The summit opens on July 3.", "2024-06-20", None),
])
def test_summit_dates_from_an_opening_day_and_a_length(tmp_path, text, published, dates):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    assert {v for k, v in _pairs(claims) if k == "summit.dates"} == ({dates} if dates else set())


@pytest.mark.parametrize("text, place", [
    ("BISHKEK, June 14 (Xinhua) -- The SCO summit held here on Friday adopted a declaration.", "Bishkek"),
    ("UFA, RUSSIA — Leaders met at the summit on Friday.\n"
     "Putin spoke at the meeting of the council in the Russian city of Ufa.", "Ufa"),
    ("TIANJIN, China, September 1. Leaders met at the SCO summit.\n"
     "The meeting of the Council of Heads of Member States was held in China's Tianjin.", "Tianjin"),
    # the dateline alone, a city named in passing, or a summit still to come: no place from the dateline
    ("ASTANA, July 4. /TASS/. The SCO summit opened in the Kazakh capital on Thursday.", None),
    ("TOKYO, Dec 9 (KUNA) -- The SCO summit was held in July. Officials in Tokyo welcomed it.", None),
    ("MOSCOW, June 1 (TASS) -- The SCO summit will be held here next month.", None),
    ("MOSCOW, June 1 (TASS) -- Lavrov met the envoys here on the sidelines of a meeting in Moscow.", None),
])
def test_dateline_city_is_the_summit_place_only_when_the_body_places_the_summit_there(tmp_path, text, place):
    _, claims = _claims(tmp_path, text + "\n", published="2024-07-04")
    assert {v for k, v in _pairs(claims) if k == "summit.place"} == ({place} if place else set())


def _status(claims):
    rows = claims[claims["claim_key"].str.startswith("status.")]
    return {(r.claim_key, r.value, r.modality, r.as_of) for r in rows.itertuples()}


@pytest.mark.parametrize("text, published, expected", [
    ("The SCO currently groups eight member States as well as four countries as observers (Afghanistan, Iran, "
     "Belarus and Mongolia).", "2023-12-09",
     {("status.AFG", "observer", "reported", "publication"), ("status.IRN", "observer", "reported", "publication"),
      ("status.BLR", "observer", "reported", "publication"), ("status.MNG", "observer", "reported", "publication")}),
    ("India and Pakistan obtained observer status in July 2005.", "2017-06-05",
     {("status.IND", "observer", "reported", "2005-07"), ("status.PAK", "observer", "reported", "2005-07")}),
    ("The SCO was founded on June 15, 2001 by China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
     "2011-06-15", {(f"status.{c}", "member", "reported", "2001-06-15")
                    for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")}),
    ("Belarus will become a full member of the SCO at the summit.", "2024-07-03",
     {("status.BLR", "member", "expected", "2024")}),
    ("The Afghan President attended the summit.", "2012-06-07", set()),
])
def test_every_membership_row_is_a_status_claim_as_of_its_time(tmp_path, text, published, expected):
    folder = write_folder(tmp_path / "arts", {"a.txt": text + "\n"},
                          rows=[{"file": "a.txt", "outlet": "Wire", "title": "", "published": published}])
    c = load_corpus(folder)
    claims = extract_claims(c, extract_membership(c), extract_counts(c))
    assert _status(claims) == expected
    publication = claims[claims["as_of"] == "publication"]
    assert (publication["as_of_date"].dt.strftime("%Y-%m-%d") == published).all()


@pytest.mark.parametrize("sentence, expected", [
    ("The rotating presidency passed to India on Friday.", {("chair.current", "IND")}),
    ("The SCO chairmanship will pass to Kyrgyzstan after the summit.", {("chair.next", "KGZ")}),
    ("The presidency is set to go to China.", {("chair.next", "CHN")}),
    ("Kyrgyzstan will chair the SCO in 2025-2026.", {("chair.next", "KGZ")}),
    ("India is set to chair the organisation next year.", {("chair.next", "IND")}),
    # a meeting chaired, or a chair passing on a seat, is not the SCO's chair
    ("Kazakhstan will chair the meeting of foreign ministers.", set()),
    ("He passed the chair to his deputy.", set()),
])
def test_chair_passes_and_will_chair(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("chair.")} == expected


@pytest.mark.parametrize("text, published, place", [
    ("Leaders of the Shanghai Cooperation Organization (SCO) have gathered for a summit in Tashkent.", "2010-06-11",
     "Tashkent"),
    ("Leaders of the member states of the SCO met in Yekaterinburg, Russia, Tuesday.", "2009-06-16", "Yekaterinburg"),
    ("The SCO, meeting in Astana, Kazakhstan, said in a declaration that it backs the plan.", "2005-07-06", "Astana"),
    ("The day-long SCO summit is scheduled to open in Dushanbe on August 28.", "2008-08-10", "Dushanbe"),
    ("Ahmadinejad due in Astana for SCO meet", "2011-06-14", "Astana"),  # headline shorthand
    ("The Indian prime minister will be in Bishkek for the annual summit.", "2019-06-10", "Bishkek"),
    # ministers are not the summit; a summit of another year is not this one
    ("SCO foreign ministers met in Astana on Friday.", "2024-05-21", None),
    ("Defence chiefs due in Astana for SCO meetings", "2024-04-21", None),
    ("Leaders will review progress made since the 2006 Shanghai summit.", "2007-08-16", None),
    ("Belarus was granted dialogue partner status at the group's 2009 summit in Yekaterinburg.", "2010-06-11", None),
    # last year's summit, by a relative year or by a year that ended months before publication
    ("Tehran's admission was accepted at the Dushanbe summit last year.", "2022-09-14", None),
    ("The procedure was launched during the SCO summit in Samarkand in 2022.", "2023-07-03", None),
    # a summit weeks before a January piece is still the one it reports
    ("The leaders met at the summit in Bishkek in 2019.", "2020-01-10", "Bishkek"),
])
def test_summit_place_from_leaders_meeting_and_not_from_another_years_summit(tmp_path, text, published, place):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    assert {v for k, v in _pairs(claims) if k == "summit.place"} == ({place} if place else set())


@pytest.mark.parametrize("text, published, expected", [
    ("Initiated in the mid-1990s, the SCO was formalised in 2001.", "2005-07-06", {("founded.year", "2001")}),
    ("The SCO was inaugurated in Shanghai, China, last year.", "2002-06-07",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("• Established: 2001 in Shanghai by the leaders of six countries.", "2016-06-24",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("The new office was inaugurated by the mayor.", "2016-06-24", set()),
])
def test_more_founding_verbs_and_a_fact_box(tmp_path, text, published, expected):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("founded.")} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Russian citizen Dmitri Mezentsev was elected Secretary General of the Organization.",
     {("secretary_general", "Dmitri Mezentsev")}),
    ("Vladimir Norov has been appointed as the new SCO Secretary-General.", {("secretary_general", "Vladimir Norov")}),
    ("Sun Zhuangzhi, the Secretary-General of the SCO Research Centre at the Academy, said so.", set()),
    ("Indian Prime Minister Narendra Modi on Friday attended the 15th Shanghai Cooperation Organisation (SCO) summit.",
     {("summit.number", "15"), ("summit.leader_attends.IND", "yes")}),
])
def test_office_number_and_attendance_in_longer_names(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n", published="2015-07-10")
    assert _pairs(claims) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("The meeting of the Council of Heads of Member States was held on September 1 in Tianjin.", "2025-09-01",
     {("summit.place", "Tianjin"), ("summit.dates", "2025-09-01/2025-09-01")}),
    ("The 20th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) will be held "
     "via video link on November 10.", "2020-11-05",
     {("summit.number", "20"), ("summit.dates", "2020-11-10/2020-11-10")}),
    ("The 19-th session of the Heads of State Council of the SCO member states will be held in Bishkek.", "2019-06-10",
     {("summit.number", "19"), ("summit.place", "Bishkek")}),
    ("The 21st edition of Shanghai Cooperation Organization (SCO) kicked off in Dushanbe, capital of Tajikistan.",
     "2021-09-17", {("summit.number", "21"), ("summit.place", "Dushanbe")}),
    ("Iran became a member during the 23rd virtual summit of the bloc.", "2023-07-04", {("summit.number", "23")}),
    ("The Shanghai Cooperation Organization concluded its Beijing summit on Thursday.", "2012-06-07",
     {("summit.place", "Beijing")}),
])
def test_council_sessions_editions_and_virtual_summits(tmp_path, sentence, published, expected):
    _, claims = _claims(tmp_path, sentence + "\n", published=published)
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("summit.") and "attends" not in k} == expected


def test_a_title_case_headline_gives_no_name(tmp_path):
    _, claims = _claims(tmp_path, "SCO Secretary-General Meets Lao Foreign Minister\n"
                                  "SCO Secretary-General Nurlan Yermekbayev met the minister.\n")
    assert {v for k, v in _pairs(claims) if k == "secretary_general"} == {"Nurlan Yermekbayev"}


@pytest.mark.parametrize("text, expected", [
    ("Indian Prime Minister Narendra Modi on Friday attended the 15th SCO summit in Ufa.", {("IND", "yes")}),
    ("The summit, chaired by Prime Minister Narendra Modi, was joined by Chinese President Xi Jinping, his Russian "
     "counterpart Vladimir Putin and Pakistan PM Shehbaz Sharif.",
     {("IND", "yes"), ("CHN", "yes"), ("RUS", "yes"), ("PAK", "yes")}),  # the chair is Modi (data/leaders.csv)
    ("Leaders of Russia, China, India and four observers including Iran and Mongolia participated in the video "
     "conference.", {("RUS", "yes"), ("CHN", "yes"), ("IND", "yes"), ("IRN", "yes"), ("MNG", "yes")}),
    ("Russian President Vladimir Putin met leaders in Moscow.\n"
     "Putin said during his opening speech at the extended meeting that the bloc grows.", {("RUS", "yes")}),
    ("Addressing the gathering, Pakistan President Asif Ali Zardari said peace needs stability.", {("PAK", "yes")}),
    ("Presidents of Belarus Alexander Lukashenko and Mongolia Khaltmaagiin Battulga joined the summit.",
     {("BLR", "yes"), ("MNG", "yes")}),
    ("All leaders, Russian President Vladimir Putin and Kazakhstan Kassym-Jomart Tokayev among them, have "
     "already arrived for the summit.", {("RUS", "yes"), ("KAZ", "yes")}),
    # the list after "the member states" with a dash, colon or comma; a dash closes the list
    ("The presidents of the member states -- China, Russia and Kazakhstan -- signed a declaration granting "
     "India membership at a summit in Astana.", {("CHN", "yes"), ("RUS", "yes"), ("KAZ", "yes")}),
    ("The leaders of the SCO member countries, China, Russia and Uzbekistan, adopted a statement at the summit.",
     {("CHN", "yes"), ("RUS", "yes"), ("UZB", "yes")}),
    # being in the city for the summit, meeting or gathering there, opening or kicking off the event, being present
    ("Chinese President Xi Jinping and Russian President Vladimir Putin are in Tashkent for a summit of the SCO.",
     {("CHN", "yes"), ("RUS", "yes")}),
    ("The presidents of China, Russia and Kazakhstan are meeting this week in Dushanbe for the annual summit.",
     {("CHN", "yes"), ("RUS", "yes"), ("KAZ", "yes")}),
    ("Gathering in Bishkek on Friday, the presidents of China and Tajikistan opened the SCO summit.",
     {("CHN", "yes"), ("TJK", "yes")}),
    ("Kazakh President Kassym-Jomart Tokayev spoke as he opened the second day of the SCO sessions.",
     {("KAZ", "yes")}),
    ("Chinese President Hu Jintao met his Russian counterpart, kicking off a six-nation summit.",
     {("CHN", "yes"), ("RUS", "yes")}),
    ("Indian Prime Minister Narendra Modi and Kazakh President Kassym-Jomart Tokayev were also present at the "
     "summit.", {("IND", "yes"), ("KAZ", "yes")}),
    # one title shared by coordinated demonyms
    ("He will hold talks with officials attending the SCO meeting, including his Russian and Chinese "
     "counterparts.", {("RUS", "yes"), ("CHN", "yes")}),
    # no leader at the event: ministers, hosts who invited, leaders who only speak elsewhere, no event at all
    ("Chinese President Xi Jinping is in Moscow for talks on trade.", set()),
    ("The presidents of China and Russia are in agreement on the summit agenda.", set()),
    # the founders at the founding summit years ago are not this summit's attendees
    ("The SCO was founded at a summit in Shanghai in 2001 by the presidents of Russia, China and Kazakhstan.",
     set()),
    ("Foreign Minister of the Lao People's Democratic Republic Thongsavanh Phomvihane met him on the sidelines of "
     "the summit.", set()),
    ("The Iranian president will fly to the summit at the invitation of Tajik President Emomali Rakhmon.", set()),
    ("Russian President Vladimir Putin said the bloc grows.", set()),
    ("Leaders hailed the decision, with the leaders of the bloc expected to admit India and Pakistan.", set()),
    ("Indian Prime Minister Narendra Modi will not attend the summit.", {("IND", "no")}),
])
def test_leader_attendance_in_the_press_wordings(tmp_path, text, expected):
    _, claims = _claims(tmp_path, text + "\n", published="2015-07-10")
    got = {(k.rsplit(".", 1)[1], v) for k, v in _pairs(claims) if k.startswith("summit.leader_attends.")}
    assert got == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The meeting is being conducted under the presidency of Uzbekistan.", {("chair.current", "UZB")}),
    ("The event marks an important milestone in Kazakhstan's chairmanship of the SCO.", {("chair.current", "KAZ")}),
    ("Note that this year Kyrgyzstan chairs in the SCO.", {("chair.current", "KGZ")}),
    ("Kyrgyzstan will pass the baton of chairmanship to the Russian Federation.",
     {("chair.next", "RUS"), ("chair.current", "KGZ")}),
    ("The match was played under the presidency of a local club.", set()),
])
def test_chair_in_more_wordings(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("chair.")} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The SCO is an international organization founded by China, Russia and four others in 2001.",
     {("founded.year", "2001")}),
    ("The Declaration on the Establishment of the Shanghai Cooperation Organization was signed in China's Shanghai "
     "in June 2001 by the six founding states.", {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    ("The SCO was founded at a summit in Shanghai in 2001 by the presidents of six states.",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
])
def test_founding_by_a_list_a_declaration_or_at_a_summit(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("founded.")} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("On September 1, in Tianjin, on the sidelines of the SCO summit, Secretary General Nurlan Yermekbayev met him.",
     {"Nurlan Yermekbayev"}),
    ("The envoy signed the paper with Zhang Ming, secretary general of the SCO, on Thursday.", {"Zhang Ming"}),
    ("At the talks, Secretary General Mark Rutte spoke of the alliance.", set()),
])
def test_secretary_general_without_the_organisation_before_the_title(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n")
    assert {v for k, v in _pairs(claims) if k == "secretary_general"} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The summit will end with the signing of eleven documents, including the Astana Declaration, the Convention on "
     "Combating Extremism and a joint statement.", {"declaration", "convention"}),
    ("The leaders signed a convention on countering extremism, a joint action plan on tourism for 2017-2018, and "
     "the Astana declaration.", {"convention", "action_plan", "declaration"}),
    ("The decision was reflected in the Tianjin Declaration, adopted following the meeting of the Council.",
     {"declaration"}),
    ("A declaration issued at the conclusion of the summit stressed the admission of Iran.", {"declaration"}),
    ("Uzbekistan obliges itself to the principles behind other agreements signed by the Shanghai Five nations.",
     set()),
    ("Iran signed a memorandum of obligations to join the SCO.", set()),
])
def test_documents_in_lists_and_passives(tmp_path, sentence, expected):
    _, claims = _claims(tmp_path, sentence + "\n", published="2017-06-08")
    assert {k.split(".", 2)[2] for k, _ in _pairs(claims) if k.startswith("summit.document.")} == expected


def _read_claims(tmp_path, text, published="2018-06-10"):
    """Claims of one text, with membership and counts read from it as the pipeline does."""
    folder = write_folder(tmp_path / "arts", {"a.txt": "A test headline\n\n" + text + "\n"},
                          rows=[{"file": "a.txt", "outlet": "Test Wire", "title": "A test headline",
                                 "published": published}])
    c = load_corpus(folder)
    out = extract_claims(c, extract_membership(c), extract_counts(c))
    return {p for p in _pairs(out) if not p[0].startswith("status.")}


@pytest.mark.parametrize("sentence, expected", [
    ("India hosted the summit in its capacity as the grouping's current chair.", {("chair.current", "IND")}),
    ("India, the current chair of the SCO, hosted the virtual summit.", {("chair.current", "IND")}),
    ("Kazakhstan is the SCO's rotating chair this year.", {("chair.current", "KAZ")}),
    ("Modi, as chair of the meeting, opened the session.", set()),
])
def test_a_country_named_as_the_current_chair(tmp_path, sentence, expected):
    assert {p for p in _read_claims(tmp_path, sentence) if p[0].startswith("chair.")} == expected


@pytest.mark.parametrize("sentence, number", [
    ("This is the first SCO summit attended by India and Pakistan as full members.", None),
    ("It was the last summit with Islam Karimov as host.", None),
    ("The first SCO summit was held in Shanghai in 2001.", "1"),
    ("The 18th SCO summit is being held in Qingdao.", "18"),
])
def test_first_or_last_ranking_a_summit_by_something_else_is_not_its_number(tmp_path, sentence, number):
    found = {v for k, v in _read_claims(tmp_path, sentence) if k == "summit.number"}
    assert found == ({number} if number else set())


@pytest.mark.parametrize("sentence, city", [
    ("Modi arrived in Bishkek on Thursday to attend the SCO summit.", "Bishkek"),
    ("Leaders of the SCO member states gathered in the Uzbek city of Samarkand on Thursday.", "Samarkand"),
    ("The president arrived in Astana to take part in the summit of the Shanghai Cooperation Organisation.", "Astana"),
    ("Modi arrived in Paris on Thursday for talks with Macron.", None),
])
def test_summit_place_from_arrivals_and_gatherings(tmp_path, sentence, city):
    found = {v for k, v in _read_claims(tmp_path, sentence) if k == "summit.place"}
    assert found == ({city} if city else set())


@pytest.mark.parametrize("sentence, n", [
    ("The SCO now comprises nine countries.", "9"),
    ("The grouping of eight nations met in Qingdao.", "8"),
    ("The organisation is made up of eight states.", "8"),
    ("Eight countries sent observers to the exercise.", None),
])
def test_members_count_from_the_organisation_made_of_countries(tmp_path, sentence, n):
    found = {v for k, v in _read_claims(tmp_path, sentence) if k == "members.count"}
    assert found == ({n} if n else set())


def test_summit_place_after_held_from_a_date_range(tmp_path):
    found = _read_claims(tmp_path, "The SCO summit was held from 8-9 June in Astana, the capital of Kazakhstan.",
                         published="2017-06-10")
    assert ("summit.place", "Astana") in found


@pytest.mark.parametrize("sentence, city", [
    ("The organization convenes its largest-ever summit in China's port city of Tianjin, Xinhua reported.", "Tianjin"),
    ("The SCO summit will kick off in China's northern city of Tianjin on Sunday.", "Tianjin"),
])
def test_summit_place_after_a_possessive_and_a_described_city(tmp_path, sentence, city):
    assert ("summit.place", city) in _read_claims(tmp_path, sentence, published="2025-08-31")


def test_a_family_of_nations_is_not_a_member_count(tmp_path):
    found = _read_claims(tmp_path, "The SCO has expanded from six founding members into a 26-nation family of 10 "
                                   "members, two observers and 14 dialogue partners.", published="2025-09-01")
    assert {v for k, v in found if k == "members.count"} == {"10"}


@pytest.mark.parametrize("sentence, city", [
    ("Eurasian leaders are now in the Uzbek capital of Tashkent for an annual summit of the SCO.", "Tashkent"),
    ("The 14th Summit of the SCO was held on September 11 and 12 in the capital of Tajikistan, Dushanbe City.",
     "Dushanbe"),
])
def test_summit_place_from_leaders_in_a_city_and_a_capital_named_after_its_country(tmp_path, sentence, city):
    assert ("summit.place", city) in _read_claims(tmp_path, sentence, published="2014-09-13")


def test_the_forerunners_summits_are_not_numbered_as_the_scos(tmp_path):
    text = ('June 14-15, 2001 -- Presidents of the "Shanghai Five" -- China, Russia, Kazakhstan, Kyrgyzstan and '
            'Tajikistan -- met for their sixth summit in Shanghai.')
    found = _read_claims(tmp_path, text, published="2014-09-12")
    assert not {v for k, v in found if k == "summit.number"}


@pytest.mark.parametrize("sentence, published, expected", [
    # the organisation's name with a hyphen, as some outlets write it
    ("The Shanghai Co-operation Organisation was founded on June 15 2001 by the leaders of Kazakhstan, Kyrgyzstan, "
     "China, Russia, Tajikistan and Uzbekistan.", "2024-07-04",
     {("founded.year", "2001"), ("founded.date", "2001-06-15")}),
    # a founding document signed, in lower case
    ("The declaration on the creation of the SCO was signed in Shanghai in June 2001 by six countries: Russia, "
     "Kazakhstan, Kyrgyzstan, China, Tajikistan and Uzbekistan.", "2022-09-16",
     {("founded.year", "2001"), ("founded.place", "Shanghai")}),
    # a chair in the progressive
    ("Tajikistan is holding the SCO presidency in 2021.", "2021-09-10", {("chair.current", "TJK")}),
    # a summit noun followed by "meeting"
    ("India submitted an application for full membership at the SCO Heads of State Council meeting in Dushanbe.",
     "2014-09-12", {("summit.place", "Dushanbe")}),
])
def test_founding_with_a_hyphenated_name_or_a_signed_declaration_chairs_holding_and_council_meetings(
        tmp_path, sentence, published, expected):
    assert expected <= set(_read_claims(tmp_path, sentence, published=published))


@pytest.mark.parametrize("sentence, published, expected", [
    # titles and honorifics before the Secretary-General's name are not part of it
    ("The MoU was signed by HE the SCO Secretary-General Ambassador Zhang Ming.", "2022-09-16",
     {("secretary_general", "Zhang Ming")}),
    # "the summit of SCO leaders in the Russian city of Ufa, Putin said": the city, not the next name; a year
    # that dates the founding does not make the summit another year's
    ("In a briefing after the summit of SCO leaders in the Russian city of Ufa, Putin announced the first "
     "expansion of the group since its inception in 2001.", "2015-07-10", {("summit.place", "Ufa")}),
    # a long appositive between the leaders and where they are
    ("The leaders of six countries, including Chinese President Hu Jintao and Russian President Vladimir Putin, "
     "are in Beijing for a summit of the Shanghai Cooperation Organisation.", "2012-06-06",
     {("summit.place", "Beijing")}),
])
def test_honorifics_cities_after_of_founding_years_and_long_appositives(tmp_path, sentence, published, expected):
    found = set(_read_claims(tmp_path, sentence, published=published))
    assert expected <= found
    assert {k for k, _ in found if k in ("summit.place", "secretary_general")} == {k for k, _ in expected}


@pytest.mark.parametrize("sentence, published, expected", [
    # places written with "St." and founding dated "two decades ago"
    ("The Shanghai Cooperation Organization (SCO) was founded in St. Petersburg two decades ago.", "2021-09-16",
     {("founded.place", "St. Petersburg"), ("founded.year", "2001")}),
    ("The SCO summit was held in St. Petersburg on June 7.", "2002-06-08", {("summit.place", "St. Petersburg")}),
    # an abbreviated month glued to its day is a date, not part of the city
    ("Documents were signed following the SCO summit in Dushanbe Sept.12, Avesta.Tj reported.", "2014-09-13",
     {("summit.place", "Dushanbe"), ("summit.dates", "2014-09-12/2014-09-12")}),
])
def test_saint_places_and_years_ago(tmp_path, sentence, published, expected):
    assert expected <= set(_read_claims(tmp_path, sentence, published=published))


@pytest.mark.parametrize("sentence, published, city", [
    ("Iranian President Mahmoud Ahmadinejad left Tehran for Astana to attend the SCO summit.", "2011-06-14", "Astana"),
    ("President Mamnoon Hussain arrives in Tashkent today to attend the SCO summit.", "2016-06-23", "Tashkent"),
    ("The prime minister flew to Bishkek on Thursday to take part in the SCO summit.", "2019-06-13", "Bishkek"),
])
def test_summit_place_from_departures_and_arrivals_to_attend(tmp_path, sentence, published, city):
    found = _read_claims(tmp_path, sentence, published=published)
    assert [v for k, v in found if k == "summit.place"] == [city]


def test_the_next_summits_place_is_this_articles_only_when_it_names_no_other(tmp_path):
    text = ("Leaders signed the Bishkek Declaration at the SCO summit in Bishkek on Friday. The parties have agreed to "
            "hold the next summit in the Russian city of Chelyabinsk on July 22-23, 2020.")
    assert [v for k, v in _read_claims(tmp_path, text, published="2019-06-14") if k == "summit.place"] == ["Bishkek"]
    preview = "The parties have agreed to hold the next summit in the Russian city of Chelyabinsk on July 22-23, 2020."
    assert [v for k, v in _read_claims(tmp_path, preview, published="2019-06-14") if k == "summit.place"] == [
        "Chelyabinsk"]


def test_the_chair_named_before_its_country(tmp_path):
    sentence = "As the current president of the SCO, China is ready to work with all member states."
    assert ("chair.current", "CHN") in _read_claims(tmp_path, sentence, published="2024-07-10")


def test_claims_take_the_shared_reading_of_each_sentence(seed_corpus, monkeypatch):
    """With the pipeline's reading, claims use its time expressions instead of finding them again, and the
    table is the same as when claims read the sentences themselves."""
    from sco_analysis.facts import claims as claims_module
    from sco_analysis.reading import sentences

    membership, counts = extract_membership(seed_corpus), extract_counts(seed_corpus)
    alone = extract_claims(seed_corpus, membership, counts)
    read = sentences.read(seed_corpus)
    spans = {(s.start, s.end) for sents in read.values() for s in sents}
    found = claims_module.timeexpr.find
    again = []

    def counting(text, start=0, end=None, ref=None):
        again.append((start, end) in spans)
        return found(text, start, end, ref)

    monkeypatch.setattr(claims_module.timeexpr, "find", counting)
    shared = extract_claims(seed_corpus, membership, counts, read)
    pd.testing.assert_frame_equal(alone, shared)
    assert not any(again), "a sentence the shared reading read was read again by claims"


@pytest.mark.parametrize("text, published, expected", [
    # leaders named by title and name alone, read from data/leaders.csv while in office
    ("Prime Minister Narendra Modi on Tuesday participated in the SCO virtual summit.", "2020-11-10", {("IND", "yes")}),
    ("At the recent Astana Summit, President Xi Jinping proposed a common home.", "2024-07-10", {("CHN", "yes")}),
    ("PM Modi reached Qingdao to attend the two-day summit.", "2018-06-09", {("IND", "yes")}),
    ("President Karimov attended the summit.", "2022-09-16", set()),  # out of office by then
    # invited to attend is not attending; the host who invited is not read as attending
    ("President Asif Ali Zardari has been invited to attend the SCO Summit early next month.", "2012-05-20", set()),
    ("Iranian President Hassan Rouhani is attending the summit, at the invitation of his Chinese counterpart, "
     "President Xi Jinping.", "2018-06-10", {("IRN", "yes")}),
    # a speaker reporting what will happen at the summit is not put there by it
    ("Belarus will become a member at the summit in Astana, Russian President Vladimir Putin said.", "2024-06-23",
     set()),
])
def test_leaders_named_without_their_country(tmp_path, text, published, expected):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    got = {(k.rsplit(".", 1)[1], v) for k, v in _pairs(claims) if k.startswith("summit.leader_attends.")}
    assert got == expected


@pytest.mark.parametrize("text, published, expected", [
    # two weekdays joined by "and" are one span; a weekday's summit ("Thursday's summit")
    ("It is set to hold a summit in Uzbekistan on Thursday and Friday.", "2022-09-14",
     {("summit.dates", "2022-09-15/2022-09-16")}),
    ("Iran's nuclear program was discussed at Thursday's Shanghai Cooperation Organization summit.", "2006-06-15",
     {("summit.dates", "2006-06-15/2006-06-15")}),
    # the place after a year, and a city named before "where a summit ... will be held"
    ("The summit of the SCO will be held in 2022 in Samarkand.", "2022-09-13", {("summit.place", "Samarkand")}),
    ("Tajik President Emomali Rahmon will visit China's Qingdao city June 9-10, where a summit of the heads of state "
     "of the SCO will be held.", "2018-06-01",
     {("summit.place", "Qingdao"), ("summit.dates", "2018-06-09/2018-06-10")}),
    # a declaration with a postmodifier, in the present perfect passive
    ("In particular, the Dushanbe Declaration of the SCO member states heads has been signed.", "2014-09-12",
     {("summit.document.declaration", "adopted")}),
])
def test_weekday_spans_places_after_a_year_and_perfect_passive_documents(tmp_path, text, published, expected):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("summit.") and "attends" not in k} == expected


@pytest.mark.parametrize("text, expected", [
    # the summit named in the sentence before, then "It will be attended by ..."
    ("The SCO summit opens in Tianjin on Sunday.\nIt will be attended by more than 20 heads of state, including "
     "Russian President Vladimir Putin.", {("RUS", "yes")}),
    ("Trade talks open in Tianjin on Sunday.\nIt will be attended by Russian President Vladimir Putin.", set()),
    # the leaders as the subject after "During the meeting,"
    ("During the meeting, the presidents of the six member nations – China, Russia and Kazakhstan – adopted a charter.",
     {("CHN", "yes"), ("RUS", "yes"), ("KAZ", "yes")}),
])
def test_attendance_after_a_pronoun_for_the_summit_and_during_the_meeting(tmp_path, text, expected):
    _, claims = _claims(tmp_path, text + "\n", published="2025-08-29")
    got = {(k.rsplit(".", 1)[1], v) for k, v in _pairs(claims) if k.startswith("summit.leader_attends.")}
    assert got == expected


@pytest.mark.parametrize("text, published, expected", [
    ("The summit, hosted by Pakistan, is scheduled for October 15 and 16.", "2024-10-08",
     {("summit.dates", "2024-10-15/2024-10-16")}),
    ("On September 17, the 21st meeting of the Council of Heads of States of the SCO was held.", "2021-09-18",
     {("summit.dates", "2021-09-17/2021-09-17"), ("summit.number", "21")}),
    ("President Rouhani is to attend the 19th summit meeting of Shanghai Cooperation Organization member states in "
     "Bishkek.", "2019-06-13", {("summit.place", "Bishkek"), ("summit.number", "19")}),
])
def test_summit_dates_and_places_across_hosts_ordinals_and_member_states(tmp_path, text, published, expected):
    _, claims = _claims(tmp_path, text + "\n", published=published)
    assert {(k, v) for k, v in _pairs(claims) if k.startswith("summit.") and "attends" not in k} == expected


@pytest.mark.parametrize("text, expected", [
    # the founders with their year give the founding year
    ("China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan set the group up in Shanghai in 2001.",
     {("founded.year", "2001")}),
    # the founding verb after a list in dashes; the place after "at"
    ("The organization, which is made up of six nations -- China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, and "
     "Uzbekistan -- was founded in 2001 to promote regional security.", {("founded.year", "2001")}),
    ("The SCO was founded in 2001 at Shanghai.", {("founded.year", "2001"), ("founded.place", "Shanghai")}),
])
def test_founding_year_from_the_founders_and_across_a_list(tmp_path, text, expected):
    c, _ = _claims(tmp_path, text + "\n", published="2012-06-07")
    claims = extract_claims(c, extract_membership(c), schema.empty("counts"))
    assert {(k, v) for k, v in _pairs(claims) if k in ("founded.year", "founded.place")} == expected
