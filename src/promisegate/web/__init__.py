"""The approver web UI: held queue, message view, edit/approve/reject, history and deal ledgers."""
