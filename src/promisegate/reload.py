"""Hot reload of rules, deals and calendar settings, on file change or SIGHUP.

A change is validated by building a complete new Checker and context first; if that
fails, the rules in force stay in force and the error is logged with its file and line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from promisegate.context.loader import load_context
from promisegate.pipeline import Checker

if TYPE_CHECKING:
    from promisegate.relay import Relay

log = logging.getLogger(__name__)
_WATCHED_SUFFIXES = {".yaml", ".yml", ".jsonl", ".ics", ".json"}
# An old context may still be in use by a check running in a worker thread; close it later.
_CLOSE_OLD_AFTER = 30.0


class Reloader:
    """Watches the policy, pattern, deal and people files of one relay and swaps them in when valid."""

    def __init__(self, relay: Relay, interval: float = 2.0) -> None:
        self.relay = relay
        self.interval = interval
        self.last_error: str | None = None
        self._kick = asyncio.Event()
        self._seen = self._snapshot()

    def _files(self) -> Iterator[Path]:
        s = self.relay.settings
        for root in (s.rules_path, s.deals_path):
            if root.is_dir():
                yield from (p for p in root.rglob("*") if p.suffix in _WATCHED_SUFFIXES)
        if s.people_path.exists():
            yield s.people_path

    def _snapshot(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for path in self._files():
            try:
                out[str(path)] = path.stat().st_mtime_ns
            except OSError:
                continue
        return out

    def trigger(self) -> None:
        """Ask for a reload now (SIGHUP)."""
        self._kick.set()

    def _build(self) -> tuple[Checker, object]:
        from promisegate.extract import reload_patterns

        settings = self.relay.settings
        reload_patterns()
        context = load_context(settings)
        return Checker(settings, context), context

    async def reload(self) -> bool:
        """Build and validate new rules and context off the loop; swap them in only if everything loads."""
        settings = self.relay.settings
        try:
            # Built on the check thread: pattern reload must not race a check in progress.
            checker, context = await asyncio.get_running_loop().run_in_executor(
                self.relay.check_executor, self._build)
        except Exception as exc:
            self.last_error = str(exc)
            log.error("reload refused, the current rules stay in force: %s", exc)
            self.relay.audit.record("reload-failed", None, error=str(exc))
            return False
        old = self.relay.context
        self.relay.checker, self.relay.context = checker, context
        self.last_error = None
        if old is not None:
            asyncio.get_running_loop().call_later(_CLOSE_OLD_AFTER, old.close)
        log.info("reloaded rules from %s and deals from %s", settings.rules_path, settings.deals_path)
        self.relay.audit.record("reloaded", None, rules=str(settings.rules_path), deals=str(settings.deals_path))
        return True

    async def run(self) -> None:
        """Poll file modification times; reload on change or when triggered."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._kick.wait(), self.interval)
            kicked = self._kick.is_set()
            self._kick.clear()
            current = await asyncio.to_thread(self._snapshot)
            if kicked or current != self._seen:
                self._seen = current
                try:
                    await self.reload()
                except Exception:  # the watcher must outlive any one bad reload
                    log.exception("reload crashed; the current rules stay in force")
