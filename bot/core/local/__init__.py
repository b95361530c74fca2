"""The local engine: spaCy plus our own rules. No key, no network."""
