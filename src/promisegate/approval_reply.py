"""Reply-to-approve: a mail to ``approve+TOKEN@host`` whose first word decides.

The reply is accepted only when the token is valid and unused, it is the notice's reply
token, and both the envelope sender and the From header are the approver the token was
issued to. Sender addresses can be forged, so the token in the address is the real secret;
docs/approvals.md spells out that risk. Automatic replies (vacation, out-of-office) are
refused so they can never decide anything.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr
from typing import TYPE_CHECKING

from promisegate import notices
from promisegate.errors import ApprovalError, ParseError
from promisegate.parse import parse_message

if TYPE_CHECKING:
    from promisegate.approvals import ApprovalService

APPROVE_WORDS = frozenset({"approve", "approved", "yes", "send", "ok", "okay"})
REJECT_WORDS = frozenset({"reject", "rejected", "no", "deny", "denied"})
_WORD = re.compile(r"[A-Za-z]+")


def decision_of(text: str) -> tuple[str, str]:
    """('approve'|'reject', rest of the reply as the reason) from the first word of new text."""
    stripped = text.strip()
    m = _WORD.search(stripped)
    if m is None or stripped[: m.start()].strip(" \t\r\n*_"):
        raise ApprovalError("the first word of the reply must be approve or reject; the reply has no such word")
    word = m.group(0).lower()
    rest = stripped[m.end():].lstrip(" \t:,.-!\u2013\u2014")
    # The reason is the rest of the first paragraph, so a signature block never becomes the reason.
    reason = " ".join(rest.split("\n\n", 1)[0].split())
    if word in APPROVE_WORDS:
        return "approve", reason
    if word in REJECT_WORDS:
        return "reject", reason
    raise ApprovalError(f"the first word of the reply must be approve or reject, not {word!r}")


def _header_sender(raw: bytes) -> tuple[str, EmailMessage]:
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    return parseaddr(str(msg.get("From", "")))[1].strip().lower(), msg


async def handle_reply(service: ApprovalService, raw: bytes, mail_from: str, token: str) -> str:
    """Check and carry out one reply; raises ApprovalError with the reason it was refused."""
    tok = service.tokens.lookup(token)
    if tok.action != "reply":
        raise ApprovalError(f"this is a {tok.action!r} link token; only the reply address of a notice "
                            "accepts replies")
    header_from, msg = _header_sender(raw)
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    if (auto and auto != "no") or msg.get("X-Autoreply") or str(msg.get("Precedence", "")).lower() in (
            "bulk", "junk", "auto_reply"):
        raise ApprovalError("automatic replies (out-of-office, vacation) cannot approve or reject")
    envelope = (mail_from or "").strip().lower()
    if envelope != tok.approver or header_from != tok.approver:
        shown = envelope or header_from or "an empty sender"
        raise ApprovalError(f"reply from a different sender: {shown} is not the approver this address "
                            "was sent to")
    try:
        text = parse_message(raw, mail_from).text
    except ParseError as exc:
        raise ApprovalError(f"the reply could not be read: {exc}") from exc
    decision, reason = decision_of(text)
    if decision == "approve":
        qm = await service.approve(token, envelope, "email", address=envelope)
        outcome = f"Approved: message {qm.queue_id} released for delivery"
    else:
        qm = await service.reject(token, envelope, reason, "email", address=envelope)
        outcome = f"Rejected: message {qm.queue_id} will not be sent; the agent was told why"
    await service.relay.send_notice(
        [envelope], notices.confirmation_notice(service.settings, qm, envelope, outcome, reason))
    return outcome
