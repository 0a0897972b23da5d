-- Schema v6: annotations (marsad-annotate): per article, the entity mentions,
-- quotes, quantities and dates with byte spans into `articles.text`; per story,
-- its entities with spelling variants merged.
--
-- An article with no `annotated` row, or one with an older `version`, is "not
-- annotated yet": the next ingest annotates it (so an interrupted ingest loses
-- nothing, and a new annotator version redoes the old rows). Rows of an article
-- are replaced as a whole when its text changes. Spans are [start, end) bytes of
-- `articles.text`; the text of a span is read from there, not stored twice
-- (except the short surface forms a name list needs).

-- One row per annotated article.
CREATE TABLE annotated (
    article_id     INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,        -- the pipeline's ANNOTATION_VERSION
    reference_date TEXT                     -- ISO date relative dates were resolved against
);
CREATE INDEX annotated_version ON annotated(version);

-- Named entities: one row per mention, in text order.
CREATE TABLE entity_mentions (
    article_id INTEGER NOT NULL,
    seq        INTEGER NOT NULL,            -- position in the article
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    surface    TEXT NOT NULL,               -- the mention as written
    kind       TEXT NOT NULL,               -- PERS | ORG | LOC | MISC
    entity     TEXT NOT NULL,               -- canonical name within the article
    role       TEXT,                        -- persons: the title before the name
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- Quotes: direct (quotation marks) or indirect (قال إن …), with the speaker.
CREATE TABLE quotes (
    article_id     INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    direct         INTEGER NOT NULL,        -- 1 direct, 0 indirect
    cue            TEXT,                    -- the cue verb as written; NULL for a continuation
    speaker_start  INTEGER,                 -- the speaker phrase, when found
    speaker_end    INTEGER,
    speaker        TEXT,                    -- the speaker phrase as written
    speaker_entity TEXT,                    -- its canonical name, when resolved
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);

-- Quantities: normalised value (a range's lower bound), unit or counted noun.
CREATE TABLE quantities (
    article_id  INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    value       REAL NOT NULL,
    unit        TEXT,
    approximate INTEGER NOT NULL,
    low         REAL,                       -- ranges only
    high        REAL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- Dates and times: ISO value and precision (day | month | year).
CREATE TABLE dates (
    article_id INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    value      TEXT NOT NULL,
    precision  TEXT NOT NULL,
    relative   INTEGER NOT NULL,            -- 1 when resolved against reference_date
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- A story's entities (its members' mentions, variants merged), most mentioned
-- first; refreshed at the end of an ingest for the stories it touched.
CREATE TABLE story_entities (
    story_id  INTEGER NOT NULL,
    rank      INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    aliases   TEXT NOT NULL,                -- JSON array, most frequent first
    roles     TEXT NOT NULL,                -- JSON array, most frequent first
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL,
    PRIMARY KEY (story_id, rank)
) WITHOUT ROWID;

-- Stories whose entity list is out of date: a stored summary marks its story here
-- (in the same transaction), storing the story's entities clears the mark. An ingest
-- refreshes the marked stories once at its end, so an interrupted one leaves marks
-- for the next to finish.
CREATE TABLE story_entities_stale (
    story_id INTEGER PRIMARY KEY
);
