"""`promisegate replay`: judge past mail again under candidate rules and list what would change.

For spooled mail the "before" is the verdict stored when the message was checked; for an
mbox or Maildir archive it is the verdict under the current rules. Each message is judged
as of the time it was sent, against the ledger as it stood then (its own promises and
later ones left out), so a message never contradicts itself.
"""

from __future__ import annotations

import mailbox
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email import policy as email_policy
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from promisegate.context import LedgerEntry, LedgerView
from promisegate.model import Mode

if TYPE_CHECKING:
    from promisegate.context.loader import ContextBundle
    from promisegate.pipeline import Checker
    from promisegate.spool import Store



class LedgerAsOf:
    """A ledger view that shows only promises recorded before `before`, never those of `exclude`."""

    def __init__(self, ledger: LedgerView | None, before: datetime, exclude: str = "") -> None:
        self.ledger = ledger
        self.before = before
        self.exclude = exclude

    def entries(self, deal_id: str) -> Sequence[LedgerEntry]:
        if self.ledger is None:
            return []
        return [e for e in self.ledger.entries(deal_id)
                if e.queue_id != self.exclude and e.recorded_at < self.before]


@dataclass(frozen=True)
class ReplayItem:
    """One message judged before and after, with the findings that appeared and disappeared."""

    ident: str
    subject: str
    when: datetime
    before: str
    after: str
    appeared: tuple[Mapping[str, Any], ...] = ()
    disappeared: tuple[Mapping[str, Any], ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def reasons_changed(self) -> bool:
        return bool(self.appeared or self.disappeared)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.ident, "subject": self.subject, "when": self.when.isoformat(), "before": self.before,
                "after": self.after, "appeared": list(self.appeared), "disappeared": list(self.disappeared)}


@dataclass(frozen=True)
class ReplayReport:
    """Every replayed message; `changes` are the ones whose action differs."""

    items: tuple[ReplayItem, ...]
    skipped: int = 0

    @property
    def changes(self) -> list[ReplayItem]:
        return [i for i in self.items if i.changed]

    def summary(self) -> Counter[tuple[str, str]]:
        """(before, after) -> count, for changed messages only."""
        return Counter((i.before, i.after) for i in self.changes)

    def lines(self, show_all: bool = False) -> Iterator[str]:
        """The human report: each change with its reasons (all reason changes with `show_all`), then counts."""
        shown = [i for i in self.items if i.changed or (show_all and i.reasons_changed)]
        for item in shown:
            yield f"{item.ident}  {item.when:%Y-%m-%d %H:%M}  {item.subject[:60]}"
            yield f"  {item.before} -> {item.after}"
            for f in item.appeared:
                yield f"  + [{f.get('rule')} +{float(f.get('score', 0)):g}] {f.get('message')}"
            for f in item.disappeared:
                yield f"  - [{f.get('rule')} +{float(f.get('score', 0)):g}] {f.get('message')}"
        moves = ", ".join(f"{b} -> {a}: {n}" for (b, a), n in sorted(self.summary().items()))
        same = sum(1 for i in self.items if i.reasons_changed and not i.changed)
        yield (f"{len(self.items)} message(s) replayed, {len(self.changes)} would change"
               f"{' (' + moves + ')' if moves else ''}"
               f"{f'; {same} keep their action with other reasons' if same else ''}"
               f"{' (--all to list them)' if same and not show_all else ''}"
               f"{f'; {self.skipped} skipped (checked while paused or never checked)' if self.skipped else ''}")

    def to_json(self) -> dict[str, Any]:
        return {"replayed": len(self.items), "changed": [i.to_json() for i in self.changes],
                "reasons_changed": [i.to_json() for i in self.items if i.reasons_changed and not i.changed],
                "summary": {f"{b}->{a}": n for (b, a), n in sorted(self.summary().items())},
                "skipped": self.skipped}


def _key(f: Mapping[str, Any]) -> tuple[str, str]:
    return str(f.get("rule")), str(f.get("message"))


def diff_findings(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]
                  ) -> tuple[tuple[Mapping[str, Any], ...], tuple[Mapping[str, Any], ...]]:
    """(findings only in `after`, findings only in `before`), compared by rule and message."""
    b, a = {_key(f): f for f in before}, {_key(f): f for f in after}
    return tuple(f for k, f in a.items() if k not in b), tuple(f for k, f in b.items() if k not in a)


@dataclass(frozen=True)
class Judge:
    """A set of rules and context; `at(when)` gives a checker that sees the ledger as it was then."""

    context: ContextBundle | None
    make: Callable[[ContextBundle | None], Checker]

    def at(self, when: datetime, exclude: str = "") -> Checker:
        if self.context is None:
            return self.make(None)
        ledger = LedgerAsOf(self.context.ledger, when, exclude)
        return self.make(replace(self.context, ledger=ledger))  # type: ignore[arg-type]


def replay_spool(store: Store, candidate: Judge, since: datetime, until: datetime | None = None,
                 mode: Mode | None = None) -> ReplayReport:
    """Judge agent mail spooled since `since` again; before = the stored verdict, oldest first."""
    items: list[ReplayItem] = []
    skipped = 0
    for qm in reversed(store.list(None, limit=10_000_000)):
        if qm.kind != "agent" or qm.created_at < since or (until is not None and qm.created_at >= until):
            continue
        stored = qm.verdict or {}
        if not stored or stored.get("mode") == "paused":
            skipped += 1
            continue
        checker = candidate.at(qm.created_at, qm.queue_id)
        run_mode = mode or stored.get("mode") or None
        after = checker.check(qm.raw, qm.mail_from, qm.rcpts, now=qm.created_at, mode=run_mode).verdict
        appeared, gone = diff_findings(stored.get("findings", []), after.to_json()["findings"])
        items.append(ReplayItem(qm.queue_id, qm.subject, qm.created_at, str(stored.get("action")), after.action,
                                appeared, gone))
    return ReplayReport(tuple(items), skipped)


def archive_messages(mbox: Path | None = None, maildir: Path | None = None) -> Iterator[tuple[str, bytes]]:
    """(key, raw bytes) of every message in an mbox file or a Maildir directory."""
    if mbox is not None:
        box: mailbox.Mailbox[Any] = mailbox.mbox(str(mbox), create=False)
        prefix = mbox.name
    elif maildir is not None:
        box = mailbox.Maildir(str(maildir), create=False)
        prefix = maildir.name
    else:
        return
    try:
        for key in sorted(box.keys(), key=str):
            yield f"{prefix}#{key}", box.get_bytes(key)
    finally:
        box.close()


def _sent_at(raw: bytes) -> tuple[datetime, str]:
    headers = BytesHeaderParser(policy=email_policy.default).parsebytes(raw)
    subject = str(headers.get("Subject", ""))
    try:
        when = parsedate_to_datetime(str(headers.get("Date", "")))
    except (TypeError, ValueError):
        return datetime.now(UTC), subject
    return (when if when.tzinfo else when.replace(tzinfo=UTC)), subject


def replay_archive(messages: Iterator[tuple[str, bytes]], current: Judge, candidate: Judge,
                   since: datetime | None = None, mode: Mode | None = None) -> ReplayReport:
    """Judge archived mail under the current and the candidate rules, as of each message's Date."""
    items: list[ReplayItem] = []
    for key, raw in messages:
        when, subject = _sent_at(raw)
        if since is not None and when < since:
            continue
        before = current.at(when).check(raw, now=when, mode=mode).verdict
        after = candidate.at(when).check(raw, now=when, mode=mode).verdict
        appeared, gone = diff_findings(before.to_json()["findings"], after.to_json()["findings"])
        items.append(ReplayItem(key, subject, when, before.action, after.action, appeared, gone))
    return ReplayReport(tuple(items))
