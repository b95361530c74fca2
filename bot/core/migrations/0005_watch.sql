-- Channels whose links the bot briefs by itself, per guild. emoji NULL: brief at once;
-- otherwise only once a message has `reactions` reactions of that emoji.
CREATE TABLE watched_channels (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    emoji      TEXT,
    reactions  INTEGER NOT NULL DEFAULT 0 CHECK (reactions >= 0),
    added_by   INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id),
    CHECK ((emoji IS NULL) = (reactions = 0))
) WITHOUT ROWID;
