"""The extractor's modules (and the data model they build) compiled to C with mypyc, used in place of their Python
source when built from it.

`make install` runs `python -m promisegate.native_build`, which compiles the modules in `COMPILED` into
`build/native/` at the top of the checkout (never next to the source) and writes there a manifest with a digest of
the sources it read. `promisegate/__init__.py` calls `activate()` before any of them is imported: the compiled ones
are put ahead of the source on the packages' paths only when that digest matches the source as it is now. A module
edited since the build, another Python, a failed or missing build: the Python source runs, with the same results
(tests/extract/test_native.py compares the two), about 1.7x slower. PROMISEGATE_PURE_PYTHON=1 forces the source.

mypyc trusts the annotations at run time: the compiled modules must type-check (`mypy`, run by `make lint`).
Only the standard library is imported here: every `import promisegate` runs this first.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent  # src/promisegate
ROOT = PACKAGE_DIR.parents[1]  # the checkout
BUILD_DIR = ROOT / "build" / "native"
MANIFEST = "manifest.json"
PURE_ENV = "PROMISEGATE_PURE_PYTHON"
GROUP = "promisegate_native"  # the shared library is <GROUP>__mypyc, a top-level module of BUILD_DIR
# Everything the extractor runs per message, by path under src/promisegate. Not compiled: the packages' __init__
# (they call activate), this module and its builder, the CLI, and the YAML loaders (run once at start; mypyc cannot
# compile lexicon.py's loader class patch).
COMPILED = (
    "model",
    *(f"extract/{name}" for name in (
        "commit_claims", "commit_cues", "commit_lists", "commit_objects", "commit_rules", "commit_units",
        "commit_values", "commitments", "compile", "nlp", "pattern_lists", "time_calendar", "time_context",
        "time_features", "time_join", "time_moves", "time_patterns", "time_resolve", "times", "word_classes")),
)

active = False  # whether the compiled modules are in use in this process


def digest(package_dir: Path = PACKAGE_DIR) -> str:
    """What a build is valid for: this Python's ABI and the source of every compiled module."""
    h = hashlib.sha256(f"{sys.implementation.cache_tag} {sysconfig.get_config_var('EXT_SUFFIX')}".encode())
    for name in COMPILED:
        h.update(name.encode() + b"\0" + (package_dir / f"{name}.py").read_bytes() + b"\0")
    return h.hexdigest()


def fresh(build_dir: Path = BUILD_DIR, package_dir: Path = PACKAGE_DIR) -> bool:
    """Whether `build_dir` holds a build of the modules as they are now in `package_dir`."""
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
        return bool(manifest.get("digest") == digest(package_dir))
    except (OSError, ValueError, AttributeError):
        return False


def activate(package_path: list[str]) -> bool:
    """Put the compiled modules ahead of the source on `package_path` (promisegate's __path__) when a fresh build is
    there and the environment does not ask for pure Python. promisegate.extract then calls `extend` on its own."""
    global active
    if os.environ.get(PURE_ENV, "") not in ("", "0") or not fresh():
        return False
    _ahead(package_path, BUILD_DIR / "promisegate")
    if str(BUILD_DIR) not in sys.path:
        sys.path.append(str(BUILD_DIR))  # (only the shared library's own name is found there)
    active = True
    return True


def extend(package_path: list[str], package: str) -> None:
    """Put the compiled modules of subpackage `package` ahead of its source, when `activate` put the build in use."""
    if active:
        _ahead(package_path, BUILD_DIR / "promisegate" / package)


def _ahead(package_path: list[str], directory: Path) -> None:
    if str(directory) not in package_path:
        package_path.insert(0, str(directory))
