"""Cut a doc into the clauses that commitments are judged on, leaving out quoted earlier mail."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from promisegate.extract.nlp import TokenColumns, sentence_bounds, token_columns

# A clause break inside a sentence: the second half of "we can't do 20%, but we can do 10%" stands alone.
_CLAUSE_BREAKS = frozenset({";", "but", "however", "although", "though", "whereas"})
_TRAILING = frozenset({",", "-", "--", "–", "—"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One clause: token range [start, end) and char range [start_char, end_char) in the doc."""

    start: int
    end: int
    start_char: int
    end_char: int


def _quoted_tokens(texts: list[str]) -> list[bool]:
    # A line whose first visible character is ">" is quoted earlier mail: never our commitment.
    quoted = [False] * len(texts)
    at_line_start = True
    in_quote = False
    for i, text in enumerate(texts):
        if text.isspace():  # spaCy's Token.is_space
            if "\n" in text:
                at_line_start, in_quote = True, False
            quoted[i] = in_quote
            continue
        if at_line_start:
            in_quote = text.startswith(">")
            at_line_start = False
        quoted[i] = in_quote
    return quoted


def _close(cols: TokenColumns, start: int, end: int, out: list[Unit]) -> None:
    # Trim whitespace tokens so the unit's text starts and ends on words.
    texts = cols.texts
    while start < end and texts[start].isspace():
        start += 1
    while end > start and (texts[end - 1].isspace() or texts[end - 1] in _TRAILING):
        end -= 1
    if start < end:
        out.append(Unit(start, end, cols.idx[start], cols.idx[end - 1] + len(texts[end - 1])))


def clauses(doc: Doc) -> list[Unit]:
    """Return the clauses of `doc` in order, split at sentences, blank lines, quoted lines and "but"/";"."""
    cols = token_columns(doc)
    texts, words = cols.texts, cols.words
    quoted = _quoted_tokens(texts)
    # The only tokens that can cut a sentence, found in one pass: quoted tokens, blank lines, break words.
    marks = [i for i, text in enumerate(texts)
             if quoted[i] or words[i] in _CLAUSE_BREAKS or (text.isspace() and text.count("\n") >= 2)]
    units: list[Unit] = []
    m = 0
    for sent_start, sent_end in sentence_bounds(doc):
        start = sent_start
        m = bisect_left(marks, sent_start, m)
        while m < len(marks) and marks[m] < sent_end:
            i = marks[m]
            m += 1
            if quoted[i] or (texts[i].isspace() and texts[i].count("\n") >= 2):
                _close(cols, start, i, units)
                start = i + 1
            elif i > start + 2:  # a break word: kept with the second clause ("but we can ...")
                _close(cols, start, i, units)
                start = i
        _close(cols, start, sent_end, units)
    return units
