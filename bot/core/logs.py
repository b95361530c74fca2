"""Logging for the long-running bot: JSON lines off a terminal, a short human format on one, and
secrets redacted from every record whatever logger wrote it.

Redaction runs as a handler filter that rewrites the record itself (message, args, exception and
stack text, string extras), so handlers added after ours see the redacted record too.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.core.settings import Settings

REDACTED = "[redacted]"
# Authorization header values however they are quoted or printed: "Bearer sk-...", "Bot MTI3...".
# The value must look like a credential (a digit or one of ._~+/=-) so "Bot briefbot" stays readable.
_AUTH_VALUE = re.compile(
    r"\b(Bearer|Bot)(\s+)(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}"
)
_AUTH_HEADER = re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\"\s,}]+(?:\s+[^'\"\s,}]+)?")
# Attributes every LogRecord has; anything else on a record came from `extra=` and is emitted too.
_STANDARD = set(vars(logging.LogRecord("x", 0, "x", 0, "x", None, None))) | {"message", "asctime"}
_MARK = "_briefbot_handler"


class Redactor:
    """Replaces known secrets and authorization header values in text with `[redacted]`."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        # Longest first, so a secret that contains another is replaced whole.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Redactor:
        """A redactor for the Discord token and the OpenAI API key in `settings`."""
        if settings is None:
            return cls()
        values = [settings.discord_token, settings.openai_api_key]
        return cls(v.get_secret_value().strip() for v in values if v is not None)

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
        return _AUTH_VALUE.sub(lambda m: m.group(1) + m.group(2) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """A handler filter that redacts secrets from every record it passes (it never drops one)."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redact = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message or record.args:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, self.redact(value))
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, extras, and the exception if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, default=str, ensure_ascii=False)


class HumanFormatter(logging.Formatter):
    """`time level logger: message key=value ...` for a person watching a terminal."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = [f"{k}={v}" for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")]
        if not extras:
            return line
        head, sep, tail = line.partition("\n")
        return f"{head} {' '.join(extras)}{sep}{tail}"


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def setup_logging(
    settings: Settings | None = None, *, stream: TextIO | None = None, level: int = logging.INFO
) -> None:
    """Send logs to `stream` (stderr): JSON lines unless it is a terminal, secrets redacted.

    Calling it again replaces the handler it added before, and a plain console handler from
    `logging.basicConfig`, so no line is printed twice. briefbot's own loggers log at `level`.
    """
    target = stream if stream is not None else sys.stderr
    root = logging.getLogger()
    for old in list(root.handlers):
        plain_console = type(old) is logging.StreamHandler and old.stream in (sys.stderr, target)
        if getattr(old, _MARK, False) or plain_console:
            root.removeHandler(old)
    handler = logging.StreamHandler(target)
    setattr(handler, _MARK, True)
    handler.setFormatter(HumanFormatter() if _is_tty(target) else JsonFormatter())
    handler.addFilter(RedactingFilter(Redactor.from_settings(settings)))
    root.addHandler(handler)
    ours = logging.getLogger("briefbot")
    if ours.getEffectiveLevel() > level:
        ours.setLevel(level)
