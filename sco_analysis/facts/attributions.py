"""Finds who an article cites: one row per (sentence, speaker, reporting cue).

Reads three shapes of attribution: a prepositional source ("According to X, ...", "..., according
to X", "As per the statement issued by X, ..."), a reporting verb with its subject ("X said",
"X, in an interview with TASS, emphasized", "..., Xinhua reported", "X issued a statement saying")
and a coordinated second verb ("X praised ..., and noted ..."). The subject noun phrase is split
into a name (the trailing capitalised words) and a role (the words before it: "SCO Deputy
Secretary General", "China's foreign ministry spokesperson"). Short names ("Guterres") and
pronouns ("he pointed out") resolve to the full name of a person introduced with a title earlier
in the article; a pronoun resolves only when the latest sentence naming people names exactly one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from sco_analysis import schema
from sco_analysis.reading import lexicon
from sco_analysis.reading.wordscan import WordScan, literals_not_after, lowered

KINDS = ("headline", "dek", "body")

CUE_VERBS = (
    "said", "says", "told", "tells", "stated", "emphasized", "emphasised", "emphasizes", "emphasises",
    "stressed", "stresses", "noted", "highlighted", "highlights", "pointed out", "points out", "praised",
    "praises", "believes", "believed", "reported", "added", "adds", "announced", "announces",
    "underlined", "underscored", "warned", "warns", "urged", "urges", "insisted", "insists", "argued",
    "argues", "claimed", "claims", "confirmed", "declared", "remarked", "explained", "affirmed",
    "reaffirmed", "reiterated", "welcomed", "welcomes", "hailed", "asserted", "called for",
)
TITLE_WORDS = lexicon.TITLE_WORDS
PERSON_TITLES = TITLE_WORDS - {"foreign", "vice", "deputy", "general", "caretaker", "acting", "former",
                               "executive", "prime", "head", "chief"}
SOURCE_NOUNS = {
    "ministry", "office", "agency", "committee", "council", "secretariat", "commission", "government",
    "service", "administration", "department", "embassy", "statement", "declaration", "communique",
    "communiques", "report", "parliament", "assembly", "kremlin", "officials", "sources", "media",
    "delegation", "spokesperson", "spokesman", "spokeswoman", "official", "news",
}
ROLE_LOWER = TITLE_WORDS | SOURCE_NOUNS | {"joint", "official", "senior", "foreign", "affairs", "state"}
STOP = {
    "the", "a", "an", "this", "that", "these", "those", "and", "or", "but", "upon", "during", "regarding",
    "after", "before", "in", "on", "at", "to", "for", "with", "by", "from", "of", "as", "while", "when",
    "also", "additionally", "consequently", "meanwhile", "however", "moreover", "furthermore", "earlier",
    "later", "then", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "who",
    "which", "has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "not",
    "speaking", "addressing", "there", "here", "last", "next", "today", "yesterday",
}
PRONOUNS = {"he", "she"}

_CUE = re.compile(r"\b(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                                     sorted(CUE_VERBS, key=len, reverse=True)) + r")\b")
_NEEDS_CLAUSE = {"added", "adds", "reported"}
_CLAUSE_FOLLOWS = re.compile(r"\s*(?:that\b|[,.:;!?\"“”]|$)")
_STATEMENT_CUE = re.compile(r"\b(?:issued|released|made|published|put out)\s+(?:a|an|the)\s+(?:\w+\s+)?"
                            r"statement,?\s+saying\b")
_QUOTED = re.compile(r"\b(?:was|is|were|are)\s+(?:also\s+)?quoted\s+as\s+saying\b")
_QUOTE_END = re.compile(r"[,.!?…][\"”’']\s*$")
_AFTER_NP = re.compile(r"\s+(?P<np>[^,.;:!?\"“”()]+)")
_PREP_SOURCE = re.compile(r"\b(?P<cue>[Aa]ccording to|[Aa]s per)\s+(?P<np>[^,.;:()\"“”]+)")
_BY = re.compile(r"^.*\b(?:issued|released|made|published|signed)?\s*\b(?:by|from)\s+", re.S)
_CUT = re.compile(r"\s+(?:in|at|on|during|who|which|that|with)\s+.*$", re.S)
_AUX = re.compile(r"(?:\s+(?:has|have|had|also|further|again|earlier|later|reportedly|repeatedly|then|once|"
                  r"publicly|recently|previously))+\s*$")
_PAREN = re.compile(r",\s*(?:in|during|at|on|speaking|while|when|after|before|addressing|writing|"
                    r"according|who|which)\b[^,]{0,120},\s*$")
_TOKEN = re.compile(r"[\w’'.\-]+|[^\w\s]")
_NAME_TOKEN = r"[A-Z][\w’'\-]*\.?"
_TITLE_ALT = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
_PERSON = re.compile(
    rf"(?i:\b(?:{'|'.join(sorted(PERSON_TITLES, key=len, reverse=True))}))(?:[\s-]+(?i:{_TITLE_ALT})\b)*\s+"
    rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})")
_POSSESSIVE = re.compile(r"[’']s?$")
# Compiled once: they are tried on every token or cue.
_WORD_CHAR = re.compile(r"\w")
_ENDS_POSSESSIVE = re.compile(r"\w[’']s?$")
_ENDS_AND = re.compile(r"\band\s*$")
_LAST_WORD = re.compile(r"(\w+)\s*$")
_BODY_HEADS = SOURCE_NOUNS - {"spokesperson", "spokesman", "spokeswoman", "official"}


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None


def _is_title(tok: str) -> bool:
    return all(part in TITLE_WORDS for part in tok.lower().split("-"))


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _strip_possessive(tok: str) -> str:
    return _POSSESSIVE.sub("", tok) if _ENDS_POSSESSIVE.search(tok) else tok


def _np_span(left: str) -> tuple[list[str], int]:
    """The noun phrase that ends ``left`` (capitalised words and role words, back to a stop word)
    and the offset where it starts."""
    toks = list(_TOKEN.finditer(left))
    out: list[str] = []
    begin = len(left)
    for m in reversed(toks):
        tok = m.group(0)
        low = tok.lower()
        if not _WORD_CHAR.match(tok) or low in STOP:
            break
        if _is_cap(tok) or low in ROLE_LOWER:
            out.append(tok)
            begin = m.start()
            continue
        break
    return out[::-1], begin


def _np_before(left: str) -> list[str]:
    return _np_span(left)[0]


def _co_subjects(left: str) -> list[list[str]]:
    """Noun phrases listed with the subject ("Russia and China said", "A, B and C said"): the join
    next to the subject must be 'and', so "Upon arrival in Astana, X said" names X alone."""
    out = []
    np, begin = _np_span(left)
    rest = left[:begin]
    if not _ENDS_AND.search(rest):
        return out
    while np and (m := re.search(r"(?:,\s*and|,|\band)\s*$", rest)):
        np, begin = _np_span(rest[:m.start()])
        if np:
            out.append(np)
        rest = rest[:begin]
    head = re.search(r"(\w+)\W*$", rest)
    if rest.strip() and not rest.rstrip().endswith(",") and not (head and head.group(1).lower() in STOP):
        return []
    return out[::-1]


def _split(np_tokens: list[str]) -> tuple[str, str | None] | None:
    """(speaker, role) from a noun phrase, or None when it names nobody.

    A body ("Russian Foreign Ministry", "joint statement") is the speaker as a whole; otherwise the
    trailing capitalised words that are not titles are the name and the words before it the role.
    """
    toks = [t for t in np_tokens if t.lower() not in {"the", "a", "an"}]
    if not toks:
        return None
    toks[-1] = _strip_possessive(toks[-1])
    has_cap = any(_is_cap(t) for t in toks)
    if toks[-1].lower() in _BODY_HEADS or not has_cap:
        if not has_cap and not any(t.lower() in SOURCE_NOUNS for t in toks):
            return None
        return " ".join(toks), None
    i = len(toks)
    while i > 0 and _is_cap(toks[i - 1]) and not _is_title(toks[i - 1]) \
            and not (i < len(toks) and _POSSESSIVE.search(toks[i - 1])):
        i -= 1
    if i == len(toks):
        return " ".join(toks), None
    return " ".join(toks[i:]), " ".join(toks[:i]) or None


# A person's title (before ``_PERSON``), and every reporting verb's first word (a sentence without one has
# no match of ``_CUE``), found in one scan of the article.
_WORDS = WordScan({"title": PERSON_TITLES, "verb": {c.split()[0] for c in CUE_VERBS}})
_TITLE, _VERB = _WORDS.bit("title"), _WORDS.bit("verb")


def _persons(text: str, spans: list[tuple[int, int, int]], words: list[int]) -> list[tuple[int, int, Person]]:
    """(sentence_id, offset, person) for every titled name, in reading order (``words``: each span's
    families of ``_WORDS``)."""
    found = []
    for (sid, s, e), present in zip(spans, words):
        if not present & _TITLE:
            continue
        for m in _PERSON.finditer(text, s, e):
            toks = m.group("name").split()
            keep = []
            for t in toks:
                if _is_title(t) or t.lower() in STOP:
                    break
                keep.append(t)
                if _POSSESSIVE.search(t):
                    break
            if not keep:
                continue
            keep[-1] = _strip_possessive(keep[-1])
            if len(keep[-1]) > 2:
                keep[-1] = keep[-1].rstrip(".")
            role_toks = _np_before(text[s:m.start("name")])
            role = " ".join(role_toks) or None
            found.append((sid, m.start("name"), Person(" ".join(keep), role)))
    return found


@lru_cache(maxsize=1024)
def _names_pattern(parts: frozenset[str]) -> re.Pattern:
    """Any of ``parts`` as whole words, longest first (equal lengths cannot both match at one place,
    so their order is fixed only to reuse the pattern)."""
    ordered = sorted(parts, key=lambda p: (-len(p), p))
    if all(_WORD_CHAR.match(p) for p in ordered):  # "\b" before a word character: no word character before it
        return re.compile(literals_not_after(ordered, r"\w") + r"\b")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b")


class _Article:
    """Person mentions of one article, for resolving short names and pronouns."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]], words: list[int] | None = None):
        if words is None:
            words = _WORDS.span_masks(lowered(text), [(s, e) for _, s, e in spans])
        self.titled = _persons(text, spans, words)
        self.people: dict[str, Person] = {}
        for _, _, p in self.titled:
            self.people.setdefault(p.name, p)
        mentions = {(sid, off, p.name) for sid, off, p in self.titled}
        parts: dict[str, set[str]] = {}
        for full in self.people:
            for part in {full, *(w for w in full.split() if len(w) > 1)}:
                parts.setdefault(part, set()).add(full)
        if parts:
            rx = _names_pattern(frozenset(parts))
            starts = [s for _, s, _ in spans]
            for m in rx.finditer(text):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0 and m.start() < spans[i][2]:
                    mentions.update((spans[i][0], m.start(), full) for full in parts[m.group(0)])
        self.mentions = sorted(mentions)

    def full(self, name: str) -> Person | None:
        if name in self.people:
            return self.people[name]
        words = name.split()
        hits = {p.name: p for p in self.people.values()
                if len(words) < len(p.name.split()) and set(words) <= set(p.name.split())}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def last_person(self, sid: int, offset: int) -> Person | None:
        before = [m for m in self.mentions if m[1] < offset]
        if not before:
            return None
        last_sid = before[-1][0]
        names = {n for s, _, n in before if s == last_sid}
        return self.people[names.pop()] if len(names) == 1 else None


def _resolve(art: _Article, parsed: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """The full name and role of a speaker known from an earlier titled mention, else as parsed."""
    if parsed is None:
        return None
    speaker, role = parsed
    known = art.full(speaker)
    if known is not None:
        return known.name, role or known.role
    return speaker, role


def _prep_sources(sent: str) -> list[tuple[int, str, list[str]]]:
    out = []
    if "ccording to" not in sent and "s per" not in sent:
        return out
    for m in _PREP_SOURCE.finditer(sent):
        np = m.group("np").strip()
        np = _BY.sub("", np) if re.search(r"\b(?:by|from)\s", np) else np
        np = _CUT.sub("", np)
        out.append((m.start(), m.group("cue").lower(), _TOKEN.findall(np)))
    return out


def _inverted(sent: str, pos: int, cue: str) -> list[str]:
    """The speaker after the verb in '"...," said X' (the quote closes just before the verb)."""
    if not _QUOTE_END.search(sent[:pos]):
        return []
    m = _AFTER_NP.match(sent, pos + len(cue))
    return _TOKEN.findall(_CUT.sub("", m.group("np"))) if m else []


def _verb_cues(sent: str, verbs: bool = True) -> list[tuple[int, str, str]]:
    """(position, cue, text before the cue) for reporting verbs and 'statement saying' phrases
    (``verbs``: whether the sentence may hold a reporting verb, see ``_VERBS``)."""
    cues, taken = [], []
    for rx, name, word in ((_STATEMENT_CUE, "statement saying", "statement"), (_QUOTED, "quoted as saying", "quoted")):
        if word not in sent:
            continue
        for m in rx.finditer(sent):
            cues.append((m.start(), name, sent[:m.start()]))
            taken.append((m.start(), m.end()))
    for m in _CUE.finditer(sent) if verbs else ():
        cue = " ".join(m.group(0).lower().split())
        if any(a <= m.start() < b for a, b in taken):  # inside a "statement saying" or "quoted as saying"
            continue
        if cue in _NEEDS_CLAUSE and not _CLAUSE_FOLLOWS.match(sent, m.end()):
            continue
        cues.append((m.start(), cue, sent[:m.start()]))
    return sorted(cues)


def _sentence_rows(art: _Article, sid: int, start: int, sent: str,
                   verbs: bool = True) -> list[tuple[str, str | None, str]]:
    rows: list[tuple[int, str, str | None, str]] = []
    for pos, cue, toks in _prep_sources(sent):
        got = _resolve(art, _split(toks))
        if got:
            rows.append((pos, *got, cue))
    for pos, cue, left in _verb_cues(sent, verbs):
        left = _PAREN.sub("", _AUX.sub("", left.rstrip()))
        np = _np_before(left) or _inverted(sent, pos, cue)
        got = _resolve(art, _split(np)) if np else None
        if got is None:
            last = _LAST_WORD.search(left)
            word = last.group(1).lower() if last else ""
            if word in PRONOUNS:
                person = art.last_person(sid, start + last.start(1))
                got = (person.name, person.role) if person else None
            elif word == "and" and rows and re.search(r",\s*and\s*$", left):
                got = rows[-1][1:3]
        if got:
            rows.extend((pos, *co, cue) for np2 in _co_subjects(left) if (co := _resolve(art, _split(np2))))
            rows.append((pos, *got, cue))
    seen, out = set(), []
    for _, speaker, role, cue in sorted(rows, key=lambda r: r[0]):
        if (speaker, cue) not in seen:
            seen.add((speaker, cue))
            out.append((speaker, role, cue))
    return out


def extract_attributions(corpus) -> pd.DataFrame:
    """The ``attributions`` table: every statement an article attributes to a named speaker or body."""
    rows = []
    by_article: dict[str, list[tuple]] = {}
    columns = (corpus.sentences[c].tolist() for c in ("article_id", "sentence_id", "start", "end", "kind", "text"))
    for aid, *sentence in zip(*columns):
        by_article.setdefault(aid, []).append(sentence)
    for aid, sents in by_article.items():
        text = corpus.texts[aid]
        words = _WORDS.span_masks(lowered(text), [(start, end) for _, start, end, _, _ in sents])
        art = _Article(text, [(sid, start, end) for sid, start, end, _, _ in sents], words)
        for (sid, start, end, kind, sent), has in zip(sents, words):
            if kind not in KINDS:
                continue
            for speaker, role, cue in _sentence_rows(art, sid, start, sent, bool(has & _VERB)):
                rows.append({"article_id": aid, "sentence_id": sid, "start": start,
                             "end": end, "quote": sent, "speaker": speaker, "role": role, "cue": cue})
    return schema.frame("attributions", rows)
