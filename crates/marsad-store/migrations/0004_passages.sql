-- Schema v4: passage reuse (issue 4).
-- FROZEN once released: change the schema only by adding migrations/NNNN_name.sql.

-- The winnowed fingerprint keys of each article's stored text (marsad-dedup
-- `passage`: distinct u32 keys of word 5-grams, 4 little-endian bytes each,
-- sorted). Every article that went through the passage step has a row, empty
-- when its text is shorter than one 5-gram, so a row's absence means "not yet
-- fingerprinted" (articles stored before v4 are backfilled at the next ingest).
-- Later runs rebuild the fingerprint index from these rows without recomputing.
CREATE TABLE passage_prints (
    article_id INTEGER NOT NULL PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    prints     BLOB NOT NULL
);

-- Passages shared by two articles, a < b (article ids), found when the later
-- of the two was ingested. Spans are byte offsets [start, end) into each
-- article's stored text. words: the words that match exactly. source: a or b,
-- the article published first (ties and unknown dates: the lower id).
CREATE TABLE passages (
    a       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    a_start INTEGER NOT NULL,
    a_end   INTEGER NOT NULL,
    b_start INTEGER NOT NULL,
    b_end   INTEGER NOT NULL,
    words   INTEGER NOT NULL,
    source  INTEGER NOT NULL,
    PRIMARY KEY (a, b, a_start, b_start),
    CHECK (a < b),
    CHECK (source IN (a, b)),
    CHECK (a_start <= a_end AND b_start <= b_end)
) WITHOUT ROWID;
CREATE INDEX passages_b ON passages(b);
