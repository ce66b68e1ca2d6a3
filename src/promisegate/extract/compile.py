"""Compile spaCy token patterns into a matcher whose per-token tests run once per word, not per token.

spaCy's Matcher evaluates every REGEX and IN predicate in Python, on every token, for every pattern
that could start there: with ~170 time patterns that was ~30 ms for a 2 KB email. Every test the
pattern files use depends on the token's text alone, so here each distinct text is classified once
(which token specs it satisfies, as one int bitset, memoised process-wide; see word_classes.py) and a
pattern is tried only at tokens whose bits, with the next two tokens' bits, can begin it. The result is
the same set of (pattern, start, end) as spaCy's Matcher (and its greedy="LONGEST" filter when asked);
patterns keep spaCy's JSON syntax and are validated with spaCy's schema by the loaders.
tests/extract/test_times_engine.py checks the equality against spaCy on the fixtures and test cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.vocab import Vocab

from promisegate.extract.word_classes import CACHE_LIMIT, UnsupportedPattern, WordClasses

_INF = 1 << 30
_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _bounds(op: str | None) -> tuple[int, int, bool]:
    """(min, max, negated) repetitions of a token spec under spaCy's OP syntax."""
    simple = {None: (1, 1, False), "?": (0, 1, False), "*": (0, _INF, False), "+": (1, _INF, False),
              "!": (1, 1, True)}
    if op in simple:
        return simple[op]
    m = _QUANTIFIER.match(op or "")
    if not m:
        raise UnsupportedPattern(f"OP {op!r} is not supported")
    lo, comma, hi = m.groups()
    low = int(lo or 0)
    high = int(hi) if hi else (_INF if comma else low)
    return low, high, False


# One pattern element: (bit of its token spec, min repeats, max repeats, negated).
_Element = tuple[int, int, int, bool]


class CompiledMatcher:
    """All matches of a list of keyed patterns, as spaCy's Matcher would report them."""

    def __init__(self, vocab: Vocab, patterns: Iterable[tuple[str, list[dict[str, Any]]]],
                 longest: bool = False) -> None:
        """Compile `(key, pattern)` pairs; raise UnsupportedPattern for non-lexical token tests.

        `longest` filters each key's matches as spaCy's `greedy="LONGEST"` does.
        """
        self._longest = longest
        self.classify = WordClasses(vocab)
        self.keys: list[str] = []
        self._patterns: list[tuple[_Element, ...]] = []
        self._openers: list[int] = []  # per pattern: bits a first token may carry, or -1 for any word
        for key, pattern in patterns:
            elements = tuple(self._element(spec) for spec in pattern)
            self.keys.append(key)
            self._patterns.append(elements)
            self._openers.append(self._opening_bits(elements))
        self._any_opener = 0
        for bits in self._openers:
            self._any_opener |= bits
        self._candidates: dict[tuple[int, int, int], tuple[int, ...]] = {}
        self._by_opener: dict[int, tuple[int, ...]] = {}  # opener bits -> patterns that can read that token
        # "!" tokens are too rare to reason about when filtering starts: such patterns are always tried.
        self._has_negated = [any(negated for _, _, _, negated in elements) for elements in self._patterns]
        self._always = any(bits == -1 for bits in self._openers)
        # Bits a doc must contain somewhere for the pattern to match at all (its required tokens):
        # each element's spec is one bit, so "every required bit occurs" is one mask test.
        self._required: list[int] = []
        for elements in self._patterns:
            mask = 0
            for bit, low, _, negated in elements:
                if low > 0 and not negated:
                    mask |= bit
            self._required.append(mask)

    def _element(self, spec: dict[str, Any]) -> _Element:
        low, high, negated = _bounds(spec.get("OP"))
        return (self.classify.spec_bit({k: v for k, v in spec.items() if k != "OP"}), low, high, negated)

    @staticmethod
    def _opening_bits(elements: tuple[_Element, ...]) -> int:
        bits = 0
        for bit, low, _, negated in elements:
            if negated:
                return -1
            bits |= bit
            if low > 0:
                break
        return bits

    def _openable(self, key: tuple[int, int, int]) -> tuple[int, ...]:
        """Patterns that can read the first tokens of a span whose bits are `key` (opener bits, next, next)."""
        found = self._candidates.get(key)
        if found is None:
            if len(self._candidates) >= CACHE_LIMIT:
                self._candidates.clear()
                self._by_opener.clear()
            # Reading three tokens needs reading the first, so only the patterns that can read the
            # first token alone (a short list, per opener bits) are tried on the three.
            patterns, negated = self._patterns, self._has_negated
            first = self._by_opener.get(key[0])
            if first is None:
                opener = (key[0],)
                first = tuple(p for p, elements in enumerate(patterns) if negated[p] or _opens(elements, opener))
                self._by_opener[key[0]] = first
            found = tuple(p for p in first if negated[p] or _opens(patterns[p], key))
            self._candidates[key] = found
        return found

    def __call__(self, texts: Sequence[str]) -> list[tuple[str, int, int]]:
        """Every `(key, start, end)` whose pattern matches `texts[start:end]`, in spaCy's order."""
        known = self.classify.memo.get
        bits = [known(t) for t in texts]
        if None in bits:
            bits = [self.classify(t) if b is None else b for t, b in zip(texts, bits, strict=True)]
        if not bits:
            return []
        present = 0
        for b in bits:
            present |= b
        viable = [present & mask == mask for mask in self._required]
        n = len(bits)
        found: set[tuple[int, int, int]] = set()
        patterns, any_opener, openable = self._patterns, self._any_opener, self._openable
        candidates = self._candidates.get  # the memo of _openable, read inline: most starts are hits
        bits += (0, 0)  # the tokens "after" the last one
        starts = range(n) if self._always else [i for i, b in enumerate(bits) if b & any_opener]
        for start in starts:
            key = (bits[start] & any_opener, bits[start + 1], bits[start + 2])
            opened = candidates(key)
            if opened is None:
                opened = openable(key)
            for p in opened:
                if viable[p]:
                    _match(patterns[p], p, start, bits, n, found)
        # spaCy reports a match when its last token is read, pattern by pattern.
        keys = self.keys
        raw = [(keys[p], s, e) for e, p, s in sorted(found)]
        return _keep_longest(raw) if self._longest else raw


def _keep_longest(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Per key, the longest non-overlapping matches (spaCy's greedy="LONGEST" filter)."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for key, start, end in matches:
        by_key.setdefault(key, []).append((start, end))
    out: list[tuple[str, int, int]] = []
    for key, pairs in by_key.items():
        taken: list[tuple[int, int]] = []
        for start, end in sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                out.append((key, start, end))
    return out


def _opens(elements: tuple[_Element, ...], bits: tuple[int, ...]) -> bool:
    """Whether `elements` can read tokens with these bits: all of them, or some and then end.

    Patterns with a "!" token are not reasoned about here: callers treat them as always able to.
    """
    size = len(bits)
    stack = [(0, 0)]  # (element index, tokens consumed)
    while stack:
        k, pos = stack.pop()
        if pos == size or (k == len(elements) and pos >= 1):
            return True
        if k == len(elements):
            continue
        bit, low, high, _ = elements[k]
        if low == 0:
            stack.append((k + 1, pos))
        count = 0
        while count < high and pos < size and bits[pos] & bit:
            pos += 1
            count += 1
            if count >= low:
                stack.append((k + 1, pos))
            elif pos == size:
                stack.append((k, pos))  # still inside a repeat when the last token is read
    return False


def _match(elements: tuple[_Element, ...], p: int, start: int, bits: list[int], n: int,
           found: set[tuple[int, int, int]]) -> None:
    """Add `(end, p, start)` for every way `elements` can match from token `start`."""
    last = len(elements)
    stack = [(0, start)]
    while stack:
        k, pos = stack.pop()
        if k == last:
            if pos > start:
                found.add((pos, p, start))
            continue
        bit, low, high, negated = elements[k]
        if low == 0:
            stack.append((k + 1, pos))
        count = 0
        while count < high and pos < n and (not (bits[pos] & bit)) == negated:
            pos += 1
            count += 1
            if count >= low:
                stack.append((k + 1, pos))


__all__ = ["CompiledMatcher", "UnsupportedPattern", "WordClasses"]
