"""The local engine's version for the briefing cache: a fingerprint of everything that shapes its output.

A hand-bumped number went stale: a rule change shipped while the store kept serving briefings the
old rules made. The fingerprint covers the rule modules, the data files they read, and the spaCy
and model versions, so an upgrade of any of them re-briefs an article instead of answering from the
cache.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_LOCAL = Path(__file__).resolve().parent
_DATA = _LOCAL.parent / "data"
_DATA_FILES = ("systems.json", "countries.json")


@lru_cache(maxsize=1)
def rules_version() -> str:
    """ "local-rules@<12 hex digits>", stable for one installation, new after any change."""
    digest = hashlib.sha256()
    for path in [*sorted(_LOCAL.glob("*.py")), *(_DATA / name for name in _DATA_FILES)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    import spacy

    from bot.core.local.nlp import load_nlp

    meta = load_nlp().meta
    digest.update(f"spacy={spacy.__version__} model={meta.get('name')}={meta.get('version')}".encode())
    return f"local-rules@{digest.hexdigest()[:12]}"
