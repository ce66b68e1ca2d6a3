"""docs/rules.md stays true: its rule table is the registry's, and every rule has a row."""

from __future__ import annotations

import re

from promisegate.rules import load_builtin_rules
from promisegate.tuning_cli import rules_markdown_table
from tests.tuning.support import REPO, run

DOC = REPO / "docs" / "rules.md"


def _table() -> str:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- rules-table:start -->\n(.*?)<!-- rules-table:end -->", text, re.DOTALL)
    assert m, "docs/rules.md lost its <!-- rules-table:start/end --> markers"
    return m.group(1)


def test_rule_table_matches_the_registry() -> None:
    assert _table() == rules_markdown_table(), (
        "docs/rules.md's rule table is out of date: paste the output of `promisegate rules table` between "
        "the rules-table markers")


def test_every_registered_rule_has_a_row() -> None:
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \|", _table(), re.MULTILINE))
    missing = [r.name for r in load_builtin_rules() if r.name not in rows]
    assert not missing, f"rules without a row in docs/rules.md: {missing}"


def test_rules_table_command_prints_the_table() -> None:
    assert run("rules", "table").output == rules_markdown_table()
