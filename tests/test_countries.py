"""Country and demonym finding: names, aliases, demonyms, case and boundary rules, offsets."""

from __future__ import annotations

import pytest

from sco_analysis.reading import countries


def _found(text):
    return [(m.name, m.iso3, m.demonym) for m in countries.find(text)]


def test_offsets_slice_back_to_names():
    text = "Russia, Kazakhstan, Kyrgyzstan, China, Tajikistan, and Uzbekistan signed."
    found = countries.find(text)
    assert [m.iso3 for m in found] == ["RUS", "KAZ", "KGZ", "CHN", "TJK", "UZB"]
    assert all(text[m.start:m.end] == m.name for m in found)


@pytest.mark.parametrize("written, iso3", [
    ("Kyrgyz Republic", "KGZ"), ("Türkiye", "TUR"), ("Turkey", "TUR"), ("UAE", "ARE"),
    ("United Arab Emirates", "ARE"), ("Lao PDR", "LAO"), ("Laos", "LAO"), ("Maldives", "MDV"),
    ("Russian Federation", "RUS"), ("Iran", "IRN"), ("South Korea", "KOR"), ("Vietnam", "VNM"),
    ("Syria", "SYR"), ("Bolivia", "BOL"), ("Republic of Belarus", "BLR"), ("Sri Lanka", "LKA"),
    ("Saudi Arabia", "SAU"), ("Egypt", "EGY"), ("Cambodia", "KHM"), ("Nepal", "NPL"),
])
def test_news_names_resolve(written, iso3):
    assert _found(f"Officials from {written} arrived.") == [(written, iso3, False)]
    assert countries.resolve(written) == iso3


def test_longest_name_wins_over_its_parts():
    assert _found("the Islamic Republic of Iran and the Kyrgyz Republic") == [
        ("Islamic Republic of Iran", "IRN", False), ("Kyrgyz Republic", "KGZ", False)]


def test_demonyms_are_flagged():
    text = "The Belarusian side met the Iranian President, Kazakhstani officials and Pakistanis."
    assert _found(text) == [("Belarusian", "BLR", True), ("Iranian", "IRN", True),
                            ("Kazakhstani", "KAZ", True), ("Pakistanis", "PAK", True)]


def test_capitals_are_not_countries():
    assert _found("The Moscow-Beijing dimension; leaders met in Astana.") == []
    assert countries.resolve("Moscow") is None and countries.resolve("Beijing") is None


def test_case_rules():
    assert _found("fine china and a turkey dinner") == []
    assert _found("CHINA AND RUSSIA") == [("CHINA", "CHN", False), ("RUSSIA", "RUS", False)]


def test_word_boundaries_and_possessives():
    text = "Russia-China ties, China’s view, Indiana and the Indian Ocean, Nigeria not Niger."
    assert _found(text) == [("Russia", "RUS", False), ("China", "CHN", False), ("China", "CHN", False),
                            ("Nigeria", "NGA", False), ("Niger", "NER", False)]


def test_window_limits_search():
    text = "India and Pakistan; Iran"
    found = countries.find(text, 10, 18)
    assert [(m.name, m.start) for m in found] == [("Pakistan", 10)]


def test_resolve_unknown_and_pycountry_forms():
    assert countries.resolve("Narnia") is None
    assert countries.resolve("the Maldives") == "MDV"
    assert countries.resolve("Tanzania, United Republic of") == "TZA"


def test_seed_countries(seed_corpus):
    text = seed_corpus.texts["tass_2024-05_sco-foreign-ministers-council-preview"]
    isos = {m.iso3 for m in countries.find(text) if not m.demonym}
    assert {"RUS", "KAZ", "KGZ", "CHN", "TJK", "UZB", "IND", "PAK", "IRN", "BLR", "AFG"} <= isos


def test_resolve_does_not_read_short_words_as_codes():
    assert countries.resolve("IN") is None and countries.resolve("AS") is None and countries.resolve("SCO") is None
    assert countries.resolve("UAE") == "ARE" and countries.resolve("US") == "USA"


@pytest.mark.parametrize("text, expected", [
    # a misspelt name inside a list of countries is that country
    ("founded by China, Russia, Kazakhstan, Kyrgyzatan, Tadzhikistan and Uzbekistan",
     ["CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"]),
    ("Russia, Uzbekstan and India signed", ["RUS", "UZB", "IND"]),
    ("Kyrgyzatan and Kazakhstan met", ["KGZ", "KAZ"]),
    ("members include Pakstan, India and Iran", ["PAK", "IND", "IRN"]),
    ("Kazakstan, Kirghizia, Tadjikistan and Turkmenia", ["KAZ", "KGZ", "TJK", "TKM"]),
    # formal names are the same country as the short ones
    ("the Republic of Belarus and Belarus", ["BLR", "BLR"]),
    ("the State of Kuwait and Kuwait", ["KWT", "KWT"]),
    ("the Kyrgyz Republic, Kyrgyzstan", ["KGZ", "KGZ"]),
    ("Türkiye, Turkiye and Turkey", ["TUR", "TUR", "TUR"]),
    ("the Islamic Republic of Iran and Lao PDR", ["IRN", "LAO"]),
    # near misses that are not countries stay unread, in a list or not
    ("India, Pakistan and Indiana", ["IND", "PAK"]),
    ("China and Kazan hosted", ["CHN"]),
    ("Russia, Slovenian officials", ["RUS"]),
    ("The Kyrgyzatan delegation arrived in Astana.", []),
    ("Uzbekstan is far from Astana", []),
    ("Russia and Astana", ["RUS"]),
    ("Russia, Austrian and Indian envoys", ["RUS"]),
])
def test_names_as_the_press_writes_them(text, expected):
    assert [m.iso3 for m in countries.find(text) if not m.demonym] == expected


@pytest.mark.parametrize("word, iso3", [
    ("Kyrgyzatan", "KGZ"), ("Uzbekstan", "UZB"), ("Afganistan", "AFG"), ("Tajikstan", "TJK"),
    ("Pakistani", None), ("Iranian", None), ("Russian", None), ("Kazan", None), ("Astana", None),
    ("Indiana", None), ("Slovenian", None), ("Georgian", None), ("Austrian", None), ("Shanghai", None),
])
def test_misspelt_is_strict(word, iso3):
    assert countries.misspelt(word) == iso3


def test_misspelt_names_have_offsets():
    text = "Members: China, Kyrgyzatan and Russia."
    found = countries.find(text)
    assert [(text[m.start:m.end], m.iso3) for m in found] == [("China", "CHN"), ("Kyrgyzatan", "KGZ"),
                                                              ("Russia", "RUS")]
