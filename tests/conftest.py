"""Shared fixtures: real upstream sink and relay on loopback, temp data dirs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support import RunningServer, UpstreamSink, free_port, make_settings


@pytest.fixture
def upstream_sink() -> Iterator[UpstreamSink]:
    sink = UpstreamSink(free_port())
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def relay_factory(tmp_path: Any, upstream_sink: UpstreamSink) -> Iterator[Any]:
    """Start relays with given setting overrides; all are stopped at the end of the test."""
    started: list[RunningServer] = []

    def start(**overrides: Any) -> RunningServer:
        settings = make_settings(tmp_path / f"var{len(started)}", upstream_sink.port, **overrides)
        server = RunningServer(settings).__enter__()
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.__exit__(None, None, None)


@pytest.fixture
def relay_server(relay_factory: Any) -> RunningServer:
    """A relay in gated mode delivering to `upstream_sink`."""
    return relay_factory()
