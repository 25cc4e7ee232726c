"""Time expressions: explicit dates, ranges, years, relative words and weekdays."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sco_analysis.reading import timeexpr

REF = date(2024, 7, 3)  # a Wednesday


def _one(text, ref=REF):
    found = timeexpr.find(text, 0, len(text), ref)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m.text, m.date, m.end_date, m.precision


@pytest.mark.parametrize("text, expected", [
    ("It was founded on June 15, 2001, in Shanghai.", ("June 15, 2001", date(2001, 6, 15), None, "day")),
    ("It was founded on 15 June 2001 in Shanghai.", ("15 June 2001", date(2001, 6, 15), None, "day")),
    ("Snapshot of 2001-06-15.", ("2001-06-15", date(2001, 6, 15), None, "day")),
    ("The summit ran 3-4 July 2024.", ("3-4 July 2024", date(2024, 7, 3), date(2024, 7, 4), "day")),
    ("The summit runs from August 31 to September 1, 2025.",
     ("August 31 to September 1, 2025", date(2025, 8, 31), date(2025, 9, 1), "day")),
    ("It joined in June 2017.", ("June 2017", date(2017, 6, 1), None, "month")),
    ("The summit in Dushanbe Sept.12, 2014.", ("Sept.12, 2014", date(2014, 9, 12), None, "day")),
    ("It joined in 2017.", ("2017", date(2017, 1, 1), None, "year")),
    ("The 2024-25 chairmanship.", ("2024-25", date(2024, 1, 1), date(2025, 1, 1), "year")),
])
def test_explicit_dates(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At the summit on July 3-4, it will join.", ("July 3-4", date(2024, 7, 3), date(2024, 7, 4), "day")),
    ("It opened on Wednesday, July 3.", ("Wednesday, July 3", date(2024, 7, 3), None, "day")),
    ("It joins from this year.", ("this year", date(2024, 1, 1), None, "year")),
    ("It joins next year.", ("next year", date(2025, 1, 1), None, "year")),
    ("It was agreed last month.", ("last month", date(2024, 6, 1), None, "month")),
    ("It was approved last September.", ("last September", date(2023, 9, 1), None, "month")),
    ("It was approved last June.", ("last June", date(2023, 6, 1), None, "month")),
    ("It was approved last May.", ("last May", date(2024, 5, 1), None, "month")),
    ("It opens next August.", ("next August", date(2025, 8, 1), None, "month")),
    ("It opens next October.", ("next October", date(2024, 10, 1), None, "month")),
    ("It was said yesterday.", ("yesterday", date(2024, 7, 2), None, "day")),
    ("It opens today.", ("today", date(2024, 7, 3), None, "day")),
    ("It happened in June.", ("June", date(2024, 6, 1), None, "month")),
    ("It became an observer 12 years ago.", ("12 years ago", date(2012, 1, 1), None, "year")),
    ("It was founded two decades ago.", ("two decades ago", date(2004, 1, 1), None, "year")),
    ("It applied a year ago.", ("a year ago", date(2023, 1, 1), None, "year")),
])
def test_relative_to_reference(text, expected):
    assert _one(text) == expected


def test_yearless_date_takes_nearest_year():
    assert _one("The meeting is on January 10.", date(2024, 12, 20))[1] == date(2025, 1, 10)
    assert _one("The meeting was on December 28.", date(2025, 1, 4))[1] == date(2024, 12, 28)


@pytest.mark.parametrize("text", ["It was founded on July 3.", "It joins next year.", "It arrived on Tuesday.",
                                  "It opened today."])
def test_no_reference_no_guess(text):
    for ref in (None, pd.NaT):
        _, d, end, precision = _one(text, ref)
        assert d is None and end is None and precision == "none"


def test_weekday_tense():
    text = "It opened in Astana on Wednesday, July 3 and will conclude on Thursday."
    found = timeexpr.find(text, 0, len(text), REF)
    assert [(m.text, m.date) for m in found] == [
        ("Wednesday, July 3", date(2024, 7, 3)),
        ("Thursday", date(2024, 7, 4)),
    ]
    assert _one("Upon his arrival in Astana on Tuesday, he issued a statement.")[1] == date(2024, 7, 2)
    assert _one("The spokesperson said in a press conference on Monday that it matters.")[1] == date(2024, 7, 1)
    assert _one("He arrived on Wednesday.", date(2024, 7, 4))[1] == date(2024, 7, 3)
    assert _one("He will arrive on Wednesday.", date(2024, 7, 4))[1] == date(2024, 7, 10)
    assert _one("Talks on Friday.")[1] == date(2024, 7, 5)
    assert _one("Belarus will be admitted on Monday.")[1] == date(2024, 7, 8)
    assert _one("Belarus was admitted on Monday.")[1] == date(2024, 7, 1)


def test_not_dates():
    text = "The 24th meeting of 10 member states, 2 observers, 2,000 people and half the world; she may go."
    assert timeexpr.find(text, 0, len(text), REF) == []


def test_window_and_pandas_reference():
    text = "In 2017 and 2023."
    found = timeexpr.find(text, 8, len(text), pd.Timestamp("2024-07-03"))
    assert [(m.text, m.start) for m in found] == [("2023", 12)]


def test_two_weekdays_joined_by_and_are_one_span():
    text = "It is set to hold a summit in Uzbekistan on Thursday and Friday."
    (d,) = timeexpr.find(text, 0, len(text), date(2022, 9, 14))
    assert (d.text, d.date, d.end_date) == ("Thursday and Friday", date(2022, 9, 15), date(2022, 9, 16))
    text = "He arrived on Monday and left on Friday."  # not joined: two days
    assert len(timeexpr.find(text, 0, len(text), date(2022, 9, 14))) == 2


def test_two_dates_joined_by_to_are_one_span_across_months():
    text = "the summit, scheduled for 31 August to 1 September, will host delegations"
    (d,) = timeexpr.find(text, 0, len(text), date(2025, 8, 25))
    assert (d.date, d.end_date) == (date(2025, 8, 31), date(2025, 9, 1))
    text = "He arrived on June 8 and left on June 10."
    assert len(timeexpr.find(text, 0, len(text), date(2025, 8, 25))) == 2
