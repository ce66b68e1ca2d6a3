"""Configuration: defaults for everything, errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from promisegate.config import documented_keys, load_settings
from promisegate.errors import ConfigError


def test_defaults_need_no_file() -> None:
    s = load_settings()
    assert (s.server.smtp_port, s.server.web_port, s.policy.mode) == (2525, 8025, "gated")
    assert s.upstream.max_lifetime == 5 * 24 * 3600
    assert (s.rules_path / "policy.yaml").exists()


def test_file_values_override_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text('[server]\nsmtp_port = 2600\n[upstream]\nhost = "mx.example"\ntimeout = 5\n'
                   '[[agents]]\nuser = "a"\npassword = "b"\n')
    s = load_settings(cfg)
    assert s.server.smtp_port == 2600 and s.upstream.host == "mx.example" and s.upstream.timeout == 5.0
    assert [a.user for a in s.agents] == ["a"]


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text("[server]\nsmtp_port = 2600\nsmtp_prot = 1\n")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert str(info.value).startswith(f"{cfg}:3: unknown key 'server.smtp_prot'")


def test_wrong_type_and_bad_mode_are_refused(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text('[server]\nsmtp_port = "twenty"\n')
    with pytest.raises(ConfigError, match=r":2: server\.smtp_port must be int"):
        load_settings(cfg)
    cfg.write_text('[policy]\nmode = "yolo"\n')
    with pytest.raises(ConfigError, match=r"policy\.mode must be one of"):
        load_settings(cfg)


def test_invalid_toml_reports_line(tmp_path: Path) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text("[server]\nsmtp_port = = 3\n")
    with pytest.raises(ConfigError, match=r"p.toml:2: invalid TOML"):
        load_settings(cfg)


def test_every_key_is_documented() -> None:
    rows = documented_keys()
    assert len(rows) > 30
    assert [key for key, _, doc in rows if not doc] == []


def test_readme_lists_every_config_key() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    missing = [key for key, _, _ in documented_keys() if f"`{key}`" not in readme]
    assert missing == []
