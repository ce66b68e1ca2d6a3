"""The fast paths give exactly what spaCy gives: compiled matchers vs spaCy's Matcher, parse() vs nlp()."""

from __future__ import annotations

import json
import re
from datetime import datetime
from email import policy
from email.parser import BytesParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern

from promisegate.extract import extract, reload_patterns, word_classes
from promisegate.extract.commit_cues import _phrase_regex
from promisegate.extract.commit_rules import _strip_anchor, load_rules
from promisegate.extract.commit_units import _quoted_lines
from promisegate.extract.compile import CompiledMatcher, UnsupportedPattern
from promisegate.extract.lexicon import load_lexicon as load_commit_lexicon
from promisegate.extract.nlp import get_nlp, parse, sentence_bounds, token_columns
from promisegate.extract.pattern_lists import expand_lists
from promisegate.extract.time_lexicon import load_lexicon
from promisegate.extract.times import get_engine
from promisegate.extract.word_classes import _anchored, _any_search
from promisegate.paths import bundled
from tests.extract.test_times_cases import NEGATIVE, POSITIVE

RULES = bundled("rules")


def _texts() -> list[str]:
    """Fixture email bodies plus every hand-written time case: prose, lists, quoted mail, signatures."""
    out = []
    for path in sorted((bundled("fixtures") / "emails").glob("*.eml")):
        msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        out.append(msg.get_body(preferencelist=("plain",)).get_content())  # type: ignore[union-attr]
    out += [c.text for c in POSITIVE] + [text for text, _ in NEGATIVE]
    out += ["", " ", "\n\n", "Hi.", "...", " leading space. Then more!! ok", "(see Inc.) vs. co. 3pm."]
    return out


TEXTS = _texts()


def _time_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    lexicon = load_lexicon(RULES / "lexicon" / "times.yaml")
    lines = (RULES / "patterns" / "times.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip() and not line.lstrip().startswith("//")]
    return [(e["id"], expand_lists(e["pattern"], lexicon.words)) for e in entries]


def _spacy_matches(patterns: list[tuple[str, list[dict[str, Any]]]], texts: list[str],
                   greedy: str | None = None) -> list[set[tuple[str, int, int]]]:
    nlp = get_nlp()
    matcher = Matcher(nlp.vocab)
    for key, pattern in patterns:
        matcher.add(key, [pattern], greedy=greedy)
    return [{(nlp.vocab.strings[k], s, e) for k, s, e in matcher(nlp(text))} for text in texts]


def test_time_matcher_equals_spacy_matcher() -> None:
    patterns = _time_patterns()
    compiled = get_engine().patterns.matcher
    want = _spacy_matches(patterns, TEXTS)
    for text, expected in zip(TEXTS, want, strict=True):
        assert set(compiled(token_columns(get_nlp()(text)).texts)) == expected, text[:80]


def test_commitment_matcher_equals_spacy_longest() -> None:
    rules = load_rules(get_nlp().vocab)
    lexicon = rules.lexicon
    lines = (RULES / "patterns" / "commitments.jsonl").read_text(encoding="utf-8").splitlines()
    patterns = []
    for lineno, line in enumerate(lines, 1):
        if line.strip() and not line.lstrip().startswith("//"):
            entry = json.loads(line)
            pattern, _ = _strip_anchor(expand_lists(entry["pattern"], lexicon.words))
            patterns.append((f"{entry['id']}#{lineno}", pattern))
    want = _spacy_matches(patterns, TEXTS, greedy="LONGEST")
    for text, expected in zip(TEXTS, want, strict=True):
        assert set(rules.matcher(token_columns(get_nlp()(text)).texts)) == expected, text[:80]


def test_patterns_tried_only_where_clauses_use_them_keep_the_hits_a_clause_can_use() -> None:
    # Matching the patterns that must open a clause only where a clause opens, and none outside the clauses
    # (quoted mail, the space between), gives the hits of matching them everywhere, less those the judge never
    # reads: on fixtures, cases, quoted replies and wrapped text.
    from promisegate.extract.commit_units import clauses
    from promisegate.extract.commitments import _anchor

    rules = load_rules(get_nlp().vocab)
    texts = [*TEXTS, *(t.replace(" ", "\n", 3) for t in TEXTS), *("> " + t.replace("\n", "\n> ") for t in TEXTS)]
    for text in texts:
        doc = parse(text)
        units = clauses(doc)
        anchors = {_anchor(token_columns(doc).texts, unit) for unit in units}
        ends = [(u.start, u.end) for u in units]
        gaps = [(a, b) for (_, a), (b, _) in zip([(0, 0), *ends], [*ends, (len(doc), 0)], strict=True) if a < b]
        everywhere = [h for h in rules.hits(doc) if (not h.anchored or h.start in anchors)
                      and any(s <= h.start < e for s, e in ends)]
        assert rules.hits(doc, anchors, gaps) == everywhere, text[:80]


@pytest.mark.parametrize("op", ["?", "*", "+", "!", "{2}", "{1,3}", "{2,}", "{,2}"])
def test_operators_match_spacy(op: str) -> None:
    pattern = [{"LOWER": "a"}, {"LOWER": {"IN": ["b", "c"]}, "OP": op}, {"TEXT": {"REGEX": "^d"}, "OP": "?"}]
    assert not validate_token_pattern(pattern)
    texts = ["a b c b d", "a a b d", "a", "a x d", "b a c c c c", "a d d"]
    want = _spacy_matches([("k", pattern)], texts)
    compiled = CompiledMatcher(get_nlp().vocab, [("k", pattern)])
    for text, expected in zip(texts, want, strict=True):
        assert set(compiled(text.split())) == expected, (op, text)


_WORDS = ["a", "b", "c", "d"]
_SPECS = [{"LOWER": "a"}, {"LOWER": {"IN": ["b", "c"]}}, {"TEXT": {"REGEX": "^[cd]$"}},
          {"LOWER": {"NOT_IN": ["a"]}}, {}]
_OPS = [None, "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.tuples(st.sampled_from(range(len(_SPECS))), st.sampled_from(_OPS)), min_size=1, max_size=5),
             min_size=1, max_size=4),
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=1, max_size=4),
)
def test_random_patterns_match_spacy(shapes: list[list[tuple[int, str | None]]], docs: list[list[str]]) -> None:
    # Several patterns at once, so starts are filtered for all of them together, as in the pattern files;
    # each runs through the code generated for it. Both must find exactly what spaCy's Matcher finds.
    patterns = []
    for k, shape in enumerate(shapes):
        pattern = [dict(_SPECS[spec], **({"OP": op} if op else {})) for spec, op in shape]
        if all(op in ("?", "*", "{0,2}") for _, op in shape):
            pattern.append(dict(_SPECS[0]))  # spaCy rejects patterns that can match nothing
        patterns.append((f"k{k}", pattern))
    texts = [" ".join(words) for words in docs]
    want = _spacy_matches(patterns, texts)
    compiled = CompiledMatcher(get_nlp().vocab, patterns)
    for text, expected in zip(texts, want, strict=True):
        assert set(compiled(text.split())) == expected, (patterns, text)


_LEXICAL_TESTS = [
    {"SHAPE": "Xxxxx"}, {"SHAPE": "dd:dd"}, {"NORM": "'s"}, {"LENGTH": 7}, {"IS_STOP": True},
    {"LIKE_URL": True}, {"LIKE_EMAIL": True}, {"IS_ASCII": False}, {"IS_UPPER": True}, {"IS_CURRENCY": True},
    {"IS_QUOTE": True}, {"IS_BRACKET": True}, {"IS_LEFT_PUNCT": True}, {"IS_RIGHT_PUNCT": True}, {"LIKE_NUM": True},
    {"IS_TITLE": True}, {"IS_DIGIT": True}, {"IS_PUNCT": True},
]


@pytest.mark.parametrize("spec", _LEXICAL_TESTS, ids=lambda spec: next(iter(spec)))
def test_lexical_attributes_match_a_full_pipeline(spec: dict[str, Any]) -> None:
    # The shared pipeline stores on its words only the attributes our code reads (spaCy computes ~25 for every
    # new word); a pattern testing any other is answered from the word's text as spaCy would store it. Words
    # never seen before included, checked against spaCy's Matcher on a pipeline that stores them all.
    import spacy

    text = ("Quokka9x Zebulon's ACME-77 ships 12:30 at http://zq-example.test/xy or to vqx@zq-example.test ; "
            "« ZQWV » [ok] (zq) $ 4,500 for 9001 and one Ünïcødé word, Fourteen quvixes on Qzlday")
    full = spacy.blank("en")
    matcher = Matcher(full.vocab)
    matcher.add("k", [[spec]])
    want = {(s, e) for _, s, e in matcher(full(text))}
    compiled = CompiledMatcher(get_nlp().vocab, [("k", [spec])])
    assert want, spec  # the text has a word of each kind
    assert {(s, e) for _, s, e in compiled(token_columns(get_nlp()(text)).texts)} == want


_REGEXES = [r"^\d+$", r"^[A-Z][a-z]+$", r"^[a-z]{2,5}$", r"\d", r"^(?i:q)[1-4]$", r"x$", r"^\d{1,2}(st|nd|rd|th)$",
            r"^[A-Z]{2,5}$", r"^\d{4}$", r"[aeiou]{2}", r"^(0?[1-9]|1[0-2])$", r"^\W+$", r"^\d+:\d\d$", r"^[a-z]+ing$",
            r"(\w)\1", r"^(?:Mon|Tue)\.?$", r"[-/]", r"^.$", r"^'", r"^mid$"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="aeinqsxtMTQZ019:-/'.", min_size=1, max_size=7), min_size=1, max_size=30))
def test_each_word_gets_exactly_the_regexes_it_matches(words: list[str]) -> None:
    # The regexes are tried a bucket at a time (a word tries the patterns of the buckets that match it): a word
    # must still satisfy exactly the specs whose regex finds something in it, on its text or its lower case.
    specs = [{"TEXT": {"REGEX": rx}} for rx in _REGEXES] + [{"LOWER": {"REGEX": rx}} for rx in _REGEXES]
    classes = word_classes.WordClasses(get_nlp().vocab)
    bits = [classes.spec_bit(spec) for spec in specs]
    for word in words:
        got = classes.classes[classes(word)]
        for spec, bit in zip(specs, bits, strict=True):
            attr, test = next(iter(spec.items()))
            want = re.search(test["REGEX"], word.lower() if attr == "LOWER" else word) is not None
            assert bool(got & bit) == want, (word, spec)


def test_non_lexical_attributes_are_refused() -> None:
    with pytest.raises(UnsupportedPattern):
        CompiledMatcher(get_nlp().vocab, [("k", [{"POS": "NOUN"}])])


def _columns(doc: Any) -> list[Any]:
    return doc.to_array([ORTH, IDX, SPACY, SENT_START]).tolist()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Hi", "we", "3pm", ".", "!", "?", "...", '"', ")", "(", "--", ",", "\n", "\n\n", "ÉTÉ",
                                 "e.g.", "Σ", "»"]), max_size=25))
def test_parse_equals_the_pipeline_on_random_punctuation(pieces: list[str]) -> None:
    # Sentence starts and token columns come from our own readers of the doc, not spaCy's: any run
    # of marks, quotes, brackets and line breaks must come out as spaCy's sentencizer has it.
    text = " ".join(pieces)
    want, got = get_nlp()(text), parse(text)
    assert _columns(got) == _columns(want)
    cols = token_columns(got)
    assert list(zip(cols.texts, cols.words, cols.idx, strict=True)) == [(t.text, t.lower_, t.idx) for t in want]


def test_parse_equals_the_pipeline() -> None:
    nlp = get_nlp()
    for text in TEXTS:
        want, got = nlp(text), parse(text)
        assert _columns(got) == _columns(want), text[:80]
        if len(want):
            assert sentence_bounds(got) == [(s.start, s.end) for s in want.sents]
        cols = token_columns(got)
        assert cols.source == text
        assert list(zip(cols.texts, cols.words, cols.idx, strict=True)) == [(t.text, t.lower_, t.idx) for t in want]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Inc.", "3pm", "a.m.", "don't", ":)", "(", ")", "!", ".", "?", "\n",
                                           "  ", "\t", "e.g.", "Mr.", "9am-5pm", "’s", "—", "O'Neil", "co."]),
                          st.text(max_size=6)), max_size=30))
def test_parse_equals_the_pipeline_on_any_text(parts: list[str]) -> None:
    text = "".join(parts)
    want, got = get_nlp()(text), parse(text)
    assert _columns(got) == _columns(want)
    assert token_columns(got).texts == [t.text for t in want]


def test_reload_keeps_compiled_patterns_working() -> None:
    reload_patterns()
    result = extract("Can we meet Friday at 3pm PT?", datetime(2024, 7, 10, 9, 0), "America/New_York")
    assert [t.text for t in result.times] == ["Friday at 3pm PT"]
    assert result.commitments or result.requests


def test_memoised_resolution_equals_a_fresh_one() -> None:
    """The interval memo is keyed on all it depends on: a warm engine answers as an empty one does."""
    bodies = [*TEXTS[:8], "by Friday at 3pm PT, or Monday", "the week of March 3-5 2024", "tomorrow 9am"]
    anchors = [(datetime(2024, 7, 10, 9, 0), "America/New_York"), (datetime(2024, 7, 10, 9, 0), "Asia/Tokyo"),
               (datetime(2024, 11, 3, 1, 30), "America/New_York"), (datetime(2023, 12, 31, 23, 59), "UTC")]
    engine = get_engine(None)
    warm = [[extract(text, now, tz).times for text in bodies] for now, tz in anchors]
    for (now, tz), want in zip(anchors[::-1], warm[::-1], strict=True):
        engine.resolved.clear()
        assert [extract(text, now, tz).times for text in bodies] == want


def test_phrase_regexes_match_what_a_flat_alternation_matches() -> None:
    # The cue regexes are built as tries for speed; they must accept exactly what one alternative per
    # phrase accepts, on every clause-like text we have and on each phrase itself.
    lexicon = load_commit_lexicon(RULES / "lexicon")
    lists = ["hypothetical", "hypothetical_phrases", "conditional", "past_markers", "boilerplate_phrases",
             "courtesy_openers", "courtesy_closers", "proposal_openers"]
    for name in lists:
        words = lexicon.words(name)
        flat = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                          + r")(?![\w])")
        trie = _phrase_regex(words)
        samples = [t.lower() for t in TEXTS] + list(words) + [f"x{w}" for w in words] + [f"{w}s" for w in words]
        for sample in samples:
            assert bool(trie.search(sample)) == bool(flat.search(sample)), (name, sample[:80])


def _quoted_reference(texts: list[str]) -> list[bool]:
    # The rule, token by token: a line whose first visible token starts with ">" is quoted from there on.
    quoted, at_line_start, in_quote = [], True, False
    for text in texts:
        if text.isspace() and "\n" in text:
            at_line_start, in_quote = True, False
        elif not text.isspace() and at_line_start:
            in_quote, at_line_start = text.startswith(">"), False
        quoted.append(in_quote and not (text.isspace() and "\n" in text))
    return quoted


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["> ", ">", "\n", "\n\n", " \n ", "  ", "we", "but", "will", ".", ";", ">>", "x>y",
                                 "\t", "\r\n", "Hi"]), max_size=20))
def test_quoted_lines_follow_the_token_rule(pieces: list[str]) -> None:
    texts = token_columns(parse(" ".join(pieces))).texts
    spaces = [i for i, text in enumerate(texts) if text.isspace()]
    got = [False] * len(texts)
    for start, end in _quoted_lines(texts, spaces):
        got[start:end] = [True] * (end - start)
    assert got == _quoted_reference(texts)


@pytest.mark.parametrize(("pattern", "anchored"), [
    ("^a", True), ("^a|b", False), ("^(a|b)", True), ("^[|]x", True), (r"^\|x", True), (r"^a\\|b", False),
    ("a", False), (r"^(x)\1", False), ("^[]|]x", True), ("^[^]|]x|y", False), (r"^[\]|]x", True), ("(?i)^a", False),
])
def test_anchored_patterns_are_recognised(pattern: str, anchored: bool) -> None:
    assert _anchored(pattern) is anchored


_TIME_REGEXES = sorted({str(test["REGEX"]) for _, pattern in _time_patterns() for spec in pattern
                        for test in spec.values() if isinstance(test, dict) and "REGEX" in test})


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789:./-apmAPMQqHhstndrh'’ ", max_size=8),
                 st.sampled_from(TEXTS[0].split())))
def test_combined_regex_finds_what_one_of_its_patterns_finds(word: str) -> None:
    # Words are classified with one search over all of a matcher's regexes first; it must never
    # miss a word that one of them matches (nor find one that none does).
    search_any = _any_search(_TIME_REGEXES)
    assert search_any is not None
    assert (search_any(word) is not None) == any(re.search(p, word) for p in _TIME_REGEXES)


def test_matches_survive_the_word_memo_starting_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    # With a tiny memo the class ids are reassigned between almost every pair of docs; what the
    # matcher keyed on the old ids must go with them, so every doc still matches as spaCy does.
    patterns = _time_patterns()
    texts = TEXTS[:40]
    want = _spacy_matches(patterns, texts)
    compiled = CompiledMatcher(get_nlp().vocab, patterns)
    monkeypatch.setattr(word_classes, "CACHE_LIMIT", 8)
    for text, expected in zip(texts * 2, want * 2, strict=True):
        assert set(compiled(token_columns(get_nlp()(text)).texts)) == expected, text[:80]
    assert compiled.classify.generation > 10
