"""Rules that judge commitments against calendars, deals and the ledger."""
