"""The walkthrough in docs/rules.md, executed step by step in a temporary directory.

Marked blocks drive the test: `<!-- walkthrough: run -->` runs each `$ ` line (`cp -r` from the
checkout, or `promisegate ...`) and checks the lines shown under it appear in the output (a command
showing a FAIL line must exit 1, others 0); `file PATH` writes the block; `insert PATH after LINE`
inserts the block after that line of the file.
"""

from __future__ import annotations

import re
import shlex
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from promisegate.config import load_settings
from tests.tuning.support import MARIA, RECORDING, REPO, cli, mail, seed_spool

BLOCK = re.compile(r"<!-- walkthrough: (?P<action>.+?) -->\n(?P<indent> *)```[a-z]*\n(?P<body>.*?)\n *```",
                   re.DOTALL)


def _steps() -> list[tuple[str, str]]:
    text = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text[text.index("## Walkthrough"):]
    section = section[:section.index("\n## ", 3)]
    steps = []
    for m in BLOCK.finditer(section):
        body = "\n".join(line[len(m["indent"]):] for line in m["body"].splitlines())
        steps.append((m["action"].strip(), textwrap.dedent(body) if m["action"].startswith("run") else body))
    return steps


def _run_block(body: str, root: Path) -> None:
    commands: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif line.strip():
            commands[-1][1].append(line.strip())
    for command, shown in commands:
        argv = shlex.split(command)
        if argv[:2] == ["cp", "-r"]:
            shutil.copytree(REPO / argv[2], root / argv[3])
            continue
        assert argv[0] == "promisegate", f"the walkthrough may only run cp -r and promisegate: {command}"
        result = CliRunner().invoke(cli(), argv[1:])
        want = 1 if any(s.startswith("FAIL ") for s in shown) else 0
        assert result.exit_code == want, f"$ {command}\n{result.output}"
        for fragment in shown:
            assert fragment in result.output, f"$ {command}: {fragment!r} not in\n{result.output}"


def test_walkthrough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = _steps()
    assert [a.split()[0] for a, _ in steps] == ["run", "insert", "run", "file", "file", "run", "run"]
    monkeypatch.chdir(tmp_path)
    # "a relay that has handled some mail in ./var": the recording promise, released under today's deals.
    settings = load_settings(None, {"server.data_dir": str(tmp_path / "var")})
    seed_spool(settings, [(MARIA, mail(MARIA, RECORDING))])
    for action, body in steps:
        kind, *rest = action.split()
        if kind == "run":
            _run_block(body, tmp_path)
        elif kind == "file":
            target = tmp_path / rest[0]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body + "\n", encoding="utf-8")
        elif kind == "insert":
            target, marker = tmp_path / rest[0], " ".join(rest[2:])
            lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
            at = next(i for i, line in enumerate(lines) if line.rstrip() == marker) + 1
            target.write_text("".join([*lines[:at], body + "\n", *lines[at:]]), encoding="utf-8")
        else:
            pytest.fail(f"unknown walkthrough step {action!r}")
