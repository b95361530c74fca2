"""The product core: models, ingest, engines, grounding, store and renderers. Never imports discord."""
