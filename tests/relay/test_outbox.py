"""The local outbox Maildir: what it stores and how the outbox page reads it back."""

from __future__ import annotations

import asyncio
from pathlib import Path

from promisegate.deliver import MaildirOutbox
from tests.support import compose


def test_outbox_keeps_the_envelope_and_lists_the_newest_first(tmp_path: Path) -> None:
    outbox = MaildirOutbox(tmp_path / "outbox")
    for n in range(5):
        msg = compose(subject=f"message {n}", body="hello", sender="agent@seller.example", to="sam@buyer.example")
        result = asyncio.run(outbox.send(msg.as_bytes(), "agent@seller.example", ["sam@buyer.example", "x@y.example"]))
        assert result.accepted == ("sam@buyer.example", "x@y.example")
    entries = outbox.entries(limit=3)
    assert [e.subject for e in entries] == ["message 4", "message 3", "message 2"]
    assert entries[0].recipients == "sam@buyer.example, x@y.example"
    raw = outbox.get(entries[0].key)
    assert raw is not None and b"X-Promisegate-Envelope-From: <agent@seller.example>" in raw
    assert outbox.get("no-such-key") is None
    assert outbox.get("../../etc/passwd") is None
