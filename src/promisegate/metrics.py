"""Prometheus metrics of one relay, in their own registry so several relays can share a process."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    """Counters of message outcomes and the check latency histogram."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.accepted = Counter("promisegate_accepted", "Messages accepted over SMTP or the API", registry=r)
        self.released = Counter("promisegate_released", "Messages released for delivery", registry=r)
        self.held = Counter("promisegate_held", "Messages held for approval", registry=r)
        self.rejected = Counter("promisegate_rejected", "Messages rejected by policy or an approver", registry=r)
        self.delivered = Counter("promisegate_delivered", "Messages delivered upstream", registry=r)
        self.deferred = Counter("promisegate_deferred", "Delivery attempts deferred (temporary failure)",
                                registry=r)
        self.failed = Counter("promisegate_failed", "Messages that failed delivery for good", registry=r)
        self.check_seconds = Histogram(
            "promisegate_check_seconds", "Time to check one message", registry=r,
            buckets=(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
        )
        self.queue = Gauge("promisegate_queue_messages", "Messages in the spool by state", ["state"], registry=r)
