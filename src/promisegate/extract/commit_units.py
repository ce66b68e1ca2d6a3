"""Cut a doc into the clauses that commitments are judged on, leaving out quoted earlier mail."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

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


def _quoted_tokens(doc: Doc) -> list[bool]:
    # A line whose first visible character is ">" is quoted earlier mail: never our commitment.
    quoted = [False] * len(doc)
    at_line_start = True
    in_quote = False
    for i, tok in enumerate(doc):
        if tok.is_space:
            if "\n" in tok.text:
                at_line_start, in_quote = True, False
            quoted[i] = in_quote
            continue
        if at_line_start:
            in_quote = tok.text.startswith(">")
            at_line_start = False
        quoted[i] = in_quote
    return quoted


def _close(doc: Doc, start: int, end: int, out: list[Unit]) -> None:
    # Trim whitespace tokens so the unit's text starts and ends on words.
    while start < end and doc[start].is_space:
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _TRAILING):
        end -= 1
    if start < end:
        out.append(Unit(start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))


def clauses(doc: Doc) -> list[Unit]:
    """Return the clauses of `doc` in order, split at sentences, blank lines, quoted lines and "but"/";"."""
    quoted = _quoted_tokens(doc)
    units: list[Unit] = []
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            tok = doc[i]
            if quoted[i] or (tok.is_space and tok.text.count("\n") >= 2):
                _close(doc, start, i, units)
                start = i + 1
            elif tok.lower_ in _CLAUSE_BREAKS and i > start + 2:
                # Keep the break word with the second clause ("but we can ...").
                _close(doc, start, i, units)
                start = i
        _close(doc, start, sent.end, units)
    return units
