"""Theme tagging: coverage on the seeds, term matching rules, user taxonomies, bad taxonomy files."""

from __future__ import annotations

import pytest

from sco_analysis.errors import InputError
from sco_analysis.facts.themes import extract_themes, load_taxonomy
from sco_analysis.reading.corpus import load_corpus
from tests.conftest import write_folder

REQUIRED_THEMES = {"security", "economy", "connectivity", "energy", "world_order", "regional_conflicts",
                   "institutions", "health_society", "digital_innovation", "climate", "diplomacy"}


def _themes_of(themes, needle):
    rows = themes[themes["quote"].str.contains(needle, regex=False)]
    return dict(zip(rows["theme_id"], rows["terms"]))


def _corpus(tmp_path, text):
    return load_corpus(write_folder(tmp_path / "arts", {"a.txt": text}))


def test_packaged_taxonomy_has_the_required_themes():
    tax = load_taxonomy()
    assert set(tax["theme_id"]) >= REQUIRED_THEMES
    assert tax["theme_id"].is_unique


def test_seeds_coverage_and_provenance(seed_corpus):
    themes, unthemed = extract_themes(seed_corpus)
    body = seed_corpus.sentences[seed_corpus.sentences["kind"] == "body"]
    themed_body = set(zip(themes["article_id"], themes["sentence_id"])) & set(
        zip(body["article_id"], body["sentence_id"])
    )
    assert len(themed_body) / len(body) >= 0.9
    assert len(themed_body) + len(unthemed) == len(body)
    for r in themes.itertuples():
        assert seed_corpus.texts[r.article_id][r.start:r.end] == r.quote
        for term in r.terms.split(";"):
            assert term in r.quote
            assert term.upper() not in {"SCO", "COOPERATION", "ORGANIZATION"}
    assert not themes.duplicated(["article_id", "sentence_id", "theme_id"]).any()


def test_seed_sentences_get_the_themes_a_reader_expects(seed_corpus):
    themes, _ = extract_themes(seed_corpus)
    assert _themes_of(themes, "endorse an energy strategy")["energy"] == "energy"
    bri = _themes_of(themes, "Reducing trade barriers")
    assert bri["connectivity"] == "Belt and Road Initiative;BRI"
    assert bri["economy"] == "trade;harmonizing regulations"
    climate = _themes_of(themes, "combating climate change")
    assert "climate change" in climate["climate"].split(";")
    assert "digital transformation" in climate["digital_innovation"].split(";")
    conflicts = _themes_of(themes, "situation in Gaza")
    assert conflicts["regional_conflicts"].split(";")[0] == "Gaza"
    assert "multipolar" in _themes_of(themes, "multipolar world order to counter")["world_order"]


def test_terms_in_text_order_each_once_and_hyphen_variants(tmp_path):
    c = _corpus(
        tmp_path, "Ministers backed counter-terrorism work, then terrorism talks and counter terrorism drills.\n"
    )
    themes, unthemed = extract_themes(c)
    sec = themes[themes["theme_id"] == "security"].iloc[0]
    assert sec["terms"] == "counter-terrorism;terrorism"
    assert unthemed.empty


def test_acronyms_match_case_sensitively(tmp_path):
    c = _corpus(tmp_path, "The UN envoy spoke.\nThe un-named islands are quiet.\n")
    themes, unthemed = extract_themes(c)
    world = themes[themes["theme_id"] == "world_order"]
    assert list(world["quote"]) == ["The UN envoy spoke."]
    assert list(unthemed["text"]) == ["The un-named islands are quiet."]


def test_unthemed_body_sentences_are_reported(tmp_path):
    c = _corpus(tmp_path, "The weather in the capital was mild all week.\nLeaders met at the summit.\n")
    themes, unthemed = extract_themes(c)
    assert list(unthemed["text"]) == ["The weather in the capital was mild all week."]
    assert set(themes["theme_id"]) == {"diplomacy"}


def test_user_edited_taxonomy_file(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "# my themes\n"
        "theme_id,label,description,terms\n"
        "water,Water,Rivers and dams,irrigation;dams?;water (?:sharing|rights)\n"
        "weather,Weather,,mild\n", encoding="utf-8")
    tax = load_taxonomy(path)
    c = _corpus(tmp_path, "Water sharing and a new dam were discussed, along with irrigation.\n"
                          "The weather was mild.\nTrade grew.\n")
    themes, unthemed = extract_themes(c, tax)
    assert list(zip(themes["theme_id"], themes["terms"])) == [
        ("water", "Water sharing;dam;irrigation"), ("weather", "mild")]
    assert list(themes["theme_label"]) == ["Water", "Weather"]
    assert list(unthemed["text"]) == ["Trade grew."]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("theme_id,label,terms\nx,X,a\n", "missing column(s) description"),
        ("theme_id,label,description,terms\nx,X,,a\nx,Y,,b\n", "line 3: theme_id 'x' is used twice"),
        (
            "theme_id,label,description,terms\nx,X,,(unclosed\n",
            "line 2: theme 'x': term '(unclosed' is not a valid regular expression",
        ),
        ("theme_id,label,description,terms\nx,X,,;\n", "line 2: theme 'x' has no terms"),
        ("theme_id,label,description,terms\n9x,X,,a\n", "line 2: theme_id '9x' must start with a letter"),
        ("theme_id,label,description,terms\nx,X,,a?\n", "line 2: theme 'x': term 'a?' matches empty text"),
        ("theme_id,label,description,terms\nx,X,a\n", "line 2: has 3 fields, the header has 4"),
    ],
)
def test_bad_taxonomy_is_one_line_input_error(tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_taxonomy(path)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(str(path))
    assert problem in msg


def test_missing_taxonomy_file(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_taxonomy(tmp_path / "nope.csv")


def test_scoped_case_sensitive_term(tmp_path):
    c = _corpus(tmp_path, "Leaders criticised the West.\nRains fell in the west of the country.\n")
    themes, unthemed = extract_themes(c)
    assert list(themes[themes["theme_id"] == "world_order"]["terms"]) == ["the West"]
    assert list(unthemed["text"]) == ["Rains fell in the west of the country."]
