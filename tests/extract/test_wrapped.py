"""Hard-wrapped mail: a line break where a space was changes nothing.

Mail clients wrap plain text at ~72 columns, so any space of a sentence may arrive as a line break,
which spaCy keeps as a token of its own. Every hand-written case of test_times_cases and
test_commitments is read again with each of its spaces, one at a time, turned into a line break.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.extract.test_commitments import NEGATIVE as COMMIT_NEGATIVE
from tests.extract.test_commitments import POSITIVE as COMMIT_POSITIVE
from tests.extract.test_commitments import C, _run
from tests.extract.test_times_cases import POSITIVE as TIME_POSITIVE
from tests.extract.test_times_cases import times


def _wrapped(text: str, lo: int = 0, hi: int | None = None) -> Iterator[str]:
    """`text` with one of the spaces in text[lo:hi] turned into a line break, for each of them."""
    for i in range(lo, len(text) if hi is None else hi):
        if text[i] == " ":
            yield text[:i] + "\n" + text[i + 1 :]


def test_time_cases_read_the_same_when_wrapped() -> None:
    wrong = []
    for case in TIME_POSITIVE:
        for expect in case.expect:
            at = case.text.find(expect.text)
            if at < 0:
                continue
            for text in _wrapped(case.text, at, at + len(expect.text)):
                want = text[at : at + len(expect.text)]
                got = [t for t in times(text) if t.text == want]
                if not got or not got[0].from_.isoformat().startswith(expect.start):
                    wrong.append((text, [(t.text, t.from_.isoformat()) for t in times(text)]))
    assert not wrong, f"{len(wrong)} wrapped cases read differently, e.g. {wrong[:3]}"


@pytest.mark.parametrize("row", COMMIT_POSITIVE, ids=lambda row: row[0][:40])
def test_commitment_cases_read_the_same_when_wrapped(row: tuple) -> None:
    text, side, kind, rule, _ = row
    for wrapped in _wrapped(text):
        commitments, requests = _run(wrapped)
        found = commitments if side == C else requests
        assert [c for c in found if c.kind == kind and c.rule == rule], \
            f"{wrapped!r}: C={commitments} R={requests}"


# A line break after a quote marker ends the quoted line, so those texts are left out here.
@pytest.mark.parametrize("row", [r for r in COMMIT_NEGATIVE if ">" not in r[0]], ids=lambda row: row[0][:40])
def test_negative_cases_stay_negative_when_wrapped(row: tuple) -> None:
    for wrapped in _wrapped(row[0]):
        commitments, _ = _run(wrapped)
        assert commitments == [], f"{wrapped!r}: {commitments}"
