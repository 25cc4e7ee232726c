"""How the reader handles each phenomenon of press wording (issue 9 §4), on sentences written here:
several wordings per phenomenon, and the negatives that must not become claims. Rows are
``(iso3, status, year, modality)``; the articles are dated 2016-07-05 unless a case says otherwise."""

from __future__ import annotations

import pandas as pd
import pytest

from sco_analysis import schema
from sco_analysis.facts import membership
from sco_analysis.reading.corpus import load_corpus
from tests.conftest import write_folder

PUBLISHED = "2016-07-05"


def _corpus(tmp_path, body: str, published: str = PUBLISHED, headline: str = "A test headline"):
    folder = write_folder(tmp_path / "arts", {"a.txt": headline + "\n\n" + body + "\n"},
                          rows=[{"file": "a.txt", "outlet": "Test Wire", "title": headline, "published": published}])
    return load_corpus(folder)


def members(tmp_path, body, published=PUBLISHED, headline="A test headline"):
    df = membership.extract_membership(_corpus(tmp_path, body, published, headline))
    schema.validate("membership", df)
    return sorted({(r.iso3, r.status, None if pd.isna(r.year) else int(r.year), r.modality) for r in df.itertuples()})


def counts(tmp_path, body, published=PUBLISHED):
    df = membership.extract_counts(_corpus(tmp_path, body, published))
    schema.validate("counts", df)
    return sorted({(r.status, int(r.count), r.modality, r.as_of) for r in df.itertuples()})


def _rows(isos, status, year=None, modality="reported"):
    return sorted((iso, status, year, modality) for iso in isos)


# ---------------------------------------------------------------- status granted, any wording

@pytest.mark.parametrize("sentence, expected", [
    # a status as the object of a preposition after the verb's object
    ("Armenia and Nepal have been admitted to the organisation on a dialogue partner status in 2015.",
     _rows(["ARM", "NPL"], "dialogue_partner", 2015)),
    ("Egypt was admitted to the Shanghai Cooperation Organisation (SCO) with observer status in 2011.",
     _rows(["EGY"], "observer", 2011)),
    ("Cambodia joined the bloc in the capacity of a dialogue partner in 2015.", _rows(["KHM"], "dialogue_partner", 2015)),
    # permanent member = full member
    ("Iran was admitted as a permanent member in 2023.", _rows(["IRN"], "member", 2023)),
    # obtained / received a status
    ("Mongolia obtained observer status in 2004.", _rows(["MNG"], "observer", 2004)),
    ("Qatar received the status of a dialogue partner in 2022.", _rows(["QAT"], "dialogue_partner", 2022)),
    # holding a status
    ("Afghanistan presently occupies the role of an observer.", _rows(["AFG"], "observer")),
    ("Sri Lanka currently has dialogue partner status in the SCO.", _rows(["LKA"], "dialogue_partner")),
    ("Turkey serves as a dialogue partner of the organisation.", _rows(["TUR"], "dialogue_partner")),
    ("Mongolia holds the position of an observer.", _rows(["MNG"], "observer")),
    # possessive + accession noun
    ("Kuwait's admission into the organization as a dialogue partner was welcomed in 2023.",
     _rows(["KWT"], "dialogue_partner", 2023)),
    ("Belarus's accession to the SCO in 2024 was celebrated in Minsk.", _rows(["BLR"], "member", 2024)),
    ("Mongolia's observer status dates from 2004.", _rows(["MNG"], "observer", 2004)),
    ("Iran’s full membership will be formalised in 2023.", _rows(["IRN"], "member", 2023, "expected")),
    ("The summit is expected to approve Belarus's membership.", _rows(["BLR"], "member", 2016, "expected")),
    # grant of a status to a list
    ("The summit saw the granting of full membership to India and Pakistan in 2017.", _rows(["IND", "PAK"], "member", 2017)),
])
def test_status_granted(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("published, expected_status", [
    ("2015-07-10", "dialogue_partner"),   # before the 2025 merger a bare "partner" is a dialogue partner
    ("2025-10-01", "partner"),            # after it, the new "SCO partner" status
])
def test_bare_partner_read_by_its_time(tmp_path, published, expected_status):
    rows = members(tmp_path, "Laos and Nepal have been admitted to the SCO on a partner status.", published)
    assert {r[1] for r in rows} == {expected_status}


def test_sco_partner_wording_is_the_new_status(tmp_path):
    assert members(tmp_path, "Laos is now an SCO partner.", "2024-07-05") == _rows(["LAO"], "partner")


# ---------------------------------------------------------------- on the way in: expected, not yet held
# (a dialogue partner's signed memorandum confers the status: reported)

@pytest.mark.parametrize("sentence, expected", [
    ("The summit launched the procedures to accept new members, India and Pakistan.", _rows(["IND", "PAK"], "member", None, "expected")),
    ("Leaders decided to launch the procedure for admitting Belarus as a member state.", _rows(["BLR"], "member", None, "expected")),
    ("Kuwait, along with the United Arab Emirates (UAE) and the Maldives, will sign memoranda of understanding to "
     "join the body as dialogue partners in May 2023.", _rows(["ARE", "KWT", "MDV"], "dialogue_partner", 2023, "expected")),
    # the date of a step towards membership is not the year the membership is gained
    ("Iran signed the memorandum of obligations in 2022.", _rows(["IRN"], "member", None, "expected")),
    ("India and Pakistan's SCO accession procedures began in 2015.", _rows(["IND", "PAK"], "member", None, "expected")),
    ("We welcome the signing of the Memorandum of Obligation for Belarus’ SCO membership.",
     _rows(["BLR"], "member", None, "expected")),
    ("During the summit, the full-fledged membership of India and Pakistan will be formalized.",
     _rows(["IND", "PAK"], "member", 2016, "expected")),
    ("Putin Says India, Pakistan Could Join SCO In 2017", _rows(["IND", "PAK"], "member", 2017, "expected")),
    ("It includes India and Russia, with Iran set to join soon.",
     _rows(["IND", "RUS"], "member") + _rows(["IRN"], "member", None, "expected")),
    ("The SCO will have two new members, India and Pakistan.", _rows(["IND", "PAK"], "member", None, "expected")),
    ("Kuwait, along with the United Arab Emirates (UAE) and the Maldives, signed memoranda of understanding to "
     "join the body as dialogue partners in May 2023.", _rows(["ARE", "KWT", "MDV"], "dialogue_partner", 2023)),
    ("Saudi Arabia has signed a memorandum on obtaining the status of an SCO dialogue partner.",
     _rows(["SAU"], "dialogue_partner", 2016)),
    ("Belarus started its accession procedure in 2022.", _rows(["BLR"], "member", None, "expected")),
    ("Pakistan and India’s applications to join the SCO were accepted in July.", _rows(["PAK", "IND"], "member", None, "expected")),
    ("Pakistan and India are expected to be given full membership in 2017.", _rows(["IND", "PAK"], "member", 2017, "expected")),
    ("Laos could become the SCO's 11th member state in 2026.", _rows(["LAO"], "member", 2026, "expected")),
])
def test_on_the_way_in(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == sorted(expected)


@pytest.mark.parametrize("sentence", [
    "In 2024, Azerbaijan sought to secure observer status at the SCO.",
    "Turkey aims to become a member.",
    "Egypt hopes to obtain observer status.",
    "Ministers discussed the application of Iran for full membership.",
    "Iran's membership bid was discussed.",
    "Iran's application to join the SCO was discussed.",
    "Officials discussed the bid for Belarus's membership.",
    "Turkey's membership is not on the agenda.",
    "China's members of parliament met in Beijing.",
    "Russia's partner Belarus sent a delegation.",
])
def test_wishes_and_lookalikes_are_not_claims(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


def test_sought_then_holds_gives_only_the_held_status(tmp_path):
    rows = members(tmp_path, "In 2024, Azerbaijan sought to secure observer status at the SCO and presently "
                             "occupies the role of a dialogue partner.")
    assert rows == _rows(["AZE"], "dialogue_partner")


# ---------------------------------------------------------------- founding frames

FOUNDERS = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


@pytest.mark.parametrize("sentence", [
    "On June 15, 2001, the SCO was established in Shanghai by the heads of state of the six countries of China, "
    "Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
    "The SCO was founded in 2001 by China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
    "Its six founding members, China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan, met in Shanghai in 2001.",
    "The SCO was founded at a summit in Shanghai in 2001 by the presidents of Russia, China, Kazakhstan, Kyrgyzstan, "
    "Tajikistan and Uzbekistan.",
    "The SCO was founded in June 2001 by China, Russia, and the Central Asian states of Uzbekistan, Kazakhstan, "
    "Kyrgyzstan and Tajikistan.",
    "Launched in Shanghai in June 2001, the SCO has eight full members, including its six founding members, China, "
    "Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan.",
    "China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan founded the SCO in 2001.",
    "China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan jointly established the organization in June 2001.",
])
def test_founding_frames(tmp_path, sentence):
    rows = members(tmp_path, sentence)
    assert [r for r in rows if r[1] == "founding_member"] == _rows(FOUNDERS, "founding_member", 2001)


@pytest.mark.parametrize("sentence", [
    "In 1996 the Shanghai Five was formed by China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan.",
    "The Shanghai Five grouping was created in 1996 by China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan.",
    "Uzbekistan joined the Shanghai Five in 2001.",
])
def test_shanghai_five_is_not_the_sco(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


# ---------------------------------------------------------------- member lists in every shape

@pytest.mark.parametrize("sentence, expected", [
    # missing comma between two names
    ("It currently has six full members — China, Kazakhstan, Kyrgyzstan, Russia, and Tajikistan Uzbekistan.",
     _rows(FOUNDERS, "member")),
    # unclosed bracket, second group "as observers"
    ("The SCO currently groups eight member States (Uzbekistan, Pakistan, Russia, China, Tajikistan, Kyrgyzstan, "
     "Kazakhstan and India as well as four countries as observers (Afghanistan, Iran, Belarus and Mongolia).",
     _rows(["UZB", "PAK", "RUS", "CHN", "TJK", "KGZ", "KAZ", "IND"], "member") + _rows(["AFG", "IRN", "BLR", "MNG"], "observer")),
    # list first, status noun after the copula
    ("Mongolia, Iran, Pakistan and India are the four observer states.", _rows(["MNG", "IRN", "PAK", "IND"], "observer")),
    ("Its dialogue partners include Belarus and Sri Lanka.", _rows(["BLR", "LKA"], "dialogue_partner")),
    # an organisation "brings together" its members
    ("The SCO is an alliance founded in 2001 that brings together Russia, China and Kazakhstan.",
     _rows(["RUS", "CHN", "KAZ"], "member")),
    # appositive then relative clause: both statuses
    ("The summit launched the procedures to accept new members, India and Pakistan, rivals that currently have "
     "observer status in the SCO.",
     _rows(["IND", "PAK"], "member", None, "expected") + _rows(["IND", "PAK"], "observer")),
    ("Iran, Mongolia, and Afghanistan also have observer status.", _rows(["IRN", "MNG", "AFG"], "observer")),
    # the status noun and the list apart: "of the SCO", "now", "the following six countries:", a count and a colon
    ("The current members of the SCO are Russia, China and Kazakhstan.", _rows(["RUS", "CHN", "KAZ"], "member")),
    ("The SCO members now are China, India and Russia.", _rows(["CHN", "IND", "RUS"], "member")),
    ("Permanent members of the organisation are the following six countries: Russia, Kazakhstan and China.",
     _rows(["RUS", "KAZ", "CHN"], "member")),
    ("The SCO consists of 8 countries: India, Kazakhstan, China and Pakistan.", _rows(["IND", "KAZ", "CHN", "PAK"], "member")),
    ("Presently, it has four observers Afghanistan, Belarus, Iran and Mongolia.",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer")),
    ("Four states of Afghanistan, Belarus, Iran and Mongolia are still observer members.",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer")),
    # a named group inside the list
    ("The SCO is an organization with eight members, namely Russia, India, Pakistan, and the Central Asian countries of "
     "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
     _rows(["RUS", "IND", "PAK", "KAZ", "KGZ", "TJK", "UZB"], "member")),
    ("Leaders of China, Russia and other states of the region met.", []),
    # the organisation has, comprises, or is joined by the list
    ("Founded in 2001, the SCO has China, Kazakhstan and Russia as its full members.", _rows(["CHN", "KAZ", "RUS"], "member")),
    ("The SCO has China and Russia.", []),
    ("The SCO is an alliance comprising Russia, China and Kazakhstan.", _rows(["RUS", "CHN", "KAZ"], "member")),
    ("It was later joined by India, Pakistan and Iran.", _rows(["IND", "PAK", "IRN"], "member")),
    ("Observer status was extended to India, Iran and Pakistan in 2005.", _rows(["IND", "IRN", "PAK"], "observer", 2005)),
    # the verb further from the list: a time phrase, a bracketed abbreviation, the organisation's name
    ("Iran on Tuesday became the new permanent member of the SCO.", _rows(["IRN"], "member", 2016)),
    ("The United Arab Emirates (UAE) has been granted the status of a dialogue partner in 2023.",
     _rows(["ARE"], "dialogue_partner", 2023)),
    ("Saudi Arabia became a Shanghai Cooperation Organization dialogue partner in 2023.", _rows(["SAU"], "dialogue_partner", 2023)),
    # an appositive between the list and its predicate
    ("Turkey, a NATO member, is a dialogue partner of the SCO.", _rows(["TUR"], "dialogue_partner")),
    ("Belarus, Russia's closest ally, became a member in 2024.", _rows(["BLR"], "member", 2024)),
    # a relative clause and the main predicate: two statuses, each with its own date
    ("India, which had been an observer since 2005, became a full member in 2017.",
     _rows(["IND"], "observer", 2005) + _rows(["IND"], "member", 2017)),
    # "with A and B as observers"
    ("The members are China, Russia and India, with Iran, Belarus and Mongolia as observers.",
     _rows(["CHN", "RUS", "IND"], "member") + _rows(["IRN", "BLR", "MNG"], "observer")),
    ("India attended as an observer.", []),
    # clauses joined by "while" keep their own statuses
    ("Afghanistan and Mongolia have observer status, while Nepal and Turkey are dialogue partners.",
     _rows(["AFG", "MNG"], "observer") + _rows(["NPL", "TUR"], "dialogue_partner")),
])
def test_member_lists(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == sorted(expected)


# ---------------------------------------------------------------- time the claim speaks of

@pytest.mark.parametrize("sentence, published, expected", [
    # present perfect without a date: the news of the day
    ("Iran has been admitted as a permanent member of the SCO at the Samarkand summit.", "2022-09-16",
     _rows(["IRN"], "member", 2022)),
    ("Belarus has joined the SCO.", "2024-07-04", _rows(["BLR"], "member", 2024)),
    # a standing status is not dated by the publication
    ("India has been a member since 2017.", "2024-07-04", _rows(["IND"], "member", 2017)),
    ("Mongolia has observer status.", "2024-07-04", _rows(["MNG"], "observer")),
    # past simple without a date stays undated
    ("India and Pakistan joined as full members.", "2022-09-16", _rows(["IND", "PAK"], "member")),
    # relative time; a dialogue partner's signed memorandum confers the status
    ("The Maldives signed a memorandum to join as a dialogue partner last May.", "2023-12-09",
     _rows(["MDV"], "dialogue_partner", 2023)),
])
def test_claim_time(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published) == expected


def test_status_noun_in_a_phrase_describes_the_present(tmp_path):
    rows = members(tmp_path, "The summit will bring together the presidents of member nations Russia, China and Kazakhstan.")
    assert rows == _rows(["RUS", "CHN", "KAZ"], "member")


@pytest.mark.parametrize("sentence, expected", [
    ("Mongolia was granted observer status at the Tashkent summit in 2004, and India, Iran and Pakistan in 2005.",
     _rows(["MNG"], "observer", 2004) + _rows(["IND", "IRN", "PAK"], "observer", 2005)),
    ("The SCO admitted Mongolia as an observer in 2004 and Pakistan, Iran and India in 2005.",
     _rows(["MNG"], "observer", 2004) + _rows(["IND", "IRN", "PAK"], "observer", 2005)),
    ("Belarus and Sri Lanka were made dialogue partners in 2009, and Turkey in 2012.",
     _rows(["BLR", "LKA"], "dialogue_partner", 2009) + _rows(["TUR"], "dialogue_partner", 2012)),
    ("India and Pakistan joined in 2017 and Iran in 2023.",
     _rows(["IND", "PAK"], "member", 2017) + _rows(["IRN"], "member", 2023)),
    # no shared predicate to inherit
    ("Leaders of China met in 2004, and Russia in 2005.", []),
])
def test_years_spread_over_lists_and_clauses(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == sorted(expected)


def test_expected_at_the_summit_takes_the_summit_date(tmp_path):
    body = ("Sharif will attend the SCO Summit in Astana starting June 8. "
            "Pakistan and India are expected to be given full membership during the two-day Summit.")
    assert members(tmp_path, body, "2017-06-05") == _rows(["IND", "PAK"], "member", 2017, "expected")


def test_expected_at_an_undated_summit_takes_the_publication_year(tmp_path):
    body = "The summit has started in Astana. During the summit, the full-fledged membership of India and Pakistan will be formalized."
    assert members(tmp_path, body, "2017-06-09") == _rows(["IND", "PAK"], "member", 2017, "expected")


def test_relative_clause_after_a_prepositional_list(tmp_path):
    rows = members(tmp_path, "The summit will bring together the leaders of Iran, Pakistan and India that currently have "
                             "observer status in the alliance.")
    assert rows == _rows(["IRN", "PAK", "IND"], "observer")


def test_a_decision_the_news_reports_is_dated_by_publication(tmp_path):
    rows = members(tmp_path, "They decided to grant Afghanistan observer status and accept Turkey as a dialogue partner.", "2012-06-07")
    assert rows == _rows(["AFG"], "observer", 2012) + _rows(["TUR"], "dialogue_partner", 2012)


def test_headline_states_the_news(tmp_path):
    rows = members(tmp_path, "The leaders met in Beijing.", "2012-06-07", headline="SCO accepts Afghanistan as observer")
    assert rows == _rows(["AFG"], "observer", 2012)


def test_repeated_headline_read_once(tmp_path):
    folder = write_folder(tmp_path / "arts", {"a.txt": "SCO admits Iran as member\n\nSCO admits Iran as member\n\n"
                                                       "The leaders met.\n"},
                          rows=[{"file": "a.txt", "outlet": "W", "title": "SCO admits Iran as member",
                                 "published": "2023-07-04"}])
    df = membership.extract_membership(load_corpus(folder))
    assert len(df) == 1 and df.iloc[0]["iso3"] == "IRN"


# ---------------------------------------------------------------- not membership

@pytest.mark.parametrize("sentence", [
    "Afghan President Hamid Karzai is attending the SCO summit in Beijing.",
    "Leaders of China, Russia and India attended the summit hosted by Kazakhstan.",
    "Turkmenistan took part in the meeting as a guest of the chair.",
    "Uzbekistan handed over the rotating presidency to India.",
    "India will chair the organisation next year.",
    "Pakistan's president said the Afghanistan issue could not be resolved militarily.",
    # a list inside a prepositional phrase is not the subject of what follows
    "Abdulnasser Alshaali, UAE ambassador to India, signed the memorandum concerning its accession as a dialogue partner.",
    "The minister of foreign affairs of Nepal Kamal Thapa signed a memorandum.",
])
def test_not_membership(tmp_path, sentence):
    assert members(tmp_path, sentence) == []


# ---------------------------------------------------------------- counts

@pytest.mark.parametrize("sentence, expected", [
    ("Uzbekistan handed over the presidency of the eight-member Shanghai Cooperation Organisation to India.",
     [("member", 8, "reported", "publication")]),
    ("The organization now has 10 members, two observer states and 14 dialogue partners.",
     [("dialogue_partner", 14, "reported", "publication"), ("member", 10, "reported", "publication"),
      ("observer", 2, "reported", "publication")]),
    ("Earlier, the SCO had three dialogue partners — Belarus, Sri Lanka and Turkey.",
     [("dialogue_partner", 3, "reported", "earlier")]),
    ("Previously the bloc had six members.", [("member", 6, "reported", "earlier")]),
    ("In 2005 the SCO had six members.", [("member", 6, "reported", "2005")]),
    ("Laos could become the SCO's 11th member state.", [("member", 11, "expected", "after_event")]),
    ("Mongolia, Iran, Pakistan and India are the four observer states.", [("observer", 4, "reported", "publication")]),
    ("Leaders of the 10-nation bloc met in Astana.", [("member", 10, "reported", "publication")]),
    # a present count in a relative clause of a future sentence
    ("The SCO, which currently has eight members, will admit Iran at the summit.",
     [("member", 8, "reported", "publication")]),
    ("After the summit, the SCO will have nine members.", [("member", 9, "expected", "after_event")]),
    ("Leaders of ten nations met in Astana.", []),
    # a generic count takes the status membership reads for the list it introduces or the predicate after it
    ("The SCO consists of 8 countries: India, Kazakhstan, China and Pakistan.", [("member", 8, "reported", "publication")]),
    ("Four countries have observer status: Afghanistan, Belarus, Iran and Mongolia.",
     [("observer", 4, "reported", "publication")]),
    ("Four states of Afghanistan, Belarus, Iran and Mongolia are still observer members.",
     [("observer", 4, "reported", "publication")]),
    ("Permanent members of the organisation are the following six countries: Russia, Kazakhstan and China.",
     [("member", 6, "reported", "publication")]),
    ("Six countries attended the summit: India, China and Russia.", []),
    # an addition is not the size of the group
    ("The SCO will have two new members, India and Pakistan.", []),
    ("At its founding the SCO had six members.", [("founding_member", 6, "reported", "publication")]),
])
def test_counts_and_their_time(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence) == sorted(expected)


# ---------------------------------------------------------------- added 2026-12-04: more shapes of the same phenomena

FOUNDERS = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]


@pytest.mark.parametrize("sentence, expected", [
    # composition said with a participle
    ("The SCO is made up of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.", _rows(FOUNDERS, "member")),
    ("The SCO, comprised of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan, met in Astana.",
     _rows(FOUNDERS, "member")),
    ("The organisation was composed of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
     _rows(FOUNDERS, "member")),
    # the organisation, then its members in apposition
    ("The Shanghai Cooperation Organisation (SCO) -- China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan -- "
     "met in Astana.", _rows(FOUNDERS, "member")),
    ("The Shanghai Cooperation Organisation (SCO) China, Russia and the Central Asian states of Kazakhstan, Kyrgyzstan, "
     "Tajikistan and Uzbekistan has issued a warning.", _rows(FOUNDERS, "member")),
    ("Leaders of the Shanghai Cooperation Organisation of China, Russia, Kazakhstan and Uzbekistan met.",
     _rows(["CHN", "KAZ", "RUS", "UZB"], "member")),
    # not apposition: a comma after the name, two countries only, attendance
    ("At the SCO, China, Russia and India clashed over trade.", []),
    ("The SCO (China, Russia) met.", []),
    ("The SCO summit in Astana was attended by China, Russia, India and Pakistan.", []),
    # a letter of another script typed against a name does not break the list
    ("Six countries of Azerbaijan, Armenia, Cambodia, Nepal, Turkeyو and Sri Lanka are dialogue partners.",
     _rows(["ARM", "AZE", "KHM", "LKA", "NPL", "TUR"], "dialogue_partner")),
])
def test_more_member_list_shapes(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Pakistan was upgraded from observer to full member in 2017.", _rows(["PAK"], "member", 2017)),
    ("India was elevated to full membership in 2017.", _rows(["IND"], "member", 2017)),
    ("Belarus was promoted from observer status to a full member in 2024.", _rows(["BLR"], "member", 2024)),
    ("Belarus will be upgraded to full member at the next summit.", _rows(["BLR"], "member", None, "expected")),
    # "to" after another verb is not a status raised
    ("Iran was invited to the member states' meeting in 2016.", []),
])
def test_status_raised_to_another(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Established: 2001 in Shanghai by the leaders 6 countries viz. China, Kyrgyzstan, Kazakhstan, Russia, Tajikistan, "
    "and Uzbekistan.",
    "It was founded in 2001 by the leaders of six countries, namely China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan "
    "and Uzbekistan.",
])
def test_founders_after_viz_or_namely(tmp_path, sentence):
    assert members(tmp_path, sentence) == _rows(FOUNDERS, "founding_member", 2001)


def test_accession_verbs_are_lemmas_with_generated_forms():
    from sco_analysis.reading import lexicon

    assert lexicon.verb_forms("join") == ["join", "joins", "joined", "joining"]
    assert lexicon.verb_forms("accede") == ["accede", "accedes", "acceded", "acceding"]
    assert lexicon.verb_forms("admit") == ["admit", "admits", "admitted", "admitting"]
    assert lexicon.verb_forms("become") == ["become", "becomes", "became", "becoming"]
    assert lexicon.verb_forms("give", "participle") == ["given"]
    forms = set(lexicon.verbs("acquire_verb").split("|"))
    assert {"joined", "acceding", "became", "admitted", "obtains", "upgraded"} <= forms
    assert "admits" not in forms  # "The SCO admits India": the country is the object, read by admit_verb


MEMBERS_2017 = ["CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
OBSERVERS_2017 = ["AFG", "BLR", "IRN", "MNG"]
PARTNERS_2017 = ["ARM", "AZE", "KHM", "LKA", "NPL", "TUR"]


@pytest.mark.parametrize("sentence, expected", [
    # lists set off by a double hyphen, as typed for a dash
    ("The SCO comprises eight member states -- China, India, Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan and "
     "Uzbekistan -- and four observer states -- Afghanistan, Belarus, Iran and Mongolia.",
     sorted(_rows(MEMBERS_2017, "member") + _rows(OBSERVERS_2017, "observer"))),
    # two "as" complements in one "with" phrase
    ("The SCO groups eight states, with Afghanistan, Belarus, Iran and Mongolia as observers and Armenia, Azerbaijan, "
     "Cambodia, Nepal, Sri Lanka and Turkey as dialogue partners.",
     sorted(_rows(OBSERVERS_2017, "observer") + _rows(PARTNERS_2017, "dialogue_partner"))),
    # a list joined by "along with" shares the status of the list it is joined to
    ("India and Pakistan are now full members along with China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
     _rows(MEMBERS_2017, "member")),
    ("Along with China and Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan are members of the SCO.",
     _rows(FOUNDERS, "member")),
    ("Modi met Xi along with Putin and Sharif.", []),
    # a status noun placed by "at"/"in" before its list
    ("Observers at the organization are Afghanistan, India, Iran, Mongolia and Pakistan.",
     _rows(["AFG", "IND", "IRN", "MNG", "PAK"], "observer")),
    # a formal name the name table lacks does not break the list
    ("The SCO counts four observer states, namely the Islamic Republic of Afghanistan, the Republic of Belarus, "
     "the Islamic Republic of Iran and the Republic of Mongolia.", _rows(OBSERVERS_2017, "observer")),
])
def test_lists_joined_and_introduced_in_more_ways(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


def test_composition_after_a_founding_relative_clause(tmp_path):
    sentence = ("The group, which was founded in 2001 in Shanghai comprises China, Kazakhstan, Kyrgyzstan, Russia, "
                "Tajikistan and Uzbekistan as full members.")
    assert members(tmp_path, sentence, published="2017-06-10") == _rows(FOUNDERS, "member")


def test_a_participle_opening_whose_subject_is_the_organisation(tmp_path):
    sentence = ("Grouping China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan, the SCO covers a total "
                "area of over 30 million square km.")
    assert members(tmp_path, sentence) == _rows(FOUNDERS, "member")
    assert members(tmp_path, "Grouping China and Russia, the talks covered trade.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("The SCO is a six-member inter-governmental organization founded in 2001.", [("member", 6)]),
    ("The eight-member regional security bloc met in Astana.", [("member", 8)]),
    ("A six-member delegation arrived in Astana.", []),
])
def test_a_hyphenated_count_before_adjectives_and_the_organisation(tmp_path, sentence, expected):
    assert [(s, n) for s, n, _, _ in counts(tmp_path, sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Iran, one of India's neighbours in its extended neighbourhood, has formally become a full member of the SCO.",
     _rows(["IRN"], "member", 2023)),
    ("In addition to the full members, the SCO also includes Afghanistan and Mongolia as observers, and dialogue "
     "partners in Armenia, Azerbaijan and Cambodia.",
     sorted(_rows(["AFG", "MNG"], "observer") + _rows(["ARM", "AZE", "KHM"], "dialogue_partner"))),
])
def test_long_appositives_and_partners_in(tmp_path, sentence, expected):
    assert members(tmp_path, sentence, published="2023-07-04") == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("Sri Lanka had already increased its level of cooperation to the status of dialogue partner at the SCO summit in "
     "Yekaterinburg in 2009.", "2019-02-07", _rows(["LKA"], "dialogue_partner", 2009)),
    ("Belarus raised its status to that of an observer in 2015.", "2016-07-05", _rows(["BLR"], "observer", 2015)),
    ("The SCO, established in 2001, comprises China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan as "
     "permanent members.", "2016-07-05", _rows(FOUNDERS, "member")),
])
def test_a_country_raising_its_standing_and_a_founding_participle(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, expected", [
    ('Turkey has been selected as "a dialogue partner" for the Shanghai Cooperation Organization (SCO).',
     _rows(["TUR"], "dialogue_partner", 2016)),
    ("Turkey was accepted as “a dialogue partner” in 2012.", _rows(["TUR"], "dialogue_partner", 2012)),
])
def test_a_status_in_quotes(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    ("The heads of the SCO member-states approved applications of India and Pakistan for full SCO membership at the "
     "summit in Astana on June 9.", "2017-06-09", _rows(["IND", "PAK"], "member", 2017)),
    ("The summit will approve the requests of Egypt and Qatar for dialogue partner status.", "2022-09-10",
     _rows(["EGY", "QAT"], "dialogue_partner", 2022, "expected")),
    ("The regional pact was established in 2001 and comprises of Russia, China, Kazakhstan, Kyrgyzstan, Tajikistan "
     "and Uzbekistan.", "2017-06-10", _rows(FOUNDERS, "member")),
])
def test_applications_approved_and_comprises_of(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # "the status of" a term granted to a list, actively or in the passive (with an adverb)
    ("The leaders signed memoranda granting the status of dialogue partners to Egypt and Qatar.", "2022-09-16",
     _rows(["EGY", "QAT"], "dialogue_partner")),
    ("The summit granted the status of an observer to Afghanistan.", "2012-06-08", _rows(["AFG"], "observer")),
    ("The status of the SCO dialogue partner was also granted to Bahrain and Kuwait.", "2022-09-16",
     _rows(["BHR", "KWT"], "dialogue_partner")),
    # a process noun governs the grant: on the way in, with the status the grant names
    ("The summit launched procedures for granting dialogue partner status to Bahrain, Kuwait and Myanmar.",
     "2022-09-16", _rows(["BHR", "KWT", "MMR"], "dialogue_partner", 2022, "expected")),
    ("The process of granting observer status to Laos has begun.", "2022-09-16", _rows(["LAO"], "observer", None, "expected")),
    ("Baku will sign a memorandum on granting Azerbaijan a dialogue partner status with the SCO.", "2016-06-20",
     _rows(["AZE"], "dialogue_partner", None, "expected")),
    ("The leaders signed the Memorandum of Obligation for SCO membership of Belarus.", "2023-07-05",
     _rows(["BLR"], "member", None, "expected")),
    # the list in brackets, its predicate after them
    ("Four states (Afghanistan, Belarus, Iran and Mongolia) have observer status.", "2021-09-10",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer")),
    ("Six countries (Armenia, Azerbaijan, Cambodia, Nepal, Sri Lanka and Turkey) are dialogue partners.", "2021-09-10",
     _rows(["ARM", "AZE", "KHM", "LKA", "NPL", "TUR"], "dialogue_partner")),
    ("Four countries, Afghanistan, Belarus, Iran and Mongolia, are observer members.", "2021-09-16",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer")),
    ("Leaders of four countries, Afghanistan, Belarus, Iran and Mongolia, attended the summit.", "2021-09-16", []),
    # the organisation, a dash, then what it is composed of
    ("India is an observer at the Shanghai Cooperation Organization (SCO) - composed of China, Russia, Kazakhstan, "
     "Kyrgyzstan, Tajikistan, and Uzbekistan.", "2014-09-12", sorted(_rows(FOUNDERS, "member") + _rows(["IND"], "observer"))),
    # "the addition of", an invitation "as" a status, a place in the order of members
    ("Membership has since expanded to ten nations through the addition of Pakistan, India, Iran and Belarus.",
     "2025-08-31", _rows(["BLR", "IND", "IRN", "PAK"], "member")),
    ("They are expected to agree on Thursday to invite Afghanistan as an observer to future summits.", "2012-06-06",
     _rows(["AFG"], "observer", 2012, "expected")),
    ("Belarus has become the tenth country.", "2024-07-04", _rows(["BLR"], "member", 2024)),
    # more names for the organisation and its composition
    ("The structure includes nine countries: Russia, India, Iran, China, Kazakhstan, Kyrgyzstan, Pakistan, Tajikistan "
     "and Uzbekistan.", "2022-07-15", _rows(FOUNDERS + ["IND", "IRN", "PAK"], "member")),
    ("The Eurasian organisation is currently comprised of China, India, Kazakhstan, Kyrgyzstan, Pakistan, Russia, "
     "Tajikistan, and Uzbekistan.", "2021-11-30", _rows(FOUNDERS + ["IND", "PAK"], "member")),
    ("Later, Iran, India and Pakistan joined the union.", "2024-05-25", _rows(["IND", "IRN", "PAK"], "member")),
    # a founding document signed by the founders
    ("The declaration on the creation of the SCO was signed in Shanghai in June 2001 by six countries: Russia, "
     "Kazakhstan, Kyrgyzstan, China, Tajikistan and Uzbekistan.", "2022-09-16", _rows(FOUNDERS, "founding_member", 2001)),
    ("The agreement establishing the SCO was signed on June 15, 2001 by China, Kazakhstan, Kyrgyzstan, Russia, "
     "Tajikistan and Uzbekistan.", "2021-06-15", _rows(FOUNDERS, "founding_member", 2001)),
    # "N years ago" dates the claim; the forerunner's founders are not the SCO's
    ("The decision to grant the observer status to India and Pakistan was signed in Astana 12 years ago.",
     "2017-06-09", _rows(["IND", "PAK"], "observer", 2005)),
    ('The "Shanghai Five" was formed in Shanghai with China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan as its '
     "founding members.", "2005-07-06", []),
    # the list followed by an infinitive, as headlines put it: what is to happen
    ("India, Pakistan to become SCO full members in June", "2017-04-22", _rows(["IND", "PAK"], "member", 2017, "expected")),
    ("Belarus to be admitted to SCO at Astana summit", "2024-06-30", _rows(["BLR"], "member", None, "expected")),
    # "the first country to be granted", "functioning as"
    ("Mongolia was the first country to be granted observer status at the Tashkent summit in 2004.", "2017-06-09",
     _rows(["MNG"], "observer", 2004)),
    ("India has been functioning as an observer at the SCO since 2005.", "2014-09-10", _rows(["IND"], "observer", 2005)),
])
def test_grants_steps_brackets_founding_documents_and_infinitives(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Four states (Afghanistan, Belarus, Iran and Mongolia) have observer status.", [("observer", 4, "reported", "publication")]),
    ("The declaration on the creation of the SCO was signed in Shanghai in June 2001 by six countries: Russia, "
     "Kazakhstan, Kyrgyzstan, China, Tajikistan and Uzbekistan.", [("founding_member", 6, "reported", "2001-06")]),
])
def test_counts_of_bracketed_lists_and_founding_signatories(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence, published="2021-09-10") == expected


@pytest.mark.parametrize("sentence, expected", [
    # the count names the group as it is; the future verb speaks of something else
    ("All six SCO members -- China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan -- will take part.",
     [("member", 6, "reported", "publication")]),
    # the future is the group's own: a count after "will have"
    ("The SCO will have eight members: China, India, Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan and "
     "Uzbekistan.", [("member", 8, "expected", "after_event")]),
])
def test_a_count_with_its_list_in_apposition_is_the_group_now(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence, published="2007-08-09") == expected


def test_membership_expanded_to_a_number_counts_the_members(tmp_path):
    sentence = "Membership has since expanded to ten nations through the addition of Pakistan, India, Iran and Belarus."
    assert counts(tmp_path, sentence, published="2025-08-31") == [("member", 10, "reported", "publication")]


@pytest.mark.parametrize("sentence", [
    "Iran's entry brings the number of members to nine.",
    "The number of SCO member states rose to nine.",
    "The total number of full members is now nine.",
    "The membership of the SCO grew to 9 with the admission of Iran.",
])
def test_the_size_of_a_group_said_after_it(tmp_path, sentence):
    assert counts(tmp_path, sentence, published="2023-07-05") == [("member", 9, "reported", "publication")]


@pytest.mark.parametrize("sentence", [
    "The number of members of parliament rose to nine percent.",
    "The members agreed to two new documents.",
])
def test_a_number_after_members_that_is_not_their_count(tmp_path, sentence):
    assert counts(tmp_path, sentence, published="2023-07-05") == []


@pytest.mark.parametrize("sentence, published, expected", [
    # a capital that opens the sentence as its subject stands for its government
    ("Islamabad had been a SCO observer since 2005.", "2017-06-09", _rows(["PAK"], "observer", 2005)),
    ("Tehran joined the SCO as its ninth member.", "2023-07-05", _rows(["IRN"], "member")),
    ("Minsk, Moscow's closest ally, became a full member in 2024.", "2024-07-04", _rows(["BLR"], "member", 2024)),
    ("Minsk’s accession is expected to be finalized before the next summit in 2024.", "2023-11-20",
     _rows(["BLR"], "member", 2024, "expected")),
    ("Tehran's position on the issue is well known.", "2022-07-01", []),
    # a capital as a place, or as a subject with no status, is not a claim
    ("Astana hosts the SCO summit on July 3-4.", "2024-07-04", []),
    ("Moscow welcomed the decision.", "2024-07-04", []),
    ("The summit in Astana admitted Belarus as a member.", "2024-07-04", _rows(["BLR"], "member")),
])
def test_a_capital_opening_the_sentence_stands_for_its_country(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, published", [
    # the forerunner's members: named "Shanghai Five", or counted at a time before the SCO existed
    ("Shanghai Five members are expected to sign two documents at the summit.", "2001-06-14"),
    ("After military cutback agreements in 1996 and 1997, the five members went on to seek new avenues of cooperation.",
     "2001-06-15"),
])
def test_the_forerunners_members_are_not_counted(tmp_path, sentence, published):
    assert counts(tmp_path, sentence, published=published) == []


def test_a_count_in_the_founding_year_is_kept(tmp_path):
    assert counts(tmp_path, "In 2001, the SCO had six members.", published="2016-06-20") == [
        ("member", 6, "reported", "2001")]



@pytest.mark.parametrize("sentence, expected", [
    # a paper named for the status it grants: the countries are on their way to that status
    ("Memorandums on dialogue partner status for Egypt, Qatar and Saudi Arabia were prepared for signing.",
     _rows(["EGY", "QAT", "SAU"], "dialogue_partner", modality="expected")),
    ("A memorandum on observer status for Laos will be signed.", _rows(["LAO"], "observer", modality="expected")),
    # a member named beside the verb of composition ("which along with Russia, includes ...")
    ("The SCO, which along with Russia, includes China, Kazakhstan and Uzbekistan, met on Friday.",
     _rows(["CHN", "KAZ", "RUS", "UZB"], "member")),
    ("Leaders from the bloc, which besides Russia includes China and Tajikistan, met on Friday.",
     _rows(["CHN", "RUS", "TJK"], "member")),
    # a status the countries are regarded as holding
    ("Azerbaijan and Nepal are regarded as observers of the bloc.", _rows(["AZE", "NPL"], "observer")),
    ("Armenia and Cambodia are recognised as dialogue partners.", _rows(["ARM", "KHM"], "dialogue_partner")),
])
def test_papers_named_for_a_status_and_members_beside_the_verb(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # two predicates of one subject, each dated by its own words
    ("Belarus became an SCO dialogue partner in 2010 and obtained observer status in 2015.", "2023-06-10",
     [("BLR", "dialogue_partner", 2010, "reported"), ("BLR", "observer", 2015, "reported")]),
    ("Iran was granted observer status in 2005 and became a full member in 2023.", "2023-07-10",
     [("IRN", "member", 2023, "reported"), ("IRN", "observer", 2005, "reported")]),
    # the second predicate gapped: its verb is the first one's
    ("Iran became an observer in 2005 and a full member in 2023.", "2023-07-10",
     [("IRN", "member", 2023, "reported"), ("IRN", "observer", 2005, "reported")]),
    # a wish, or another organisation's status, in the second predicate is not a claim
    ("Turkey joined as a dialogue partner in 2012 and has since sought observer status.", "2016-06-10",
     [("TUR", "dialogue_partner", 2012, "reported")]),
    ("Belarus became an observer in 2015 and a member of the CSTO long before.", "2016-06-10",
     [("BLR", "observer", 2015, "reported")]),
])
def test_a_second_predicate_of_the_same_subject(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the leaders of the member states, each named by title: their countries are members
    ("The summit is being attended by heads of member states including President of Kazakhstan Nursultan "
     "Nazarbayev, President of China Xi Jinping and President of Russia Vladimir Putin.",
     _rows(["CHN", "KAZ", "RUS"], "member")),
    ("Leaders of the SCO member states, Chinese President Xi Jinping, Russian President Vladimir Putin and Kazakh "
     "President Nursultan Nazarbayev, signed the declaration.", _rows(["CHN", "KAZ", "RUS"], "member")),
    # leaders of other states, or of the member states without names, say nothing of a country
    ("The summit was attended by Turkish President Recep Tayyip Erdogan and Egyptian President Abdel Fattah el-Sisi.",
     []),
    ("Leaders of the member states met with Iranian President Masoud Pezeshkian on Monday.", []),
    # the list as the subject of a verb of composition; the SCO as "a bloc of" the list
    ("China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan make up the SCO.",
     _rows(FOUNDERS, "member")),
    ("The SCO, a security bloc of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan, met in Astana.",
     _rows(FOUNDERS, "member")),
    ("China and Russia form a strategic partnership.", []),
])
def test_member_states_named_by_their_leaders_and_verbs_of_composition(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the forerunner named as what the SCO grew out of: the subject is still the SCO
    ("The SCO, which grew out of the Shanghai Five, includes China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan "
     "and Uzbekistan.", _rows(FOUNDERS, "member")),
    ("Formed from the Shanghai Five in 2001, the group comprises China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan "
     "and Uzbekistan.", _rows(FOUNDERS, "member")),
    # a parenthetical between the organisation and its verb of composition
    ("The SCO, seen as a counterweight to NATO, groups China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and "
     "Uzbekistan.", _rows(FOUNDERS, "member")),
    # the status in apposition after the list, between commas or dashes, with a count or the organisation
    ("China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan, the six members of the SCO, signed.",
     _rows(FOUNDERS, "member")),
    ("China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan -- the SCO's members -- signed.",
     _rows(FOUNDERS, "member")),
    ("India and Pakistan, both members of the SCO since 2017, attended.", _rows(["IND", "PAK"], "member", 2017)),
    # members called "SCO states/nations", a fact box's "Full members (8):", a grouping "of" the list
    ("Leaders of four SCO states -- China, India, Kazakhstan and Russia -- met in Bishkek.",
     _rows(["CHN", "IND", "KAZ", "RUS"], "member")),
    ("Full members (8): China, India, Kazakhstan, Kyrgyzstan, Pakistan, Russia, Tajikistan, Uzbekistan.",
     _rows(FOUNDERS + ["IND", "PAK"], "member")),
    ("The SCO is a six-nation security grouping of China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and "
     "Uzbekistan.", _rows(FOUNDERS, "member")),
    ("The bloc, which also counts India and Pakistan as members, was founded in 2001.",
     _rows(["IND", "PAK"], "member")),
    # the forerunner as the subject keeps its own members; a state outside the SCO is not one of its states
    ("The Shanghai Five, a group formed in 1996, included China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan.", []),
    ("Leaders of non-SCO states, Turkey and Egypt, were invited.", []),
])
def test_member_lists_around_parentheticals_appositions_and_the_forerunner(tmp_path, sentence, expected):
    assert members(tmp_path, sentence) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # "initial members" are the founders; a "dialogue member" is a dialogue partner; "attained" full membership
    ("The six initial members were China, Russia and the central Asian countries of Kazakhstan, Kyrgyzstan, "
     "Tajikistan and Uzbekistan.", "2022-09-14", _rows(FOUNDERS, "founding_member")),
    ("The Maldives has been granted the status of a Dialogue Member of the organisation.", "2022-09-16",
     _rows(["MDV"], "dialogue_partner", 2022)),
    ("Pakistan and India attained full membership status at the Astana summit in 2017.", "2018-02-14",
     _rows(["IND", "PAK"], "member", 2017)),
    # "besides" a country, the others: it shares their status
    ("Besides Pakistan, SCO's current membership comprises China, Russia and India.", "2020-09-10",
     _rows(["CHN", "IND", "PAK", "RUS"], "member")),
    # the founding verb split around its object
    ("China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan set the group up in Shanghai in 2001.",
     "2007-08-15", _rows(FOUNDERS, "founding_member", 2001)),
])
def test_initial_members_dialogue_members_attained_besides_and_set_up(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # a status granted in the passive with a future auxiliary, or approved "for" the list: on the way in
    ("Dialogue partner status is expected to be granted to Bahrain, Kuwait and the UAE.", "2022-09-10",
     _rows(["ARE", "BHR", "KWT"], "dialogue_partner", modality="expected")),
    ("The summit will approve dialogue partner status for Bahrain and Kuwait.", "2022-09-10",  # dated by "the summit"
     _rows(["BHR", "KWT"], "dialogue_partner", 2022, modality="expected")),
    ("Bahrain, Kuwait and the UAE have applied for dialogue partner status.", "2022-09-10", []),  # a wish
    # a counted list between dashes, its predicate after the closing dash
    ("Six countries - Armenia, Azerbaijan, Cambodia, Nepal, Sri Lanka and Turkey - are dialogue partners.",
     "2019-06-14", _rows(["ARM", "AZE", "KHM", "NPL", "LKA", "TUR"], "dialogue_partner")),
    # a bare status noun that opens the sentence (attending "as observers" is attendance, not a status: GOLD.md)
    ("Observers Afghanistan, Belarus, Iran and Mongolia also attended.", "2019-06-14",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer")),
    ("Afghanistan and Iran attended as guests of the host.", "2019-06-14", []),
    ("Election observers from Russia and China attended.", "2019-06-14", []),
])
def test_future_passive_grants_dashed_lists_and_a_bare_opening_status(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("body, expected", [
    # a bare "partners" where SCO statuses are being enumerated, in the sentence or the one before
    ("Four countries, Afghanistan, Belarus, Iran and Mongolia, are observer members, and six countries, Azerbaijan, "
     "Armenia, Cambodia, Nepal, Turkey and Sri Lanka, are also partners.",
     _rows(["AFG", "BLR", "IRN", "MNG"], "observer") + _rows(["ARM", "AZE", "KHM", "NPL", "TUR", "LKA"],
                                                                 "dialogue_partner")),
    ("Observers are Iran, India and Mongolia. Partners are Belarus, Turkey and Sri Lanka.",
     _rows(["IRN", "IND", "MNG"], "observer") + _rows(["BLR", "TUR", "LKA"], "dialogue_partner")),
    # alone it says nothing of the SCO
    ("China and Russia are partners.", []),
    ("Partners are Belarus, Turkey and Sri Lanka.", []),
])
def test_bare_partners_in_an_enumeration_of_statuses(tmp_path, body, expected):
    assert members(tmp_path, body, published="2014-09-12") == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    ("Four states (Afghanistan, Belarus, Iran and Mongolia) have observer status, while six more countries (Armenia, "
     "Azerbaijan, Cambodia, Nepal, Sri Lanka and Turkey) are dialogue partners.",
     [("dialogue_partner", 6, "reported", "publication"), ("observer", 4, "reported", "publication")]),
    # a count "as observers or dialogue partners" counts neither group
    ("The SCO comprises ten members, with 16 more nations affiliated as observers or dialogue partners.",
     [("member", 10, "reported", "publication")]),
])
def test_counts_of_more_countries_and_of_either_status(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence, published="2021-09-17") == expected


@pytest.mark.parametrize("sentence, published, expected", [
    # a singular relative clause after the list speaks of its last country only
    ("Russia, China and Iran, which has just been admitted as a member, signed the declaration.", "2021-09-18",
     _rows(["IRN"], "member", 2021)),
    ("India and Pakistan, which have been members since 2017, signed the declaration.", "2021-09-18",
     _rows(["IND", "PAK"], "member", 2017)),
    # a proposal or a purpose is not a status
    ("A deputy speaker of the Russian parliament proposed that Iran be granted full membership of the SCO.",
     "2006-06-14", []),
    ("We would be interested in elevating this status so that Mongolia can become a full-fledged SCO member.",
     "2023-06-14", []),
])
def test_singular_relative_clauses_proposals_and_purposes(tmp_path, sentence, published, expected):
    assert members(tmp_path, sentence, published=published) == expected


@pytest.mark.parametrize("sentence, expected", [
    # typographic single quotes around a status, before it or right after the article
    ("While India, Pakistan, Iran and Mongolia are ‘observer States', Afghanistan is a ‘Special Invitee'.",
     _rows(["IND", "IRN", "MNG", "PAK"], "observer")),
    ("India joined this regional organisation as an ‘observer' in 2005.", _rows(["IND"], "observer", 2005)),
    # "namely," with its comma; a status noun after "by" describes the countries, whatever the tense
    ("The meeting will be attended by the member-States of the SCO, namely, Russia, China and Kazakhstan.",
     _rows(["CHN", "KAZ", "RUS"], "member")),
])
def test_quoted_statuses_and_namely(tmp_path, sentence, expected):
    assert members(tmp_path, sentence, published="2011-11-06") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a hyphenated size describes the group as it is, whatever the tense of the sentence
    ("President Hu will meet the leaders before the six-member bloc meets for talks on Wednesday.",
     [("member", 6, "reported", "publication")]),
    # a count after a preposition, its countries named after it, describes the members as they are
    ("Hu is expected to meet the heads of state of five SCO members, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and "
     "Uzbekistan.", [("member", 5, "reported", "publication")]),
])
def test_descriptive_counts_in_future_sentences(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence, published="2012-06-05") == expected


@pytest.mark.parametrize("body, expected", [
    # "the same status" as the one stated before, in the sentence before or in the same one
    ("Egypt and Qatar have become dialogue partners. Bahrain, Maldives and Kuwait will have the same status.",
     _rows(["EGY", "QAT"], "dialogue_partner", 2022) + _rows(["BHR", "KWT", "MDV"], "dialogue_partner",
                                                               modality="expected")),
    ("Iran became a member, and Belarus will receive the same status next year.",
     _rows(["IRN"], "member") + _rows(["BLR"], "member", 2023, "expected")),
    # with no status stated before, it names none
    ("Bahrain and Kuwait will have the same status.", []),
])
def test_the_same_status_as_the_one_stated_before(tmp_path, body, expected):
    assert members(tmp_path, body, published="2022-09-16") == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    # the countries a newcomer "joins" in a status already hold it
    ("Putin announced that Belarus would obtain observer status in the SCO, joining Afghanistan, Iran and Mongolia.",
     _rows(["AFG", "IRN", "MNG"], "observer") + _rows(["BLR"], "observer", modality="expected")),
    ("Belarus became an observer, joining Afghanistan and Mongolia.", _rows(["AFG", "BLR", "MNG"], "observer")),
])
def test_joining_those_who_hold_the_status(tmp_path, sentence, expected):
    assert members(tmp_path, sentence, published="2015-07-10") == sorted(expected)


@pytest.mark.parametrize("sentence, expected", [
    # the status held before the one gained, with its own date; that date is not the new status's
    ("Pakistan is set to formally become a full member of the SCO after remaining as observer of the group since 2005.",
     [("PAK", "member", None, "expected"), ("PAK", "observer", 2005, "reported")]),
    ("India became a full member in 2017 after being an observer since 2005.",
     [("IND", "member", 2017, "reported"), ("IND", "observer", 2005, "reported")]),
])
def test_the_status_held_before_the_one_gained(tmp_path, sentence, expected):
    assert members(tmp_path, sentence, published="2017-06-09") == expected


@pytest.mark.parametrize("sentence, expected", [
    # a number word capitalised inside a sentence is a name ("the Five": the Shanghai Five), not a count
    ("Analysts speculate that the Five members are bound together by mutual distrust.", []),
    ("Eight member states signed the declaration.", [("member", 8, "reported", "publication")]),
    ('"Eight member states signed the declaration," he said.', [("member", 8, "reported", "publication")]),
])
def test_a_capitalised_number_inside_a_sentence_is_a_name(tmp_path, sentence, expected):
    assert counts(tmp_path, sentence, published="2018-06-10") == expected


def test_a_list_opened_by_communist_china_and_a_singular_relative_clause_on_its_last_country(tmp_path):
    sentence = ("The SCO was established in 2001, with the following permanent members: the Communist China, Russia, "
                "India, and Iran, which has just been admitted as a member.")
    df = membership.extract_membership(_corpus(tmp_path, sentence, published="2021-09-18"))
    got = {(r.iso3, r.status, None if pd.isna(r.year) else int(r.year), r.modality) for r in df.itertuples()}
    assert got == set(_rows(["CHN", "IND", "IRN", "RUS"], "member") + _rows(["IRN"], "member", 2021))


@pytest.mark.parametrize("sentence", [
    # an accession only talked about, supported or judged possible is not a status
    "Nazarbayev told Tass that possible admission of India, Pakistan and Iran to the organization is an important step.",
    "Putin said Moscow supports Iran's full-fledged membership of the organization.",
    "Putin said there are no obstacles for admitting Iran to the Shanghai Cooperation Organization.",
    "There was also discussion of expanding the organisation to include Iran, India and Pakistan.",
])
def test_an_accession_talked_about_or_judged_possible_is_not_a_status(tmp_path, sentence):
    assert members(tmp_path, sentence, published="2016-06-24") == []
