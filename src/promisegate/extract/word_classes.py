"""Which token specs a word satisfies, as one int bitset, worked out once per distinct word.

Every test the pattern files use depends on the token's text alone (a test on anything else is refused
with UnsupportedPattern), so compile.CompiledMatcher classifies each distinct text once, here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import IDS
from spacy.vocab import Vocab

from promisegate.extract.nlp import word_getters

# A test on one token: (text, lower-cased text, spaCy lexeme) -> bool.
Test = Callable[[str, str, Any], bool]
CACHE_LIMIT = 200_000  # distinct token texts remembered before the memo starts afresh
_LEXEME_FLAGS = frozenset({
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
    "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL",
})


_UNCOMBINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)")  # back-references and global flags


def _anchored(pattern: str) -> bool:
    """True when every match of `pattern` starts at the beginning: "^" first and no "|" outside a group.

    Then `match` finds what `search` finds, without trying every later position.
    """
    if not pattern.startswith("^") or _UNCOMBINABLE.search(pattern):
        return False
    depth, i, n = 0, 1, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: skip to its end ("]" first, after an optional "^", is a member)
            i += 1
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


def _any_search(patterns: list[str]) -> Callable[[str], Any] | None:
    """One search that finds something iff one of `patterns` would: most words match none, and one
    pass over a word beats one per pattern. None when there is nothing to gain or it cannot be built."""
    if len(patterns) < 2 or any(_UNCOMBINABLE.search(p) for p in patterns):
        return None
    try:
        if all(_anchored(p) for p in patterns):  # one anchor for all: the engine tries position 0 only
            return re.compile("^(?:" + "|".join(f"(?:{p[1:]})" for p in patterns) + ")").match
        return re.compile("|".join(f"(?:{p})" for p in patterns)).search
    except re.error:
        return None


_Regex = tuple[int, Callable[[str], Any], str]  # (test bit, pattern.match or .search, pattern)
_Bucket = tuple[Callable[[str], Any] | None, list[_Regex]]  # ("does any of these match?", these)
_BUCKET_SIZE = 8


def _buckets(group: list[_Regex]) -> list[_Bucket]:
    """`group` cut into buckets, each with one search that finds something iff one of its patterns would.

    A word that some pattern of the group matches (a capitalised word, a number: a third of the words in news)
    is then tried against the patterns of the buckets that match it, not against every pattern: ~17 searches
    instead of ~60 with the time patterns."""
    out: list[_Bucket] = []
    for k in range(0, len(group), _BUCKET_SIZE):
        members = group[k:k + _BUCKET_SIZE]
        out.append((_any_search([p for _, _, p in members]), members))
    return out


class UnsupportedPattern(ValueError):
    """A pattern uses a token attribute that depends on more than the token's text."""


def _text_getter(attr: str, getters: dict[int, Callable[[str], Any]]) -> Callable[[str, str, Any], Any]:
    if attr in ("ORTH", "TEXT"):
        return lambda text, lower, lex: text
    if attr == "LOWER":
        return lambda text, lower, lex: lower
    if attr == "LENGTH":
        return lambda text, lower, lex: len(text)
    compute = getters.get(IDS.get(attr, -1))
    if attr in ("NORM", "SHAPE", "PREFIX", "SUFFIX"):
        if compute is not None:  # what spaCy stores on a new word: the getter's value on its text
            return lambda text, lower, lex: compute(text)
        name = attr.lower() + "_"
        return lambda text, lower, lex: getattr(lex, name)
    if attr in _LEXEME_FLAGS:
        if compute is not None:
            return lambda text, lower, lex: bool(compute(text))
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
        self._getters = word_getters(vocab)  # spaCy's lexical attributes, computed from a word's text
        self._spec_ids: dict[str, int] = {}
        self._spec_masks: list[int] = []  # per spec: the test bits it needs
        self._specs_of_test: dict[int, list[tuple[int, int]]] = {}  # test bit -> (spec bit, mask) needing it
        self._empty_specs = 0  # specs with no test ({}): every word satisfies them
        self._test_ids: dict[str, int] = {}
        self._index: dict[str, dict[str, int]] = {"ORTH": {}, "LOWER": {}}
        self._negated = 0  # NOT_IN tests: the index marks membership, the truth is its opposite
        self._other: list[tuple[int, Test]] = []
        # On lower case or not -> (bit, pattern.match or .search, pattern) of each REGEX test.
        self._regex: dict[bool, list[_Regex]] = {False: [], True: []}
        # Per group, "does any match?" for the whole group and then for each bucket of it (see _buckets).
        self._any_regex: dict[bool, tuple[Callable[[str], Any] | None, list[_Bucket]]] | None = None
        self._bits_of_passed: dict[int, int] = {}  # tests passed -> specs satisfied (words share a few)
        self._needs_lexeme = False
        # Words are read as class ids: small ints standing for one bitset each, so the matcher loop
        # hashes and compares small ints, not 300-bit ones. Class 0 is the empty bitset.
        self.memo: dict[str, int] = {}  # word -> class id; read directly by the matcher loop
        self.classes: list[int] = [0]  # class id -> bitset
        self._class_of: dict[int, int] = {0: 0}
        self.generation = 0  # bumped when class ids are reassigned: callers drop what they keyed on them

    def spec_bit(self, spec: dict[str, Any]) -> int:
        """Register one token spec (without OP); return its bit."""
        canonical = json.dumps(spec, sort_keys=True, ensure_ascii=False)
        if canonical not in self._spec_ids:
            mask = 0
            for attr, value in spec.items():
                tests = value.items() if isinstance(value, dict) else [("==", value)]
                for op, arg in tests:
                    mask |= self._test(attr.upper(), op, arg)
            spec_flag = 1 << len(self._spec_masks)
            self._spec_ids[canonical] = len(self._spec_masks)
            self._spec_masks.append(mask)
            self._bits_of_passed.clear()
            if not mask:
                self._empty_specs |= spec_flag
            rest = mask
            while rest:
                test = rest & -rest
                rest ^= test
                self._specs_of_test.setdefault(test, []).append((spec_flag, mask))
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
        if op == "REGEX" and attr in ("ORTH", "TEXT", "LOWER"):  # the most common test: no wrappers
            rx = re.compile(arg)
            self._regex[attr == "LOWER"].append((bit, rx.match if _anchored(arg) else rx.search, arg))
            self._any_regex = None
            return bit
        get, check = _text_getter(attr, self._getters), _compare(op, arg)
        self._other.append((bit, lambda t, lo, lx: check(get(t, lo, lx))))
        self._needs_lexeme = self._needs_lexeme or (attr in _NEEDS_LEXEME and IDS.get(attr, -1) not in self._getters)
        return bit

    def _specs_satisfied(self, passed: int) -> int:
        """The bitset of specs whose every test is among `passed`."""
        if len(self._bits_of_passed) >= CACHE_LIMIT:
            self._bits_of_passed.clear()
        bits = self._empty_specs
        rest = passed
        while rest:  # only specs that need a test the word passed can be satisfied by it
            test = rest & -rest
            rest ^= test
            for spec, mask in self._specs_of_test.get(test, ()):
                if passed & mask == mask:
                    bits |= spec
        return bits

    def trim(self) -> None:
        """Start the memo afresh once it is full, and the class ids too once there are many.

        Called between docs, never while one is read: class ids handed out for a doc stay valid
        until it is done. `generation` changes when ids are reassigned.
        """
        if len(self.memo) >= CACHE_LIMIT:
            self.memo.clear()
            if len(self.classes) >= CACHE_LIMIT // 4:
                del self.classes[1:]
                self._class_of = {0: 0}
                self.generation += 1

    def __call__(self, text: str) -> int:
        """The class id of `text`: the index in `classes` of the bitset of specs it satisfies (memoised)."""
        found = self.memo.get(text)
        if found is None:
            lower = text.lower()  # spaCy's LOWER is str.lower of the text
            passed = (self._index["LOWER"].get(lower, 0) | self._index["ORTH"].get(text, 0)) ^ self._negated
            lex = self._vocab[text] if self._needs_lexeme else None
            if self._any_regex is None:
                self._any_regex = {on: (_any_search([p for _, _, p in group]), _buckets(group))
                                   for on, group in self._regex.items()}
            for on_lower, (search_any, buckets) in self._any_regex.items():
                target = lower if on_lower else text
                if not buckets or (search_any is not None and search_any(target) is None):
                    continue  # none of this group's patterns can match: skip them all
                for bucket_any, members in buckets:
                    if bucket_any is not None and bucket_any(target) is None:
                        continue
                    for bit, search, _ in members:
                        if search(target) is not None:
                            passed |= bit
            for bit, test in self._other:
                if test(text, lower, lex):
                    passed |= bit
            bits = self._bits_of_passed.get(passed)
            if bits is None:
                bits = self._bits_of_passed[passed] = self._specs_satisfied(passed)
            found = self._class_of.get(bits)
            if found is None:
                found = self._class_of[bits] = len(self.classes)
                self.classes.append(bits)
            self.memo[text] = found
        return found
