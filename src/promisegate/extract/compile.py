"""Compile spaCy token patterns into a matcher whose per-token tests run once per word, not per token.

spaCy's Matcher evaluates every REGEX and IN predicate in Python, on every token, for every pattern
that could start there: with ~170 time patterns that was ~30 ms for a 2 KB email. Every test the
pattern files use depends on the token's text alone, so here each distinct text is classified once
(which token specs it satisfies, as one int bitset named by a small class id, memoised process-wide;
see word_classes.py); a pattern is tried only at tokens whose bits, with the next token's, can begin
it; and each pattern is tried by straight-line Python generated for it (_specialise), or, in the mypyc
build (native.py), by compiled code reading each token's bits as bytes (_try, _match_bytes), where a test
on a long int bitset would allocate one. The starts' patterns are kept in a table of lists indexed by the
two tokens' views, which the compiled loop reads without building a key. The result is the same set
of (pattern, start, end) as spaCy's Matcher (and its greedy="LONGEST" filter when asked); patterns keep
spaCy's JSON syntax and are validated with spaCy's schema by the loaders.
tests/extract/test_times_engine.py checks the equality against spaCy on the fixtures and test cases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress
from typing import Any, cast

from spacy.vocab import Vocab

from promisegate import native
from promisegate.extract.word_classes import CACHE_LIMIT, UnsupportedPattern, WordClasses

_INF = 1 << 30
_QUANTIFIER = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _bounds(op: str | None) -> tuple[int, int, bool]:
    """(min, max, negated) repetitions of a token spec under spaCy's OP syntax."""
    simple = {None: (1, 1, False), "?": (0, 1, False), "*": (0, _INF, False), "+": (1, _INF, False), "!": (1, 1, True)}
    if op in simple:
        return simple[op]
    m = _QUANTIFIER.match(op or "")
    if not m:
        raise UnsupportedPattern(f"OP {op!r} is not supported")
    lo, comma, hi = m.groups()
    low = int(lo or 0)
    high = int(hi) if hi else (_INF if comma else low)
    return low, high, False


_SEEN = 2  # tokens a start is judged by before its patterns are tried
# One pattern element: (bit of its token spec, min repeats, max repeats, negated).
_Element = tuple[int, int, int, bool]


class CompiledMatcher:
    """All matches of a list of keyed patterns, as spaCy's Matcher would report them."""

    def __init__(
        self, vocab: Vocab, patterns: Iterable[tuple[str, list[dict[str, Any]]]], longest: bool = False,
        anchored: Collection[str] = (),
    ) -> None:
        """Compile `(key, pattern)` pairs; raise UnsupportedPattern for non-lexical token tests.

        `longest` filters each key's matches as spaCy's `greedy="LONGEST"` does. The keys in `anchored` are
        tried only at the starts a call names (see `__call__`), when it names any.
        """
        self._longest = longest
        self.classify = WordClasses(vocab)
        self.keys: list[str] = []
        self._patterns: list[tuple[_Element, ...]] = []
        for key, pattern in patterns:
            self.keys.append(key)
            self._patterns.append(tuple(self._element(spec) for spec in pattern))
        self._matchers = [_specialise(elements) for elements in self._patterns]
        # Compiled (mypyc), a pattern is tried by `_match_bytes` over each token's bits as bytes: a test is then a
        # byte and a mask, where a test on a long int allocates one (see `_match_bytes`). Interpreted, the code
        # written for each pattern is faster.
        self._bytewise = native.active
        self._width = max((bit.bit_length() for elements in self._patterns for bit, _, _, _ in elements),
                          default=0) // 8 + 1  # bytes of a token's bits
        self._rows: list[bytes] = []  # class id -> its bits, little-endian in _width bytes
        self._tests = [(
            [(bit.bit_length() - 1) >> 3 for bit, _, _, _ in elements],  # byte of each element's bit
            [1 << ((bit.bit_length() - 1) & 7) for bit, _, _, _ in elements],  # and its mask there
            [low for _, low, _, _ in elements], [high for _, _, high, _ in elements],
        ) for elements in self._patterns]
        self._anchored = [key in anchored for key in self.keys]
        # "!" tokens are too rare to reason about when filtering starts: such patterns are always tried.
        self._has_negated = [any(negated for _, _, _, negated in elements) for elements in self._patterns]
        # A start is judged by its first two tokens, each seen only through the bits some element could
        # test there (an element k can read token j only if the elements before it need at most j tokens):
        # most words then look alike, so the verdicts, memoised on those views, are nearly always known.
        # (Judging three tokens tries fewer patterns but meets unseen triples far more often in new text.)
        self._relevant = [0] * _SEEN
        for elements in self._patterns:
            least = 0
            for bit, low, _, _ in elements:
                for j in range(least, _SEEN):
                    self._relevant[j] |= bit
                least += low
        self._views: list[dict[int, int]] = [{0: 0} for _ in range(_SEEN)]  # per position: seen bits -> view id
        self._view_bits: list[list[int]] = [[0] for _ in range(_SEEN)]  # per position: view id -> seen bits
        self._view_of: list[list[int]] = [[0] for _ in range(_SEEN)]  # per position: class id -> view id
        self._generation = self.classify.generation
        # [view of a token][view of the next] -> the patterns to try there, as (those that may start anywhere, those
        # that must open a clause), or () when there are none; None where not worked out yet
        self._table: list[list[_Openers | None]] = []
        self._in_table = 0
        # How each pattern can read its first two tokens, by the bit of the element that reads the first:
        # bit -> [(pattern, bits one of which the second token needs, or _ANY when it may end there)].
        self._openers: dict[int, list[tuple[int, int]]] = {}
        for p, elements in enumerate(self._patterns):
            if not self._has_negated[p]:
                for bit, after in _first_two(elements).items():
                    self._openers.setdefault(bit, []).append((p, after))
        self._always = tuple(p for p, negated in enumerate(self._has_negated) if negated)
        self._any_negated = bool(self._always)
        self._all_viable = [True] * len(self._patterns)
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

    def _see(self, cid: int) -> None:
        """Record what each judged position sees of class `cid`."""
        bits = self.classify.classes[cid]
        for j in range(_SEEN):
            table = self._view_of[j]
            while len(table) <= cid:
                table.append(-1)
            if table[cid] < 0:
                seen = bits & self._relevant[j]
                view = self._views[j].get(seen)
                if view is None:
                    view = self._views[j][seen] = len(self._view_bits[j])
                    self._view_bits[j].append(seen)
                table[cid] = view

    def _openable(self, v0: int, v1: int) -> _Openers:
        """Patterns that can read the first tokens of a span seen as views `v0` and `v1` (this token and the next)."""
        first, second = self._view_bits[0][v0], self._view_bits[1][v1]
        if self._in_table >= CACHE_LIMIT:
            self._table, self._in_table = [], 0
        able: set[int] = set(self._always)
        rest = first
        while rest:  # each spec the first token satisfies, and the patterns that can open with it
            bit = rest & -rest
            rest ^= bit
            for p, after in self._openers.get(bit, ()):
                if after == _ANY or second & after:
                    able.add(p)
        anchored = self._anchored
        found: _Openers = (tuple(p for p in sorted(able) if not anchored[p]),
                           tuple(p for p in sorted(able) if anchored[p])) if able else ()
        table = self._table
        while len(table) <= v0:
            table.append([])
        row = table[v0]
        while len(row) <= v1:
            row.append(None)
        row[v1] = found
        self._in_table += 1
        return found

    def __call__(self, texts: Sequence[str], anchors: Collection[int] | None = None,
                 skip: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int]]:
        """Every `(key, start, end)` whose pattern matches `texts[start:end]`, in spaCy's order.

        With `anchors`, the anchored patterns are tried only at those starts: where else they match, the caller
        has no use for the match (a pattern that must open a clause, and the clauses' first tokens). No match
        starts in a `skip` range `[start, end)` (text the caller reads nothing in, such as quoted mail).
        """
        classify = self.classify
        classify.trim()
        # map() runs these per-token loops in C: at ~700 tokens an email, bytecode per token adds up.
        known = list(map(classify.memo.get, texts))
        ids = [classify(t) if c is None else c for t, c in zip(texts, known, strict=True)] if None in known \
            else cast(list[int], known)
        if not ids:
            return []
        if classify.generation != self._generation:  # class ids were reassigned: what was keyed on them goes
            self._generation = classify.generation
            self._view_of = [[0] for _ in range(_SEEN)]
            self._rows = []
        classes = classify.classes
        view_of = self._view_of
        distinct = set(ids)
        for c in distinct:
            if c >= len(view_of[-1]) or view_of[-1][c] < 0:
                self._see(c)
        n = len(ids)
        if self._bytewise:  # a compiled try costs less than telling that it cannot match (below)
            viable = self._all_viable
        else:
            present = 0  # every spec some token satisfies: a pattern can match only if its required ones are all there
            for c in distinct:
                present |= classes[c]
            viable = [present & mask == mask for mask in self._required]
        bits: list[int] = []  # (compiled, only a pattern with a "!" token reads them: see _try)
        if not self._bytewise or self._any_negated:
            bits = list(map(classes.__getitem__, ids))
            bits.append(0)  # the token "after" the last one (class 0, the empty bitset): it stops every run
        ids.append(0)
        v0_of, v1_of, table = view_of[0], view_of[1], self._table
        opened_at: list[_Openers] = []
        for i in range(n):  # (a loop the mypyc build compiles: two list reads a token, no tuple, no hash)
            v0, v1 = v0_of[ids[i]], v1_of[ids[i + 1]]
            row = table[v0] if v0 < len(table) else None
            openers = row[v1] if row is not None and v1 < len(row) else None
            opened_at.append(self._openable(v0, v1) if openers is None else openers)
        for lo, hi in skip:  # slice assignments, in C
            lo, hi = max(lo, 0), min(hi, n)
            if lo < hi:
                opened_at[lo:hi] = [()] * (hi - lo)
        found: set[tuple[int, int, int]] = set()
        if self._bytewise:
            rows = self._rows
            for c in range(len(rows), len(classes)):
                rows.append(classes[c].to_bytes(self._width, "little"))
            on = [rows[c] for c in ids]  # (ids ends with class 0, no bits: the padding)
        else:
            on = []
        at_anchors = anchors is not None  # the patterns that must open a clause are tried there only
        for start in compress(range(n), opened_at):  # only starts where some pattern can open
            free, anchored = opened_at[start]
            for p in free if at_anchors else free + anchored:
                if viable[p]:
                    self._try(p, start, bits, on, found)
        if at_anchors:
            for start in sorted(anchors or ()):
                openers = opened_at[start] if 0 <= start < n else ()
                for p in openers[1] if openers else ():
                    if viable[p]:
                        self._try(p, start, bits, on, found)
        # spaCy reports a match when its last token is read, pattern by pattern.
        names = self.keys
        raw = [(names[p], s, e) for e, p, s in sorted(found)]
        return _keep_longest(raw) if self._longest else raw

    def _try(self, p: int, start: int, bits: list[int], on: list[bytes], found: set[tuple[int, int, int]]) -> None:
        """Add to `found` the matches of pattern `p` from token `start`: over the tokens' bits as bytes (`on`) when
        compiled, by the code written for the pattern when interpreted."""
        if self._bytewise and not self._has_negated[p]:
            at, mask, low, high = self._tests[p]
            _match_bytes(on, start, start, 0, found, p, at, mask, low, high)
        else:
            self._matchers[p](bits, start, len(bits) - 1, found, p)  # (bits end with the padding)


_ANY = -1  # a pattern that may end after its first token opens whatever follows
_Openers = tuple[tuple[int, ...], ...]  # (free, anchored): the patterns that can open at a token; () if none


def _first_two(elements: tuple[_Element, ...]) -> dict[int, int]:
    """How `elements` can read two tokens (or one and then end): for each element bit that can read the first,
    the bits one of which the second token must have, or _ANY when the pattern may end after the first.

    A run still inside a repeat at the second token opens too: a start is judged by its first tokens only.
    """
    out: dict[int, int] = {}
    last = len(elements)
    for k, (bit, low, high, _) in enumerate(elements):
        if high >= 1:
            after = bit if high > 1 else 0  # the element itself reads the second token too
            if low <= 1:
                j = k + 1
                while j < last:
                    after |= elements[j][0] if elements[j][2] >= 1 else 0
                    if elements[j][1] > 0:
                        break
                    j += 1
                else:
                    after = _ANY  # everything after k may be skipped: the pattern ends here
            out[bit] = _ANY if _ANY in (after, out.get(bit)) else out.get(bit, 0) | after
        if low > 0:
            break  # element k must read a token: no later element can read the first
    return out


def _keep_longest(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Per key, the longest non-overlapping matches (spaCy's greedy="LONGEST" filter)."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for key, start, end in matches:
        by_key.setdefault(key, []).append((start, end))
    out: list[tuple[str, int, int]] = []
    for key, pairs in by_key.items():
        if len(pairs) == 1:  # the usual case: nothing to choose between
            out.append((key, *pairs[0]))
            continue
        taken: list[tuple[int, int]] = []
        for start, end in sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                out.append((key, start, end))
    return out


def _match(
    elements: tuple[_Element, ...], p: int, start: int, bits: list[int], n: int, found: set[tuple[int, int, int]]
) -> None:
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


def _match_bytes(rows: list[bytes], start: int, pos: int, k: int, found: set[tuple[int, int, int]], p: int,
                 at: list[int], mask: list[int], low: list[int], high: list[int]) -> None:
    """`_match` over each token's bits as bytes, from element `k` at token `pos`: element k accepts a token whose
    byte `at[k]` has `mask[k]` set, from `low[k]` to `high[k]` times. `rows` ends with a row of no bits, which
    stops every run. (No "!" elements.) Elements read once are followed in a loop; a repeat, by a call per end."""
    last = len(at)
    while k < last:
        lo, hi = low[k], high[k]
        if lo == 1 and hi == 1:
            if not rows[pos][at[k]] & mask[k]:
                return
            pos += 1
            k += 1
            continue
        if lo == 0:
            _match_bytes(rows, start, pos, k + 1, found, p, at, mask, low, high)
        byte, bit = at[k], mask[k]
        count = 0
        while count < hi and rows[pos][byte] & bit:
            pos += 1
            count += 1
            if count >= lo:
                _match_bytes(rows, start, pos, k + 1, found, p, at, mask, low, high)
        return
    if pos > start:
        found.add((pos, p, start))


# Signature of a pattern's matcher: (bits, start, n, found, pattern index) -> None, adding to found.
_Matcher = Callable[[list[int], int, int, set[tuple[int, int, int]], int], None]
_MAX_SPECIALISED = 12  # elements; Python allows 20 nested blocks and each element opens up to one


def _specialise(elements: tuple[_Element, ...]) -> _Matcher:
    """A matcher for one pattern written out as straight-line Python: the same result as `_match`.

    `_match` interprets the pattern with an explicit stack; here each element becomes an `if`
    (exactly one token) or a loop over the ends its repeats can reach, nested in pattern order, so a
    typical pattern costs a few bit tests. Requires `bits` to be followed by a 0 (which no
    non-negated spec accepts): that padding is what stops a run at the end of the doc. Patterns
    with a "!" token, or too long to nest, use `_match`.
    """
    if any(negated for _, _, _, negated in elements) or len(elements) > _MAX_SPECIALISED:
        return lambda bits, start, n, found, p: _match(elements, p, start, bits, n, found)
    lines = ["def match(b, start, n, found, p):", "    p0 = start"]
    indent = "    "
    for k, (bit, low, high, _) in enumerate(elements):
        here, nxt = f"p{k}", f"p{k + 1}"
        if low == 1 and high == 1:
            lines += [f"{indent}if b[{here}] & {bit}:", f"{indent}    {nxt} = {here} + 1"]
        else:
            ends, limit = f"ends{k}", "" if high >= _INF else f"c < {high} and "
            lines += [
                f"{indent}{ends} = [{here}]" if low == 0 else f"{indent}{ends} = []",
                f"{indent}q = {here}",
                f"{indent}c = 0",
                f"{indent}while {limit}b[q] & {bit}:",
                f"{indent}    q += 1",
                f"{indent}    c += 1",
            ]
            lines += (
                [f"{indent}    {ends}.append(q)"]
                if low <= 1
                else [f"{indent}    if c >= {low}:", f"{indent}        {ends}.append(q)"]
            )
            lines += [f"{indent}for {nxt} in {ends}:"]
        indent += "    "
    last = f"p{len(elements)}"
    if all(low == 0 for _, low, _, _ in elements):
        lines += [f"{indent}if {last} > start:", f"{indent}    found.add(({last}, p, start))"]
    else:
        lines += [f"{indent}found.add(({last}, p, start))"]
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<pattern>", "exec"), namespace)  # our own code, generated above from the pattern
    return cast(_Matcher, namespace["match"])


__all__ = ["CompiledMatcher", "UnsupportedPattern", "WordClasses"]
