"""Rules that need context (calendars, deals, the ledger); each family lives in its own module.

Importing this module registers them all (see `load_builtin_rules`).
"""

from __future__ import annotations

from promisegate.rules import calendar_rules, concession_rules, date_rules, deal_rules, ledger_rules

__all__ = ["calendar_rules", "concession_rules", "date_rules", "deal_rules", "ledger_rules"]
