"""Policy modes and thresholds, and the policy file loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from promisegate.decide import decide
from promisegate.errors import ConfigError
from promisegate.model import Finding
from promisegate.policy import Policy, load_policy

P = Policy(hold=5.0, reject=20.0)
small = [Finding("new-commitment", 1.0, "x")]
big = [Finding("meeting-conflict", 6.0, "x")]
escalating = [Finding("restricted-topic", 1.0, "x", escalate=True)]


@pytest.mark.parametrize(("mode", "findings", "action"), [
    ("gated", small, "release"), ("gated", big, "hold"), ("gated", escalating, "hold"),
    ("autonomous", big, "release"), ("autonomous", escalating, "hold"),
    ("monitor", big, "release"), ("monitor", escalating, "hold"),
    ("draft-only", [], "hold"), ("paused", [], "hold"),
    ("gated", [Finding("x", 25.0, "x")], "reject"), ("paused", [Finding("x", 25.0, "x")], "hold"),
])
def test_modes(mode, findings, action) -> None:
    assert decide(mode, findings, P)[0] == action


def test_policy_file_errors_name_the_line(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text("thresholds:\n  hold: 4\nrules:\n  new-commitment:\n    scroe: 2\n")
    with pytest.raises(ConfigError, match=r"policy.yaml:4: rule 'new-commitment': unknown key\(s\) scroe"):
        load_policy(tmp_path)
    (tmp_path / "policy.yaml").write_text("rules:\n  no-such-rule: {}\n")
    with pytest.raises(ConfigError, match=r"policy.yaml:2: unknown rule 'no-such-rule'"):
        load_policy(tmp_path, {"new-commitment"})


def test_bundled_policy_loads() -> None:
    from promisegate.paths import bundled
    from promisegate.rules import load_builtin_rules

    policy = load_policy(bundled("rules"), set(load_builtin_rules().names()))
    assert policy.hold > 0 and "new-commitment" in policy.rules
