"""Notices the relay sends back to an agent: delivery failure and rejection with the reason."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from promisegate.spool import QueuedMessage


def _base(hostname: str, to: str, subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"promisegate <MAILER-DAEMON@{hostname}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=hostname)
    msg["Auto-Submitted"] = "auto-replied"
    return msg


def failure_notice(qm: QueuedMessage, hostname: str, reason: str, rcpts: tuple[str, ...]) -> EmailMessage:
    """Tell the sending agent its message could not be delivered, and why."""
    msg = _base(hostname, qm.mail_from, f"Undelivered: {qm.subject}")
    msg["X-Promisegate-Queue-Id"] = qm.queue_id
    msg.set_content(
        f"Your message could not be delivered.\n\n"
        f"Queue id:   {qm.queue_id}\nMessage-ID: {qm.message_id}\nSubject:    {qm.subject}\n"
        f"Recipients: {', '.join(rcpts)}\nReason:     {reason}\n\n"
        f"The message was not sent to these recipients and will not be retried.\n"
    )
    return msg


def rejection_notice(qm: QueuedMessage, hostname: str, actor: str, reason: str) -> EmailMessage:
    """Tell the sending agent a held message was rejected, with the approver's reason, so it can revise."""
    msg = _base(hostname, qm.mail_from, f"Rejected: {qm.subject}")
    msg["X-Promisegate-Queue-Id"] = qm.queue_id
    msg["X-Promisegate-Action"] = "rejected"
    findings = (qm.verdict or {}).get("findings", [])
    lines = "\n".join(f"  - {f['message']}" for f in findings) or "  (none)"
    msg.set_content(
        f"Your message was not sent: {actor} rejected it.\n\n"
        f"Reason: {reason or '(no reason given)'}\n\n"
        f"Subject:    {qm.subject}\nRecipients: {', '.join(qm.rcpts)}\nQueue id:   {qm.queue_id}\n\n"
        f"What promisegate flagged:\n{lines}\n\nRevise the message and send it again.\n"
    )
    return msg
