"""The commitment pattern set: JSONL patterns plus lexicons, compiled once into one spaCy Matcher."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from promisegate.errors import ConfigError
from promisegate.extract.compile import CompiledMatcher, UnsupportedPattern
from promisegate.extract.lexicon import Lexicon, load_lexicon
from promisegate.extract.nlp import doc_matches, keep_whole, token_columns
from promisegate.extract.pattern_lists import expand_lists
from promisegate.paths import bundled

# Labels a pattern line may carry. Kinds name what is promised; the rest set the mood of a clause.
MOOD_LABELS = frozenset({"commit", "request", "question"})
KIND_LABELS = frozenset(
    {"deadline", "date", "meeting", "slot", "confirmed", "document", "attachment", "price", "amount", "capability"}
)
LABELS = MOOD_LABELS | KIND_LABELS


@dataclass(frozen=True, slots=True)
class PatternInfo:
    """What one Matcher key stands for: its label, its pattern id, and whether it must open a clause."""

    label: str
    id: str
    anchored: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """One pattern match in a doc, in token indexes."""

    label: str
    id: str
    start: int
    end: int
    anchored: bool


@dataclass(frozen=True, eq=False)
class CommitmentRules:
    """A compiled pattern set with the lexicon it was expanded from."""

    matcher: CompiledMatcher  # tests each distinct word once, not each token per pattern (see compile.py)
    keys: dict[str, PatternInfo]
    lexicon: Lexicon
    ids: tuple[str, ...]

    def hits(self, doc: Doc, anchors: Collection[int] | None = None, skip: Sequence[tuple[int, int]] = ()
             ) -> list[Hit]:
        """Return every match in `doc`, ordered by start token; with `anchors` (the tokens clauses open at), the
        patterns that must open a clause are matched only there; none starts in a `skip` range of tokens."""
        out = []
        for key, start, end in doc_matches(token_columns(doc), self.matcher, anchors, skip):
            info = self.keys[key]
            out.append(Hit(info.label, info.id, start, end, info.anchored))
        out.sort(key=lambda h: (h.start, -h.end))
        return out


def _strip_anchor(pattern: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
    # Our clauses do not always begin where spaCy's sentencizer put a boundary (blank lines, quoted
    # lines, leading whitespace tokens), so "must open a clause" is checked by the engine instead.
    if pattern and pattern[0].get("IS_SENT_START") is True:
        first = {k: v for k, v in pattern[0].items() if k != "IS_SENT_START"}
        return [first, *pattern[1:]], True
    return pattern, False


def _read_patterns(rules_dir: Path, lexicon: Lexicon) -> Iterator[tuple[int, str, str, list[dict[str, Any]], bool]]:
    """(line, label, id, pattern with `@lists` expanded, anchored) of each line of commitments.jsonl."""
    path = rules_dir / "patterns" / "commitments.jsonl"
    if not path.is_file():
        raise ConfigError("commitment patterns not found", str(path))
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
            label, pid, pattern = entry["label"], entry["id"], entry["pattern"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"bad pattern line: {exc}", str(path), lineno) from None
        if label not in LABELS:
            raise ConfigError(f"unknown label {label!r}", str(path), lineno)
        try:
            expanded, anchored = _strip_anchor(expand_lists(pattern, lexicon.words))
        except ConfigError as exc:
            raise ConfigError(exc.detail, f"{path}:{lineno}") from None
        errors = validate_token_pattern(expanded) if isinstance(expanded, list) and expanded else ["empty pattern"]
        if errors:
            raise ConfigError(f"invalid pattern {pid!r}: {'; '.join(errors)}", str(path), lineno)
        yield lineno, label, pid, expanded, anchored


_HYPHENATED = re.compile(r"^\S*[A-Za-z]-[A-Za-z]\S*$")


def _hyphenated(pattern: list[dict[str, Any]]) -> set[str]:
    """The text values of `pattern` with an inner hyphen ("kick-off", "go-live")."""
    words: set[str] = set()
    for spec in pattern:
        for attr in ("ORTH", "TEXT", "LOWER"):
            value = spec.get(attr)
            values = value.get("IN", []) if isinstance(value, dict) else [value]
            words.update(v for v in values if isinstance(v, str) and _HYPHENATED.match(v))
    return words


def hyphenated_words(rules_dir: Path | None = None) -> frozenset[str]:
    """The words with an inner hyphen the patterns of `rules_dir` ask one token to be.

    spaCy splits every hyphen between letters, so the tokenizer is told to keep these whole
    (`nlp.keep_whole`). Broken rules give none: loading them reports the error.
    """
    root = rules_dir or bundled("rules")
    try:
        lexicon = load_lexicon(root / "lexicon")
        return frozenset(w for *_, pattern, _ in _read_patterns(root, lexicon) for w in _hyphenated(pattern))
    except (ConfigError, OSError):
        return frozenset()


def compile_rules(vocab: Vocab, rules_dir: Path) -> CommitmentRules:
    """Load `rules_dir`/patterns/commitments.jsonl and `rules_dir`/lexicon into a validated Matcher."""
    lexicon = load_lexicon(rules_dir / "lexicon")
    # Patterns are validated by spaCy's schema here, then compiled by promisegate.extract.compile.
    keys: dict[str, PatternInfo] = {}
    ids: list[str] = []
    entries: list[tuple[str, list[dict[str, Any]]]] = []
    whole: set[str] = set()
    path = rules_dir / "patterns" / "commitments.jsonl"
    for lineno, label, pid, expanded, anchored in _read_patterns(rules_dir, lexicon):
        key = f"{pid}#{lineno}"
        try:
            CompiledMatcher(vocab, [(key, expanded)])
        except (UnsupportedPattern, ValueError, TypeError) as exc:
            raise ConfigError(f"invalid pattern {pid!r}: {exc}", str(path), lineno) from None
        entries.append((key, expanded))
        keys[key] = PatternInfo(label, pid, anchored)
        whole |= _hyphenated(expanded)
        if pid not in ids:
            ids.append(pid)
    keep_whole(whole)  # before any text is tokenised with these rules (extract() loads them first)
    # Each key is one line, kept longest-first as spaCy's greedy="LONGEST" would.
    opening = {key for key, info in keys.items() if info.anchored}
    return CommitmentRules(CompiledMatcher(vocab, entries, longest=True, anchored=opening), keys, lexicon,
                           tuple(ids))


@lru_cache(maxsize=8)
def load_rules(vocab: Vocab, rules_dir: Path | None = None) -> CommitmentRules:
    """Return the compiled rules for `vocab`, from the bundled rules unless `rules_dir` is given."""
    return compile_rules(vocab, rules_dir or bundled("rules"))
