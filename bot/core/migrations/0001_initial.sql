-- Articles are stored once per exact text; briefings point at them.
CREATE TABLE articles (
    content_sha256 TEXT PRIMARY KEY CHECK (length(content_sha256) = 64),
    text           TEXT NOT NULL,
    chars          INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);

-- One briefing per cache key: content + engine + prompt version + model.
-- model is '' (not NULL) for engines without one, because NULLs never collide in a UNIQUE key.
-- guild_id is who asked last (NULL for the CLI and direct messages); it is not part of the key,
-- so the same article briefed in two guilds costs one model call.
CREATE TABLE briefings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    content_sha256 TEXT NOT NULL REFERENCES articles (content_sha256),
    engine         TEXT NOT NULL,
    prompt_id      TEXT NOT NULL,
    model          TEXT NOT NULL DEFAULT '',
    guild_id       INTEGER,
    url            TEXT,
    site           TEXT,
    published      TEXT,
    title          TEXT NOT NULL,
    bluf           TEXT NOT NULL,
    briefing_json  TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (content_sha256, engine, prompt_id, model)
);

CREATE INDEX briefings_by_time ON briefings (created_at DESC, id DESC);
CREATE INDEX briefings_by_guild_time ON briefings (guild_id, created_at DESC, id DESC);

-- Names a briefing mentions, one row each, rewritten whenever the briefing is: what a later
-- full-text index, per-guild digest or "who was in the news" query reads without parsing JSON.
CREATE TABLE briefing_entities (
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('actor', 'system', 'speaker')),
    name        TEXT NOT NULL,
    PRIMARY KEY (briefing_id, kind, name)
) WITHOUT ROWID;

CREATE INDEX briefing_entities_by_name ON briefing_entities (name COLLATE NOCASE, kind);
