"""The word lists behind time expressions, loaded once from rules/lexicon/times.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from promisegate.errors import ConfigError

# Every key the engine reads; a lexicon file missing one is refused at load, not mid-email.
_REQUIRED = (
    "weekday", "weekday_abbr", "month", "month_abbr", "month_ambiguous", "number_word", "ordinal",
    "unit", "unit_adjective", "relative", "deictic", "part_of_day", "meridiem", "zone", "zone_city", "zone_word",
    "season", "holiday", "holiday_rule", "holiday_period", "period_part", "shorthand", "bound_before", "bound_within",
    "future_cue", "near_future_cue", "past_cue", "near_past_cue", "nth_ordinal",
)


@dataclass(frozen=True)
class TimeLexicon:
    """Lower-case word -> value tables used by the patterns (as @lists) and the normaliser."""

    tables: dict[str, Any]
    # Features read from a word sequence, per (words, year): see time_features.read_features.
    memo: dict[tuple[tuple[str, ...], int], Any] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.tables[name]

    def words(self, name: str) -> list[str]:
        """Return the words of a list or the keys of a mapping, for `@name` in a pattern."""
        table = self.tables.get(name)
        if table is None:
            raise KeyError(name)
        return [str(w) for w in table]

    @cached_property
    def weekdays(self) -> dict[str, int]:
        """Full and abbreviated weekday names -> Monday=0 index."""
        return {**self.tables["weekday"], **self.tables["weekday_abbr"]}

    @cached_property
    def months(self) -> dict[str, int]:
        """Full and abbreviated month names -> 1..12."""
        return {**self.tables["month"], **self.tables["month_abbr"]}


def load_lexicon(path: Path) -> TimeLexicon:
    """Read and check the lexicon YAML; raise ConfigError naming the file on any problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read time lexicon: {exc}", path=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("time lexicon must be a mapping of list names", path=str(path))
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise ConfigError(f"time lexicon lacks {', '.join(missing)}", path=str(path))
    tables: dict[str, Any] = {}
    for name, table in data.items():
        if isinstance(table, dict):
            tables[name] = {str(k).lower(): v for k, v in table.items()}
        elif isinstance(table, list):
            tables[name] = [str(w).lower() for w in table]
        else:
            raise ConfigError(f"list {name!r} must be a list or a mapping", path=str(path))
    return TimeLexicon(tables)
