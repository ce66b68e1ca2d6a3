"""YAML files people edit (deals, people), read with the line of every key kept for error messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from promisegate.errors import ConfigError


class LineDict(dict[str, Any]):
    """A mapping from a YAML file that remembers its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence from a YAML file that remembers its line and the line of each item."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that builds LineDict/LineList so validation can name file:line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool | date):
            raise yaml.constructor.ConstructorError(None, None, "keys must be plain values", key_node.start_mark)
        key = str(key)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors become ConfigError with the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", str(path)) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(f"invalid YAML: {exc.problem or exc}", str(path), line) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", str(path)) from exc


class Node:
    """A cursor into a loaded YAML value that raises ConfigError naming file:line."""

    def __init__(self, value: Any, path: Path, line: int, where: str) -> None:
        self.value = value
        self.path = path
        self.line = line
        self.where = where

    def error(self, message: str, line: int | None = None) -> ConfigError:
        return ConfigError(f"{self.where}: {message}" if self.where else message, str(self.path), line or self.line)

    def mapping(self, allowed: Iterable[str], required: Iterable[str] = ()) -> Node:
        """Check this is a mapping with only `allowed` keys and every `required` one."""
        if not isinstance(self.value, dict):
            raise self.error(f"expected a mapping, got {_kind(self.value)}")
        allowed = set(allowed)
        for key in self.value:
            if key not in allowed:
                raise self.error(f"unknown key {key!r} (known: {', '.join(sorted(allowed))})",
                                 self.key_line(key))
        for key in required:
            if key not in self.value:
                raise self.error(f"missing required key {key!r}")
        return self

    def key_line(self, key: str) -> int:
        lines = getattr(self.value, "key_lines", {})
        return int(lines.get(key, self.line))

    def has(self, key: str) -> bool:
        return isinstance(self.value, dict) and key in self.value and self.value[key] is not None

    def get(self, key: str) -> Node:
        value = self.value.get(key) if isinstance(self.value, dict) else None
        line = getattr(value, "line", 0) or self.key_line(key)
        return Node(value, self.path, line, f"{self.where}.{key}" if self.where else key)

    def items(self) -> list[Node]:
        """The items of a list (a single scalar counts as a one-item list)."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            return [self]
        lines = getattr(self.value, "item_lines", [self.line] * len(self.value))
        return [Node(v, self.path, getattr(v, "line", 0) or ln, f"{self.where}[{i}]")
                for i, (v, ln) in enumerate(zip(self.value, lines, strict=True))]

    def text(self, default: str | None = None) -> str:
        if self.value is None and default is not None:
            return default
        if isinstance(self.value, bool) or not isinstance(self.value, str | int | float):
            raise self.error(f"expected text, got {_kind(self.value)}")
        return str(self.value).strip()

    def texts(self) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items())

    def number(self, default: float | None = None) -> float:
        if self.value is None and default is not None:
            return default
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.error(f"expected a number, got {_kind(self.value)}")
        return float(self.value)

    def flag(self, default: bool = False) -> bool:
        if self.value is None:
            return default
        if not isinstance(self.value, bool):
            raise self.error(f"expected true or false, got {_kind(self.value)}")
        return self.value

    def day(self) -> date:
        value = self.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.error(f"expected a date like 2027-03-01, got {value!r}")

    def clock(self) -> time:
        value = self.value
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 09:00 as sexagesimal 540.
            return time(value // 60, value % 60) if value < 24 * 60 else self._bad_time()
        if isinstance(value, str):
            try:
                return time.fromisoformat(value.strip())
            except ValueError:
                pass
        return self._bad_time()

    def _bad_time(self) -> time:
        raise self.error(f"expected a time like \"09:00\", got {self.value!r}")

    def choice(self, options: Iterable[str], default: str | None = None) -> str:
        value = self.text(default)
        options = tuple(options)
        if value not in options:
            raise self.error(f"must be one of {', '.join(options)}, got {value!r}")
        return value

    def each(self, build: Callable[[Node], Any]) -> tuple[Any, ...]:
        return tuple(build(item) for item in self.items())


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def root(path: Path) -> Node:
    """Load `path` and return a Node at its top."""
    value = load_yaml(path)
    return Node(value, path, getattr(value, "line", 1) or 1, "")
