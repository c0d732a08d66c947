"""Secrets never reach the logs: every log record has them replaced, message and traceback alike.

PTB logs the Bot API URL at DEBUG level (`Set Bot API URL: …/bot<token>`), and httpx logs each request
URL at INFO (it stays at WARNING anyway). Redacting at record creation covers every handler, including
ones added later (a file, journald, pytest's capture), whatever the level.
"""

from __future__ import annotations

import logging
from typing import Any

MASK = "[secret]"
_secrets: set[str] = set()
_installed = False


def redact_secrets(*secrets: str | None) -> None:
    """Mask these values (the bot token, a database password) in every log record from now on."""
    global _installed
    _secrets.update(s for s in secrets if s and len(s) >= 8)
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _secrets:
            _clean(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True


def clean(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, MASK)
    return text


def _clean(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed log call: let the handler report it as usual
        return
    masked = clean(message)
    if masked != message:
        record.msg, record.args = masked, None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = clean(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = clean(record.stack_info)
