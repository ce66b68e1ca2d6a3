"""Line-by-line checks of `rules/patterns/*.jsonl` and the lexicons their `@name` entries refer to.

Each line is `{"label", "pattern", "id"}` and is validated with spaCy's own schema
(`Matcher(vocab, validate=True)`), then for things spaCy accepts but that can never
match: an empty or all-optional pattern, a LOWER value with capitals, an empty IN list,
a value the tokenizer always splits ("put together"; in times.jsonl also "year-end": the commitment
patterns' hyphenated words, "go-live", are kept whole by the tokenizer, see nlp.keep_whole). Several lines may share
an id (alternatives of one pattern); the same id under two labels or in two files may not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher

from promisegate.errors import ConfigError
from promisegate.extract.pattern_lists import expand_lists
from promisegate.lint import LintIssue

_TEXT_ATTRS = ("ORTH", "TEXT", "LOWER", "NORM")
_ZERO_OPS = ("!", "{0}", "{0,0}")
_OPTIONAL_OPS = ("?", "*", "{,1}", "{0,}", *_ZERO_OPS)
# Whitespace never sits inside a token; a hyphen between letters is an infix split, except in the
# words commitments.jsonl names (the loader keeps those whole).
_ALWAYS_SPLIT = re.compile(r"\S\s+\S|[A-Za-z]-[A-Za-z]")
_SPACE_SPLIT = re.compile(r"\S\s+\S")
Words = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return spacy.blank("en")


def _labels(file_name: str) -> frozenset[str] | None:
    """The labels the extractor accepts in one pattern file (None: a file lint does not know)."""
    if file_name == "commitments.jsonl":
        from promisegate.extract.commit_rules import LABELS

        return LABELS
    if file_name == "times.jsonl":
        from promisegate.extract.time_patterns import LABELS as TIME_LABELS

        return TIME_LABELS
    return None


def _lexicon_for(path: Path, rules_dir: Path) -> tuple[Words | None, list[LintIssue]]:
    """The `@name` resolver for one pattern file, or None (with the reason) when its lexicon is broken."""
    try:
        if path.name == "times.jsonl":
            from promisegate.extract.time_lexicon import load_lexicon as load_times

            times = load_times(rules_dir / "lexicon" / "times.yaml")
            return times.words, []
        from promisegate.extract.lexicon import load_lexicon

        words = load_lexicon(rules_dir / "lexicon")
        return lambda name: list(words.words(name)), []
    except (ConfigError, OSError, ValueError) as exc:
        issue = LintIssue.from_error(exc) if isinstance(exc, ConfigError) else LintIssue(str(path), 0, str(exc))
        return None, [issue]


def _expand(value: Any, words: Words | None, unknown: list[str]) -> Any:
    """Expand like the loaders do, but record unknown lists instead of stopping at the first."""
    if words is None:
        return value

    def lookup(name: str) -> list[str]:
        try:
            return list(words(name))
        except (KeyError, ConfigError):
            unknown.append(f"@{name}")
            return []

    return expand_lists(value, lookup)


def _regexes(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k == "REGEX" and isinstance(v, str)]
        for k, v in value.items():
            if k != "REGEX":
                found += _regexes(v)
        return found
    if isinstance(value, list):
        return [r for item in value for r in _regexes(item)]
    return []


def _dead_value(attr: str, value: str, hyphens_whole: bool) -> str | None:
    """Why a single text value can never equal one token, or None."""
    if attr in ("LOWER", "NORM") and value != value.lower():
        return f"{attr} value {value!r} has capitals, but {attr} is lower case"
    if (_SPACE_SPLIT if hyphens_whole else _ALWAYS_SPLIT).search(value):
        return f"{attr} value {value!r} is always split into several tokens"
    return None


def _token_problems(i: int, token: dict[str, Any], hyphens_whole: bool) -> tuple[list[str], list[str]]:
    """(reasons the token can never match, warnings about dead entries) for token `i`."""
    dead: list[str] = []
    warnings: list[str] = []
    length = token.get("LENGTH")
    if isinstance(length, int) and length <= 0:
        dead.append(f"token {i} asks for LENGTH {length}")
    for attr in _TEXT_ATTRS:
        value = token.get(attr)
        if isinstance(value, str):
            reason = _dead_value(attr, value, hyphens_whole)
            if reason:
                dead.append(f"token {i}: {reason}")
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            entries = value["IN"]
            bad = [e for e in entries if isinstance(e, str) and _dead_value(attr, e, hyphens_whole)]
            if not entries:
                dead.append(f"token {i}: {attr} IN is empty")
            elif len(bad) == len(entries):
                dead.append(f"token {i}: no {attr} IN entry can match a token, e.g. {bad[0]!r}")
            elif bad:
                warnings.append(f"token {i}: {attr} IN entries that can never match one token: "
                                f"{', '.join(repr(b) for b in bad[:5])}{' …' if len(bad) > 5 else ''}")
    return dead, warnings


def lint_line(entry: Any, words: Words | None, hyphens_whole: bool = False) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one decoded pattern line, without file/line context.

    `hyphens_whole`: the tokenizer keeps this file's hyphenated words one token (commitments.jsonl).
    """
    if not isinstance(entry, dict):
        return ['each line must be an object {"label", "pattern", "id"}'], []
    errors: list[str] = []
    extra = sorted(set(entry) - {"label", "pattern", "id"})
    missing = sorted({"label", "pattern", "id"} - set(entry))
    if extra:
        errors.append(f"unknown key(s) {', '.join(extra)} (known: id, label, pattern)")
    if missing:
        return [*errors, f"missing key(s) {', '.join(missing)}"], []
    if not isinstance(entry["id"], str) or not entry["id"].strip():
        errors.append("id must be a non-empty string")
    pattern = entry["pattern"]
    if not isinstance(pattern, list) or not pattern:
        return [*errors, "pattern must be a non-empty list of token patterns, or it can never match"], []
    for rx in _regexes(pattern):
        try:
            re.compile(rx)
        except re.error as exc:
            errors.append(f"REGEX {rx!r} does not compile: {exc}")
    unknown: list[str] = []
    expanded = _expand(pattern, words, unknown)
    errors += [f"unknown lexicon list {name!r}" for name in unknown]
    if errors:
        return errors, []
    try:
        Matcher(_nlp().vocab, validate=True).add(str(entry["id"]), [expanded])
    except (MatchPatternError, ValueError, KeyError, TypeError) as exc:
        detail = " ".join(line.strip("- ") for line in str(exc).splitlines()[1:]
                          if line.strip() and not line.startswith("Pattern ")) or str(exc)
        return [f"spaCy refuses the pattern: {detail}"], []
    warnings: list[str] = []
    for i, token in enumerate(expanded):
        dead, warn = _token_problems(i, token, hyphens_whole) if isinstance(token, dict) else ([], [])
        required = token.get("OP") not in _OPTIONAL_OPS if isinstance(token, dict) else True
        if dead and required:
            errors.append(f"can never match: {dead[0]}")
        elif dead:
            warnings.append(f"optional {dead[0]}")
        warnings += warn
    if not errors and all(isinstance(t, dict) and t.get("OP") in _ZERO_OPS for t in expanded):
        errors.append("can never match: every token has OP '!' or '{0}', so none consumes a token")
    elif not errors and all(isinstance(t, dict) and t.get("OP") in _OPTIONAL_OPS for t in expanded):
        errors.append("every token is optional, so the pattern matches any token or none at all")
    return errors, warnings


def lint_patterns(rules_dir: Path) -> list[LintIssue]:
    """Issues in every `rules_dir/patterns/*.jsonl`, one or more per bad line."""
    out: list[LintIssue] = []
    id_file: dict[str, str] = {}
    for path in sorted((rules_dir / "patterns").glob("*.jsonl")):
        where = str(path)
        words, lexicon_issues = _lexicon_for(path, rules_dir)
        out += lexicon_issues
        labels = _labels(path.name)
        label_of: dict[str, tuple[str, int]] = {}
        seen: dict[str, int] = {}
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                out.append(LintIssue(where, lineno, f"not JSON: {exc.msg} at column {exc.colno}"))
                continue
            errors, warnings = lint_line(entry, words, hyphens_whole=path.name == "commitments.jsonl")
            out += [LintIssue(where, lineno, m) for m in errors]
            out += [LintIssue(where, lineno, m, "warning") for m in warnings]
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                continue
            pid, label = entry["id"], entry.get("label")
            if labels is not None and label not in labels:
                out.append(LintIssue(where, lineno, f"label {label!r} is not one of {', '.join(sorted(labels))}"))
            first = label_of.setdefault(pid, (str(label), lineno))
            if first[0] != str(label):
                out.append(LintIssue(where, lineno, f"duplicate id {pid!r}: line {first[1]} uses it for label "
                                                    f"{first[0]!r}, this line for {label!r}"))
            key = json.dumps([label, entry.get("pattern")], sort_keys=True)
            if key in seen:
                out.append(LintIssue(where, lineno, f"duplicate of line {seen[key]} (same label and pattern)"))
            seen.setdefault(key, lineno)
            other = id_file.setdefault(pid, path.name)
            if other != path.name:
                out.append(LintIssue(where, lineno, f"duplicate id {pid!r}: also used in {other}"))
    return out
