"""`promisegate rules test`: cases with sidecars, pass/fail per case, confusion matrix, exit code."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tuning.support import MARIA, PEN_TEST, RECORDING, TOM, Workspace, run

NOW = "now: '2026-11-23T10:00:00-08:00'\n"


def _case(directory: Path, name: str, body: str, sidecar: str) -> None:
    directory.mkdir(exist_ok=True)
    (directory / f"{name}.txt").write_text(body, encoding="utf-8")
    (directory / f"{name}.yaml").write_text(sidecar, encoding="utf-8")


def _corpus(root: Path) -> Path:
    cases = root / "cases"
    _case(cases, "pen-test", PEN_TEST,
          f"{NOW}to: {TOM}\naction: hold\nrules: [document-restricted]\nnote: restricted\n")
    _case(cases, "thanks", "Hi Maria,\n\nThanks for your time today.\n\nBest,\nAgent\n",
          f"{NOW}to: {MARIA}\naction: release\nrules: []\n")
    _case(cases, "recording", RECORDING, f"{NOW}to: {MARIA}\naction: hold\nrules: [document-restricted]\n"
                                         "note: the recording is not restricted yet\n")
    _case(cases, "gap", RECORDING, f"{NOW}to: {MARIA}\naction: reject\nrules: []\nknown_gap: nothing rejects yet\n")
    return cases


def test_failing_case_prints_expected_and_findings_and_exits_1(work: Workspace) -> None:
    cases = _corpus(work.root)
    out = run("rules", "test", str(cases), "--config", str(work.config), code=1).output
    assert "PASS pen-test: hold [document-restricted, new-commitment]" in out
    assert "PASS thanks: release" in out
    assert "FAIL recording: release [new-commitment]" in out
    assert "expected hold [document-restricted]; missing document-restricted; the recording is not restricted yet" \
        in out
    assert "GAP  gap: release [new-commitment]" in out
    matrix = out[out.index("expected \\ actual"):].splitlines()
    assert matrix[0].split() == ["expected", "\\", "actual", "release", "hold", "reject"]
    assert matrix[1].split() == ["release", "1", "0", "0"]
    assert matrix[2].split() == ["hold", "1", "1", "0"]
    assert matrix[3].split() == ["reject", "1", "0", "0"]
    assert "4 case(s): 1 fail, 1 known-gap, 2 pass" in out


def test_new_deal_data_makes_the_case_pass(work: Workspace) -> None:
    cases = _corpus(work.root)
    (cases / "gap.txt").unlink()
    work.restrict_recording()
    out = run("rules", "test", str(cases), "--config", str(work.config), code=0).output
    assert "PASS recording: hold [document-restricted, new-commitment]" in out


def test_json_report(work: Workspace) -> None:
    cases = _corpus(work.root)
    data = json.loads(run("rules", "test", str(cases), "--config", str(work.config), "--json", code=1).output)
    by_name = {c["name"]: c for c in data["cases"]}
    assert by_name["recording"]["status"] == "fail"
    assert by_name["recording"]["missing"] == ["document-restricted"]
    assert by_name["pen-test"]["actual"]["rules"] == ["document-restricted", "new-commitment"]
    assert data["confusion"]["hold"] == {"release": 1, "hold": 1, "reject": 0}
    assert data["summary"] == {"pass": 2, "fail": 1, "known-gap": 1}


def test_a_case_expecting_no_rules_fails_when_a_context_rule_fires(work: Workspace) -> None:
    cases = work.root / "cases"
    _case(cases, "quiet", PEN_TEST, f"{NOW}to: {TOM}\naction: hold\nrules: []\n")
    out = run("rules", "test", str(cases), "--config", str(work.config), code=1).output
    assert "FAIL quiet: hold [document-restricted, new-commitment]" in out


def test_bad_sidecar_names_file_and_line(work: Workspace) -> None:
    cases = work.root / "cases"
    _case(cases, "bad", "Hello\n", f"{NOW}action: maybe\n")
    out = run("rules", "test", str(cases), "--config", str(work.config), code=1).output
    assert f"{cases / 'bad.yaml'}:2: action: must be one of release, hold, reject, got 'maybe'" in out


def test_missing_sidecar(work: Workspace) -> None:
    cases = work.root / "cases"
    cases.mkdir()
    (cases / "lonely.eml").write_bytes(b"Subject: x\n\nhi\n")
    out = run("rules", "test", str(cases), "--config", str(work.config), code=1).output
    assert "no sidecar lonely.yaml" in out


def test_the_bundled_scenarios_pass() -> None:
    """`make test` runs the default corpus: fixtures/scenarios with the bundled rules and deals."""
    out = run("rules", "test", code=0).output
    assert "fail" not in out.splitlines()[-1]
