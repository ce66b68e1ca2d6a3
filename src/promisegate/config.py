"""One TOML file -> typed settings, with a documented default for every key.

The defaults here are the documentation: `promisegate config --show` prints them
merged with the file, and the README table is generated from the field comments.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from promisegate.errors import ConfigError
from promisegate.model import MODES
from promisegate.paths import bundled


@dataclass
class AgentAccount:
    """An agent allowed to send through the relay (SMTP AUTH user)."""

    user: str = ""
    password: str = ""
    api_key: str = ""  # for the HTTP API; empty disables API access for this agent


@dataclass
class ServerSettings:
    smtp_host: str = "127.0.0.1"  # address the SMTP gateway listens on
    smtp_port: int = 2525  # SMTP port agents connect to
    web_host: str = "127.0.0.1"  # address of the web UI and JSON API
    web_port: int = 8025  # port of the web UI and JSON API
    hostname: str = "promisegate.localhost"  # name used in Received headers, Message-IDs and approval addresses
    public_url: str = ""  # base URL put in approval links; default http://web_host:web_port
    data_dir: str = "var"  # SQLite state, outbox Maildir, secrets and logs
    max_message_size: int = 10 * 1024 * 1024  # bytes; larger messages get 552
    max_recipients: int = 100  # recipients per message; more get 452
    rate_limit_per_minute: int = 120  # messages per agent per minute; more get 451
    allow_unauthenticated: list[str] = field(default_factory=list)  # client IPs/CIDRs that may send without AUTH
    tls_cert: str = ""  # PEM certificate; enables STARTTLS when set with tls_key
    tls_key: str = ""  # PEM private key for tls_cert
    auth_require_tls: bool = False  # refuse AUTH before STARTTLS (set true on any non-loopback listener)
    log_format: str = "text"  # "text" or "json" (JSON lines)
    log_level: str = "info"  # debug, info, warning, error
    log_bodies: bool = False  # include message text in logs (debugging only)


@dataclass
class PolicySettings:
    mode: str = "gated"  # autonomous | monitor | gated | draft-only | paused
    rules_dir: str = ""  # directory of rules/*.yaml and pattern files; empty = bundled rules


@dataclass
class UpstreamSettings:
    host: str = ""  # upstream SMTP server; empty = deliver to the local outbox Maildir under data_dir
    port: int = 25  # upstream port
    tls: str = "none"  # none | starttls | implicit
    username: str = ""  # upstream AUTH user (optional)
    password: str = ""  # upstream AUTH password
    timeout: float = 30.0  # seconds per SMTP command
    max_lifetime: float = 5 * 24 * 3600.0  # seconds a message may stay deferred before it fails (Postfix: 5 days)
    backoff_initial: float = 60.0  # first retry delay in seconds; doubles each attempt
    backoff_max: float = 4 * 3600.0  # cap on the retry delay in seconds
    concurrency: int = 4  # parallel upstream deliveries


@dataclass
class ContextSettings:
    deals_dir: str = ""  # directory of deals/*.yaml; empty = bundled demo deals
    people_file: str = ""  # people.yaml mapping people to calendars, time zones, working hours; empty = bundled demo
    calendar_refresh_seconds: float = 300.0  # how often calendar sources are re-read
    calendar_max_stale_seconds: float = 3600.0  # how long a last good copy may be used when a source fails
    ics_url_hosts: list[str] = field(default_factory=list)  # hosts from which ICS URLs may be fetched
    default_timezone: str = "UTC"  # zone for people and naive times that name none
    calendar_timeout_seconds: float = 10.0  # network timeout for one ICS URL or CalDAV read
    calendar_window_past_days: int = 30  # busy time is indexed from this many days before now
    calendar_window_future_days: int = 400  # ... to this many days after now (wider queries widen it)


@dataclass
class ApprovalSettings:
    token_ttl_hours: float = 72.0  # how long approval links and reply addresses stay valid
    renotify_hours: float = 24.0  # re-send the notice when a hold waits this long
    escalate_hours: float = 48.0  # notify the next approver after this long
    on_expiry: str = "reject"  # reject | release: what happens to a hold nobody answers
    address_local: str = "approve"  # reply-to-approve address is approve+TOKEN@hostname
    notify_from: str = ""  # sender of notices; default promisegate@hostname


@dataclass
class QaSettings:
    sample_rate: float = 0.05  # share of released messages queued for post-send review (0 disables)
    reviewers: list[str] = field(default_factory=list)  # emails allowed to label sampled messages; empty = approvers


@dataclass
class Settings:
    """The effective configuration."""

    server: ServerSettings = field(default_factory=ServerSettings)
    policy: PolicySettings = field(default_factory=PolicySettings)
    upstream: UpstreamSettings = field(default_factory=UpstreamSettings)
    context: ContextSettings = field(default_factory=ContextSettings)
    approvals: ApprovalSettings = field(default_factory=ApprovalSettings)
    qa: QaSettings = field(default_factory=QaSettings)
    agents: list[AgentAccount] = field(
        default_factory=lambda: [AgentAccount("demo-agent", "demo-password", "demo-api-key")]
    )
    # Web logins ({email, password}); the defaults are the demo world's SEs so `make run` can be explored.
    approvers: list[dict[str, str]] = field(default_factory=lambda: [
        {"email": "dana.lee@brightline.example", "password": "demo-approver"},
        {"email": "jonas.weber@brightline.example", "password": "demo-approver"},
    ])
    source: str = ""  # path of the TOML file, if any

    @property
    def data_path(self) -> Path:
        return Path(self.server.data_dir)

    @property
    def rules_path(self) -> Path:
        return Path(self.policy.rules_dir) if self.policy.rules_dir else bundled("rules")

    @property
    def deals_path(self) -> Path:
        return Path(self.context.deals_dir) if self.context.deals_dir else bundled("fixtures") / "deals"

    @property
    def people_path(self) -> Path:
        return Path(self.context.people_file) if self.context.people_file else bundled("fixtures") / "people.yaml"

    @property
    def base_url(self) -> str:
        return self.server.public_url.rstrip("/") or f"http://{self.server.web_host}:{self.server.web_port}"

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out.pop("source")
        return out


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(\[+\s*)?{re.escape(key)}\b", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _coerce(value: Any, hint: Any, where: str, path: str, text: str) -> Any:
    origin = get_origin(hint)
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{where} must be a list", path, _line_of(text, where.rsplit(".", 1)[-1]))
        (item,) = get_args(hint)
        return [_coerce(v, item, where, path, text) for v in value]
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ConfigError(f"{where} must be a table", path, _line_of(text, where.rsplit(".", 1)[-1]))
        return _build(hint, value, where, path, text)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool) and not (isinstance(value, hint) and not (
            hint is int and isinstance(value, bool))):
        key = where.rsplit(".", 1)[-1]
        raise ConfigError(f"{where} must be {hint.__name__}, got {value!r}", path, _line_of(text, key))
    return value


def _build(cls: Any, data: dict[str, Any], prefix: str, path: str, text: str) -> Any:
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    kwargs = {}
    for key, value in data.items():
        where = f"{prefix}.{key}" if prefix else key
        if key not in names:
            known = ", ".join(sorted(names))
            raise ConfigError(f"unknown key {where!r} (known: {known})", path, _line_of(text, key))
        hint = hints[key]
        kwargs[key] = value if hint == list[dict[str, str]] else _coerce(value, hint, where, path, text)
    return cls(**kwargs)


def load_settings(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Read the TOML file (if any) over the defaults, then apply dotted-key overrides from flags."""
    settings = Settings()
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read config: {exc.strerror}", str(p)) from exc
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            # Python 3.11's TOMLDecodeError has no lineno attribute; the line is in the text.
            m = re.search(r"at line (\d+)", str(exc))
            line = getattr(exc, "lineno", None) or (int(m.group(1)) if m else None)
            raise ConfigError(f"invalid TOML: {exc}", str(p), line) from exc
        settings = _build(Settings, data, "", str(p), text)
        settings.source = str(p)
    for dotted, value in (overrides or {}).items():
        section, _, key = dotted.partition(".")
        if key:
            setattr(getattr(settings, section), key, value)
        else:
            setattr(settings, section, value)
    validate(settings)
    return settings


def validate(settings: Settings) -> None:
    """Refuse settings that would make the relay unsafe or unusable."""
    where = settings.source or None
    if settings.policy.mode not in MODES:
        raise ConfigError(f"policy.mode must be one of {', '.join(MODES)}, got {settings.policy.mode!r}", where)
    if settings.upstream.tls not in ("none", "starttls", "implicit"):
        raise ConfigError("upstream.tls must be none, starttls or implicit", where)
    if not 0.0 <= settings.qa.sample_rate <= 1.0:
        raise ConfigError("qa.sample_rate must be between 0 and 1", where)
    if settings.approvals.on_expiry not in ("reject", "release"):
        raise ConfigError("approvals.on_expiry must be reject or release", where)
    if settings.server.log_format not in ("text", "json"):
        raise ConfigError("server.log_format must be text or json", where)
    if bool(settings.server.tls_cert) != bool(settings.server.tls_key):
        raise ConfigError("server.tls_cert and server.tls_key must be set together", where)
    for agent in settings.agents:
        if not agent.user or not agent.password:
            raise ConfigError("every [[agents]] entry needs user and password", where)


def documented_keys() -> list[tuple[str, str, str]]:
    """(key, default, comment) for every setting, read from this module's source comments."""
    import inspect

    rows: list[tuple[str, str, str]] = []
    for section, cls in (("server", ServerSettings), ("policy", PolicySettings), ("upstream", UpstreamSettings),
                         ("context", ContextSettings), ("approvals", ApprovalSettings), ("qa", QaSettings)):
        source = inspect.getsource(cls)
        for f in dataclasses.fields(cls):
            m = re.search(rf"^\s+{f.name}:.*?#\s*(.+)$", source, re.MULTILINE)
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            rows.append((f"{section}.{f.name}", repr(default), m.group(1).strip() if m else ""))
    return rows
