"""Attributions: one small text per phenomenon (prepositional sources, parentheticals, short names,
pronouns); the seeds' gold is scored in test_gold_seeds.py."""

from __future__ import annotations

import pandas as pd

from sco_analysis.facts.attributions import extract_attributions
from sco_analysis.reading.corpus import load_corpus
from tests.conftest import write_folder


def _rows(tmp_path, text):
    c = load_corpus(write_folder(tmp_path / "arts", {"a.txt": text}))
    a = extract_attributions(c)
    return [(r.speaker, None if pd.isna(r.role) else r.role, r.cue) for r in a.itertuples()]


def test_according_to_before_and_after(tmp_path):
    rows = _rows(tmp_path, "According to SCO Secretary General Zhang Ming, trade grew.\n"
                           "Trade grew fast, according to the Chinese Commerce Ministry.\n")
    assert rows == [("Zhang Ming", "SCO Secretary General", "according to"),
                    ("Chinese Commerce Ministry", None, "according to")]


def test_as_per_statement_issued_by(tmp_path):
    rows = _rows(tmp_path, "As per the statement issued by Uzbek President Shavkat Mirziyoyev, talks went well.\n")
    assert rows == [("Shavkat Mirziyoyev", "Uzbek President", "as per")]


def test_parenthetical_between_subject_and_verb_and_outlet_at_end(tmp_path):
    rows = _rows(tmp_path, "Indian Foreign Minister Subrahmanyam Jaishankar, speaking to reporters, stressed "
                           "the need for dialogue, Reuters reported.\n")
    assert rows == [("Subrahmanyam Jaishankar", "Indian Foreign Minister", "stressed"),
                    ("Reuters", None, "reported")]


def test_short_name_and_pronoun_resolve_to_the_titled_person(tmp_path):
    rows = _rows(tmp_path, "Kyrgyz President Sadyr Japarov arrived on Monday.\n"
                           "Japarov said the meeting was useful. Later he noted that trade was growing.\n")
    assert rows == [("Sadyr Japarov", "Kyrgyz President", "said"),
                    ("Sadyr Japarov", "Kyrgyz President", "noted")]


def test_pronoun_left_unresolved_when_two_people_were_just_named(tmp_path):
    rows = _rows(tmp_path, "Russian President Vladimir Putin met Chinese President Xi Jinping.\n"
                           "He said the talks were frank.\n")
    assert rows == []


def test_coordinated_second_cue_keeps_the_speaker(tmp_path):
    rows = _rows(tmp_path, "UN Secretary General Antonio Guterres praised the bloc, and noted that it helps peace.\n")
    assert rows == [("Antonio Guterres", "UN Secretary General", "praised"),
                    ("Antonio Guterres", "UN Secretary General", "noted")]


def test_non_reporting_uses_of_cue_words_are_ignored(tmp_path):
    rows = _rows(tmp_path, "Iran and Belarus were added later.\nIndia, Pakistan and Iran added later members.\n"
                           "Many incidents were reported in the region.\n")
    assert rows == []


def test_inverted_speaker_after_a_quote_and_quoted_as_saying(tmp_path):
    rows = _rows(tmp_path, "“We welcome Belarus,” said Chinese Foreign Minister Wang Yi.\n"
                           "Lavrov was quoted as saying that the talks were useful.\n")
    assert rows == [("Wang Yi", "Chinese Foreign Minister", "said"), ("Lavrov", None, "quoted as saying")]


def test_hyphenated_title_relative_clause_and_surname_first_names(tmp_path):
    rows = _rows(
        tmp_path,
        "SCO Secretary-General Nurlan Yermekbayev said the bloc is open.\n"
        "Turkish President Recep Tayyip Erdogan, who arrived on Saturday, praised the hosts.\n"
        "Chinese President Xi Jinping spoke first. Xi said the SCO is strong. He added that it would grow.\n",
    )
    assert rows == [("Nurlan Yermekbayev", "SCO Secretary-General", "said"),
                    ("Recep Tayyip Erdogan", "Turkish President", "praised"),
                    ("Xi Jinping", "Chinese President", "said"),
                    ("Xi Jinping", "Chinese President", "added")]


def test_coordinated_subjects_each_get_a_row(tmp_path):
    rows = _rows(tmp_path, "Russia, Iran and China said the bloc must grow.\n"
                           "Upon arrival, Kazakh President Tokayev welcomed the guests.\n")
    assert rows == [("Russia", None, "said"), ("Iran", None, "said"), ("China", None, "said"),
                    ("Tokayev", "Kazakh President", "welcomed")]


def test_object_of_an_earlier_verb_is_not_a_co_subject(tmp_path):
    rows = _rows(tmp_path, "Putin praised Kazakhstan and Xi said the bloc is strong.\n")
    assert rows == [("Putin", None, "praised"), ("Xi", None, "said")]
