-- What each guild used per UTC day: the daily budget counts fresh briefings (cache hits are free)
-- and model tokens (openai engine). Per-user cooldowns are seconds long and live in memory.
CREATE TABLE guild_usage (
    guild_id  INTEGER NOT NULL,
    day       TEXT NOT NULL CHECK (length(day) = 10),
    briefings INTEGER NOT NULL DEFAULT 0,
    tokens    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (guild_id, day)
) WITHOUT ROWID;
