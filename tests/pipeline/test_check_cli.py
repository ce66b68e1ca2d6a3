"""`promisegate check`: the JSON contract of DESIGN.md and the readable --explain trace."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from promisegate.cli import main
from promisegate.paths import bundled

SCENARIO = bundled("fixtures") / "scenarios" / "conflict-board-prep"
NOW = yaml.safe_load(SCENARIO.with_suffix(".yaml").read_text())["now"]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", str(SCENARIO.with_suffix(".eml")), "--now", NOW, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_follows_the_contract() -> None:
    verdict = json.loads(run("--json"))
    assert verdict["action"] == "hold" and verdict["mode"] == "gated"
    assert isinstance(verdict["score"], float)
    commitment = verdict["commitments"][0]
    assert {"kind", "text", "start", "end", "rule", "when"} <= set(commitment)
    finding = next(f for f in verdict["findings"] if f["rule"] == "meeting-conflict")
    assert {"rule", "score", "message", "evidence"} <= set(finding)
    assert "Board prep" in finding["message"]


def test_explain_traces_patterns_rules_thresholds_and_action() -> None:
    out = run("--explain")
    verdict = json.loads(run("--json"))
    meeting = next(c for c in verdict["commitments"] if c["kind"] == "meeting")
    assert f"[{meeting['rule']}]" in out  # which pattern matched
    assert "── deal: " in out and "── time expressions" in out
    assert "HIT  meeting-conflict" in out  # each rule's finding and score
    assert "miss " in out  # and the rules that did not fire
    assert "mode gated; hold at 5" in out
    assert "=> HOLD:" in out


def test_an_inline_answer_is_checked_against_the_question_it_answers(tmp_path: Path) -> None:
    # "it" is the SOC 2 report the quoted question names: NDA-only, and Acme has none on file.
    eml = tmp_path / "inline.eml"
    eml.write_text("From: Dana Lee <dana.lee@brightline.example>\nTo: maria.gomez@acmelogistics.example\n"
                   "Subject: Re: questions\nMessage-ID: <inline@brightline.example>\n\nAnswers inline:\n\n"
                   "> Is the SOC 2 report available?\nAbsolutely, I'll send it over this afternoon.\n\nDana\n")
    result = CliRunner().invoke(main, ["check", str(eml), "--now", "2026-12-04T10:00:00-05:00", "--json"])
    assert result.exit_code == 0, result.output
    verdict = json.loads(result.output)
    assert [c["object"] for c in verdict["commitments"]] == ["SOC 2 report"]
    finding = next(f for f in verdict["findings"] if f["rule"] == "document-restricted")
    assert "SOC 2 Type II report" in finding["message"] and "no NDA is on file" in finding["message"]



def test_explain_says_the_subject_is_read_and_names_the_attachments() -> None:
    eml = bundled("fixtures") / "scenarios" / "clean-attached-whitepaper.eml"
    out = CliRunner().invoke(main, ["check", "--explain", "--now", "2026-12-04T10:00:00-05:00", str(eml)]).output
    assert "subject 'Security review' (read first, as a line of the text)" in out
    assert "attachments 'Brightline-Security-Whitepaper.pdf', 'logo.png' (judged by their names)" in out
