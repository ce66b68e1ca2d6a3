"""Word lists for commitment extraction, loaded from `rules/lexicon/*.yaml` (times.yaml excepted)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from promisegate.errors import ConfigError


class _WordLoader(yaml.SafeLoader):
    """YAML loader that reads every plain scalar as a string: "on", "off", "no" are words here."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:str"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# times.yaml belongs to the time tagger and has its own loader and shape.
_NOT_OURS = frozenset({"times.yaml"})


@dataclass(frozen=True)
class Lexicon:
    """Named word lists; lists whose name ends in `_cased` keep their case, the rest are lower-cased."""

    lists: Mapping[str, tuple[str, ...]]
    maps: Mapping[str, Mapping[str, str]]

    def words(self, name: str) -> tuple[str, ...]:
        """Return the list called `name` (a mapping's keys count as a list)."""
        if name in self.lists:
            return self.lists[name]
        if name in self.maps:
            return tuple(self.maps[name])
        raise ConfigError(f"unknown lexicon list {name!r}")

    def set(self, name: str) -> frozenset[str]:
        """Return the list called `name` as a set for membership tests."""
        return frozenset(self.words(name))

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Return multi-word entries of `name` split into lower-cased word tuples."""
        return tuple(tuple(p.split()) for p in self.words(name))


def load_lexicon(directory: Path) -> Lexicon:
    """Read every lexicon YAML file in `directory` into one Lexicon; a name may be defined once."""
    lists: dict[str, tuple[str, ...]] = {}
    maps: dict[str, dict[str, str]] = {}
    if not directory.is_dir():
        raise ConfigError("no lexicon directory", str(directory))
    for path in sorted(directory.glob("*.yaml")):
        if path.name in _NOT_OURS:
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_WordLoader) or {}
        if not isinstance(data, dict):
            raise ConfigError("expected a mapping of list names to lists", str(path))
        for name, value in data.items():
            if name in lists or name in maps:
                raise ConfigError(f"list {name!r} is defined twice", str(path))
            cased = str(name).endswith("_cased")
            if isinstance(value, list):
                lists[name] = tuple(str(v) if cased else str(v).lower() for v in value)
            elif isinstance(value, dict):
                maps[name] = {str(k) if cased else str(k).lower(): str(v) for k, v in value.items()}
            else:
                raise ConfigError(f"{name!r} must be a list or a mapping", str(path))
    return Lexicon(lists, maps)
