"""Property-based tests: the reader and every extractor on text nobody wrote by hand.

Generated articles mix arbitrary Unicode with odd whitespace (\\r, \\t, NBSP, U+2028, ...),
very long lines, lines without punctuation, nested quotes and brackets, several scripts and SCO
vocabulary (country names, statuses, numbers, dates, reporting verbs) so that the extractors
fire. Properties: no exception but ``InputError`` (and that only for a genuinely bad file),
offsets slice back to the quoted text, every table has the schema's columns and dtypes, and the
sentences cover each non-whitespace character of the text exactly once.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import sco_analysis
from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.reading import countries, timeexpr
from sco_analysis.reading.corpus import classify_lines, load_corpus, split_sentences

from .conftest import write_folder

SCALE = float(os.environ.get("SCO_PROPERTY_SCALE", "1"))  # e.g. 10 for a deeper search than CI's
FAST = settings(max_examples=int(150 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=int(40 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

VOCAB = [
    "SCO", "Shanghai Cooperation Organization", "member", "member state", "full member", "members",
    "observer", "observer state", "dialogue partner", "dialogue partners", "partner", "founding member",
    "joined", "will join", "became", "will become", "was admitted", "granted", "status",
    "India", "Pakistan", "Iran", "Belarus", "China", "Russia", "Kazakhstan", "Kyrgyzstan", "Türkiye",
    "Mongolia", "Afghanistan", "the UAE", "Russian", "Chinese", "Indian", "Kazakh",
    "0", "1", "2", "6", "9", "10", "14", "26", "six", "nine", "ten", "ninth", "10th", "2001", "2017",
    "2023", "2024", "2025", "1/3", "40%", "half", "one third", "3.5",
    "July 3", "3-4 July 2024", "June 15, 2001", "on Tuesday", "this year", "last month", "next year",
    "in 2017", "2024-25", "May", "Astana", "summit", "security", "trade", "terrorism", "energy",
    "said", "according to", "Xinhua reported", "emphasized", "President Xi Jinping", "Secretary General",
    "he said", "Mr.", "Dr.", "U.S.", "e.g.", "S.", "No.",
    "...", "?", "!", "…", ".", ",", ";", ":", "—", "–", "-", "/", "#", "&", "%", "*",
    '"', "“", "”", "‘", "’", "'", "(", ")", "[", "]", "{", "}", "«", "»", "(Photo: X)", "Photo: TASS",
    "Based on materials from TASS", "July 03, 2024 by Test Wire",
    "Шанхайская организация сотрудничества", "Россия", "上海合作组织", "中国", "منظمة شنغهاي للتعاون",
    "हिंदी", "עברית", "🙂", "e\u0301", "\u200b", "\ufeff", "ǅ", "ß", "İ", "ﬁ", "\u0660\u0661",
]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2028", "\u2029", "\r", "\r\n", "\n", "\n", "\n\n",
          "\x0b", "\x0c", "\x85", "\u3000", "\u202f", "\x1c"]
CHARS = st.characters(blacklist_categories=("Cs", "Cc"))

token = st.one_of(st.sampled_from(VOCAB), st.sampled_from(SPACES), st.text(CHARS, min_size=1, max_size=12))
chunk = st.lists(token, max_size=60).map("".join)
long_line = st.tuples(chunk, st.integers(50, 400)).map(lambda p: (p[0].replace("\n", " ") + " ") * p[1])
unpunctuated = st.lists(st.sampled_from(["SCO", "member", "India", "10", "summit", "Россия", "word"]),
                        min_size=1, max_size=3000).map(" ".join)
TEMPLATES = [
    "{c} will become a full-fledged member state of the SCO {d}.",
    "{c} joined the SCO as a {s} in {y}.",
    "{c} and {c2} became {s}s of the organization in {y}.",
    "The SCO will include {n} member states, {n2} dialogue partner states, and {n3} observer states.",
    "It has now expanded to become a {n} member organization with {c}, {c2} and {c3} added later.",
    "{c} is set to join the grouping as the {n}th full member from this year.",
    "Originally consisting of {w} countries—{c}, {c2} and {c3}—it expanded to include {c4} in {y}.",
    "{n} other countries participate in SCO as {s}s.",
    "According to SCO Secretary General {p}, the leaders will endorse a strategy ({q}).",
    "{r} President {p} said that “{c} is {q}”, Xinhua reported.",
    "{p}, in an interview with TASS, emphasized \"{q}\" on {d}.",
]
country = st.sampled_from(["India", "Pakistan", "Iran", "Belarus", "China", "Russia", "Mongolia", "Türkiye",
                           "Laos", "the UAE", "Kazakhstan", "Narnia", "Россия", "中国"])
sco_sentence = st.builds(
    lambda t, **kw: t.format(**kw), st.sampled_from(TEMPLATES),
    c=country, c2=country, c3=country, c4=country,
    s=st.sampled_from(["member", "observer", "dialogue partner", "partner", "full member", "[member]"]),
    y=st.sampled_from(["2001", "2017", "2023", "2024", "1999", "3000", "0"]),
    n=st.sampled_from(["9", "10", "14", "0", "1", "26", "99999999999999999999"]),
    n2=st.sampled_from(["14", "2", "six"]), n3=st.sampled_from(["2", "3", "ten"]),
    w=st.sampled_from(["six", "five", "6", "many"]),
    d=st.sampled_from(["on July 4", "at the summit on July 3-4", "this year", "next June", "in 2025",
                       "on February 30, 2024", "on Tuesday", ""]),
    p=st.sampled_from(["Zhang Ming", "Xi Jinping", "Antonio Guterres", "He", "Jinping", "S Jaishankar"]),
    r=st.sampled_from(["Chinese", "Russian", "Kazakhstani", ""]),
    q=st.lists(token, max_size=8).map("".join),
)
noisy_sentence = st.tuples(sco_sentence, st.lists(st.sampled_from(SPACES[:10]), min_size=1, max_size=3)).map(
    lambda p: "".join(w + (p[1][i % len(p[1])] if i % 3 == 0 else " ") for i, w in enumerate(p[0].split(" "))))
paragraph = st.lists(st.one_of(sco_sentence, sco_sentence, noisy_sentence, chunk), min_size=1, max_size=6).map(" ".join)
article_text = st.one_of(
    chunk, long_line, unpunctuated,
    st.lists(st.one_of(paragraph, paragraph, paragraph, chunk, long_line), min_size=1, max_size=6).map("\n\n".join))
title = st.one_of(st.just(""), st.lists(st.sampled_from(VOCAB), max_size=8).map(" ".join),
                  st.text(CHARS, max_size=30))


@pytest.fixture(autouse=True, scope="module")
def no_cache():
    """Thousands of throwaway folders: keep them out of the user's table cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCO_CACHE", "off")
        yield


def _non_space(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if not text[i].isspace()}


def _assert_spans_partition(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    covered: list[int] = []
    prev = start
    for s, e in spans:
        assert prev <= s < e <= end
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered.extend(range(s, e))
        prev = e
    assert len(covered) == len(set(covered))
    assert _non_space(text, start, end) <= set(covered)


def _dtype(declared: str):
    return pd.Series([], dtype=declared).dtype


def _assert_table(name: str, df: pd.DataFrame, texts: dict[str, str], sentences: pd.DataFrame | None) -> None:
    """Columns, dtypes and allowed values as declared; offsets slice back; evidence sits in its sentence."""
    table = schema.TABLES[name]
    assert list(df.columns[: len(table.names)]) == table.names
    for col in table.columns:
        assert df[col.name].dtype == _dtype(col.dtype), (name, col.name, df[col.name].dtype)
    schema.validate(name, df)
    text_col = "quote" if "quote" in table.names else "text" if name == "sentences" else None
    if text_col is None or "start" not in table.names:
        return
    spans = None
    if sentences is not None and "sentence_id" in table.names and name != "sentences":
        spans = {(r.article_id, r.sentence_id): (r.start, r.end) for r in sentences.itertuples()}
    for r in df.itertuples():
        if pd.isna(r.start):
            continue
        assert texts[r.article_id][r.start:r.end] == getattr(r, text_col), (name, r)
        if spans is not None:
            s, e = spans[(r.article_id, r.sentence_id)]
            assert s <= r.start and r.end <= e, (name, "evidence outside its sentence", r)


def _assert_corpus(c) -> None:
    _assert_table("articles", c.articles, c.texts, None)
    _assert_table("sentences", c.sentences, c.texts, None)
    for aid, text in c.texts.items():
        rows = c.sentences[c.sentences.article_id == aid].sort_values("sentence_id")
        assert list(rows.sentence_id) == list(range(len(rows)))
        _assert_spans_partition(text, list(zip(rows.start, rows.end)), 0, len(text))


DATES = [("2024-07-05", ""), ("", ""), ("", "2024-05-20"), ("2001-06-15", ""), ("2031-01-01", "")]
dates = st.lists(st.sampled_from(DATES), min_size=3, max_size=3)


def _folder(tmp: str, texts: list[str], titles: list[str] | None = None,
            when: list[tuple[str, str]] | None = None) -> Path:
    """A folder of the texts; each catalog row with its title and (published, published_estimate)."""
    names = {f"a{i}.txt": t for i, t in enumerate(texts)}
    titles = titles or [""] * len(texts)
    when = when or [DATES[0]] * len(texts)
    rows = [{"file": n, "outlet": "Test Wire", "title": titles[i], "published": when[i][0],
             "published_estimate": when[i][1]} for i, n in enumerate(names)]
    return write_folder(Path(tmp) / "articles", names, rows)


def _is_article(text: str) -> bool:
    """What the reader accepts: some non-space text (a leading BOM aside) and few control characters."""
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bool(text.strip()) and "\x00" not in text and controls <= max(8, len(text) // 100)


def _extractors():
    """Every ``extract_*(corpus)`` in the package: the extractors that exist today."""
    found = []
    for info in sorted(pkgutil.walk_packages(sco_analysis.__path__, "sco_analysis."), key=lambda i: i.name):
        if info.ispkg or info.name.rsplit(".", 1)[-1] in {"__main__", "cli", "report", "plots"}:
            continue
        module = importlib.import_module(info.name)
        for name, fn in vars(module).items():
            if not (name.startswith("extract_") and inspect.isfunction(fn) and fn.__module__ == module.__name__):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if params and params[0].name == "corpus" and all(p.default is not p.empty for p in params[1:]):
                found.append(fn)
    return found


def _table_name(df: pd.DataFrame) -> str | None:
    for name, t in schema.TABLES.items():
        if list(df.columns) == t.names:
            return name
    return None


# ---------------------------------------------------------------- reader, on strings

@FAST
@given(article_text, title)
def test_lines_cover_every_visible_character_once(text, head):
    lines = classify_lines(text, head or None)
    for s, e, kind in lines:
        assert kind in schema.SENTENCE_KINDS
        # hard-wrapped lines join into one paragraph (furniture when it repeats an earlier one)
        assert len(text[s:e].splitlines()) == 1 or kind in ("body", "furniture")
    _assert_spans_partition(text, [(s, e) for s, e, _ in lines], 0, len(text))


@FAST
@given(article_text)
def test_sentences_partition_each_line(text):
    for s, e, _ in classify_lines(text):
        _assert_spans_partition(text, split_sentences(text, s, e), s, e)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028"])
def test_any_line_break_separates_headline_and_body(newline):
    text = newline.join(["SCO summit opens in Astana", "", "Belarus will become the 10th member. India said so.", ""])
    lines = [(text[s:e], kind) for s, e, kind in classify_lines(text)]
    assert lines == [("SCO summit opens in Astana", "headline"),
                     ("Belarus will become the 10th member. India said so.", "body")]


# ---------------------------------------------------------------- reader, on folders

@SLOW
@given(st.lists(article_text, min_size=1, max_size=3), st.lists(title, min_size=3, max_size=3))
@example(["\ufeff \r\n\t"], ["", "", ""])
@example(["Belarus\u2028joined.\u00a0 It is the 10th member.\r\nIndia (\u201cfull [member]\u201d) said so.\r\n"],
         ["Belarus", "", ""])
@example(["SCO member India " * 20000, "\ufeff\ufeffx\n\x0b\x0c\x85"], ["", "", ""])
def test_load_corpus_offsets_dtypes_and_coverage(texts, titles):
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(tmp, texts, titles)
        if not all(_is_article(t) for t in texts):
            with pytest.raises(InputError):
                load_corpus(folder)
            return
        c = load_corpus(folder)
    assert list(c.articles.article_id) == [f"a{i}" for i in range(len(texts))]
    assert all(c.texts[f"a{i}"] == t.removeprefix("\ufeff") for i, t in enumerate(texts))
    _assert_corpus(c)


@SLOW
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused_with_one_line(data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_folder(Path(tmp) / "articles", {"a.txt": "x"})
        (folder / "a.txt").write_bytes(data)
        try:
            c = load_corpus(folder)
        except InputError as err:
            assert "a.txt" in str(err) and "\n" not in str(err)
            return
    _assert_corpus(c)


@SLOW
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=120))
def test_arbitrary_catalog_text_is_read_or_refused_with_one_line(catalog):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_folder(Path(tmp) / "articles", {"a.txt": "India joined the SCO in 2017."})
        (folder / "catalog.csv").write_text(catalog, encoding="utf-8")
        try:
            c = load_corpus(folder)
        except InputError as err:
            assert "\n" not in str(err)
            return
    _assert_corpus(c)


# ---------------------------------------------------------------- finders and extractors

@FAST
@given(article_text)
def test_country_mentions_slice_back_to_a_resolvable_name(text):
    for m in countries.find(text):
        assert text[m.start:m.end] == m.name
        assert len(m.iso3) == 3 and m.iso3.isupper()


@FAST
@given(article_text, st.sampled_from([None, date(2024, 7, 3), date(2001, 1, 1), date(2025, 12, 31)]))
def test_time_expressions_slice_back_and_resolve_only_with_a_reference_date(text, ref):
    for m in timeexpr.find(text, reference_date=ref):
        assert text[m.start:m.end] == m.text
        assert m.precision in schema.DATE_PRECISIONS
        assert (m.date is None) == (m.precision == "none")
        assert m.end_date is None or m.date is None or m.end_date >= m.date


def test_extractors_are_discovered():
    names = {fn.__name__ for fn in _extractors()}
    assert {"extract_themes", "extract_attributions"} <= names


@SLOW
@given(st.lists(article_text, min_size=1, max_size=3), dates)
def test_every_extractor_returns_schema_tables_with_true_offsets(texts, when):
    texts = [t for t in texts if _is_article(t)] or ["Belarus will become the 10th member of the SCO."]
    with tempfile.TemporaryDirectory() as tmp:
        c = load_corpus(_folder(tmp, texts, when=when))
    for fn in _extractors():
        out = fn(c)
        frames = out if isinstance(out, tuple) else (out,)
        for df in frames:
            name = _table_name(df)
            assert name is not None, f"{fn.__module__}.{fn.__name__} returned columns {list(df.columns)}"
            _assert_table(name, df, c.texts, c.sentences)


@settings(SLOW, max_examples=int(25 * SCALE))
@given(st.lists(article_text, min_size=1, max_size=2), dates)
def test_build_returns_every_table_typed_with_true_offsets(texts, when):
    texts = [t for t in texts if _is_article(t)] or ["Iran joined the SCO in 2023, officials said."]
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(tmp, texts, when=when)
        tables = sco_analysis.build(folder)
        c = load_corpus(folder)
    assert list(tables) == [n for n in schema.EXTRACT_TABLES if n in tables]
    assert {"articles", "sentences"} <= set(tables)
    for name, df in tables.items():
        _assert_table(name, df, c.texts, tables["sentences"])
