"""Settings: typed, loaded once, and a wrong value stops the start-up with one clear line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import ROOT, ConfigError, load_settings


def test_the_shipped_config_loads_with_sqlite_by_default() -> None:
    settings = load_settings(ROOT / "config.toml", env={})
    assert settings.database_url == "sqlite:///" + str(ROOT / "data" / "hotline.db")
    assert settings.telegram.token is None
    assert settings.events.reminder_offsets == (timedelta(days=7), timedelta(days=1), timedelta(hours=2))
    assert settings.knowledge_dir == ROOT / "knowledge"


def test_environment_variables_override_the_file() -> None:
    token = "123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop"
    settings = load_settings(ROOT / "config.toml", env={
        "TELEGRAM_BOT_TOKEN": token, "DATABASE_URL": "postgresql://u:p@localhost/h"})
    assert settings.telegram.token == token
    assert settings.database_url == "postgresql+psycopg://u:p@localhost/h"


@pytest.mark.parametrize(("content", "key"), [
    ('[answering]\nanswer_threshold = "haut"', "answering.answer_threshold"),
    ("[answering]\nmax_suggestions = 12", "answering.max_suggestions"),
    ('[events]\nreminder_offsets = ["7 jours"]', "events.reminder_offsets"),
    ('[general]\ntimezone = "Mars/Olympus"', "general.timezone"),
    ('[database]\nurl = "mysql://x"', "database.url"),
    ("[desk]\nopening_days = [9]", "desk.opening_days"),
    ('[telegram]\nstaff_chat_id = "groupe"', "telegram.staff_chat_id"),
    ("[general\n", "config.toml"),
])
def test_a_wrong_value_names_the_key_and_what_is_expected(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path, env={})
    message = str(error.value)
    assert key in message and "attendu" in message and "\n" not in message


@pytest.mark.parametrize("token", ["changeme", "123456:ABC", "votre-token", "xxx"])
def test_a_placeholder_token_is_refused_without_echoing_it(token: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_settings(ROOT / "config.toml", env={"TELEGRAM_BOT_TOKEN": token})
    assert "TELEGRAM_BOT_TOKEN" in str(error.value)
    assert token not in str(error.value)


def test_the_console_settings_have_safe_defaults_and_name_the_faulty_key(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    console = load_settings(config, env={}).console
    assert (console.host, console.port, console.public_url, console.with_bot) == (
        "127.0.0.1", 8080, "http://127.0.0.1:8080", False)
    assert console.secure_cookies is False and console.secret is None
    config.write_text('[console]\nport = 70000\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"console\.port"):
        load_settings(config, env={})
    config.write_text('[console]\npublic_url = "console.example.org"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"console\.public_url"):
        load_settings(config, env={})
    config.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="HOTLINE_CONSOLE_SECRET") as refused:
        load_settings(tmp_path / "config.toml", env={"HOTLINE_CONSOLE_SECRET": "short-secret"})
    assert "short-secret" not in str(refused.value)
    config.write_text('[console]\npublic_url = "https://console.example.org/"\nwith_bot = true\n', encoding="utf-8")
    https = load_settings(config, env={}).console
    assert https.public_url == "https://console.example.org" and https.secure_cookies and https.with_bot
