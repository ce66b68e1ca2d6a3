"""The SQLite spool: durable accept, atomic transitions, WAL with full sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from promisegate.errors import NotFound
from promisegate.spool import Store


def test_accept_is_durable_and_readable_from_a_new_connection(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    qid = store.accept(b"Subject: hi\r\n\r\nbody", "a@x", ["b@y"], agent="bot", subject="hi")
    store.close()
    again = Store(tmp_path / "s.db")
    got = again.get(qid)
    assert (got.state, got.raw, got.rcpts, got.pending_rcpts, got.agent) == (
        "accepted", b"Subject: hi\r\n\r\nbody", ("b@y",), ("b@y",), "bot")
    db = again.connect()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: fsync on commit


def test_transition_is_compare_and_set(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    qid = store.accept(b"x", "a@x", ["b@y"])
    assert store.transition(qid, ("accepted",), "held", reason="why", verdict={"action": "hold"})
    assert not store.transition(qid, ("accepted",), "released")  # already moved: second actor loses
    got = store.get(qid)
    assert (got.state, got.reason, got.verdict) == ("held", "why", {"action": "hold"})


def test_due_lists_only_deliverable_messages_whose_time_has_come(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    a = store.accept(b"x", "a@x", ["b@y"], state="released")
    b = store.accept(b"x", "a@x", ["b@y"], state="deferred")
    store.transition(b, ("deferred",), "deferred", next_attempt_at=10**12)
    store.accept(b"x", "a@x", ["b@y"], state="held")
    assert [m.queue_id for m in store.due(now=10**11)] == [a]


def test_missing_and_deleted_messages_raise_not_found(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    qid = store.accept(b"x", "a@x", ["b@y"])
    store.delete(qid)
    with pytest.raises(NotFound):
        store.get(qid)
    with pytest.raises(NotFound):
        store.delete(qid)
