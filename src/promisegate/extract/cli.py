"""`promisegate extract`: commitments, requests and times of one text, or of a JSONL stream.

    promisegate extract [--now ISO8601] [--tz ZONE] (--json|--jsonl) [FILE|-]

--json reads one plain text (or an .eml, by file name) and prints one JSON object.
--jsonl serves a long-lived scorer: one {"id","text","now"} object per stdin line, one answer
line per input, flushed at once; a bad line gets {"id", "error"} and the stream goes on.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from promisegate.errors import PromisegateError
from promisegate.extract import extract
from promisegate.extract.times import get_engine
from promisegate.parse import parse_message


def _zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise click.BadParameter(f"unknown time zone {value!r}", param_hint="--tz") from exc


def parse_now(value: str | None, zone: ZoneInfo) -> datetime:
    """An ISO 8601 instant; naive values are in `zone`; None means the clock."""
    if value is None:
        return datetime.now(zone)
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _read_source(source: str) -> str:
    """The text to analyse: stdin for "-", the new text of an .eml, or a plain-text file."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {source}: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".eml":
        try:
            return parse_message(raw).text
        except PromisegateError as exc:
            raise click.ClickException(f"cannot parse {source} as email: {exc}") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{source} is not UTF-8 text (byte {exc.start})") from exc


def answer_line(line: str, zone: ZoneInfo) -> dict[str, Any]:
    """Answer one JSONL request; errors become {"id", "error"} rather than ending the stream."""
    rid: Any = None
    try:
        request = json.loads(line)
        if not isinstance(request, dict):
            raise ValueError("a request must be a JSON object")
        rid = request.get("id")
        text = request.get("text")
        if not isinstance(text, str):
            raise ValueError('"text" must be a string')
        now_value = request.get("now")
        if now_value is not None and not isinstance(now_value, str):
            raise ValueError('"now" must be an ISO 8601 string or null')
        now = parse_now(now_value, zone)
        return {"id": rid, **extract(text, now, zone).to_json()}
    except (ValueError, PromisegateError) as exc:
        return {"id": rid, "error": f"{type(exc).__name__}: {exc}"}


def serve_jsonl(stdin: IO[str], stdout: IO[str], zone: ZoneInfo) -> None:
    """Answer every request line of `stdin` on `stdout`, flushing after each."""
    while True:
        line = stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        stdout.write(json.dumps(answer_line(line, zone), ensure_ascii=False) + "\n")
        stdout.flush()


@click.command("extract")
@click.option("--now", "now_text", metavar="ISO8601", help="Reference time (default: the clock).")
@click.option("--tz", "tz_name", default="UTC", show_default=True, metavar="ZONE",
              help="Zone for naive --now values and for times written without a zone.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for FILE.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Serve {id,text,now} lines on stdin.")
@click.argument("source", default="-", metavar="[FILE|-]")
def extract_command(now_text: str | None, tz_name: str, as_json: bool, as_jsonl: bool, source: str) -> None:
    """Print the commitments, requests and time expressions found in a text or .eml file."""
    if as_json and as_jsonl:
        raise click.UsageError("choose one of --json and --jsonl")
    zone = _zone(tz_name)
    try:
        get_engine()  # load and validate the patterns before reading any input
    except PromisegateError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_jsonl:
        serve_jsonl(sys.stdin, sys.stdout, zone)
        return
    try:
        now = parse_now(now_text, zone)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 time: {now_text!r}", param_hint="--now") from exc
    text = _read_source(source)
    try:
        result = extract(text, now, zone).to_json()
    except PromisegateError as exc:
        raise click.ClickException(f"cannot extract from {source}: {exc}") from exc
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    sys.stdout.flush()
