"""Structured logs: JSON lines on request, and never the message text unless log_bodies is set."""

from __future__ import annotations

import json
import logging

import pytest

from promisegate.config import load_settings
from promisegate.logs import JsonLines
from promisegate.pipeline import Checker

SECRET = "We can offer the zebra-discount of 17% if you sign today."
RAW = f"From: a@seller.example\r\nTo: b@example.com\r\nSubject: s\r\n\r\n{SECRET}\r\n".encode()


def test_json_lines_formatter_emits_one_object_per_record() -> None:
    record = logging.LogRecord("promisegate.relay", logging.INFO, __file__, 1, "delivered %s", ("Q1",), None)
    line = JsonLines().format(record)
    assert json.loads(line) == {**json.loads(line), "level": "info", "logger": "promisegate.relay",
                                "msg": "delivered Q1"}


@pytest.mark.parametrize("log_bodies", [False, True])
def test_message_text_reaches_logs_only_when_asked(caplog: pytest.LogCaptureFixture, log_bodies: bool) -> None:
    settings = load_settings(None, {"server.log_bodies": log_bodies})
    with caplog.at_level(logging.DEBUG):
        Checker(settings, None).check(RAW)
    assert ("zebra-discount" in caplog.text) is log_bodies
