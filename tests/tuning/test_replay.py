"""`promisegate replay`: stored mail judged again under candidate rules or deals."""

from __future__ import annotations

import json
import mailbox
import shutil
from pathlib import Path

import pytest

from tests.tuning.support import MARIA, PEN_TEST, RECORDING, TOM, Workspace, mail, run, seed_spool


@pytest.fixture
def seeded(work: Workspace) -> tuple[Workspace, list[str]]:
    """A spool holding the recording promise (released) and the pen test promise (held)."""
    ids = seed_spool(work.settings(), [(MARIA, mail(MARIA, RECORDING)),
                                       (TOM, mail(TOM, PEN_TEST, "Security review"))])
    return work, ids


def test_nothing_changes_under_the_same_rules(seeded: tuple[Workspace, list[str]]) -> None:
    work, _ = seeded
    out = run("replay", "--since", "1", "--config", str(work.config), "--all").output
    # Each message is judged against the ledger as it stood: its own promises do not count against it.
    assert out.strip() == "2 message(s) replayed, 0 would change"


def test_a_restricted_document_turns_a_release_into_a_hold(seeded: tuple[Workspace, list[str]], tmp_path: Path
                                                           ) -> None:
    work, (recording_id, _) = seeded
    candidate = tmp_path / "candidate-deals"
    shutil.copytree(work.deals, candidate)
    work.restrict_recording(candidate)
    out = run("replay", "--since", "1", "--config", str(work.config), "--deals", str(candidate)).output.splitlines()
    assert out[0].startswith(f"{recording_id}  ") and out[0].endswith("Following up")
    assert out[1] == "  release -> hold"
    assert out[2].startswith("  + [document-restricted +6] Promises the Demo recording")
    assert out[-1] == "2 message(s) replayed, 1 would change (release -> hold: 1)"


def test_disabling_a_rule_releases_what_it_held(seeded: tuple[Workspace, list[str]], tmp_path: Path) -> None:
    work, (_, pen_test_id) = seeded
    policy = work.rules / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  document-restricted:\n    enabled: true", "  document-restricted:\n    enabled: false"), encoding="utf-8")
    data = json.loads(run("replay", "--since", "1", "--config", str(work.config), "--rules", str(work.rules),
                          "--json").output)
    assert data["summary"] == {"hold->release": 1}
    (change,) = data["changed"]
    assert change["id"] == pen_test_id and change["subject"] == "Security review"
    assert [f["rule"] for f in change["disappeared"]] == ["document-restricted"]
    assert change["appeared"] == []


def test_since_excludes_older_mail(seeded: tuple[Workspace, list[str]]) -> None:
    work, _ = seeded
    out = run("replay", "--since", "2999-01-01", "--config", str(work.config)).output
    assert out.strip() == "0 message(s) replayed, 0 would change"


def test_an_mbox_archive_is_judged_under_current_and_candidate_rules(work: Workspace, tmp_path: Path) -> None:
    box_path = tmp_path / "sent.mbox"
    box = mailbox.mbox(str(box_path))
    box.add(mail(MARIA, RECORDING).replace(b"Subject:", b"Date: Mon, 23 Nov 2026 10:00:00 -0800\nSubject:", 1))
    box.add(mail(MARIA, "Hi Maria,\n\nThanks for today.\n", "Thanks"))
    box.close()
    candidate = tmp_path / "candidate-deals"
    shutil.copytree(work.deals, candidate)
    work.restrict_recording(candidate)
    out = run("replay", "--since", "2026-01-01", "--config", str(work.config), "--deals", str(candidate),
              "--mbox", str(box_path)).output.splitlines()
    assert out[0].startswith("sent.mbox#0  2026-11-23 10:00  Following up")
    assert out[1] == "  release -> hold"
    assert out[-1] == "2 message(s) replayed, 1 would change (release -> hold: 1)"


def test_a_maildir_archive(work: Workspace, tmp_path: Path) -> None:
    md = mailbox.Maildir(str(tmp_path / "Sent"))
    md.add(mail(TOM, PEN_TEST, "Security review"))
    md.close()
    out = run("replay", "--since", "1", "--config", str(work.config), "--maildir", str(tmp_path / "Sent")).output
    assert out.strip().endswith("1 message(s) replayed, 0 would change")


def test_no_spool_is_a_clear_error(work: Workspace) -> None:
    out = run("replay", "--since", "1", "--config", str(work.config), code=1).output
    assert f"no spool at {work.var / 'promisegate.sqlite3'}" in out
