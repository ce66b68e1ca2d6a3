"""The mypyc build of the extractor: used only when it was built from the source as it is, and it agrees with it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from promisegate import native
from promisegate.paths import bundled
from tests.extract import test_commitments, test_times_cases


def _copy_sources(dest: Path) -> Path:
    for name in native.COMPILED:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(native.PACKAGE_DIR / f"{name}.py", dest / f"{name}.py")
    return dest


def test_a_build_is_used_only_for_the_source_it_was_built_from(tmp_path: Path) -> None:
    package = _copy_sources(tmp_path / "promisegate")
    build = tmp_path / "build"
    build.mkdir()
    assert not native.fresh(build, package)  # no build at all
    (build / native.MANIFEST).write_text(json.dumps({"digest": native.digest(package)}), encoding="utf-8")
    assert native.fresh(build, package)
    with (package / "extract" / "times.py").open("a", encoding="utf-8") as f:
        f.write("\n# edited after the build\n")
    assert not native.fresh(build, package)  # one module edited since: its source runs
    (build / native.MANIFEST).write_text("{not json", encoding="utf-8")
    assert not native.fresh(build, package)


def _run_python(code: str, **env: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         env={**os.environ, **env})
    return out.stdout.strip()


def test_pure_python_can_be_asked_for() -> None:
    code = ("import promisegate.extract.times as t, promisegate.model as m, promisegate.native as n; "
            "print(n.active, t.__file__, m.__file__)")
    active, times, model = _run_python(code, **{native.PURE_ENV: "1"}).split()
    assert active == "False"
    assert times.endswith("times.py") and model.endswith("model.py")


def _texts() -> list[str]:
    texts = [case[0] for case in test_commitments.POSITIVE] + [case[0] for case in test_commitments.NEGATIVE]
    texts += [case.text for case in test_times_cases.POSITIVE] + [case[0] for case in test_times_cases.NEGATIVE]
    for path in sorted((bundled("fixtures") / "emails").glob("*.eml")):
        body = BytesParser(policy=policy.default).parsebytes(path.read_bytes()).get_body(preferencelist=("plain",))
        assert body is not None
        texts.append(body.get_content())
    return texts


def _extract_all(texts: list[str], **env: str) -> list[dict[str, object]]:
    lines = "".join(json.dumps({"id": n, "text": t, "now": "2024-07-10T09:00:00-04:00"}) + "\n"
                    for n, t in enumerate(texts))
    out = subprocess.run([sys.executable, "-m", "promisegate", "extract", "--jsonl", "--tz", "America/New_York"],
                         input=lines, capture_output=True, text=True, check=True, timeout=300,
                         env={**os.environ, **env})
    return [json.loads(line) for line in out.stdout.splitlines()]


@pytest.mark.skipif(not native.fresh(), reason="no compiled extractor for this source: `make install` builds it "
                                                "(it needs a C compiler)")
def test_the_compiled_extractor_is_in_use_and_agrees_with_the_source() -> None:
    assert native.active, "a fresh build is there, so `import promisegate.extract` must have put it in use"
    code = "import promisegate.extract.times as t, promisegate.model as m; print(t.__file__, m.__file__)"
    assert all(path.endswith(".so") for path in _run_python(code).split())
    texts = _texts()
    compiled = _extract_all(texts)
    source = _extract_all(texts, **{native.PURE_ENV: "1"})
    assert len(compiled) == len(texts) > 1500
    differ = [texts[n] for n, (a, b) in enumerate(zip(compiled, source, strict=True)) if a != b]
    assert not differ, f"{len(differ)} texts extract differently, e.g. {differ[:3]}"
    assert sum(len(r["commitments"]) + len(r["times"]) for r in compiled) > 1000  # type: ignore[arg-type]
