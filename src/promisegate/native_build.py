"""Build the mypyc-compiled extractor: `python -m promisegate.native_build` (see native.py)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from promisegate.native import BUILD_DIR, COMPILED, GROUP, MANIFEST, PACKAGE_DIR, ROOT, digest, fresh


def build(build_dir: Path = BUILD_DIR) -> None:
    """Compile `COMPILED` with mypyc into `build_dir`, replacing what is there only once the build has succeeded."""
    from mypyc.build import mypycify  # a dev dependency: only a build needs it
    from setuptools import Distribution

    src = PACKAGE_DIR.parent
    paths = ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(build_dir.parent / "mypy-cache"),
             *(f"promisegate/{name}.py" for name in COMPILED)]
    build_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="native-", dir=build_dir.parent))
    here = Path.cwd()
    try:
        os.chdir(src)  # mypyc names the modules by their paths from here
        version = digest()
        extensions = mypycify(paths, opt_level="3", debug_level="0", multi_file=True, group_name=GROUP,
                              target_dir=str(work / "c"))
        dist = Distribution({"name": "promisegate-native", "ext_modules": extensions})
        cmd = dist.get_command_obj("build_ext")
        cmd.build_lib = str(work / "out")  # type: ignore[attr-defined]
        cmd.build_temp = str(work / "tmp")  # type: ignore[attr-defined]
        cmd.parallel = os.cpu_count() or 1  # type: ignore[attr-defined]
        dist.run_command("build_ext")
        out = work / "out"
        (out / MANIFEST).write_text(json.dumps({"digest": version, "modules": list(COMPILED)}, indent=1) + "\n",
                                    encoding="utf-8")
        old = build_dir.with_name(build_dir.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if build_dir.exists():
            build_dir.rename(old)
        out.rename(build_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    if fresh():  # (make saw a newer file, but no compiled module's source changed)
        (BUILD_DIR / MANIFEST).touch()
        print(f"promisegate: compiled extractor in {BUILD_DIR} is up to date")
        return 0
    try:
        build()
    except Exception as exc:  # no compiler, a type error: the Python source still runs
        print(f"promisegate: the compiled extractor was not built ({type(exc).__name__}: {exc}); "
              "the Python source runs instead, about 1.7x slower", file=sys.stderr)
        return 1
    print(f"promisegate: compiled extractor built in {BUILD_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
