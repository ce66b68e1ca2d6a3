"""The shared spaCy pipeline: blank English, our tokenizer exceptions, rule-based sentences.

No statistical model is required or downloaded; one is used only if installed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LENGTH,
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
)
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex
from spacy.vocab import Vocab

# spaCy splits "3pm" by exception only; clock times written "3:30pm", "430pm" or "10:30AM"
# must split the same way so one pattern ("3:30" + "pm") covers them all.
_CLOCK_SUFFIX = r"(?<=[0-9])(?:[aApP]\.?[mM]\.?)"
# Tweets glue a count to its unit ("5hrs", "2weeks", "30min call"): split them as "5 hrs" is.
_UNIT_SUFFIX = (r"(?<=[0-9])(?:[hH]rs?|[hH]ours?|[mM]ins?|[mM]inutes?|[sS]ecs?|[dD]ays?|[wW]ks?|[wW]eeks?"
                r"|[mM]onths?|[yY]rs?|[yY]ears?)")
# "See you Friday- thanks", "March 30th- can you": a dash typed straight after a word, then a space, ends the word
# (spaCy splits "Friday—thanks" and "Friday –" already; "pre- and post-sale" gives "pre" "-" as well).
_DASH_SUFFIX = r"(?<=[0-9A-Za-z])-"
_EXTRA_INFIXES = (
    r"(?<=[0-9])[–—](?=[0-9])",  # "March 3–5": en/em dash between numbers is a range
    r"(?<=[0-9][aApP][mM])[-–—](?=[0-9])",  # "9am-5pm", "11pm–3am"
    r"(?<=[0-9](?:st|nd|rd|th|ST|ND|RD|TH))[-–—](?=[0-9])",  # "the 8th-10th of December"
    r"(?<=\b[mM][iI][dD])-(?=[0-9])",  # "mid-2027" (spaCy splits "mid-December" already)
    r"(?<=\b(?i:noon))[-–—](?=[0-9])",  # "noon-1pm"
    r"(?<=[0-9])[-–—](?=(?i:noon|midnight)\b)",  # "11-noon", "11am-noon", "10pm-midnight"
    r"(?<=[a-zA-Z]),(?=[0-9])",  # "sat,7pm"
    r"(?<=:[0-5][0-9])/(?=[0-9])",  # "7:30/8:00 AM": two clock times offered (a date's slash has no colon before)
    r"(?<=[0-9]),(?=(?:19|20)[0-9]{2}$)",  # "June 30,2015"
)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide blank English pipeline with a sentencizer."""
    nlp = spacy.blank("en")
    vocab: Any = nlp.vocab  # (spaCy's stubs name neither lex_attr_getters nor the tokenizer's regex hooks)
    _word_getters.append((vocab, dict(vocab.lex_attr_getters)))
    vocab.lex_attr_getters = {attr: get for attr, get in vocab.lex_attr_getters.items() if attr in _TOKEN_ATTRS}
    tokenizer: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    suffixes = [*defaults.suffixes, _CLOCK_SUFFIX, _UNIT_SUFFIX, _DASH_SUFFIX]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = [*defaults.infixes, *_EXTRA_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer")
    from promisegate.extract.commit_rules import hyphenated_words  # it imports this module

    _keep_whole(tokenizer, hyphenated_words())  # the bundled rules' words, before any text is read
    _add_whole(tokenizer, (*_WEEKDAY_NOT_WE_D, *WEEKDAY_ABBREVIATIONS, *_TODAY_GLUED))
    return nlp


# spaCy works out ~25 attributes of every word new to its Vocab (shape, norm, prefix, stop word, like_url, ...), a
# tenth of the time on mail full of new names, numbers and links. Its words keep the ones our code and the bundled
# patterns read; a pattern may still test any other (word_classes asks spaCy's own getter, kept here, on the text).
_TOKEN_ATTRS = frozenset({LOWER, IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, LIKE_NUM})
_word_getters: list[tuple[Vocab, dict[int, Callable[[str], Any]]]] = []


def word_getters(vocab: Vocab) -> dict[int, Callable[[str], Any]]:
    """spaCy's functions computing each lexical attribute of a word of `vocab` from its text (attribute id -> getter),
    including those the shared pipeline no longer stores on its words."""
    for known, getters in _word_getters:
        if known is vocab:
            return getters
    return dict(cast(Any, vocab).lex_attr_getters)


# Tweets write "today" as "2day": it is no count glued to its unit (which "2days" is).
_TODAY_GLUED = ("2day", "2Day", "2DAY")
# spaCy reads "Wed" as "We'd" written without its apostrophe ("We" + "d"); in mail it is Wednesday
# ("on Wed", "Wed 11/25"). Lower-case "wed" stays spaCy's.
_WEEKDAY_NOT_WE_D = ("Wed", "WED")
# "Tues., Dec. 8": a weekday abbreviated with a full stop is one token, as spaCy keeps "Dec." (capitalised only:
# "sat." and "sun." end sentences).
WEEKDAY_ABBREVIATIONS = ("Mon.", "Tue.", "Tues.", "Wed.", "Weds.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.")


def keep_whole(words: Iterable[str]) -> None:
    """Keep each of `words` ("kick-off", "go-live") one token, as written, lower case, capitalised or upper."""
    _keep_whole(get_nlp().tokenizer, words)


def _keep_whole(tokenizer: Any, words: Iterable[str]) -> None:
    forms = {form for w in words for form in (w, w.lower(), w.capitalize(), w.upper(), w.title())}
    _add_whole(tokenizer, forms - set(tokenizer.rules))  # spaCy's own exceptions stay


def _add_whole(tokenizer: Any, forms: Iterable[str]) -> None:
    """Make each of `forms`, exactly as written, one token (replacing a spaCy exception for it)."""
    forms = set(forms)
    for form in sorted(forms):
        tokenizer.add_special_case(form, [{ORTH: form}])
    if forms:
        _warmed.clear()  # spaCy empties its chunk cache on a new special case
        _sighted.clear()


# spaCy caches each whitespace-separated chunk's tokens, but stops caching for the rest of a text
# once one chunk involves a special case (tokenizer.pyx shares one `has_special` flag across the
# text), so in email nearly nothing is cached and tokenising costs ~5 µs a token. A chunk tokenised
# on its own is cached, and tokenisation is chunk-local, so warming new chunks one by one gives the
# same tokens at a tenth of the cost.
_WARM_LIMIT = 500_000
_warmed: set[str] = set()
# A long-running gateway meets new words in every message (names, order numbers, links), and spaCy keeps
# every word it has seen in its Vocab for good, so extract() reads each text inside a memory zone: what the
# text adds to the Vocab is freed when it is done. Only chunks met a second time are kept, and cached, from
# outside a zone (`remember`), up to _LASTING_CHUNKS of them: past that no new chunk is kept (each holds a few
# words; spaCy's len(vocab) counts the freed words too, so it cannot tell).
_LASTING_CHUNKS = 100_000
_SIGHTED_LIMIT = 200_000
_sighted: set[str] = set()  # chunks met once, not yet kept
_kept = [0]  # chunks kept by remember() so far


def remember(text: str) -> None:
    """Warm the chunks of `text` met before, so spaCy caches their tokens and keeps their words for good.

    Call it outside a memory zone, before reading `text` in one: a chunk met for the first time is only
    noted, and read in the zone, where the words it adds are freed afterwards.
    """
    nlp = get_nlp()
    if cast(Any, nlp.vocab).in_memory_zone:
        raise RuntimeError("remember() keeps words for good: call it outside a memory zone")
    tokenizer = nlp.tokenizer
    warmed, sighted = _warmed, _sighted
    _trim_warmed(tokenizer)
    if len(sighted) > _SIGHTED_LIMIT:
        sighted.clear()
    chunks = _chunks(text)
    if warmed.issuperset(chunks):
        return  # the usual case for mail like mail already read: one test in C
    for chunk in chunks:
        if chunk in warmed:
            continue
        if chunk not in sighted:
            sighted.add(chunk)
        elif _kept[0] < _LASTING_CHUNKS:
            tokenizer(chunk)
            warmed.add(chunk)
            sighted.discard(chunk)
            _kept[0] += 1


def _chunks(text: str) -> list[str]:
    """The chunks spaCy's tokenizer caches: the words between whitespace, and the runs of whitespace other than
    one space, less a space that opens one (it goes to the word before): a blank line is a token too."""
    runs = _BREAK_RUNS.findall(text)  # from the first whitespace that is no space: " \n" is read as "\n"
    if "  " in text:
        runs += [run[1:] for run in _SPACE_RUNS.findall(text)]
    return [*text.split(), *runs]


# Whitespace other than the space (str.isspace), listed out: a class of plain characters is found by a fast
# scan, where "\s{2,}|[^\S ]" tried every position (~60 µs on a 3 KB email, a fifth of that now). A run that
# opens with two spaces is read from its second; the odd chunk warmed that spaCy never meets costs nothing.
_BREAK_RUNS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]\\s*")
_SPACE_RUNS = re.compile(r"  +\s*")


def _trim_warmed(tokenizer: Any) -> None:
    if len(_warmed) > _WARM_LIMIT:
        _warmed.clear()
        tokenizer.rules = tokenizer.rules  # the setter empties spaCy's chunk cache too: memory stays bounded


def parse(text: str) -> Doc:
    """Tokenise `text` and mark its sentences with the shared pipeline (same Doc as `get_nlp()(text)`).

    Outside a memory zone every new chunk is warmed (cached, its words kept); inside one nothing is, as
    spaCy caches nothing there (see `remember`).
    """
    nlp = get_nlp()
    tokenizer = nlp.tokenizer
    if not cast(Any, nlp.vocab).in_memory_zone:
        warmed = _warmed
        _trim_warmed(tokenizer)
        for chunk in _chunks(text):
            if chunk not in warmed:
                tokenizer(chunk)
                warmed.add(chunk)
    if nlp.pipe_names != ["sentencizer"]:
        return nlp(text)
    doc = tokenizer(text)
    punct = cast(Any, nlp.get_pipe("sentencizer")).punct_chars
    starts = _sentence_starts(token_columns(doc, text).texts, punct, doc.vocab)
    # spaCy takes uint64 columns; -1 wraps and comes back as -1 in the int field.
    doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


_punct: dict[str, bool] = {}


def _sentence_starts(texts: list[str], punct_chars: set[str], vocab: Vocab) -> list[int]:
    """spaCy's Sentencizer (1 = starts a sentence, -1 = does not), over token texts instead of Tokens.

    A sentence starts at the first token after a sentence-final mark (".", "!", "?" ...) that is
    neither such a mark nor punctuation (a closing quote or bracket stays with its sentence).
    """
    n = len(texts)
    starts = [-1] * n
    if not texts:
        return starts
    if len(_punct) > _STRINGS_MEMO_LIMIT:
        _punct.clear()
    starts[0] = 1
    i = 0
    for mark in compress(range(n), map(punct_chars.__contains__, texts)):  # the marks, found in C
        if mark < i:
            continue  # read already, in the run after an earlier mark
        i = mark + 1
        while i < n:
            text = texts[i]
            if text not in punct_chars:
                is_punct = _punct.get(text)
                if is_punct is None:
                    is_punct = _punct[text] = bool(vocab[text].is_punct)
                if not is_punct:
                    starts[i] = 1
                    break
            i += 1
    return starts


_STRINGS_MEMO_LIMIT = 200_000

_lower: dict[str, str] = {}
_COLUMNS_KEY = "promisegate.columns"


@dataclass(frozen=True, slots=True)
class TokenColumns:
    """Every token's text, lower-case form and character offset, read from a doc in one pass."""

    source: str
    texts: list[str]
    words: list[str]
    idx: list[int]
    # What the patterns read: `texts` less the line breaks inside a paragraph (hard-wrapped mail puts
    # "by\nFriday" on two lines), and the doc index of each (None when there was none to skip).
    solid: list[str]
    at: list[int] | None


def is_wrap(text: str) -> bool:
    """Whether a token is a line break inside a paragraph (hard-wrapped mail), not a blank line."""
    return text.isspace() and text.count("\n") < 2


def word_step(words: list[str], i: int, count: int, bound: int) -> int:
    """The index `count` words on from `i` (back when negative), stopping at `bound`; line breaks are no words."""
    step = 1 if count > 0 else -1
    left = abs(count)
    while left and i != bound:
        i += step
        left -= not is_wrap(words[i])
    return i


def skip_wraps(words: list[str], i: int, end: int) -> int:
    """The first index from `i` (before `end`) that is no line break."""
    while i < end and is_wrap(words[i]):
        i += 1
    return i


def unwrapped(words: list[str], start: int, end: int) -> list[str]:
    """words[start:end] without the line breaks of hard-wrapped mail: the words a reader sees there."""
    span = words[start:end]
    if not any(map(str.isspace, span)):  # the usual case, tested in C
        return span
    return [w for w in span if not is_wrap(w)]


def doc_matches(cols: TokenColumns, matcher: Callable[..., list[tuple[str, int, int]]],
                anchors: Collection[int] | None = None, skip: Sequence[tuple[int, int]] = ()
                ) -> list[tuple[str, int, int]]:
    """`matcher`'s (key, start, end) over `cols.solid`, in doc token indices: a match may run over a
    line break inside a paragraph ("by\nFriday"). `anchors` (doc token indices) and `skip` (ranges of them)
    go to the matcher, as indices into `cols.solid`, when given."""
    at = cols.at
    if anchors is None and not skip:
        found = matcher(cols.solid)
    elif at is None:
        found = matcher(cols.solid, anchors, skip)
    else:  # a doc index that is no line break has its place in `solid`; a range, from the first one in it
        found = matcher(cols.solid,
                        None if anchors is None else
                        [k for i in anchors if (k := bisect_left(at, i)) < len(at) and at[k] == i],
                        [(bisect_left(at, lo), bisect_left(at, hi)) for lo, hi in skip])
    if at is None:
        return found
    return [(key, at[start], at[end - 1] + 1) for key, start, end in found]


def _solid(texts: list[str]) -> tuple[list[str], list[int] | None]:
    wraps = [i for i in compress(range(len(texts)), map(str.isspace, texts)) if is_wrap(texts[i])]
    if not wraps:
        return texts, None
    keep = [True] * len(texts)
    for i in wraps:
        keep[i] = False
    return list(compress(texts, keep)), list(compress(range(len(texts)), keep))  # in C, not per token


def token_columns(doc: Doc, source: str | None = None) -> TokenColumns:
    """Read `doc` into plain lists: Token objects cost ~1 µs each to create, list items nothing.

    `source` is the text `doc` was tokenised from, when the caller has it (saves rebuilding
    `doc.text`). The result is kept on the doc, so the time and commitment passes share one.
    """
    cached = doc.user_data.get(_COLUMNS_KEY)
    if isinstance(cached, TokenColumns) and len(cached.texts) == len(doc):
        return cached
    if source is None:
        source = doc.text
    if len(_lower) > _STRINGS_MEMO_LIMIT:
        _lower.clear()
    lower = _lower
    # Small ints convert to Python fast; ORTH/LOWER hashes are 64-bit and do not.
    idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
    texts = [source[i:i + n] for i, n in zip(idx, length, strict=True)]
    known = list(map(lower.get, texts))  # map() runs the per-token lookups in C
    words = cast(list[str], known)
    if None in known:
        for text in {t for t, w in zip(texts, known, strict=True) if w is None}:
            lower[text] = text.lower()  # spaCy's LOWER is str.lower of the text
        words = list(map(lower.__getitem__, texts))
    columns = TokenColumns(source, texts, words, idx, *_solid(texts))
    doc.user_data[_COLUMNS_KEY] = columns
    return columns


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of `doc.sents`, read from the SENT_START column instead of Span objects."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]  # spaCy's own answer (or error) for these
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).astype("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(pairwise([*starts, len(doc)]))
