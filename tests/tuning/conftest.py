"""Fixtures for the rule-tuning tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tuning.support import Workspace, make_workspace


@pytest.fixture
def work(tmp_path: Path) -> Workspace:
    """A private copy of the bundled rules and deals, and a config pointing at it."""
    return make_workspace(tmp_path)
