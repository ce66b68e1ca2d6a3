"""`promisegate extract`: the --json and --jsonl contracts and their error handling."""

from __future__ import annotations

import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from promisegate.cli import main
from promisegate.extract.cli import answer_line, parse_now, serve_jsonl
from promisegate.extract.times import get_engine
from promisegate.paths import bundled

UTC = ZoneInfo("UTC")


def test_answer_line_times_and_echoed_id() -> None:
    out = answer_line(json.dumps({"id": "r1", "text": "Call me Friday at 3pm ET.", "now": "2024-07-10T09:00"}),
                      UTC)
    assert out["id"] == "r1"
    assert [t["text"] for t in out["times"]] == ["Friday at 3pm ET"]
    assert out["times"][0]["from"] == "2024-07-12T15:00:00-04:00"
    assert set(out) >= {"commitments", "requests", "times"}


def test_answer_line_zone_aware_and_null_now() -> None:
    aware = answer_line('{"id": 1, "text": "today", "now": "2024-07-10T23:30:00-07:00"}', UTC)
    assert aware["times"][0]["from"].startswith("2024-07-11T00:00:00+00:00")
    clock = answer_line('{"id": 2, "text": "today", "now": null}', UTC)
    assert clock["times"][0]["grain"] == "day"


def test_malformed_lines_get_errors_and_the_stream_goes_on() -> None:
    stdin = io.StringIO('not json\n{"id": "x", "text": 5}\n\n{"id": "y", "text": "Q3", "now": "2024-01-01"}\n'
                        '{"id": "z", "text": "Q3", "now": "yesterday-ish"}\n')
    stdout = io.StringIO()
    serve_jsonl(stdin, stdout, UTC)
    lines = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [line.get("id") for line in lines] == [None, "x", "y", "z"]
    assert "error" in lines[0] and "error" in lines[1] and "error" in lines[3]
    assert lines[2]["times"][0]["from"] == "2024-07-01T00:00:00+00:00"


def test_parse_now_naive_takes_tz() -> None:
    assert parse_now("2024-07-10T09:00", ZoneInfo("Europe/Paris")).isoformat() == "2024-07-10T09:00:00+02:00"
    assert parse_now("2024-07-10T09:00Z", UTC).utcoffset() is not None


def test_missing_file_names_the_file() -> None:
    result = CliRunner().invoke(main, ["extract", "--json", "/no/such/file.txt"])
    assert result.exit_code != 0
    assert "/no/such/file.txt" in result.output


def test_bad_zone_and_bad_now_are_refused() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["extract", "--json", "--tz", "Mars/Olympus", "-"], input="x").exit_code == 2
    assert runner.invoke(main, ["extract", "--json", "--now", "soon", "-"], input="x").exit_code == 2


def test_json_and_jsonl_together_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["extract", "--json", "--jsonl"]).exit_code == 2


def test_unreadable_eml_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "broken.eml"
    bad.mkdir()  # a directory cannot be read as a message
    result = CliRunner().invoke(main, ["extract", "--json", str(bad)])
    assert result.exit_code != 0 and "broken.eml" in result.output


def test_fixture_emails_parse_and_offsets_hold() -> None:
    from datetime import datetime

    from promisegate.extract.nlp import get_nlp
    from promisegate.extract.times import find_times
    from promisegate.parse import parse_message

    emails = sorted((bundled("fixtures") / "emails").glob("*.eml"))
    assert len(emails) >= 8
    get_engine()
    found = 0
    for path in emails:
        text = parse_message(path.read_bytes()).text
        for span in find_times(get_nlp()(text), datetime(2024, 7, 10, 9, 0), "UTC"):
            assert text[span.start:span.end] == span.text
            found += 1
    assert found > 20
