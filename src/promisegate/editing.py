"""Edit-then-release: replace the text of a held message and describe the change for the audit log."""

from __future__ import annotations

import difflib
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from promisegate.errors import ParseError


def replace_text(raw: bytes, new_text: str) -> tuple[bytes, str]:
    """Return the message with its text/plain body replaced (HTML alternative dropped) and a unified diff."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise ParseError("message has no text body to edit")
    old_text = body.get_content()
    if msg.is_multipart() and body.get_content_type() == "text/plain" and not any(msg.iter_attachments()):
        # An edited plain text no longer matches the HTML alternative; send the edit only.
        msg.clear_content()
        msg.set_content(new_text)
    elif body.get_content_type() == "text/plain":
        body.set_content(new_text)
    else:
        body.set_content(new_text)  # html part replaced by the approver's plain text
    diff = "".join(difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), "before", "after"))
    return msg.as_bytes(policy=policy.SMTP), diff
