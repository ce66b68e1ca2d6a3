"""`"@name"` in a pattern file stands for the lexicon list `name`; one expansion serves the loaders and lint."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def _is_reference(item: Any) -> bool:
    return isinstance(item, str) and item.startswith("@") and len(item) > 1


def expand_lists(value: Any, words: Callable[[str], Sequence[str]]) -> Any:
    """Replace "@name" items (and bare "@name" values) by `words(name)`, recursively; `words` decides
    what an unknown name means (raise, or record it and return nothing)."""
    if isinstance(value, dict):
        return {k: expand_lists(v, words) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            if _is_reference(item):
                out.extend(words(item[1:]))
            else:
                out.append(expand_lists(item, words))
        return out
    if _is_reference(value):
        return list(words(value[1:]))
    return value
