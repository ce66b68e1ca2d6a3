"""Cut a doc into the clauses that commitments are judged on, leaving out quoted earlier mail."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress

from spacy.tokens import Doc

from promisegate.extract.nlp import TokenColumns, sentence_bounds, token_columns, word_step

# A clause break inside a sentence: the second half of "we can't do 20%, but we can do 10%" stands alone.
_CLAUSE_BREAKS = frozenset({";", "but", "however", "although", "though", "whereas"})
_TRAILING = frozenset({",", "-", "--", "–", "—"})
_SO_NOT_A_BREAK = frozenset({"that", "far", "much", "many", "long", "as"})  # ", so that we can ..." is a purpose
_BULLETS = frozenset({"-", "*", "•", "·", "–", "—", "+"})
_DASHES = frozenset({"-", "--", "–", "—"})
_SUBJECTS = frozenset({"i", "we"})
_OUR_SUBJECTS = frozenset({"i", "we", "our", "my"})
_CANDIDATES = _CLAUSE_BREAKS | _DASHES | {"so", "and"}


def _marker(texts: list[str], i: int) -> int:
    """How many tokens from `i` make a list marker: "-", "•", or "2" + "." / ")" (0 when none does)."""
    if i < len(texts) and texts[i] in _BULLETS:
        return 1
    if i + 1 < len(texts) and len(texts[i]) <= 2 and texts[i].isdigit() and texts[i + 1] in (".", ")"):
        return 2
    return 0


@dataclass(frozen=True, slots=True)
class Unit:
    """One clause: token range [start, end) and char range [start_char, end_char) in the doc."""

    start: int
    end: int
    start_char: int
    end_char: int


def _lines(texts: list[str], spaces: list[int]) -> list[tuple[int, int]]:
    """(first visible token, end) of each line: a line runs from after a whitespace token holding a newline to the
    next such token (its end, or len(texts) for the last line); first == end for a line with no visible token."""
    out: list[tuple[int, int]] = []
    line_start = 0
    for line_end in [*(i for i in spaces if "\n" in texts[i]), len(texts)]:
        first = line_start
        while first < line_end and texts[first].isspace():  # spaCy's Token.is_space
            first += 1
        out.append((first, line_end))
        line_start = line_end + 1
    return out


def _quoted_lines(texts: list[str], spaces: list[int]) -> list[tuple[int, int]]:
    """Token ranges of quoted earlier mail: lines whose first visible token starts with ">".

    The whitespace before a line's first visible token is not quoted, everything after it is.
    """
    return _quoted_of(texts, _lines(texts, spaces))


def _quoted_of(texts: list[str], lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(first, end) for first, end in lines if first < end and texts[first].startswith(">")]


_LABEL_REACH = 10  # tokens a line's label may take before its colon: "Phase 2 (Jan 25 - Mar 5):"


def _labelled(texts: list[str], first: int, end: int) -> bool:
    """Whether the line [first, end) opens with a label: a capitalised word or a figure, then a colon within reach,
    with no full stop before it."""
    if first >= end or not (texts[first][:1].isupper() or texts[first][:1].isdigit()):
        return False
    for i in range(first + 1, min(end, first + _LABEL_REACH)):
        if texts[i].endswith(":") and not texts[i][:1].isalnum():  # (":" and "):" as spaCy keeps it)
            return i + 1 < end  # (a colon that ends the line introduces what follows: no item of its own)
        if texts[i] in (".", "!", "?"):
            return False
    return False


def _close(cols: TokenColumns, start: int, end: int, out: list[Unit]) -> None:
    # Trim whitespace tokens so the unit's text starts and ends on words.
    texts = cols.texts
    while start < end and texts[start].isspace():
        start += 1
    marker = _marker(texts, start)
    if marker and start + marker < end:
        start += marker  # "- Pricing: ...": the list marker is not part of what the item says
        while start < end and texts[start].isspace():
            start += 1
    while end > start and (texts[end - 1].isspace() or texts[end - 1] in _TRAILING):
        end -= 1
    if start < end:
        out.append(Unit(start, end, cols.idx[start], cols.idx[end - 1] + len(texts[end - 1])))


def _opens_with_condition(words: list[str], start: int, end: int) -> bool:
    """Whether the clause from `start` opens with a condition ("if", "once", "provided", ...)."""
    while start < end and words[start].isspace():
        start += 1
    # ("When are we going to ...?" asks; "When you sign, we'll ..." sets a condition.)
    if start >= end or words[start] not in _CONDITION_OPENERS:
        return False
    after = words[start + 1] if start + 1 < end else ""
    return not ((words[start] == "when" and after in _QUESTION_AUX)
                or (words[start] == "should" and after in ("we", "i")))


_CONDITION_OPENERS = frozenset({"if", "once", "provided", "assuming", "unless", "should", "as", "when"})
_QUESTION_AUX = frozenset({"are", "is", "do", "does", "did", "will", "can", "could", "would", "should"})


def clauses(doc: Doc) -> list[Unit]:
    """Return the clauses of `doc` in order, split at sentences, blank lines, list items, quoted lines,
    "but"/";" and ", so"."""
    cols = token_columns(doc)
    texts, words = cols.texts, cols.words
    spaces = list(compress(range(len(texts)), map(str.isspace, texts)))  # whitespace tokens, found in C
    quoted = [False] * len(texts)
    lines = _lines(texts, spaces)
    quoted_runs = _quoted_of(texts, lines)
    for start, end in quoted_runs:
        quoted[start:end] = [True] * (end - start)
    run_starts = [start for start, _ in quoted_runs]
    # A blank line, or a line break before a list item ("- Pricing: ...", "2. Security review"), ends a clause.
    blank_lines = {i for i in spaces if texts[i].count("\n") >= 2
                   or ("\n" in texts[i] and _marker(texts, i + 1))}
    # ... and so does the line break that ends a list item ("- Kickoff: Jan 6\nHere's what we agreed:"); an item
    # wrapped onto an indented line, or one that goes on in lower case, continues.
    blank_lines.update(i for first, i in lines if first < i < len(texts) - 1 and _marker(texts, first)
                       and not texts[i].rsplit("\n", 1)[1] and not texts[i + 1][:1].islower())
    # ... and so does a line break before a labelled line ("Phase 2 (Jan 25 - Mar 5): pilot ...", "Pricing: ..."):
    # lines of a recap written without bullets or full stops are items too.
    blank_lines.update(lines[k - 1][1] for k in range(1, len(lines))
                       if _labelled(texts, *lines[k]) and lines[k - 1][0] < lines[k - 1][1])
    # The only tokens that can cut a sentence: quoted tokens, blank lines, break words. The candidate words are
    # found in one pass in C (map + compress), then each is judged:
    # - "but", "however", ";" ... always: "we can't do 20%, but we can do 10%";
    # - ", so" opens a clause of its own: "We hit a snag last night, so we're pushing the go-live to Dec 9";
    # - ", and" before a subject of ours opens a second promise: "we can get the BAA signed before your go-live,
    #   and our team will complete the workshop within two weeks" (each keeps its own time);
    # - a dash before "I" or "we": "Thanks for your patience — I'll get you an answer" (a hyphen must stand
    #   apart: "a non-I-House place" is one word).
    source, idx = cols.source, cols.idx
    n = len(words)
    breaks = []
    for i in compress(range(n), map(_CANDIDATES.__contains__, words)):
        w = words[i]
        if w in _CLAUSE_BREAKS:
            breaks.append(i)
        elif not i or i + 1 == n:
            continue
        elif w == "so":  # (the comma may end a line of hard-wrapped mail: ",\nso we're ...")
            if words[word_step(words, i, -1, 0)] == "," and words[word_step(words, i, 1, n - 1)] not in _SO_NOT_A_BREAK:
                breaks.append(i)
        elif w == "and":
            if words[word_step(words, i, -1, 0)] == "," and words[word_step(words, i, 1, n - 1)] in _OUR_SUBJECTS:
                breaks.append(i)
        elif words[word_step(words, i, 1, n - 1)] in _SUBJECTS and (w != "-" or source[idx[i] - 1].isspace()):
            breaks.append(i)
    marks = sorted({*compress(range(len(texts)), quoted), *blank_lines, *breaks})
    units: list[Unit] = []
    m = 0
    for sent_start, sent_end in sentence_bounds(doc):
        start = sent_start
        m = bisect_left(marks, sent_start, m)
        while m < len(marks) and marks[m] < sent_end:
            i = marks[m]
            m += 1
            if quoted[i]:  # a quoted line ends the clause before it; the next starts after the line (or sentence)
                _close(cols, start, i, units)
                start = min(quoted_runs[bisect_right(run_starts, i) - 1][1], sent_end)
                m = bisect_left(marks, start, m)
            elif i in blank_lines:
                _close(cols, start, i, units)
                start = i + 1
            elif i > start + 2:  # a break word: kept with the second clause ("but we can ..."), but not ";"
                if (words[i] == "and" or words[i] in _DASHES) and _opens_with_condition(words, start, i):
                    continue  # "If you sign by Friday, we'll waive the fee, and we'll add 10 seats": both hang on it
                _close(cols, start, i, units)
                start = i + 1 if words[i] == ";" or words[i] in _DASHES else i
        _close(cols, start, sent_end, units)
    return units
