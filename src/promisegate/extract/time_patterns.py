"""Load rules/patterns/times.jsonl into a spaCy Matcher, validating every line at start.

Each line is `{"label", "pattern", "id"}` as in spaCy pattern files. Labels:
DATE, TIME, DURATION, SET  a time expression of that TIMEX3 type;
PART                       a piece that only counts when joined to a time ("PT", "the end of");
BLOCK                      text that must never be read as a time (prices, versions, phones).
Inside IN / NOT_IN lists, "@name" stands for every word of lexicon list `name`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from promisegate.errors import ConfigError
from promisegate.extract.compile import CompiledMatcher, UnsupportedPattern
from promisegate.extract.pattern_lists import expand_lists
from promisegate.extract.time_lexicon import TimeLexicon

LABELS = frozenset({"DATE", "TIME", "DURATION", "SET", "PART", "BLOCK"})


@dataclass(frozen=True)
class TimePatterns:
    """A compiled matcher plus what each pattern id means."""

    matcher: CompiledMatcher  # keys are pattern ids
    label_of: dict[str, str]  # pattern id -> label
    ids: tuple[str, ...]  # in file order, for tests that want every id exercised


def load_patterns(path: Path, vocab: Vocab, lexicon: TimeLexicon) -> TimePatterns:
    """Read, expand and validate the pattern file; raise ConfigError with file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read time patterns: {exc}", path=str(path)) from exc
    validator = Matcher(vocab, validate=True)  # spaCy's schema and errors; matching is compiled below
    compiled: list[tuple[str, list[dict[str, Any]]]] = []
    label_of: dict[str, str] = {}
    ids: list[str] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"not JSON: {exc.msg}", path=str(path), line=lineno) from exc
        if not isinstance(entry, dict) or set(entry) != {"label", "pattern", "id"}:
            raise ConfigError('each line needs exactly "label", "pattern" and "id"', path=str(path), line=lineno)
        label, rule_id = entry["label"], entry["id"]
        if label not in LABELS:
            raise ConfigError(f"label {label!r} is not one of {sorted(LABELS)}", path=str(path), line=lineno)
        if not isinstance(rule_id, str) or not rule_id:
            raise ConfigError("id must be a non-empty string", path=str(path), line=lineno)
        if label_of.get(rule_id, label) != label:
            raise ConfigError(f"id {rule_id!r} is used with two labels", path=str(path), line=lineno)
        try:
            pattern = expand_lists(entry["pattern"], lexicon.words)
        except KeyError as exc:
            raise ConfigError(f"unknown lexicon list {'@' + str(exc.args[0])!r}", path=f"{path}:{lineno}") from None
        try:
            validator.add(rule_id, [pattern])
            compiled.append((rule_id, pattern))
            CompiledMatcher(vocab, [(rule_id, pattern)])
        except UnsupportedPattern as exc:
            raise ConfigError(f"pattern {rule_id!r}: {exc}", path=str(path), line=lineno) from exc
        except (MatchPatternError, ValueError) as exc:
            raise ConfigError(f"invalid pattern {rule_id!r}: {exc}", path=str(path), line=lineno) from exc
        if rule_id not in label_of:
            ids.append(rule_id)
        label_of[rule_id] = label
    if not ids:
        raise ConfigError("no time patterns", path=str(path))
    return TimePatterns(matcher=CompiledMatcher(vocab, compiled), label_of=label_of, ids=tuple(ids))
