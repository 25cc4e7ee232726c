"""The corpus reader on the real seeds and on broken folders built here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.reading.corpus import classify_lines, load_corpus, split_sentences

from .conftest import SEEDS, write_folder

TASS = "tass_2024-05_sco-foreign-ministers-council-preview"
PD = "peoplesdispatch_2024-07-03_sco-astana-summit-opens"


def test_seed_articles_and_catalog(seed_corpus):
    a = seed_corpus.articles.set_index("article_id")
    assert set(a.index) == {TASS, PD}
    assert a.loc[PD, "published"].isoformat()[:10] == "2024-07-03"
    assert a.loc[PD, "reference_date_basis"] == "published"
    assert a.loc[TASS, "reference_date_basis"] == "estimated"
    assert a.loc[TASS, "based_on"] == "TASS"
    schema.validate("articles", seed_corpus.articles)
    schema.validate("sentences", seed_corpus.sentences)


def test_offsets_slice_back_to_every_sentence(seed_corpus):
    for r in seed_corpus.sentences.itertuples():
        assert seed_corpus.texts[r.article_id][r.start:r.end] == r.text


def test_no_character_lost(seed_corpus):
    """Every non-space character of every article sits in exactly one sentence row."""
    for aid, text in seed_corpus.texts.items():
        covered = [False] * len(text)
        for r in seed_corpus.sentences[seed_corpus.sentences.article_id == aid].itertuples():
            for i in range(r.start, r.end):
                assert not covered[i]
                covered[i] = True
        assert all(c or ch.isspace() for c, ch in zip(covered, text))


def _kinds(seed_corpus, aid):
    s = seed_corpus.sentences[seed_corpus.sentences.article_id == aid]
    return dict(zip(s.text, s.kind))


def test_structure_of_the_report_with_headline_dek_byline_caption(seed_corpus):
    k = _kinds(seed_corpus, PD)
    assert k["Shanghai Cooperation Organization convenes 24th council meeting in Kazakhstan"] == "headline"
    assert k["July 03, 2024 by Peoples Dispatch"] == "byline"
    dek = [t for t, kind in k.items() if kind == "dek"]
    assert len(dek) == 1 and dek[0].startswith("The 24th annual summit of the SCO is expected")
    caption = [t for t, kind in k.items() if kind == "caption"]
    assert len(caption) == 1 and caption[0].endswith("(Photo via Hua Chunying/X)")
    assert sum(kind == "body" for kind in k.values()) == 21


def test_structure_of_the_preview_with_sections_credit_and_source_note(seed_corpus):
    k = _kinds(seed_corpus, TASS)
    sections = [t for t, kind in k.items() if kind == "section"]
    assert sections[:5] == ["Summit in Astana", "The Moscow-Beijing Dimension", "New World Order",
                            "Russian Efforts", "SCO for Justice"]
    assert k["Photo: Russian Foreign Ministry"] == "credit"
    assert k["Based on materials from TASS"] == "source_note"
    assert "headline" not in k.values()  # the preview's first line is a body sentence
    assert k["Abdollahian had been scheduled to attend the meeting."] == "body"


def test_sentence_splitter_keeps_abbreviations_and_quotes_together():
    text = 'Mr. Modi met Dr. Li in the U.S. capital. He said "it works." Then S. Jaishankar spoke! Next? Yes.'
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == ["Mr. Modi met Dr. Li in the U.S. capital.", 'He said "it works."',
                     "Then S. Jaishankar spoke!", "Next?", "Yes."]


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it():
    text = "Iran is an observer state.Uzbekistan holds the presidency. Documents came via Avesta.Tj and Civil.Ge today."
    spans = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert spans == ["Iran is an observer state.", "Uzbekistan holds the presidency.",
                     "Documents came via Avesta.Tj and Civil.Ge today."]


def test_text_without_punctuation_is_one_sentence():
    text = "no punctuation at all just words running on"
    assert split_sentences(text, 0, len(text)) == [(0, len(text))]


def test_bom_and_crlf_are_fine(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.txt").write_bytes("\ufeffHeadline here\r\n\r\nFirst sentence. Second one.\r\n".encode())
    write_folder(folder, {}, rows=[{"file": "x.txt", "outlet": "W", "title": "", "published": ""}])
    c = load_corpus(folder)
    s = c.sentences
    assert list(s.kind) == ["headline", "body", "body"]
    assert list(s.text) == ["Headline here", "First sentence.", "Second one."]
    assert c.articles.loc[0, "reference_date_basis"] == "unknown"


def test_article_without_sco_content_is_listed(tmp_path):
    folder = write_folder(tmp_path / "a", {"cats.txt": "Cats sleep a lot. They purr."})
    c = load_corpus(folder)
    assert list(c.articles.article_id) == ["cats"]
    assert c.articles.loc[0, "n_body_sentences"] == 2


def test_extra_catalog_columns_are_kept(tmp_path):
    rows = [{"file": "a.txt", "outlet": "W", "title": "", "published": "", "desk": "Asia"}]
    c = load_corpus(write_folder(tmp_path / "f", {"a.txt": "Text."}, rows=rows))
    assert c.articles.loc[0, "desk"] == "Asia"


def test_classify_lines_reads_form_not_topic():
    text = "Big news today\nBy Jane Roe\nThe first paragraph is here.\nA Short Heading\nMore text follows.\n"
    assert [k for *_, k in classify_lines(text)] == ["headline", "byline", "body", "section", "body"]


# ---------------------------------------------------------------- broken input

def _error(folder) -> str:
    with pytest.raises(InputError) as info:
        load_corpus(folder)
    msg = str(info.value)
    assert "\n" not in msg
    return msg


def test_no_catalog(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    assert "catalog.csv: no catalog" in _error(tmp_path)


def test_catalog_row_without_file(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Text."},
                          rows=[{"file": "a.txt", "outlet": "W", "title": "", "published": ""},
                                {"file": "gone.txt", "outlet": "W", "title": "", "published": ""}])
    msg = _error(folder)
    assert "catalog.csv: row 3: file 'gone.txt' does not exist" in msg


def test_txt_without_catalog_row(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": "Text."})
    (folder / "b.txt").write_text("Other.")
    msg = _error(folder)
    assert msg.endswith("b.txt: has no row in catalog.csv; add one (file, outlet, title, published)")


def test_duplicate_row(tmp_path):
    row = {"file": "a.txt", "outlet": "W", "title": "", "published": ""}
    msg = _error(write_folder(tmp_path / "f", {"a.txt": "Text."}, rows=[row, row]))
    assert "row 3: duplicate row for 'a.txt' (first at row 2)" in msg


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"   \n\n ", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is binary"),
    (b"caf\xe9 au lait", "is not UTF-8 (byte 0xe9 at offset 3)"),
])
def test_bad_article_files(tmp_path, content, problem):
    folder = write_folder(tmp_path / "f", {"a.txt": "x"})
    (folder / "a.txt").write_bytes(content)
    msg = _error(folder)
    assert "a.txt: " + problem in msg


@pytest.mark.parametrize("value, problem", [
    ("3 July 2024", "is not a date; write it as YYYY-MM-DD"),
    ("2024-02-30", "is not a real calendar date"),
])
def test_bad_dates(tmp_path, value, problem):
    rows = [{"file": "a.txt", "outlet": "W", "title": "", "published": value}]
    msg = _error(write_folder(tmp_path / "f", {"a.txt": "Text."}, rows=rows))
    assert f"row 2: published '{value}' {problem}" in msg


def test_missing_required_column(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("Text.")
    (folder / "catalog.csv").write_text("file,outlet\na.txt,W\n")
    assert "header: missing column(s) title, published" in _error(folder)


def test_cli_prints_one_line_and_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    proc = subprocess.run(
        [sys.executable, "-m", "sco_analysis", "extract", str(tmp_path), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ") and "catalog.csv" in proc.stderr


def test_cli_extract_writes_articles_and_sentences(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "sco_analysis", "extract", str(SEEDS), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    import pandas as pd

    arts = pd.read_csv(tmp_path / "articles.csv")
    sents = pd.read_csv(tmp_path / "sentences.csv")
    assert list(arts.columns[:6]) == ["article_id", "file", "outlet", "title", "published", "published_estimate"]
    assert list(sents.columns) == ["article_id", "sentence_id", "paragraph_id", "start", "end", "kind", "text"]
    assert sents.groupby("article_id").size().to_dict() == arts.set_index("article_id").n_sentences.to_dict()


def test_help_lists_every_subcommand():
    out = subprocess.run([sys.executable, "-m", "sco_analysis", "--help"], capture_output=True, text=True).stdout
    assert "extract" in out and "report" in out
