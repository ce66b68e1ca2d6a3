"""ApprovalService over a real spool and audit log: notices, decisions, refusals, replies and the sweep."""

from __future__ import annotations

import re
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from promisegate.approval_reply import decision_of
from promisegate.approvals import ApprovalService
from promisegate.errors import ApprovalError
from promisegate.model import Finding, Verdict
from tests.approvals.support import (
    AGENT,
    DEPUTY,
    MANAGER,
    OWNER,
    T0,
    FakeRelay,
    fixed_clock,
    held_message,
    make_relay,
    run,
)

LINK = re.compile(r"http://127\.0\.0\.1:8025/t/([a-z2-7-]+)")


def _setup(tmp_path: Path, deal: str | None = "acme", **overrides) -> tuple[FakeRelay, ApprovalService, str]:
    relay = make_relay(tmp_path, **overrides)
    service = ApprovalService(relay, clock=fixed_clock(T0))  # type: ignore[arg-type]
    qid = held_message(relay, deal)
    run(service.notifier.held(relay.store.get(qid), Verdict("hold", 6.5, "gated", "held")))
    return relay, service, qid


def _links(msg: EmailMessage) -> dict[str, str]:
    body = msg.get_content()
    out = {}
    for label, action in (("View the message", "view"), ("Approve and send", "approve"), ("Reject", "reject"),
                          ("Edit, then send", "edit")):
        line = next(x for x in body.splitlines() if x.startswith(label))
        out[action] = LINK.search(line).group(1)  # type: ignore[union-attr]
    out["reply"] = str(msg["Reply-To"]).split("+", 1)[1].split("@", 1)[0]
    return out


def _reply(sender: str, body: str, **headers: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "approve@promisegate.localhost"
    msg["Subject"] = "Re: held"
    for k, v in headers.items():
        msg[k] = v
    msg.set_content(body)
    return msg.as_bytes()


def test_hold_notice_goes_to_owner_and_deal_approvers_with_own_links(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    assert [to for to, _ in relay.sent] == [[OWNER], [DEPUTY]]
    msg = relay.notices_to(OWNER)[0]
    body = msg.get_content()
    assert "agent-1" in body and "sam@buyer.example" in body and "Integration timeline" in body
    assert "Dana is on leave that Friday." in body
    assert '"We will ship the integration by Friday."' in body
    assert str(msg["Reply-To"]).startswith("approve+") and str(msg["Reply-To"]).endswith("@promisegate.localhost")
    assert msg["Auto-Submitted"] == "auto-generated"
    links = _links(msg)
    assert service.tokens.lookup(links["approve"]).approver == OWNER
    assert _links(relay.notices_to(DEPUTY)[0])["approve"] != links["approve"]
    notified = [e for e in relay.audit.events(qid) if e.event == "notified"]
    assert [e.details["to"] for e in notified] == [OWNER, DEPUTY]


def test_without_a_deal_the_configured_approvers_are_told(tmp_path: Path) -> None:
    relay, _, _ = _setup(tmp_path, deal=None)
    assert [to for to, _ in relay.sent] == [[MANAGER]]


def test_approve_link_releases_once_and_is_audited(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    links = _links(relay.notices_to(OWNER)[0])
    qm = run(service.approve(links["approve"], OWNER, "web", "127.0.0.1"))
    assert qm.state == "released"
    events = [(e.event, e.actor) for e in relay.audit.events(qid)]
    assert ("approved", OWNER) in events and ("released", OWNER) in events
    with pytest.raises(ApprovalError, match="already used"):
        run(service.approve(links["approve"], OWNER, "web"))
    # The deputy's links die with the decision.
    with pytest.raises(ApprovalError, match="already used"):
        run(service.reject(_links(relay.notices_to(DEPUTY)[0])["reject"], DEPUTY, "too late", "web"))


@pytest.mark.parametrize(("case", "match"), [
    ("view-link-used-to-approve", "is a 'view' link"),
    ("reject-link-used-to-approve", "is a 'reject' link"),
    ("another-approvers-token", "issued to another approver"),
    ("expired", "expired at"),
    ("forged", "forged"),
])
def test_refusals_say_why_and_change_nothing(tmp_path: Path, case: str, match: str) -> None:
    relay, service, qid = _setup(tmp_path)
    links = _links(relay.notices_to(OWNER)[0])
    token, actor = links["approve"], OWNER
    if case == "view-link-used-to-approve":
        token = links["view"]
    elif case == "reject-link-used-to-approve":
        token = links["reject"]
    elif case == "another-approvers-token":
        actor = DEPUTY
    elif case == "expired":
        service.clock.holder["now"] = T0 + timedelta(hours=72, seconds=1)  # type: ignore[attr-defined]
    elif case == "forged":
        token = token[:-2] + "aa"
    with pytest.raises(ApprovalError, match=match):
        run(service.approve(token, actor, "web"))
    assert relay.store.get(qid).state == "held"
    assert not [e for e in relay.audit.events(qid) if e.event in ("approved", "released")]


def test_reject_link_rejects_with_the_reason(tmp_path: Path) -> None:
    relay, service, _ = _setup(tmp_path)
    qm = run(service.reject(_links(relay.notices_to(OWNER)[0])["reject"], OWNER, "  Dana is out;\n offer Monday ",
                            "web"))
    assert qm.state == "rejected" and qm.reason == "Dana is out; offer Monday"


def test_logged_in_approver_acts_through_the_same_path(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    verdict = run(service.act_as(qid, MANAGER, "edit", "web", text="We will confirm a date next week."))
    assert verdict.action == "release"
    assert relay.store.get(qid).state == "released"
    with pytest.raises(ApprovalError, match="no longer held"):
        run(service.act_as(qid, MANAGER, "approve", "web"))


@pytest.mark.parametrize(("text", "expected"), [
    ("approve", ("approve", "")),
    ("Yes, send it.\n\nThanks", ("approve", "send it.")),
    ("SEND", ("approve", "")),
    ("Reject: Dana is on leave, offer the 14th\nsecond line\n\n-- \nDana", ("reject",
     "Dana is on leave, offer the 14th second line")),
    ("no - wrong price", ("reject", "wrong price")),
])
def test_first_word_decides(text: str, expected: tuple[str, str]) -> None:
    assert decision_of(text) == expected


@pytest.mark.parametrize("text", ["", "Maybe later", "I think approve", "> approve"])
def test_replies_without_a_decision_are_refused(text: str) -> None:
    with pytest.raises(ApprovalError, match="first word"):
        decision_of(text)


def test_reply_approves_and_confirms(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    reply_token = _links(relay.notices_to(OWNER)[0])["reply"]
    raw = _reply(OWNER, "Approve\n\nOn Mon, promisegate wrote:\n> Reject: nothing here decides")
    outcome = run(service.handle_reply(raw, OWNER, reply_token))
    assert outcome.startswith("Approved") and "\n" not in outcome
    assert relay.store.get(qid).state == "released"
    confirmation = relay.notices_to(OWNER)[-1]
    assert confirmation["Subject"].startswith("[promisegate] Approved")
    assert any(e.event == "approved" and e.via == "email" for e in relay.audit.events(qid))


def test_reply_rejects_with_reason(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    reply_token = _links(relay.notices_to(OWNER)[0])["reply"]
    run(service.handle_reply(_reply(OWNER, "reject the date is wrong"), OWNER, reply_token))
    assert relay.store.get(qid).state == "rejected"
    assert relay.store.get(qid).reason == "the date is wrong"


@pytest.mark.parametrize(("case", "match"), [
    ("different-envelope-sender", "different sender"),
    ("different-header-from", "different sender"),
    ("approve-link-token", "is a 'approve' link"),
    ("auto-reply", "automatic replies"),
    ("reused", "already used"),
])
def test_reply_refusals(tmp_path: Path, case: str, match: str) -> None:
    relay, service, qid = _setup(tmp_path)
    links = _links(relay.notices_to(OWNER)[0])
    token, sender, header_from, headers = links["reply"], OWNER, OWNER, {}
    if case == "different-envelope-sender":
        sender = DEPUTY
    elif case == "different-header-from":
        header_from = "mallory@evil.example"
    elif case == "approve-link-token":
        token = links["approve"]
    elif case == "auto-reply":
        headers = {"Auto-Submitted": "auto-replied"}
    elif case == "reused":
        run(service.handle_reply(_reply(OWNER, "approve"), OWNER, token))
    with pytest.raises(ApprovalError, match=match):
        run(service.handle_reply(_reply(header_from, "approve", **headers), sender, token))
    if case != "reused":
        assert relay.store.get(qid).state == "held"


def test_sweep_reminds_escalates_then_expires(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    assert run(service.sweep(T0 + timedelta(hours=1))) == []
    assert run(service.sweep(T0 + timedelta(hours=24, minutes=1))) == [f"{qid}: reminded {OWNER}, {DEPUTY}"]
    assert relay.notices_to(OWNER)[-1]["Subject"].startswith("[promisegate] Reminder")
    lines = run(service.sweep(T0 + timedelta(hours=48, minutes=1)))
    assert lines == [f"{qid}: escalated to {MANAGER}"]
    escalated = relay.notices_to(MANAGER)[0]
    assert "ESCALATED" in escalated.get_content() and escalated["Subject"].startswith("[promisegate] Escalated")
    service.clock.holder["now"] = T0 + timedelta(hours=50)  # type: ignore[attr-defined]
    assert service.tokens.lookup(_links(escalated)["approve"]).approver == MANAGER
    lines = run(service.sweep(T0 + timedelta(hours=72, minutes=1)))
    assert lines[0].startswith(f"{qid}: expired after 3 d")
    assert relay.store.get(qid).state == "rejected"
    assert "no approver answered within 72 hours" in relay.store.get(qid).reason
    assert [e.event for e in relay.audit.events(qid)].count("expired") == 1
    assert run(service.sweep(T0 + timedelta(hours=100))) == []


def test_expiry_can_release(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path, **{"approvals.on_expiry": "release"})
    run(service.sweep(T0 + timedelta(hours=73)))
    assert relay.store.get(qid).state == "released"


def test_monitor_note_goes_to_the_owner(tmp_path: Path) -> None:
    relay, service, qid = _setup(tmp_path)
    relay.sent.clear()
    verdict = Verdict("release", 2.0, "monitor", "released", findings=(Finding("x", 1.0, "m"),))
    run(service.notifier.monitor(relay.store.get(qid), verdict))
    assert [to for to, _ in relay.sent] == [[OWNER]]
    assert relay.sent[0][1]["Subject"].startswith("[promisegate] Sent with findings")
    assert relay.audit.events(qid)[-1].details["kind"] == "monitor"


def test_notice_failure_never_escapes_the_notifier(tmp_path: Path) -> None:
    relay = make_relay(tmp_path)
    service = ApprovalService(relay, clock=fixed_clock(T0))  # type: ignore[arg-type]
    qid = held_message(relay)

    async def broken(to, msg):
        raise OSError("disk full")

    relay.send_notice = broken  # type: ignore[method-assign]
    run(service.notifier.held(relay.store.get(qid), Verdict("hold", 6.5, "gated", "held")))
    assert relay.store.get(qid).state == "held"
    assert AGENT  # the message stays held; the sweep re-sends later
