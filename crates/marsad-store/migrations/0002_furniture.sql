-- Schema v2: page furniture removed from article texts, kept aside; lines learned per outlet.
-- FROZEN once released: change the schema only by adding migrations/NNNN_name.sql.

-- From v2 on, `articles.text` is the text without its furniture, and `normalized`,
-- `content_hash` and the full-text index are computed from it. What was removed is
-- kept here: a JSON array of {"span": [start, end], "text", "reason"}, spans in bytes of
-- the text as read (before removal); NULL when nothing was removed.
ALTER TABLE articles ADD COLUMN furniture TEXT;

-- content_hash of the text as read, before furniture removal: what decides that a record
-- is unchanged, and the key of records without URL, so that re-reading an input changes
-- nothing even when what is learned about its outlet has grown since. v1 stored texts as
-- read, so their content hash is their source hash.
ALTER TABLE articles ADD COLUMN source_hash TEXT;
UPDATE articles SET source_hash = content_hash;

-- Per outlet, in how many stored articles each line occurs (line_hash: content_hash of
-- the line's search form; lines of 2+ words and at most 200 chars). Counted when an
-- article is added as an original (not an exact copy); `outlet_articles` holds how many
-- articles of each outlet were counted. Lines that recur in many of an outlet's articles
-- are its furniture (footers, contact lines), removed from later articles.
CREATE TABLE outlet_lines (
    outlet    TEXT NOT NULL,
    line_hash TEXT NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (outlet, line_hash)
) WITHOUT ROWID;

CREATE TABLE outlet_articles (
    outlet   TEXT NOT NULL PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
