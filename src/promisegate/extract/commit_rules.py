"""The commitment pattern set: JSONL patterns plus lexicons, compiled once into one spaCy Matcher."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

from promisegate.errors import ConfigError
from promisegate.extract.lexicon import Lexicon, load_lexicon
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

    matcher: Matcher
    keys: dict[int, PatternInfo]
    lexicon: Lexicon
    ids: tuple[str, ...]

    def hits(self, doc: Doc) -> list[Hit]:
        """Return every match in `doc`, ordered by start token."""
        out = []
        for key, start, end in self.matcher(doc):
            info = self.keys[key]
            out.append(Hit(info.label, info.id, start, end, info.anchored))
        out.sort(key=lambda h: (h.start, -h.end))
        return out


def _expand(value: Any, lexicon: Lexicon, where: str) -> Any:
    """Replace "@name" entries in IN / NOT_IN lists with the lexicon list of that name."""
    if isinstance(value, dict):
        return {k: _expand(v, lexicon, where) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                try:
                    out.extend(lexicon.words(item[1:]))
                except ConfigError as exc:
                    raise ConfigError(str(exc), where) from None
            else:
                out.append(_expand(item, lexicon, where))
        return out
    return value


def _strip_anchor(pattern: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
    # Our clauses do not always begin where spaCy's sentencizer put a boundary (blank lines, quoted
    # lines, leading whitespace tokens), so "must open a clause" is checked by the engine instead.
    if pattern and pattern[0].get("IS_SENT_START") is True:
        first = {k: v for k, v in pattern[0].items() if k != "IS_SENT_START"}
        return [first, *pattern[1:]], True
    return pattern, False


# Word-list and regex tests on the text of a token are evaluated by spaCy in Python, per token and per
# pattern: with ~100 patterns that was ~30 ms for a 3 KB email. A lexeme flag is computed once per word
# type and tested in C, so the most used tests become flags. spaCy has ~45 free flag bits per vocab.
_FLAG_BUDGET = 40
_FLAG_ATTRS = frozenset({"LOWER", "ORTH", "TEXT"})
_vocab_flags: dict[int, dict[tuple[str, str, Any], int]] = {}

Predicate = tuple[str, str, Any]


def _predicates(token: dict[str, Any]) -> list[tuple[str, Predicate]]:
    out = []
    for attr, value in token.items():
        name = attr.upper()
        if name in _FLAG_ATTRS and isinstance(value, dict) and len(value) == 1:
            ((op, arg),) = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, list):
                out.append((attr, ("ORTH" if name == "TEXT" else name, "IN", frozenset(arg))))
            elif op == "REGEX" and isinstance(arg, str):
                out.append((attr, ("ORTH" if name == "TEXT" else name, "REGEX", arg)))
    return out


def _getter(predicate: Predicate) -> Callable[[str], bool]:
    attr, op, arg = predicate
    fold: Callable[[str], str] = str.lower if attr == "LOWER" else str
    if op == "IN":
        return lambda text: fold(text) in arg
    rx = re.compile(arg)
    return lambda text: rx.search(fold(text)) is not None


def _flag_for(vocab: Vocab, predicate: Predicate) -> int | None:
    flags = _vocab_flags.setdefault(id(vocab), {})
    if predicate not in flags:
        if len(flags) >= _FLAG_BUDGET:
            return None
        try:
            flags[predicate] = vocab.add_flag(_getter(predicate))
        except ValueError:  # every flag bit taken: fall back to spaCy's own predicate
            return None
    return flags[predicate]


def _with_flags(vocab: Vocab, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Replace the most used word-list and regex tests by lexeme flags; the rest stay as they are."""
    uses: Counter[Predicate] = Counter()
    for pattern in patterns:
        for position, token in enumerate(pattern):
            for _, predicate in _predicates(token):
                # Tests on a pattern's first token run on every token of the doc: they matter most.
                uses[predicate] += 1000 if position == 0 else 1
    chosen = {p for p, _ in uses.most_common(_FLAG_BUDGET)}
    out = []
    for pattern in patterns:
        converted = []
        for token in pattern:
            new: dict[Any, Any] = dict(token)
            for attr, predicate in _predicates(token):
                flag = _flag_for(vocab, predicate) if predicate in chosen else None
                if flag is not None:
                    negated = "NOT_IN" in token[attr]
                    del new[attr]
                    new[flag] = not negated
            converted.append(new)
        out.append(converted)
    return out


def compile_rules(vocab: Vocab, rules_dir: Path) -> CommitmentRules:
    """Load `rules_dir`/patterns/commitments.jsonl and `rules_dir`/lexicon into a validated Matcher."""
    lexicon = load_lexicon(rules_dir / "lexicon")
    path = rules_dir / "patterns" / "commitments.jsonl"
    if not path.is_file():
        raise ConfigError("commitment patterns not found", str(path))
    # Patterns are validated by spaCy's schema here, then compiled without it (flags are not in the schema).
    matcher = Matcher(vocab, validate=False)
    keys: dict[int, PatternInfo] = {}
    ids: list[str] = []
    entries: list[tuple[str, list[dict[str, Any]]]] = []
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
        expanded, anchored = _strip_anchor(_expand(pattern, lexicon, f"{path}:{lineno}"))
        errors = validate_token_pattern(expanded) if isinstance(expanded, list) and expanded else ["empty pattern"]
        if errors:
            raise ConfigError(f"invalid pattern {pid!r}: {'; '.join(errors)}", str(path), lineno)
        key = f"{pid}#{lineno}"
        entries.append((key, expanded))
        keys[vocab.strings.add(key)] = PatternInfo(label, pid, anchored)
        if pid not in ids:
            ids.append(pid)
    converted = _with_flags(vocab, [pattern for _, pattern in entries])
    for (key, _), pattern in zip(entries, converted, strict=True):
        matcher.add(key, [pattern], greedy="LONGEST")
    return CommitmentRules(matcher, keys, lexicon, tuple(ids))


@lru_cache(maxsize=8)
def load_rules(vocab: Vocab, rules_dir: Path | None = None) -> CommitmentRules:
    """Return the compiled rules for `vocab`, from the bundled rules unless `rules_dir` is given."""
    return compile_rules(vocab, rules_dir or bundled("rules"))
