"""Compile spaCy token patterns into a matcher whose per-token tests run once per word, not per token.

spaCy's Matcher evaluates every REGEX and IN predicate in Python, on every token, for every pattern
that could start there: with ~170 time patterns that was ~30 ms for a 2 KB email. Every test the
pattern files use depends on the token's text alone, so here each distinct text is classified once
(which token specs it satisfies, as one int bitset, memoised process-wide; see WordClasses) and a
pattern is tried only at tokens whose bits, with the next two tokens' bits, can begin it. The result is
the same set of (pattern, start, end) as spaCy's Matcher (and its greedy="LONGEST" filter when asked);
patterns keep spaCy's JSON syntax and are validated with spaCy's schema by the loaders.
tests/extract/test_times_engine.py checks the equality against spaCy on the fixtures and test cases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.vocab import Vocab

# A test on one token: (text, lower-cased text, spaCy lexeme) -> bool.
Test = Callable[[str, str, Any], bool]
_INF = 1 << 30
_CACHE_LIMIT = 200_000  # distinct token texts remembered before the memo starts afresh
_LEXEME_FLAGS = frozenset({
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL",
})
_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


class UnsupportedPattern(ValueError):
    """A pattern uses a token attribute that depends on more than the token's text."""


def _text_getter(attr: str) -> Callable[[str, str, Any], Any]:
    if attr in ("ORTH", "TEXT"):
        return lambda text, lower, lex: text
    if attr == "LOWER":
        return lambda text, lower, lex: lower
    if attr == "LENGTH":
        return lambda text, lower, lex: len(text)
    if attr in ("NORM", "SHAPE", "PREFIX", "SUFFIX"):
        name = attr.lower() + "_"
        return lambda text, lower, lex: getattr(lex, name)
    if attr in _LEXEME_FLAGS:
        name = attr.lower()
        return lambda text, lower, lex: bool(getattr(lex, name))
    raise UnsupportedPattern(f"token attribute {attr!r} is not a property of the word alone")


def _compare(op: str, arg: Any) -> Callable[[Any], bool]:
    if op == "IN":
        members = frozenset(arg)
        return lambda v: v in members
    if op == "NOT_IN":
        members = frozenset(arg)
        return lambda v: v not in members
    if op == "REGEX":
        rx = re.compile(arg)
        return lambda v: rx.search(str(v)) is not None
    numeric: dict[str, Callable[[Any], bool]] = {
        "==": lambda v: v == arg, "!=": lambda v: v != arg, ">=": lambda v: v >= arg,
        "<=": lambda v: v <= arg, ">": lambda v: v > arg, "<": lambda v: v < arg,
    }
    if op in numeric:
        return numeric[op]
    raise UnsupportedPattern(f"operator {op!r} is not supported")


_INDEXED = ("ORTH", "TEXT", "LOWER")  # string attributes whose IN / == tests become one dict lookup
_NEEDS_LEXEME = _LEXEME_FLAGS | {"NORM", "SHAPE", "PREFIX", "SUFFIX"}


class WordClasses:
    """Which token specs a word satisfies, as one int bitset, worked out once per distinct word.

    Word-list and equality tests on ORTH/TEXT/LOWER are inverted into word -> bits tables, so a new
    word costs two dict lookups plus its REGEX and lexeme-attribute tests, not one call per spec.
    """

    def __init__(self, vocab: Vocab) -> None:
        """Start with no specs; `spec_bit` registers them."""
        self._vocab = vocab
        self._spec_ids: dict[str, int] = {}
        self._spec_masks: list[int] = []  # per spec: the test bits it needs
        self._test_ids: dict[str, int] = {}
        self._index: dict[str, dict[str, int]] = {"ORTH": {}, "LOWER": {}}
        self._negated = 0  # NOT_IN tests: the index marks membership, the truth is its opposite
        self._other: list[tuple[int, Test]] = []
        self._needs_lexeme = False
        self.memo: dict[str, int] = {}  # word -> bits; read directly by the matcher loop

    def spec_bit(self, spec: dict[str, Any]) -> int:
        """Register one token spec (without OP); return its bit."""
        canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False)
        if canonical not in self._spec_ids:
            mask = 0
            for attr, value in spec.items():
                tests = value.items() if isinstance(value, dict) else [("==", value)]
                for op, arg in tests:
                    mask |= self._test(attr.upper(), op, arg)
            self._spec_ids[canonical] = len(self._spec_masks)
            self._spec_masks.append(mask)
        return 1 << self._spec_ids[canonical]

    def _test(self, attr: str, op: str, arg: Any) -> int:
        key = json.dumps([attr if attr != "TEXT" else "ORTH", op, arg], sort_keys=True, ensure_ascii=False)
        if key in self._test_ids:
            return self._test_ids[key]
        bit = 1 << len(self._test_ids)
        self._test_ids[key] = bit
        words = [arg] if op == "==" else arg if op in ("IN", "NOT_IN") else None
        if attr in _INDEXED and isinstance(words, list) and all(isinstance(w, str) for w in words):
            index = self._index["LOWER" if attr == "LOWER" else "ORTH"]
            for w in words:
                index[w] = index.get(w, 0) | bit
            if op == "NOT_IN":
                self._negated |= bit
            return bit
        get, check = _text_getter(attr), _compare(op, arg)
        self._other.append((bit, lambda t, lo, lx: check(get(t, lo, lx))))
        self._needs_lexeme = self._needs_lexeme or attr in _NEEDS_LEXEME
        return bit

    def __call__(self, text: str) -> int:
        """The bitset of registered specs `text` satisfies (memoised)."""
        bits = self.memo.get(text)
        if bits is None:
            if len(self.memo) >= _CACHE_LIMIT:
                self.memo.clear()
            lower = text.lower()  # spaCy's LOWER is str.lower of the text
            passed = (self._index["LOWER"].get(lower, 0) | self._index["ORTH"].get(text, 0)) ^ self._negated
            lex = self._vocab[text] if self._needs_lexeme else None
            for bit, test in self._other:
                if test(text, lower, lex):
                    passed |= bit
            bits = 0
            for i, mask in enumerate(self._spec_masks):
                if passed & mask == mask:
                    bits |= 1 << i
            self.memo[text] = bits
        return bits


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
        self._always = any(bits == -1 for bits in self._openers)
        # Bits a doc must contain somewhere for the pattern to match at all (its required tokens).
        self._required = [[bit for bit, low, _, negated in elements if low > 0 and not negated]
                          for elements in self._patterns]

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
            if len(self._candidates) >= _CACHE_LIMIT:
                self._candidates.clear()
            found = tuple(p for p, elements in enumerate(self._patterns) if _opens(elements, key))
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
        viable = [all(present & bit for bit in req) for req in self._required]
        n = len(bits)
        found: set[tuple[int, int, int]] = set()
        patterns, any_opener, openable = self._patterns, self._any_opener, self._openable
        bits += (0, 0)  # the tokens "after" the last one
        starts = range(n) if self._always else [i for i, b in enumerate(bits) if b & any_opener]
        for start in starts:
            for p in openable((bits[start] & any_opener, bits[start + 1], bits[start + 2])):
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
    """Whether `elements` can read tokens with these bits: all of them, or some and then end."""
    if any(negated for _, _, _, negated in elements):
        return True  # "!" tokens: too rare to reason about here
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
