"""Approval tokens: unguessable, signed, bound to message/approver/action, expiring, single use."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from promisegate.approval_tokens import TokenStore, load_secret
from promisegate.errors import ApprovalError
from tests.approvals.support import T0


def _store(tmp_path: Path, secret: bytes = b"k" * 32) -> TokenStore:
    path = tmp_path / "db.sqlite3"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(path, check_same_thread=False, isolation_level=None)

    return TokenStore(connect, secret)


def test_secret_is_created_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "var" / "secret.key"
    first = load_secret(path)
    assert len(first) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret(path) == first


def test_secret_readable_by_others_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    load_secret(path)
    os.chmod(path, 0o644)
    load_secret(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_token_round_trip_and_fits_an_address_local_part(tmp_path: Path) -> None:
    store = _store(tmp_path)
    token = store.issue("Q1", "SE@Seller.example", "approve", T0 + timedelta(hours=72), now=T0)
    assert len(f"approve+{token}") <= 64
    tok = store.lookup(token.upper())  # mail systems may fold case
    assert (tok.queue_id, tok.approver, tok.action) == ("Q1", "se@seller.example", "approve")
    assert tok.expires_at == T0 + timedelta(hours=72) and tok.used_at is None


def test_tokens_are_unique(tmp_path: Path) -> None:
    store = _store(tmp_path)
    tokens = {store.issue("Q1", "a@x.example", "view", T0) for _ in range(200)}
    assert len(tokens) == 200


@pytest.mark.parametrize("mangle", [
    lambda t: "not-a-token",
    lambda t: t[:-1] + ("a" if t[-1] != "a" else "b"),  # altered signature
    lambda t: ("a" if t[0] != "a" else "b") + t[1:],  # another id
    lambda t: t[:20],
])
def test_forged_or_altered_tokens_are_refused(tmp_path: Path, mangle) -> None:
    store = _store(tmp_path)
    token = store.issue("Q1", "a@x.example", "approve", T0)
    with pytest.raises(ApprovalError, match=r"forged|not a valid|not issued"):
        store.lookup(mangle(token))


def test_token_from_another_installation_is_refused(tmp_path: Path) -> None:
    ours = _store(tmp_path, b"a" * 32)
    token = ours.issue("Q1", "a@x.example", "approve", T0)
    theirs = TokenStore(lambda: sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None), b"b" * 32)
    with pytest.raises(ApprovalError, match="signature is invalid"):
        theirs.lookup(token)


def test_rebinding_a_token_in_the_database_breaks_its_signature(tmp_path: Path) -> None:
    store = _store(tmp_path)
    token = store.issue("Q1", "a@x.example", "approve", T0)
    db = sqlite3.connect(tmp_path / "db.sqlite3")
    db.execute("UPDATE approval_tokens SET approver = 'mallory@x.example'")
    db.commit()
    db.close()
    with pytest.raises(ApprovalError, match="signature is invalid"):
        store.lookup(token)


def test_consume_is_single_use(tmp_path: Path) -> None:
    store = _store(tmp_path)
    tok = store.lookup(store.issue("Q1", "a@x.example", "approve", T0))
    store.consume(tok, "a@x.example", "web")
    with pytest.raises(ApprovalError, match="already used"):
        store.consume(tok, "a@x.example", "web")
    assert store.lookup(tok.token).used_by == "a@x.example"


def test_grant_siblings_and_voiding_a_decided_message(tmp_path: Path) -> None:
    store = _store(tmp_path)
    grant = store.issue_grant("Q1", "a@x.example", T0)
    assert set(grant) == {"view", "approve", "reject", "edit", "reply"}
    siblings = store.siblings(store.lookup(grant["approve"]).grant_id)
    assert {a: t.token for a, t in siblings.items()} == grant
    assert store.void_message("Q1", "approved") == 4  # all but the view link
    assert store.lookup(grant["reject"]).used_at is not None
    assert store.lookup(grant["view"]).used_at is None


def test_highlight_splits_text_at_commitment_offsets() -> None:
    from promisegate.web.render import highlight

    text = "Hi. We ship Friday. And the report Monday."
    segments = highlight(text, [{"start": 4, "end": 19, "kind": "date"}, {"start": 10, "end": 12},
                                {"start": 20, "end": 42, "kind": "document"}, {"start": 99, "end": 120}])
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.mark) for s in segments if s.mark is not None] == [
        ("We ship Friday.", 0), ("And the report Monday.", 2)]
