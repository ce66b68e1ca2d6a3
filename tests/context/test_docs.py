"""docs/context.md documents every context rule and every setting the context code reads."""

from __future__ import annotations

import re

from promisegate.config import ContextSettings, documented_keys
from promisegate.paths import bundled
from tests.context.test_rules import CONTEXT_RULES

DOC = (bundled("fixtures").parent / "docs" / "context.md").read_text(encoding="utf-8")


def test_every_context_rule_has_a_section() -> None:
    headings = set(re.findall(r"^### ([a-z-]+)$", DOC, re.MULTILINE))
    assert set(CONTEXT_RULES) <= headings


def test_every_context_setting_has_a_comment() -> None:
    rows = {key: comment for key, _, comment in documented_keys() if key.startswith("context.")}
    assert len(rows) == len(ContextSettings.__dataclass_fields__)
    assert all(rows.values()), [k for k, c in rows.items() if not c]
