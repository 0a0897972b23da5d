-- Draft migration for stories (marsad-cluster), now applied as schema v5:
-- crates/marsad-store/migrations/0005_stories.sql (which adds story_articles.duplicate_of).
--
-- What the clusterer needs to resume (`Clusterer::resume`): every stored
-- article with its story and the time the clusterer used, in assignment
-- order, from `Clusterer::horizon(config, MAX(time))` on. What users need:
-- stories with their title, span, outlets and size, and old ids that resolve
-- after a merge (merges are off by default, see ClusterConfig::merge_threshold).

-- One row per clustered article, in the order the clusterer assigned them.
CREATE TABLE story_articles (
    seq        INTEGER PRIMARY KEY,          -- assignment order (replay order on resume)
    article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL,             -- current story (rewritten on merge)
    time       INTEGER NOT NULL,             -- Decision::time, Unix seconds
    kind       TEXT NOT NULL,                -- new | joined | duplicate
    score      REAL                          -- joined: the score; else NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id, time);
CREATE INDEX story_articles_time ON story_articles(time);

-- One row per story; derived from story_articles + articles with
-- marsad_cluster::summary::summarize, refreshed for the stories an ingest touched.
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

-- Resume query (rows in replay order):
--   SELECT a.id, sa.time, a.title, a.text, a.outlet, a.duplicate_of, sa.story_id
--   FROM story_articles sa JOIN articles a ON a.id = sa.article_id
--   WHERE sa.time >= :horizon ORDER BY sa.seq;
-- On a merge (Decision::merged non-empty), in the same transaction:
--   UPDATE story_articles SET story_id = :new WHERE story_id IN (:merged);
--   UPDATE story_merges SET new_id = :new WHERE new_id IN (:merged);
--   INSERT INTO story_merges VALUES (:old, :new, :article, :time);  -- per merged id
--   DELETE FROM stories WHERE id IN (:merged);
