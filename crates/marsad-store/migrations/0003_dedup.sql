-- Schema v3: near-duplicate detection (issue 4).
-- FROZEN once released: change the schema only by adding migrations/NNNN_name.sql.

-- One MinHash signature per article that has at least one word shingle
-- (marsad-dedup: 128 little-endian u32 slots, 512 bytes). Stored so that later
-- runs rebuild the LSH index and compare new articles with old ones without
-- recomputing.
CREATE TABLE signatures (
    article_id INTEGER NOT NULL PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash    BLOB NOT NULL
);

-- Near-duplicate pairs, a < b (article ids), found when b was ingested.
-- kind: 'near' (estimated Jaccard of word 5-shingles >= the threshold) or 'exact'.
CREATE TABLE near_duplicates (
    a          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('near', 'exact')),
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX near_duplicates_b ON near_duplicates(b);
