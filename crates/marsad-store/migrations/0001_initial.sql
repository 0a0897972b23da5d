-- Schema v1: articles and their full-text index.
-- FROZEN once released: change the schema only by adding migrations/NNNN_name.sql.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    -- Idempotency key: 'url:' || url, else 'hash:' || outlet || char(31) || content_hash.
    key          TEXT NOT NULL UNIQUE,
    -- The record's URL, else where it was read from.
    url          TEXT NOT NULL,
    origin       TEXT NOT NULL,
    outlet       TEXT NOT NULL,
    title        TEXT NOT NULL,
    -- RFC 3339 in the offset the source gave; sort by published_ts (unix seconds).
    published    TEXT,
    published_ts INTEGER,
    author       TEXT,
    -- The original text, never altered.
    text         TEXT NOT NULL,
    normalized   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    -- The first stored article with the same content hash (NULL: this one is an original).
    duplicate_of INTEGER REFERENCES articles(id),
    -- JSON object of the record's other fields; NULL when there were none.
    metadata     TEXT,
    ingested_at  TEXT
);

CREATE INDEX articles_content_hash ON articles(content_hash);
-- Serves the outlet filter, its newest-first order and the per-outlet counts.
CREATE INDEX articles_outlet ON articles(outlet, published_ts);
CREATE INDEX articles_published_ts ON articles(published_ts);
-- Copies are few: a partial index finds them (stats, re-linking after an update).
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Contentless: the text lives in `articles`; rowid = articles.id. The columns receive the
-- engine's own analysis (space-separated terms of letters and digits, made by
-- marsad-text for documents and queries alike), so the tokenizer only has to split on
-- spaces: `ascii` does that for ~25% less insert CPU than `unicode61`. `detail = full`
-- keeps positions: phrase and NEAR queries (names, "وزير الدفاع"), and true term
-- frequencies for bm25 (`column` counts a term once per column). Measured on 31k real
-- articles, `column` saves 10-20% of insert CPU and 6% of the file: not worth losing those.
CREATE VIRTUAL TABLE article_fts USING fts5(
    title,
    body,
    content = '',
    contentless_delete = 1,
    detail = full,
    tokenize = 'ascii'
);
