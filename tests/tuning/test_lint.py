"""`promisegate rules lint`: every error in policy, pattern, deal and case files, as file:line: message."""

from __future__ import annotations

import shutil
from pathlib import Path

from promisegate.lint_patterns import lint_line
from tests.tuning.support import Workspace, run


def _lint(work: Workspace, *extra: str, code: int = 1) -> list[str]:
    result = run("rules", "lint", str(work.rules), "--deals", str(work.deals), "--config", str(work.config), *extra,
                 code=code)
    return result.output.splitlines()


def test_the_bundled_rules_and_deals_pass(work: Workspace) -> None:
    lines = _lint(work, code=0)
    assert lines[-1].startswith("0 error(s)")


def test_policy_errors_are_all_reported_with_their_lines(work: Workspace) -> None:
    policy = work.rules / "policy.yaml"
    policy.write_text(
        "thresholds:\n"                 # 1
        "  hold: 5.0\n"                 # 2
        "  reject: 3.0\n"               # 3
        "  maybe: 1\n"                  # 4
        "rules:\n"                      # 5
        "  no-such-rule:\n"             # 6
        "    score: 1\n"                # 7
        "  document-unknown:\n"         # 8
        "    score: high\n"             # 9
        "    colour: red\n"             # 10
        "  document-unknown:\n"         # 11
        "    enabled: perhaps\n"        # 12
        "extra: 1\n",                   # 13
        encoding="utf-8")
    lines = _lint(work)
    p = str(policy)
    expected = [
        f"{p}:3: reject threshold 3 is below the hold threshold 5, so nothing is ever just held",
        f"{p}:4: thresholds.maybe: expected hold or reject with a number",
        f"{p}:6: unknown rule 'no-such-rule'",
        f"{p}:9: rule 'document-unknown': score must be a number",
        f"{p}:10: rule 'document-unknown': unknown key 'colour'",
        f"{p}:11: duplicate key 'document-unknown' (first on line 8); YAML keeps only the last one",
        f"{p}:12: rule 'document-unknown': enabled must be true or false",
        f"{p}:13: unknown key 'extra' (known: rules, thresholds)",
    ]
    for want in expected:
        assert any(line.startswith(want) for line in lines), f"missing {want!r} in\n" + "\n".join(lines)
    assert lines[-1].startswith(f"{len(expected)} error(s)")


def test_policy_syntax_error_names_the_line(work: Workspace) -> None:
    (work.rules / "policy.yaml").write_text("thresholds:\n  hold: [5\nrules: {}\n", encoding="utf-8")
    lines = _lint(work)
    assert any(line.startswith(f"{work.rules / 'policy.yaml'}:3: invalid YAML") for line in lines), lines


BAD_PATTERNS = [
    ('{not json', "not JSON: Expecting property name enclosed in double quotes at column 2"),
    ('{"label": "commit", "pattern": [], "id": "x-empty"}',
     "pattern must be a non-empty list of token patterns, or it can never match"),
    ('{"label": "commit", "pattern": [{"OP": "?"}], "id": "x-optional"}',
     "every token is optional, so the pattern matches any token or none at all"),
    ('{"label": "commit", "pattern": [{"TEXT": {"REGEX": "(unclosed"}}], "id": "x-regex"}',
     "REGEX '(unclosed' does not compile: missing ), unterminated subpattern at position 0"),
    ('{"label": "commit", "pattern": [{"LOWER": "Send"}], "id": "x-caps"}',
     "can never match: token 0: LOWER value 'Send' has capitals, but LOWER is lower case"),
    ('{"label": "commit", "pattern": [{"LOWER": "put together"}], "id": "x-split"}',
     "can never match: token 0: LOWER value 'put together' is always split into several tokens"),
    ('{"label": "commit", "pattern": [{"LOWER": "go-live"}], "id": "x-hyphen"}', None),  # kept whole
    ('{"label": "commit", "pattern": [{"LOWER": "we"}, {"LOWER": "send", "OP": "!"}], "id": "x-not"}', None),
    ('{"label": "commit", "pattern": [{"LOWER": "send", "OP": "!"}], "id": "x-only-not"}',
     "can never match: every token has OP '!' or '{0}', so none consumes a token"),
    ('{"label": "commit", "pattern": [{"LOWER": {"IN": ["@no_such_list"]}}], "id": "x-lexicon"}',
     "unknown lexicon list '@no_such_list'"),
    ('{"label": "commit", "pattern": [{"COLOUR": "red"}], "id": "x-schema"}',
     "spaCy refuses the pattern: [pattern -> 0 -> COLOUR] Extra inputs are not permitted"),
    ('{"label": "nonsense", "pattern": [{"LOWER": "send"}], "id": "x-label"}', "label 'nonsense' is not one of"),
    ('{"label": "commit", "pattern": [{"LOWER": "send"}], "id": "x-key", "weight": 2}',
     "unknown key(s) weight (known: id, label, pattern)"),
    ('{"label": "document", "pattern": [{"LOWER": "send"}], "id": "commit-will"}',
     "duplicate id 'commit-will': line 1 uses it for label 'commit', this line for 'document'"),
    ('{"label": "commit", "pattern": [{"LOWER": "send"}], "id": "x-key", "weight": 2}',
     "duplicate of line"),
]


def test_pattern_errors_are_reported_per_line(work: Workspace) -> None:
    path = work.rules / "patterns" / "commitments.jsonl"
    first = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as f:
        for line, _ in BAD_PATTERNS:
            f.write(line + "\n")
    lines = _lint(work)
    for offset, (_, message) in enumerate(BAD_PATTERNS):
        if message is None:  # a valid pattern: no error on its line
            assert not any(line.startswith(f"{path}:{first + offset}:") for line in lines), lines
            continue
        want = f"{path}:{first + offset}: {message}"
        assert any(line.startswith(want) for line in lines), f"missing {want!r} in\n" + "\n".join(lines)


def test_an_id_may_not_be_shared_between_pattern_files(work: Workspace) -> None:
    path = work.rules / "patterns" / "times.jsonl"
    with path.open("a", encoding="utf-8") as f:
        f.write('{"label": "BLOCK", "pattern": [{"LOWER": "zzz"}], "id": "commit-will"}\n')
    lines = _lint(work)
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert f"{path}:{n}: duplicate id 'commit-will': also used in commitments.jsonl" in lines


def test_dead_entries_in_a_live_in_list_are_warnings() -> None:
    errors, warnings = lint_line({"label": "commit", "id": "x", "pattern": [
        {"LOWER": {"IN": ["send", "e-mail", "put together"]}}]}, None)
    assert errors == []
    assert warnings == ["token 0: LOWER IN entries that can never match one token: 'e-mail', 'put together'"]


def test_hyphenated_entries_are_live_where_the_tokenizer_keeps_them_whole() -> None:
    # commitments.jsonl: its hyphenated words become tokenizer special cases; a space still splits.
    _, warnings = lint_line({"label": "commit", "id": "x", "pattern": [
        {"LOWER": {"IN": ["send", "e-mail", "put together"]}}]}, None, hyphens_whole=True)
    assert warnings == ["token 0: LOWER IN entries that can never match one token: 'put together'"]


def test_deal_errors_name_file_and_line(work: Workspace) -> None:
    globex = work.deals / "globex-pilot.yaml"
    globex.write_text(globex.read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    n_globex = len(globex.read_text(encoding="utf-8").splitlines())
    acme = work.deals / "acme-rollout.yaml"
    text = acme.read_text(encoding="utf-8").replace(
        "approvers: [priya.shah@brightline.example]", "approvers: [priya.shah@brightline.example, nobody@x.example]")
    acme.write_text(text, encoding="utf-8")
    approvers_line = text.splitlines().index(
        "approvers: [priya.shah@brightline.example, nobody@x.example]") + 1
    shutil.copy(work.deals / "initech-renewal.yaml", work.deals / "zz-copy.yaml")
    lines = _lint(work)
    assert any(line.startswith(f"{globex}:{n_globex}: unknown key 'colour'") for line in lines), lines
    assert f"{acme}:{approvers_line}: approver nobody@x.example is not in people.yaml" in lines
    copy = work.deals / "zz-copy.yaml"
    id_line = next(i for i, ln in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1)
                   if ln.startswith("id:"))
    assert (f"{copy}:{id_line}: deal id 'initech-renewal' is also used in {work.deals / 'initech-renewal.yaml'}"
            in lines)


def test_a_broken_config_is_reported_and_the_rest_still_checked(work: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[server]\nsmtp_port = 'x'\n", encoding="utf-8")
    result = run("rules", "lint", str(work.rules), "--deals", str(work.deals), "--config", str(bad), code=1)
    assert f"{bad}:2: server.smtp_port must be int" in result.output


def test_case_sidecars_naming_unknown_rules_or_deals(work: Workspace, tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "one.txt").write_text("Hello.\n", encoding="utf-8")
    (cases / "one.yaml").write_text("now: '2026-11-23T10:00:00-08:00'\naction: release\n"
                                    "rules: [no-such-rule]\ndeal: no-such-deal\n", encoding="utf-8")
    (cases / "two.txt").write_text("Hello.\n", encoding="utf-8")
    (cases / "two.yaml").write_text("now: yesterday\naction: release\n", encoding="utf-8")
    lines = _lint(work, "--cases", str(cases))
    assert f"{cases / 'one.yaml'}:3: unknown rule 'no-such-rule'" in lines
    assert f"{cases / 'one.yaml'}:4: unknown deal 'no-such-deal'" in lines
    assert any(line.startswith(f"{cases / 'two.yaml'}:1: now: expected an ISO 8601 time") for line in lines), lines
