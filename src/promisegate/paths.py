"""Where the bundled rules and demo fixtures live, in a checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


def bundled(name: str) -> Path:
    """Return the bundled `rules` or `fixtures` directory."""
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _CHECKOUT / name
