"""Which of many prefilter word families a text holds, found in one pass.

Extractors skip a costly regular expression on text that provably holds none of the words every
match of it contains ("summit", "council", ... before the summit-place rules). Testing each family
word by word (``any(w in low for w in words)``) cost more than the rules it guarded; ``WordScan``
puts every family's words in one Aho-Corasick automaton (pyahocorasick, in C) and reports the
families present as bits of one integer, for a whole text or for each of several spans of it.

Words are lower-case; a text is lower-cased once with ``lowered``. Where lower-casing could make a
word appear that the case-insensitive rule would not see, or shift offsets, ``lowered`` gives None
and every family counts as present: a prefilter may let text through, never hold a match back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import ahocorasick

# The only non-ASCII characters that re.IGNORECASE matches to ASCII letters: text holding one is
# never prefiltered.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def lowered(text: str) -> str | None:
    """``text`` lower-cased with the same offsets, or None when it cannot be prefiltered safely."""
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


class WordScan:
    """Named word families in one automaton; ``bit(name)`` is the family's bit in every mask.

    A family given as None (or holding the empty word) is always present: its rule has no word
    every match contains.
    """

    def __init__(self, families: Mapping[str, Iterable[str] | None]):
        self.bits = {name: 1 << i for i, name in enumerate(families)}
        self.all = (1 << len(self.bits)) - 1
        self.always = 0
        masks: dict[str, int] = {}
        for name, words in families.items():
            words = None if words is None else [w.lower() for w in words]
            if words is None or "" in words:
                self.always |= self.bits[name]
                continue
            for w in words:
                masks[w] = masks.get(w, 0) | self.bits[name]
        self._automaton = ahocorasick.Automaton()
        for w, mask in masks.items():
            self._automaton.add_word(w, mask)
        if masks:
            self._automaton.make_automaton()
        self._empty = not masks

    def bit(self, name: str) -> int:
        return self.bits[name]

    def mask(self, low: str | None) -> int:
        """The families present in ``low`` (from ``lowered``; None: all)."""
        if low is None:
            return self.all
        found = self.always
        if not self._empty:
            for _, mask in self._automaton.iter(low):
                found |= mask
        return found

    def span_masks(self, low: str | None, spans: Iterable[tuple[int, int]]) -> list[int]:
        """For each (start, end) span of ``low``, the families with a word wholly inside it (the
        automaton is run over each span alone: cheaper than placing the whole text's hits in spans)."""
        spans = list(spans)
        if low is None:
            return [self.all] * len(spans)
        if self._empty:
            return [self.always] * len(spans)
        scan = self._automaton.iter
        out = []
        for start, end in spans:
            found = self.always
            for _, mask in scan(low, start, end):
                found |= mask
            out.append(found)
        return out


def literals_not_after(words: list[str], before: str) -> str:
    """A pattern for any of ``words`` (plain text, the first in list order where several match) not
    preceded by a character of the class ``before``: the same matches as ``(?<!before)(?:w1|w2|...)``,
    written so that each alternative opens with its first character and the look-behind follows it.

    A pattern whose alternatives all open with a plain character is searched for those characters
    quickly; with the look-behind first, every alternative is tried at every position of the text
    (a list of names over a whole article: about 4 times slower)."""
    by_first: dict[str, list[str]] = {}
    for w in words:  # alternatives with different first characters never match at one place
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    return "(?:" + "|".join(f"{re.escape(first)}(?<!{before}{re.escape(first)})(?:{'|'.join(rests)})"
                            for first, rests in by_first.items()) + ")"
