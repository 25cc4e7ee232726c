"""Reading the catalog and the article files: odd but valid input is read, hostile input is refused
with one line naming the file and the problem (issue 10, items 4-9)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from sco_analysis import pipeline
from sco_analysis.errors import InputError
from sco_analysis.reading.corpus import load_corpus

from .conftest import write_folder

TEXT = "SCO leaders met in Astana.\n\nNext year Belarus will join the SCO. The summit opens tomorrow.\n"
ROW = {"file": "a.txt", "outlet": "W", "title": "", "published": "2024-07-05"}


def _error(folder) -> str:
    with pytest.raises(InputError) as info:
        load_corpus(folder)
    msg = str(info.value)
    assert "\n" not in msg and "\r" not in msg
    return msg


# ---------------------------------------------------------------- 4. one article, one id

def test_two_files_with_one_stem_are_refused(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT, "a.md": TEXT})
    msg = _error(folder)
    assert "catalog.csv: row 3: 'a.md' and 'a.txt' (row 2) would both be article 'a'; rename one" in msg


def test_stems_differing_in_case_only_are_refused(tmp_path):
    folder = write_folder(tmp_path / "f", {"b.txt": TEXT, "B.TXT": TEXT})
    assert "'B.TXT' and 'b.txt' (row 2) would both be article 'B'" in _error(folder)


def test_upper_case_txt_is_an_article(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    (folder / "LOUD.TXT").write_text(TEXT)
    assert _error(folder).endswith("LOUD.TXT: has no row in catalog.csv; add one (file, outlet, title, published)")
    folder = write_folder(tmp_path / "g", {"a.txt": TEXT, "LOUD.TXT": TEXT})
    assert sorted(load_corpus(folder).articles.article_id) == ["LOUD", "a"]


# ---------------------------------------------------------------- 5. computed columns cannot be forged

@pytest.mark.parametrize("column", ["sha256", "article_id", "n_chars", "n_sentences", "n_body_sentences",
                                    "reference_date", "reference_date_basis"])
def test_computed_column_in_the_catalog_is_refused(tmp_path, column):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[{**ROW, column: "deadbeef"}])
    msg = _error(folder)
    assert f"catalog.csv: header: column {column!r} is computed from the article; rename or remove it" in msg


# ---------------------------------------------------------------- 6. any calendar date works

@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_extreme_calendar_dates_are_valid(tmp_path, day):
    text = ("SCO summit.\n\nThe summit opens tomorrow, next month and on Tuesday. Last year Iran joined the SCO. "
            "Next year Belarus will join. Yesterday the SCO had 10 members.\n")
    folder = write_folder(tmp_path / "f", {"a.txt": text},
                          rows=[{**ROW, "published": day, "accessed": day}])
    tables = pipeline.build_uncached(folder)
    assert str(tables["articles"].published.iloc[0].date()) == day
    assert len(tables["claims"]) > 0


@pytest.mark.slow
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_extreme_calendar_dates_chart(tmp_path, day, monkeypatch):
    """The membership notebook (timelines a few months either side of each article) on the seeds dated `day`."""
    from sco_analysis.presenting import report

    from .conftest import SEEDS

    monkeypatch.setenv("SCO_CACHE", "off")
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    catalog = pd.read_csv(folder / "catalog.csv", dtype=str, keep_default_na=False)
    catalog["published"] = day
    catalog.to_csv(folder / "catalog.csv", index=False)
    (growth,) = [p for p in report.notebook_paths() if p.name.startswith("02_")]
    (executed,) = report.execute_notebooks([growth], {"seeds_dir": str(folder)}, log=lambda line: None)
    shown = json.dumps([c.get("outputs", []) for c in executed.cells])
    assert shown.count("sco-figure") >= 2 and day[:4] in shown


# ---------------------------------------------------------------- 7. one line means one line

def test_file_name_with_a_line_break_prints_as_one_line(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    (folder / "evil\nname.txt").write_text(TEXT)
    msg = _error(folder)
    assert "evil\\nname.txt: has no row in catalog.csv" in msg


def test_cli_error_for_a_line_break_in_the_folder_name(tmp_path):
    folder = write_folder(tmp_path / "two\nlines", {"a.txt": ""})
    proc = subprocess.run([sys.executable, "-m", "sco_analysis", "extract", str(folder), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "two\\nlines" in proc.stderr and "a.txt: is empty" in proc.stderr


# ---------------------------------------------------------------- 8. CSV as CSV is written

def _catalog(folder, raw: bytes):
    (folder / "catalog.csv").write_bytes(raw)
    return folder


def test_carriage_return_inside_a_quoted_field(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    _catalog(folder, b'file,outlet,title,published,notes\r\na.txt,W,"",2024-07-05,"first\rsecond\r\nthird"\r\n')
    assert load_corpus(folder).articles.notes.iloc[0] == "first\rsecond\r\nthird"


def test_cr_only_line_endings(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT, "b.txt": TEXT})
    _catalog(folder, b"file,outlet,title,published\ra.txt,W,,2024-07-05\rb.txt,V,,2024-07-06\r")
    arts = load_corpus(folder).articles
    assert list(arts.outlet) == ["W", "V"] and str(arts.published.iloc[1].date()) == "2024-07-06"


def test_long_notes_field(tmp_path):
    notes = "n" * 300_000
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[{**ROW, "notes": notes}])
    assert load_corpus(folder).articles.notes.iloc[0] == notes


def test_row_numbers_count_lines_of_the_file(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    _catalog(folder, b'file,outlet,title,published\n\na.txt,W,"two\nlines",2024-07-05\nb.txt,W,,2024-07-05\n')
    assert "catalog.csv: row 5: file 'b.txt' does not exist" in _error(folder)


# ---------------------------------------------------------------- 9. the folder is the boundary

def test_symlink_pointing_outside_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(TEXT)
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    os.symlink(outside, folder / "b.txt")
    write_folder(folder, {}, rows=[ROW, {**ROW, "file": "b.txt"}])
    assert "catalog.csv: row 3: file 'b.txt' is a link to a file outside" in _error(folder)


def test_symlink_inside_the_folder_is_read(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    (folder / "archive").mkdir()
    (folder / "archive" / "real.txt").write_text(TEXT.replace("Belarus", "Laos"))
    os.symlink("archive/real.txt", folder / "b.txt")
    write_folder(folder, {}, rows=[ROW, {**ROW, "file": "b.txt"}])
    assert list(load_corpus(folder).articles.article_id) == ["a", "b"]


def test_catalog_listed_as_an_article_is_refused(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[ROW, {**ROW, "file": "catalog.csv"}])
    assert "catalog.csv: row 3: the catalog itself cannot be an article" in _error(folder)


@pytest.mark.parametrize("name", [".", "..", ""])
def test_file_names_that_are_not_files(tmp_path, name):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[ROW, {**ROW, "file": name}])
    assert "catalog.csv: row 3: " in _error(folder)


# ---------------------------------------------------------------- second pass: more hostile catalogs

def test_trailing_commas_from_a_spreadsheet_are_ignored(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    _catalog(folder, b"file,outlet,title,published,,\na.txt,W,,2024-07-05,,\n")
    assert "" not in load_corpus(folder).articles.columns


def test_a_column_with_values_needs_a_name(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    _catalog(folder, b"file,outlet,title,published,\na.txt,W,,2024-07-05,x\n")
    assert "catalog.csv: header: column 5 has values but no name" in _error(folder)


def test_unterminated_quote_is_named(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    _catalog(folder, b'file,outlet,title,published\na.txt,W,,2024-07-05\n"b.txt,W,,2024-07-05\n')
    assert "catalog.csv: line 3: is not valid CSV (unexpected end of data)" in _error(folder)


@pytest.mark.parametrize("bom, name", [(b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")])
def test_utf16_catalog_is_named(tmp_path, bom, name):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    _catalog(folder, bom + "file,outlet,title,published\na.txt,W,,\n".encode(codec))
    assert f"catalog.csv: is {name} text; re-save it as UTF-8" in _error(folder)


def test_folder_listed_as_an_article(tmp_path):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[ROW, {**ROW, "file": "b.txt"}])
    (folder / "b.txt").mkdir()
    assert "catalog.csv: row 3: file 'b.txt' is a folder, not a text file" in _error(folder)


@pytest.mark.parametrize("target", ["nowhere.txt", "b.txt"])
def test_broken_or_looping_link(tmp_path, target):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[ROW, {**ROW, "file": "b.txt"}])
    os.symlink(target, folder / "b.txt")
    assert "catalog.csv: row 3: file 'b.txt' is a link that leads nowhere" in _error(folder)


def test_file_name_too_long(tmp_path):
    name = "x" * 300 + ".txt"
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[ROW, {**ROW, "file": name}])
    assert f"catalog.csv: row 3: file {name!r} does not exist" in _error(folder)


@pytest.mark.parametrize("value", ["２０２４-07-05", "٢٠٢٤-07-05"])
def test_dates_in_other_digits_are_not_called_unreal(tmp_path, value):
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT}, rows=[{**ROW, "published": value}])
    assert f"row 2: published {value!r} is not a date; write it as YYYY-MM-DD" in _error(folder)


def test_fingerprint_is_of_the_bytes_that_were_read(tmp_path, monkeypatch):
    """A file rewritten while it is read: the sha256 is that of the text read, not of a later version."""
    import hashlib
    from pathlib import Path

    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    real = Path.read_bytes
    reads = []

    def changing(self):
        data = real(self)
        if self.name == "a.txt":
            reads.append(1)
            return data if len(reads) == 1 else data + b"Appended later.\n"
        return data

    monkeypatch.setattr(Path, "read_bytes", changing)
    arts = load_corpus(folder).articles
    assert arts.sha256.iloc[0] == hashlib.sha256(TEXT.encode()).hexdigest()


@pytest.mark.parametrize("char, shown", [("\x1b", "\\x1b"), ("\u202e", "\\u202e"), ("\u2028", "\\u2028")])
def test_names_cannot_steer_the_terminal(tmp_path, char, shown):
    """Escape sequences and bidi overrides in a file name are shown as escapes, not obeyed."""
    folder = write_folder(tmp_path / "f", {"a.txt": TEXT})
    (folder / f"evil{char}[2Jname.txt").write_text(TEXT)
    assert f"evil{shown}[2Jname.txt: has no row" in _error(folder)
