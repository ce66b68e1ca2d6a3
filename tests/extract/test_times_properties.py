"""Properties of every span find_times returns, on arbitrary text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from promisegate.extract.nlp import get_nlp
from promisegate.extract.times import find_times

NOW = datetime(2024, 7, 10, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
# Words that make time expressions likely, mixed with arbitrary text, so spans actually occur.
TIME_WORDS = ["Friday", "next", "at", "3pm", "PT", "by", "EOD", "March", "3–5", "Q3", "within", "48", "hours",
              "the", "end", "of", "month", "2024", "12/20/2024", "between", "2", "and", "4pm", "ago", "week",
              "$3.50", "v2.3", "May", "We", "Sun", ",", ".", "\n", "  ", "tomorrow", "morning", "-", "to"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TIME_WORDS), st.text(max_size=8)), max_size=25))
def test_spans_index_the_input(parts: list[str]) -> None:
    text = " ".join(parts)
    for span in find_times(get_nlp()(text), NOW, "Europe/Berlin"):
        assert text[span.start:span.end] == span.text
        assert span.from_ < span.to
        assert span.from_.tzinfo is not None and span.to.tzinfo is not None
        assert span.grain in ("minute", "hour", "day", "week", "month", "quarter", "year")


def test_naive_now_takes_the_zone() -> None:
    doc = get_nlp()("See you tomorrow at 10am.")
    (span,) = find_times(doc, datetime(2024, 7, 10, 9, 0), "Asia/Tokyo")
    assert span.from_.isoformat() == "2024-07-11T10:00:00+09:00"
