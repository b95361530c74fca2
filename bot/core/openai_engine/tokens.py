"""Token counting, offline.

tiktoken downloads its encoding files from the internet on first use and the wheel ships none, so
briefbot vendors `o200k_base.tiktoken.gz` (the encoding of gpt-4o, gpt-4.1, gpt-5 and the o-series;
byte-identical to tiktoken's published file, checked by its sha256 at load) and builds the tiktoken
Encoding from it. Counts are exact for models tiktoken maps to o200k_base; for any other model (an
Ollama or vLLM model, an older cl100k model) the o200k count is used as an estimate, which tracks
their tokenisers within roughly 10-20% on English news text. Budgets keep a margin for that.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from functools import cache
from importlib import resources

import tiktoken
from tiktoken.model import encoding_name_for_model

from bot.core.errors import ConfigError

ENCODING_FILE = "o200k_base.tiktoken.gz"
# sha256 of the uncompressed file, as pinned by tiktoken_ext.openai_public.o200k_base.
ENCODING_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
_SPECIAL = {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}
# tiktoken's o200k_base split pattern (tiktoken_ext/openai_public.py).
_PATTERN = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)
# Chat framing per message (role and separators) and reply priming, per OpenAI's cookbook recipe.
TOKENS_PER_MESSAGE = 3
TOKENS_REPLY_PRIMING = 3


@cache
def encoding() -> tiktoken.Encoding:
    """The o200k_base encoding, built from the vendored file (loaded once per process)."""
    data = gzip.decompress(resources.files("bot.core.data").joinpath(ENCODING_FILE).read_bytes())
    if hashlib.sha256(data).hexdigest() != ENCODING_SHA256:
        raise ConfigError(f"The bundled tokenizer file {ENCODING_FILE} is corrupt; reinstall briefbot.")
    ranks = {
        base64.b64decode(token): int(rank)
        for token, rank in (line.split() for line in data.splitlines() if line)
    }
    return tiktoken.Encoding(
        name="o200k_base", pat_str=_PATTERN, mergeable_ranks=ranks, special_tokens=_SPECIAL
    )


def count_tokens(text: str) -> int:
    """Tokens in `text` (special-token look-alikes in articles are counted as plain text)."""
    return len(encoding().encode(text, disallowed_special=()))


def count_messages(messages: list[dict[str, str]]) -> int:
    """Prompt tokens of a chat request's messages, framing included."""
    return TOKENS_REPLY_PRIMING + sum(
        TOKENS_PER_MESSAGE + count_tokens(m["content"]) for m in messages
    )


def is_exact_for(model: str) -> bool:
    """True when the model's own tokenizer is o200k_base, so counts are exact, not estimates."""
    try:
        return encoding_name_for_model(model) == "o200k_base"
    except KeyError:
        return False
