"""The one-pass prefilter (reading.wordscan) says exactly what testing each word with ``in`` says."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sco_analysis.reading.wordscan import WordScan, lowered

FAMILIES = {"summit": ("summit", "council", "met"), "ordinal": ("first", "fir", "th"), "always": None}
SCAN = WordScan(FAMILIES)


def naive(low, start, end):
    part = low[start:end]
    return {name for name, words in FAMILIES.items() if words is None or any(w in part for w in words)}


def names(mask):
    return {name for name, bit in SCAN.bits.items() if mask & bit}


def test_families_of_a_sentence():
    low = lowered("The Council of Heads of State met for the first time.")
    assert names(SCAN.mask(low)) == {"summit", "ordinal", "always"}
    assert names(SCAN.mask(lowered("No such words here."))) == {"always"}


def test_a_word_counts_for_a_span_only_when_wholly_inside():
    low = lowered("Leaders met. The summit opened.")
    first, second = (0, 12), (13, len(low))
    assert [names(m) for m in SCAN.span_masks(low, [first, second, (14, 18)])] == [
        {"summit", "always"}, {"summit", "ordinal", "always"}, {"always"}]  # "summit" is cut by the third


def test_text_that_cannot_be_lowered_safely_lets_every_family_through():
    assert lowered("K\u212aK") is None  # KELVIN SIGN folds to "k" under re.IGNORECASE
    assert SCAN.mask(None) == SCAN.all
    assert SCAN.span_masks(None, [(0, 1), (1, 2)]) == [SCAN.all, SCAN.all]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="summitcouncilfirsth .", max_size=40), st.data())
def test_same_answer_as_testing_each_word(text, data):
    low = lowered(text)
    start = data.draw(st.integers(0, len(low)))
    end = data.draw(st.integers(start, len(low)))
    assert names(SCAN.span_masks(low, [(start, end)])[0]) == naive(low, start, end)
    assert names(SCAN.mask(low)) == naive(low, 0, len(low))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abAB-", min_size=1, max_size=4), min_size=1, max_size=5),
       st.text(alphabet="abAB- _", max_size=30), st.sampled_from([r"\w", r"[\w-]"]))
def test_literals_not_after_match_as_the_plain_alternation(words, text, before):
    import re

    from sco_analysis.reading.wordscan import literals_not_after

    plain = re.compile(rf"(?<!{before})(?:" + "|".join(map(re.escape, words)) + ")")
    fast = re.compile(literals_not_after(words, before))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
