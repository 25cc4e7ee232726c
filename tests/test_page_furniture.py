"""Page furniture and headlines: the lines around an article (prompts, counters, a language switch,
repeated headlines, timestamps, agency names) are classified by their form, never read as text."""

from __future__ import annotations

import csv

import pytest

from sco_analysis.reading.corpus import DATA, classify_lines, is_furniture


def _kinds(text, title=None):
    return [(text[s:e], k) for s, e, k in classify_lines(text, title)]


def _examples():
    with open(DATA / "page_furniture.csv", newline="", encoding="utf-8") as fh:
        return [row["example"] for row in csv.DictReader(fh)]


@pytest.mark.parametrize("line", _examples())
def test_every_documented_phrase_is_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line, furniture", [
    ("Don't you have an account with The Daily Wire?", True),
    ("Already have an account? Log in", True),
    ("Click here to subscribe.", True),
    ("Please tell us your thoughts by clicking here.", True),
    ("Download our app to get the latest updates.", True),
    ("Follow us on Telegram", True),
    ("Views: 1,204", True),
    ("author avatar", True),
    ("English", True),
    ("Русский", True),
    ("Read more", True),
    ("You May Also Like", True),
    # text that merely contains such words, or is long, stays text
    ("Iran was admitted as an observer after its leaders decided to subscribe to the charter.", False),
    ("The SCO has 10 members, and its leaders said they would follow us on trade, click by click, in a long "
     "paragraph that goes on about many things, from energy to security, transport and culture, for more "
     "words than any prompt has.", False),
    ("Views of the summit differed.", False),
    ("India takes over SCO rotating presidency", False),
    ("Kazakhstan", False),
])
def test_furniture_is_read_by_form(line, furniture):
    assert is_furniture(line) is furniture


def test_prompts_repeated_headline_avatars_and_timestamps():
    text = ("Don't you have an account with Pajhwok?\n\nClick here to subscribe.\n\n"
            "SCO admits Laos as observer\n\nSCO admits Laos as observer\n\nauthor avatar\n7 Jun 2012 - 11:35\n"
            "SCO admits Laos as observer\nauthor avatar\n7 Jun 2012 - 11:35\n\n"
            "BEIJING (Wire): The SCO admitted Laos as an observer on Thursday.\n")
    assert _kinds(text, "SCO admits Laos as observer") == [
        ("Don't you have an account with Pajhwok?", "furniture"),
        ("Click here to subscribe.", "furniture"),
        ("SCO admits Laos as observer", "headline"),
        ("SCO admits Laos as observer", "furniture"),
        ("author avatar", "furniture"),
        ("7 Jun 2012 - 11:35", "byline"),
        ("SCO admits Laos as observer", "furniture"),
        ("author avatar", "furniture"),
        ("7 Jun 2012 - 11:35", "byline"),
        ("BEIJING (Wire): The SCO admitted Laos as an observer on Thursday.", "body"),
    ]


def test_language_label_agency_line_first_published_and_indented_copy():
    text = ("English\n    India takes over the SCO chair\n\n    Uzbekistan handed over the chair to India.\n\n"
            "    PTI\n    September 16, 2022 / 06:25 PM IST\n\n"
            "    Uzbekistan on Friday handed over the chair to India in Samarkand.\n"
            "    Iran has been admitted as a member.\n"
            "        Iran has been admitted as a member.\n"
            "    first published: Sep 16, 2022 06:25 pm\n")
    assert _kinds(text, "India takes over the SCO chair") == [
        ("English", "furniture"),
        ("India takes over the SCO chair", "headline"),
        ("Uzbekistan handed over the chair to India.", "dek"),
        ("PTI", "source_note"),
        ("September 16, 2022 / 06:25 PM IST", "byline"),
        ("Uzbekistan on Friday handed over the chair to India in Samarkand.", "body"),
        ("Iran has been admitted as a member.", "body"),
        ("Iran has been admitted as a member.", "furniture"),
        ("first published: Sep 16, 2022 06:25 pm", "byline"),
    ]


@pytest.mark.parametrize("line", ["(KUNA)", "Xinhua", "TASS.", "Press Trust of India", "[Reuters]"])
def test_agency_name_alone_is_a_source_note(line):
    assert _kinds(f"Headline here\n{line}\nThe SCO met.\n")[1] == (line, "source_note")


def test_title_marks_the_headline_wherever_it_stands_and_without_title_the_first_short_line():
    text = "Home\nMenu\nLaos joins the SCO\nLaos joined the SCO as an observer.\n"
    assert _kinds(text, "Laos joins the SCO")[2] == ("Laos joins the SCO", "headline")
    assert _kinds("Laos joins the SCO\nLaos joined the SCO as an observer.\n")[0] == ("Laos joins the SCO", "headline")
    assert _kinds("Laos joined the SCO as an observer.\nMore text.\n")[0][1] == "body"


def _paragraphs(text):
    return [text[s:e] for s, e, _ in classify_lines(text)]


@pytest.mark.parametrize("text, expected", [
    # a line running on in lower case, or ending on a comma or a function word, continues
    ("Leaders of the SCO today gathered\nin Bishkek, capital of Kyrgyzstan, for an annual summit.\nIt ended.\n",
     ["Leaders of the SCO today gathered\nin Bishkek, capital of Kyrgyzstan, for an annual summit.", "It ended."]),
    ("Founded in Shanghai in 2001 as a regional body,\nthe SCO groups six states.\n",
     ["Founded in Shanghai in 2001 as a regional body,\nthe SCO groups six states."]),
    ("according to officials of the Ministry of\nForeign Affairs.\n",
     ["according to officials of the Ministry of\nForeign Affairs."]),
    # a blank line, a finished sentence, a byline or furniture ends the paragraph
    ("The SCO met in Astana\n\nin July.\n", ["The SCO met in Astana", "in July."]),
    ("The SCO met in Astana.\nleaders spoke.\n", ["The SCO met in Astana.", "leaders spoke."]),
    ("SCO admits Laos as observer\nauthor avatar\n7 Jun 2012 - 11:35\n",
     ["SCO admits Laos as observer", "author avatar", "7 Jun 2012 - 11:35"]),
])
def test_hard_wrapped_lines_are_one_paragraph(text, expected):
    assert _paragraphs(text) == expected


def test_text_wrapped_at_a_fixed_width_is_joined_whatever_the_next_word():
    text = ("Member states of the Shanghai Cooperation Organization agreed that it would\n"
            "be expedient to suspend the expansion of the organisation, Russian Deputy\n"
            "Foreign Minister Alexander Losyukov said yesterday ahead of the SCO summit\n"
            "in Bishkek on Aug 16.\n"
            "Founded in Shanghai in 2001, the SCO was aimed at enhancing security. It\n"
            "groups Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan, China and Russia.\n")
    paragraphs = _paragraphs(text)
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("Aug 16.") and paragraphs[1].startswith("Founded")
    kinds = {k for _, _, k in classify_lines(text)}
    assert kinds == {"body"}


def test_every_trigger_is_in_its_example():
    with open(DATA / "page_furniture.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            assert row["pattern"].startswith("^") != bool(row["trigger"]), row["pattern"]
            assert row["trigger"].casefold() in row["example"].casefold(), row["pattern"]
