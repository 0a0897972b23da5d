-- Schema v5: stories (marsad-cluster's online story clustering).
--
-- What the clusterer needs to resume (`Clusterer::resume`): every clustered
-- article with its story and the time the clusterer used, in assignment order,
-- from `Clusterer::horizon(config, MAX(time))` on. What users need: stories with
-- their title, span, outlets and size, and old ids that resolve after a merge.
-- An article with no `story_articles` row is "not clustered yet": the next ingest
-- assigns it (in article-id order), so an interrupted ingest loses nothing.

-- One row per clustered article, in the order the clusterer assigned them.
CREATE TABLE story_articles (
    seq        INTEGER PRIMARY KEY,          -- assignment order (replay order on resume)
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL,             -- current story (rewritten on merge)
    time       INTEGER NOT NULL,             -- Decision::time, Unix seconds
    kind       TEXT NOT NULL,                -- new | joined | duplicate
    score      REAL,                         -- joined: the score; else NULL
    duplicate_of INTEGER                     -- duplicate: the earlier article; else NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id, time);
CREATE INDEX story_articles_time ON story_articles(time);

-- One row per story; derived from story_articles + articles with
-- marsad_cluster::summary::summarize, refreshed (in the same transaction as the
-- decisions) for the stories a batch touched.
CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,       -- the id of the story's first article
    title         TEXT NOT NULL,             -- the most central headline
    title_article INTEGER NOT NULL,
    first_seen    INTEGER NOT NULL,          -- Unix seconds
    last_seen     INTEGER NOT NULL,
    outlets       TEXT NOT NULL,             -- JSON array, sorted
    size          INTEGER NOT NULL
);
CREATE INDEX stories_last_seen ON stories(last_seen);

-- old → new, so `marsad story OLD` still answers after a merge.
CREATE TABLE story_merges (
    old_id     INTEGER PRIMARY KEY,
    new_id     INTEGER NOT NULL,
    article_id INTEGER NOT NULL,             -- the article that bridged them
    merged_at  INTEGER NOT NULL              -- its time
);
