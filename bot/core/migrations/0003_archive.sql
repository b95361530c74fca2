-- Where each guild's cards were posted. A briefing row is shared by every guild that asked for the
-- same text (the cache key has no guild), so "which guild has seen what" lives here, and every
-- archive query, duplicate check and digest starts from this table and its guild_id.
CREATE TABLE postings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id    INTEGER NOT NULL,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    thread_id   INTEGER,
    url         TEXT,
    url_norm    TEXT,
    posted_at   TEXT NOT NULL,
    UNIQUE (guild_id, channel_id, message_id)
);

CREATE INDEX postings_by_guild_time ON postings (guild_id, posted_at DESC, id DESC);
CREATE INDEX postings_by_guild_briefing ON postings (guild_id, briefing_id, id DESC);
CREATE INDEX postings_by_guild_url ON postings (guild_id, url_norm) WHERE url_norm IS NOT NULL;
CREATE INDEX briefings_by_content ON briefings (content_sha256);

-- Full-text search over what a reader remembers of a card. rowid = briefings.id. Kept in step by
-- triggers reading the stored JSON, so no code path that writes a briefing can forget it.
CREATE VIRTUAL TABLE briefing_search USING fts5 (
    title, bluf, actors, systems, quotes,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- What the index holds for each briefing, derived from its stored JSON in one place: the triggers
-- and the backfill below all read this view, so they cannot drift apart.
CREATE VIEW briefing_search_source (id, title, bluf, actors, systems, quotes) AS
SELECT b.id, b.title, b.bluf,
    (SELECT group_concat(n, ' ; ') FROM (
        SELECT json_extract(a.value, '$.name') AS n FROM json_each(b.briefing_json, '$.actors') a
        UNION ALL
        SELECT al.value FROM json_each(b.briefing_json, '$.actors') a,
                             json_each(a.value, '$.aliases') al
        UNION ALL
        SELECT json_extract(v.value, '$.speaker') FROM json_each(b.briefing_json, '$.expert_views') v
    )),
    (SELECT group_concat(n, ' ; ') FROM (
        SELECT json_extract(s.value, '$.name') AS n FROM json_each(b.briefing_json, '$.systems') s
        UNION ALL
        SELECT al.value FROM json_each(b.briefing_json, '$.systems') s,
                             json_each(s.value, '$.aliases') al
    )),
    (SELECT group_concat(json_extract(q.value, '$.text'), ' ; ')
       FROM json_each(b.briefing_json, '$.expert_views') v,
            json_each(v.value, '$.quotes') q
      WHERE json_extract(q.value, '$.verbatim'))
FROM briefings b;

CREATE TRIGGER briefing_search_insert AFTER INSERT ON briefings BEGIN
    INSERT INTO briefing_search (rowid, title, bluf, actors, systems, quotes)
    SELECT id, title, bluf, actors, systems, quotes FROM briefing_search_source WHERE id = new.id;
END;

CREATE TRIGGER briefing_search_delete AFTER DELETE ON briefings BEGIN
    DELETE FROM briefing_search WHERE rowid = old.id;
END;

-- An upsert (a refresh) rewrites the row in place: reindex it from the new JSON.
CREATE TRIGGER briefing_search_update AFTER UPDATE OF title, bluf, briefing_json ON briefings BEGIN
    DELETE FROM briefing_search WHERE rowid = old.id;
    INSERT INTO briefing_search (rowid, title, bluf, actors, systems, quotes)
    SELECT id, title, bluf, actors, systems, quotes FROM briefing_search_source WHERE id = new.id;
END;

-- Briefings stored before this migration become searchable too.
INSERT INTO briefing_search (rowid, title, bluf, actors, systems, quotes)
SELECT id, title, bluf, actors, systems, quotes FROM briefing_search_source;

-- One row per guild: when and where its daily digest goes. created_at is when it was last set, so
-- a schedule set at 10:00 for 08:00 does not post a "missed" digest for the same morning.
CREATE TABLE digest_schedules (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    local_time TEXT NOT NULL CHECK (length(local_time) = 5),
    timezone   TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Durable facts about each digest sent. A scheduled digest has one row per (guild, local day):
-- state 'begun' is written before sending, 'finished' after; 'abandoned' when a crashed run was
-- found unsent after its grace window. On-demand digests (kind 'manual') are recorded finished, so
-- the next digest knows what was already shown.
CREATE TABLE digest_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id     INTEGER NOT NULL,
    day          TEXT NOT NULL CHECK (length(day) = 10),
    kind         TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    state        TEXT NOT NULL CHECK (state IN ('begun', 'finished', 'abandoned')),
    begun_at     TEXT NOT NULL,
    finished_at  TEXT,
    until_at     TEXT,
    late         INTEGER NOT NULL DEFAULT 0,
    message_ids  TEXT NOT NULL DEFAULT '[]',
    stories_json TEXT NOT NULL DEFAULT '[]'
);

CREATE UNIQUE INDEX digest_runs_once_a_day ON digest_runs (guild_id, day) WHERE kind = 'scheduled';
CREATE INDEX digest_runs_by_guild ON digest_runs (guild_id, state, until_at DESC);
