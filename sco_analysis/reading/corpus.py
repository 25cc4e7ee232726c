"""Reads a folder of articles plus its catalog into the ``articles`` and ``sentences`` tables.

Holds: catalog validation, strict text decoding, classification of each line (headline, dek,
byline, section heading, caption, credit, source note, page furniture, body; hard-wrapped lines
joined into one paragraph) and sentence splitting with character offsets into the decoded text.
Does not read facts: that starts from ``sentences``.

Offsets index the text as decoded from UTF-8 (a leading BOM removed, line endings kept as they
are), so ``text[start:end]`` is always the sentence (a hard-wrapped one keeps its line breaks).
Every non-empty line lies inside a row of ``sentences``; nothing read is dropped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from sco_analysis import schema
from sco_analysis.errors import InputError
from sco_analysis.resources import DATA

CATALOG = "catalog.csv"
REQUIRED_COLUMNS = ("file", "outlet", "title", "published")
OPTIONAL_COLUMNS = ("published_estimate", "kind", "based_on", "language", "address", "accessed", "notes")
DATE_COLUMNS = ("published", "published_estimate", "accessed")


@dataclass
class Corpus:
    """The articles of one folder: tables plus the decoded texts the offsets point into."""

    folder: Path
    articles: pd.DataFrame
    sentences: pd.DataFrame
    texts: dict[str, str]


# ---------------------------------------------------------------- catalog

def _parse_date(value: str, path: Path, where: str, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        raise InputError(path, f"{column} {value!r} is not a date; write it as YYYY-MM-DD or leave it empty", where)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(path, f"{column} {value!r} is not a real calendar date", where) from None


def _computed_columns() -> tuple[str, ...]:
    """Columns of ``articles`` the reader computes; a catalog may not supply them."""
    given = set(REQUIRED_COLUMNS + OPTIONAL_COLUMNS + DATE_COLUMNS)
    return tuple(c for c in schema.TABLES["articles"].names if c not in given)


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-blank records of a CSV file with the line each starts on; read as CSV is written
    (CR, LF or CRLF line endings, line breaks inside quoted fields, fields of any length)."""
    raw = _decode(path)
    csv.field_size_limit(max(csv.field_size_limit(), len(raw) + 1))
    reader = csv.reader(io.StringIO(raw, newline=""), strict=True)
    rows = []
    line = 1
    try:
        for r in reader:
            if any(cell.strip() for cell in r):
                rows.append((line, r))
            line = reader.line_num + 1
    except csv.Error as e:
        raise InputError(path, f"is not valid CSV ({e})", f"line {line}") from None
    return rows


def _article_path(folder: Path, name: str, path: Path, where: str) -> Path:
    """``folder/name`` when it is a file inside ``folder`` (a link is followed only within it)."""
    if not name:
        raise InputError(path, "the file column is empty", where)
    if Path(name).name != name or name in (".", ".."):
        raise InputError(path, f"file {name!r} must be a plain file name inside {folder}", where)
    if name == CATALOG:
        raise InputError(path, "the catalog itself cannot be an article", where)
    file = folder / name
    try:
        kind = "file" if file.is_file() else "folder" if file.is_dir() else "link" if file.is_symlink() else \
            "other" if file.exists() else None
    except OSError:  # a name too long for the file system
        kind = None
    if kind is None:
        raise InputError(path, f"file {name!r} does not exist in {folder}", where)
    if kind == "link":
        raise InputError(path, f"file {name!r} is a link that leads nowhere", where)
    if kind != "file":
        raise InputError(path, f"file {name!r} is a {kind if kind == 'folder' else 'device, pipe or socket'}, "
                         "not a text file", where)
    if file.is_symlink() and not file.resolve().is_relative_to(folder.resolve()):
        raise InputError(path, f"file {name!r} is a link to a file outside {folder}; copy the file in instead", where)
    if file.resolve() == (folder / CATALOG).resolve():
        raise InputError(path, f"file {name!r} is the catalog itself; it cannot be an article", where)
    return file


def read_catalog(folder: Path) -> pd.DataFrame:
    """Read and check ``catalog.csv``: one row per article file, known columns, real dates."""
    path = folder / CATALOG
    if not folder.is_dir():
        raise InputError(folder, "is not a folder of articles")
    if not path.is_file():
        raise InputError(path, f"no catalog: add {CATALOG} with columns {', '.join(REQUIRED_COLUMNS)} "
                               "and one row per article")
    rows = _csv_rows(path)
    if not rows:
        raise InputError(path, "is empty; it needs a header row and one row per article")
    header = [h.strip() for h in rows[0][1]]
    nameless = [i for i, h in enumerate(header) if not h]
    if nameless:  # trailing commas from a spreadsheet are dropped; a nameless column with values is refused
        for i in nameless:
            if any(i < len(r) and r[i].strip() for _, r in rows[1:]):
                raise InputError(path, f"column {i + 1} has values but no name", "header")
        keep = [i for i in range(len(header)) if i not in nameless]
        rows = [(n, [r[i] for i in keep if i < len(r)] if len(r) == len(header) else r) for n, r in rows]
        header = [header[i] for i in keep]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}", "header")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise InputError(path, f"column(s) named twice: {', '.join(dupes)}", "header")
    forged = [c for c in _computed_columns() if c in header]
    if forged:
        raise InputError(path, f"column {forged[0]!r} is computed from the article; rename or remove it", "header")
    records = []
    seen: dict[str, int] = {}
    ids: dict[str, tuple[str, int]] = {}
    for lineno, r in rows[1:]:
        where = f"row {lineno}"
        if len(r) != len(header):
            raise InputError(path, f"has {len(r)} fields, the header has {len(header)}", where)
        rec = {h: v.strip() for h, v in zip(header, r)}
        name = rec["file"]
        _article_path(folder, name, path, where)
        if name in seen:
            raise InputError(path, f"duplicate row for {name!r} (first at row {seen[name]})", where)
        seen[name] = lineno
        aid = article_id(name)
        if aid.casefold() in ids:
            other, at = ids[aid.casefold()]
            raise InputError(path, f"{name!r} and {other!r} (row {at}) would both be article {aid!r}; rename one",
                             where)
        ids[aid.casefold()] = (name, lineno)
        for col in DATE_COLUMNS:
            if col in rec:
                rec[col] = _parse_date(rec[col], path, where, col)
        records.append(rec)
    if not records:
        raise InputError(path, "has no article rows")
    listed = set(seen)
    unlisted = sorted(p.name for p in folder.iterdir()
                      if p.suffix.lower() == ".txt" and p.name not in listed and p.is_file())
    if unlisted:
        raise InputError(folder / unlisted[0], f"has no row in {CATALOG}; add one (file, outlet, title, published)")
    for col in OPTIONAL_COLUMNS + DATE_COLUMNS:
        for rec in records:
            rec.setdefault(col, None)
    return pd.DataFrame.from_records(records)


# ---------------------------------------------------------------- text

def _decode(path: Path, data: bytes | None = None) -> str:
    data = path.read_bytes() if data is None else data
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if data.startswith(bom):
            raise InputError(path, f"is {name} text; re-save it as UTF-8")
    if b"\x00" in data:
        raise InputError(path, "is binary (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problem = f"is not UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-save it as UTF-8"
        raise InputError(path, problem) from None
    return text[1:] if text.startswith("\ufeff") else text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def read_text(path: Path, data: bytes | None = None) -> tuple[str, str]:
    """The decoded text and the SHA-256 of the file's bytes; refuses empty, binary and non-UTF-8 files.

    ``data`` is the file's bytes when the caller has read them already (``path`` then names it in errors).
    """
    data = path.read_bytes() if data is None else data  # read once: the fingerprint is of these bytes
    text = _decode(path, data)
    if not text.strip():
        raise InputError(path, "is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError(path, f"looks binary ({controls} control characters), not a text article")
    return text, hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- line kinds

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_BYLINE = re.compile(
    rf"""^(?:(?:[Ff]irst\s+)?(?:Published|Updated|Posted|published|updated|posted)\s*(?:on)?:?\s*)?
        {_DATE}(?:\s*,?\s*\d{{1,2}}:\d{{2}}(?:\s*[AaPp][Mm])?(?:\s+[A-Z]{{2,4}})?)?
        (?:\s*(?:by|By|/|\||—|–|-)\s*.{{1,80}})?$
                            # "September 16, 2022 / 06:25 PM IST"; "first published: Sep 16, 2022 06:25 pm"
    | ^By\s+[A-Z][^.!?]{{1,80}}$
                            # "By Jane Doe"
    | ^\d{{1,2}}:\d{{2}}(?:\s*[AaPp][Mm])?(?:\s+[A-Z]{{2,4}})?$
                            # "11:35 AM" (a timestamp on its own line)
    """, re.VERBOSE)
_CREDIT = re.compile(r"^(?:Photo|Photograph|Image|Picture|Video|Illustration|Cover)(?:\s+credit)?\s*(?::|by\b)", re.I)
_CAPTION = re.compile(r"\((?:Photo|Image|Picture|Photograph)s?\b[^()]*\)\s*$", re.I)
_SOURCE_NOTE = re.compile(
    r"""^(?:Based\s+on\s+(?:materials|reporting|reports|information)\s+(?:from|by)
                            # "Based on materials from TASS"
    | With\s+(?:inputs?|reporting)\s+from
                            # "With inputs from PTI"
    | Additional\s+reporting\s+by
    | Sources?\s*:
    | This\s+(?:article|story|report)\s+(?:was|is|first)
    | Originally\s+published
    | Read\s+more\s*:
    )""", re.I | re.VERBOSE)
_TERMINAL = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_FURNITURE_MAX_WORDS = 30


def _data_lines(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern, tuple[tuple[str, re.Pattern], ...], re.Pattern, frozenset[str]]:
    """(phrases anchored at the line's start, (trigger, phrase) pairs for the others, an agency name
    alone on a line, language labels), from ``data/``. A phrase is searched only in a line that
    contains its trigger, a plain word every match contains: most lines contain none."""
    with open(DATA / "page_furniture.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    anchored = re.compile("|".join(f"(?:{r['pattern']})" for r in rows if not r["trigger"]), re.I)
    triggered = tuple((r["trigger"].casefold(), re.compile(r["pattern"], re.I)) for r in rows if r["trigger"])
    agencies = sorted(_data_lines("news_agencies.txt"), key=len, reverse=True)
    agency = re.compile(r"^[\s(\[]*(?:" + "|".join(re.escape(a) for a in agencies) + r")[\s)\].]*$", re.I)
    labels = {lang.name.casefold() for lang in pycountry.languages if hasattr(lang, "alpha_2")}
    labels |= {w.casefold() for w in _data_lines("language_labels.txt")}
    return anchored, triggered, agency, frozenset(labels)


def is_furniture(line: str) -> bool:
    """Whether a line is the page around the article, not the article: a login or subscription prompt,
    a call to action, a counter, an image placeholder, a language switch (``data/page_furniture.csv``,
    ``data/language_labels.txt``). Long lines are text, whatever they contain."""
    anchored, triggered, _, labels = _furniture()
    line = line.strip()
    low = line.casefold()
    if low in labels:
        return True
    if len(line.split()) > _FURNITURE_MAX_WORDS:
        return False
    return bool(anchored.match(line)) or any(t in low and rx.search(line) for t, rx in triggered)


def _is_source_note(line: str) -> bool:
    return bool(_SOURCE_NOTE.match(line) or _furniture()[2].match(line))


_NON_WORD = re.compile(r"\W+")


def _norm(s: str) -> str:
    return _NON_WORD.sub(" ", s).strip().lower()


_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")  # str.splitlines' breaks: \r-only files too


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines, trimmed of surrounding whitespace (indented pages read as flush)."""
    spans = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if lead < len(seg):
            spans.append((s + lead, e - trail))
    return spans


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_OPEN_END = re.compile(
    r"""(?:,|;|-|—|–
                            # "Founded in Shanghai on June 15, 2001 as an inter-governmental organization,"
    | \b(?:of|the|a|an|and|or|but|to|in|on|at|for|with|by|from|as|that|which|who|its|their|his|her|is|are
       |was|were|has|have|had|will|would|be|been|than|into|between|including|said|says)
    )$
                            # "according to officials of China's Ministry of" / "Foreign Affairs."
    """, re.I | re.VERBOSE)
_ONE_BREAK = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*")


def _wrap_width(lengths: list[int]) -> int | None:
    """The fixed width a plain-text article is wrapped at (most lines end within a few characters of
    the longest, which is at most 100 wide), or None."""
    if len(lengths) < 4 or not 40 <= max(lengths) <= 100:
        return None
    width = max(lengths)
    return width if sum(n >= width - 12 for n in lengths) >= 0.4 * len(lengths) else None


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Lines joined into paragraphs where the text is hard-wrapped: a line that does not end a
    sentence runs on into the next one (no blank line between) when that one starts in lower case,
    the first ends on a comma or a function word ("... today gathered" / "in Bishkek, ..."), or the
    article is wrapped at a fixed width and the first line reaches it; never into or out of page
    furniture or a byline ("SCO accepts Afghanistan as observer" / "author avatar"). Each paragraph
    is ``(start, end, number of lines)``."""
    width = _wrap_width([e - s for s, e in spans])
    out: list[list[int]] = []
    last = 0  # length of the last line of the paragraph being built
    for s, e in spans:
        if out:
            ps, pe, n = out[-1]
            prev, line = text[ps:pe], text[s:e]
            if (_ONE_BREAK.fullmatch(text, pe, s) and not _SENTENCE_END.search(prev)
                    and (line[:1].islower() or _OPEN_END.search(prev) or (width and last >= width - 25))
                    and not any(is_furniture(x) or _BYLINE.match(x) for x in (text[pe - last:pe], line))):
                out[-1] = [ps, e, n + 1]
                last = e - s
                continue
        out.append([s, e, 1])
        last = e - s
    return [(s, e, n) for s, e, n in out]


def classify_lines(text: str, title: str | None = None) -> list[tuple[int, int, str]]:
    """Each non-blank line's span and kind, read from its form and position, not its topic.

    Page furniture (prompts, counters, a language switch, "author avatar") and a line repeating an
    earlier one (a headline printed three times, an indented copy of a paragraph) are ``furniture``.
    The headline is the line equal to the catalog's title wherever it stands, else the first
    unpunctuated short line before any text; the dek is the next text line, when it is unpunctuated
    or stands above a byline or credit line. Headlines are read for facts (a status stated only in
    the headline counts): see ``claims.KINDS`` and ``membership``. Hard-wrapped lines are joined into
    one paragraph (see ``_paragraphs``), which is body text.
    """
    paragraphs = _paragraphs(text, _lines(text))
    spans = [(s, e) for s, e, _ in paragraphs]
    lines = [text[s:e] for s, e in spans]
    kinds: list[str] = []
    norms = [_norm(line) for line in lines]  # each line once, for the title and for repeats
    title_n = _norm(title) if title else ""
    title_at = next((i for i, norm in enumerate(norms) if title_n and norm == title_n), None)
    seen: set[str] = set()
    headline = last_text = None  # index of the headline; kind of the last line that is not furniture
    for i, line in enumerate(lines):
        words = len(line.split())
        norm = norms[i]
        terminal = bool(_TERMINAL.search(line))
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if paragraphs[i][2] > 1:
            kind = "furniture" if norm in seen else "body"
        elif _CREDIT.match(line):
            kind = "credit"
        elif _is_source_note(line):
            kind = "source_note"
        elif len(line) <= 160 and _BYLINE.match(line):
            kind = "byline"
        elif is_furniture(line) or (norm and norm in seen):
            kind = "furniture"
        elif _CAPTION.search(line):
            kind = "caption"
        elif headline is None and (i == title_at or (title_at is None and last_text is None
                                                     and not terminal and words <= 30)):
            kind = "headline"
        elif (last_text == "headline" and words <= 60
              and (not terminal or (nxt is not None and (_BYLINE.match(nxt) or _is_source_note(nxt))))):
            kind = "dek"
        elif last_text is not None and not terminal and words <= 10 and len(line) <= 90 \
                and re.match(r"[\"'“‘A-Z0-9]", line):
            kind = "section"
        else:
            kind = "body"
        if kind == "headline":
            headline = i
        if kind != "furniture":
            last_text = kind
        if norm:
            seen.add(norm)
        kinds.append(kind)
    return [(s, e, k) for (s, e), k in zip(spans, kinds)]


# ---------------------------------------------------------------- sentences

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "st", "jr", "sr",
    "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "pres", "amb", "min", "dept", "approx", "est",
    "fig", "vol", "art", "para", "pp", "ed", "rev", "hon", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n",
    "viz", "cf", "incl", "resp",  # "by the leaders of 6 countries viz. China, ..."
}
# Both branches start with the end mark itself, written first so that the search jumps from mark to mark
# (a pattern that opens with a character class is scanned for it quickly; one that opens with a lookbehind
# is tried at every position).
_BOUNDARY = re.compile(r"""
    [.!?…](?:[.!?…]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])  # "... observers. The summit"
            | (?<=[a-z]{3}\.)(?=[A-Z][a-z]{2,}))  # a full stop glued to the next sentence: "observer state.Uzbekistan"
    """, re.X)                                    # (not "Avesta.Tj" or "Civil.Ge": two letters after the dot)
_WORD_BEFORE = re.compile(r"([\w.]+)[.]$")


def _is_abbreviation(text: str, dot_end: int) -> bool:
    lo = dot_end - 1  # search from the start of the word, not of the text: keeps splitting linear
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "._"):
        lo -= 1
    m = _WORD_BEFORE.search(text, lo, dot_end)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True
    return word.lower().rstrip(".") in _ABBREV or bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``; together they cover every non-space character."""
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        punct = m.group(0)
        if punct.startswith(".") and len(punct.rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, m.start() + 1):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        spans.append((cursor, end))
    return spans


# ---------------------------------------------------------------- corpus

def article_id(file_name: str) -> str:
    return Path(file_name).stem


def reference_day(published, estimate):
    """The day an article speaks from: its publication date, else the estimated one (None when neither)."""
    return published or estimate


def load_corpus(folder: str | Path, records: list[dict] | None = None,
                blobs: dict[str, bytes] | None = None) -> Corpus:
    """Read every catalogued article of ``folder`` into typed ``articles`` and ``sentences`` tables.

    ``records`` (rows of ``read_catalog(folder)`` as dicts) and ``blobs`` (file name -> bytes) let the
    pipeline read a slice of the folder it has already read, in another process or on another machine.
    """
    folder = Path(folder)
    if records is None:
        records = read_catalog(folder).to_dict("records")
    texts: dict[str, str] = {}
    art_rows: list[dict] = []
    sent_rows: list[dict] = []
    for rec in records:
        aid = article_id(rec["file"])
        text, digest = read_text(folder / rec["file"], None if blobs is None else blobs[rec["file"]])
        texts[aid] = text
        sid = 0
        n_body = 0
        for pid, (s, e, kind) in enumerate(classify_lines(text, rec.get("title"))):
            spans = split_sentences(text, s, e) if kind == "body" else [(s, e)]
            for ss, se in spans:
                sent_rows.append({"article_id": aid, "sentence_id": sid, "paragraph_id": pid,
                                  "start": ss, "end": se, "kind": kind, "text": text[ss:se]})
                sid += 1
                n_body += kind == "body"
        published, estimate = rec.get("published"), rec.get("published_estimate")
        basis = "published" if published else "estimated" if estimate else "unknown"
        row = {c: rec.get(c) or None for c in ("outlet", "title", "kind", "based_on", "language", "address", "notes")}
        row.update({
            "article_id": aid, "file": rec["file"], "published": published, "published_estimate": estimate,
            "reference_date": reference_day(published, estimate), "reference_date_basis": basis,
            "accessed": rec.get("accessed"), "n_chars": len(text), "n_sentences": sid,
            "n_body_sentences": n_body, "sha256": digest,
        })
        extras = {k: (v or None) for k, v in rec.items() if k not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS + DATE_COLUMNS}
        row.update(extras)
        art_rows.append(row)
    articles = schema.frame("articles", art_rows)
    sentences = schema.frame("sentences", sent_rows) if sent_rows else schema.empty("sentences")
    return Corpus(folder=folder, articles=articles, sentences=sentences, texts=texts)
