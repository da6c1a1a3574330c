-- corridor event store, schema version 1 (PostgreSQL).
-- One statement per ';'. Applied once, in a transaction, and recorded in schema_version.

CREATE TABLE articles (
    doc_id        VARCHAR NOT NULL,
    content_hash  VARCHAR,
    date          DATE,
    date_raw      VARCHAR,
    date_missing  BOOLEAN,
    title         VARCHAR,
    url           VARCHAR,
    source        VARCHAR,
    schema        VARCHAR,
    n_actors      INTEGER,
    n_events      INTEGER,
    n_quotes      INTEGER,
    n_places      INTEGER,
    n_times       INTEGER,
    text          VARCHAR,
    loaded_at     TIMESTAMP
);

CREATE TABLE mentions (
    doc_id          VARCHAR NOT NULL,
    event_id        VARCHAR NOT NULL,
    event_key       VARCHAR,
    date            DATE,
    date_raw        VARCHAR,
    date_precision  VARCHAR,
    date_source     VARCHAR,
    article_date    DATE,
    publisher       VARCHAR,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_agent    VARCHAR,
    source_name     VARCHAR,
    source_text     VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_agent    VARCHAR,
    target_name     VARCHAR,
    target_text     VARCHAR,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    goldstein       DOUBLE PRECISION,
    quad_class      INTEGER,
    modality        VARCHAR,
    negated         BOOLEAN,
    reported_by_code VARCHAR,
    place_key       VARCHAR,
    place_text      VARCHAR,
    place_name      VARCHAR,
    geonameid       BIGINT,
    place_country   VARCHAR,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    sentence        INTEGER,
    trigger_text    VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    evidence_text   VARCHAR,
    evidence_start  INTEGER,
    evidence_end    INTEGER,
    confidence      DOUBLE PRECISION,
    coded_by        VARCHAR,
    pattern         VARCHAR
);

CREATE TABLE events (
    event_key       VARCHAR NOT NULL,
    date            DATE,
    date_end        DATE,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_agent    VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_agent    VARCHAR,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    quad_class      INTEGER,
    goldstein       DOUBLE PRECISION,
    place_key       VARCHAR,
    place_name      VARCHAR,
    geonameid       BIGINT,
    place_country   VARCHAR,
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    mention_count   INTEGER,
    article_count   INTEGER,
    source_count    INTEGER,
    confidence      DOUBLE PRECISION,
    first_doc_id    VARCHAR,
    evidence        JSONB
);

CREATE TABLE actors (
    doc_id        VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    text          VARCHAR,
    start_char    INTEGER,
    end_char      INTEGER,
    code          VARCHAR,
    country       VARCHAR,
    agent         VARCHAR,
    name          VARCHAR,
    resolved_by   VARCHAR,
    confidence    DOUBLE PRECISION,
    entity        INTEGER,
    member_codes  TEXT[],
    article_date  DATE
);

CREATE TABLE quotes (
    doc_id             VARCHAR NOT NULL,
    idx                INTEGER NOT NULL,
    kind               VARCHAR,
    text               VARCHAR,
    date               DATE,
    date_raw           VARCHAR,
    speaker_code       VARCHAR,
    speaker_country    VARCHAR,
    speaker_agent      VARCHAR,
    speaker_name       VARCHAR,
    speaker_text       VARCHAR,
    addressee_code     VARCHAR,
    reported_by_codes  TEXT[],
    cue_text           VARCHAR,
    spans              INTEGER[],
    confidence         DOUBLE PRECISION
);

CREATE TABLE places (
    doc_id         VARCHAR NOT NULL,
    idx            INTEGER NOT NULL,
    text           VARCHAR,
    start_char     INTEGER,
    end_char       INTEGER,
    name           VARCHAR,
    geonameid      BIGINT,
    country        VARCHAR,
    lat            DOUBLE PRECISION,
    lon            DOUBLE PRECISION,
    feature_class  VARCHAR,
    feature_code   VARCHAR,
    confidence     DOUBLE PRECISION,
    article_date   DATE
);

CREATE TABLE times (
    doc_id       VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    text         VARCHAR,
    start_char   INTEGER,
    end_char     INTEGER,
    type         VARCHAR,
    value        VARCHAR,
    precision    VARCHAR,
    resolved_by  VARCHAR,
    article_date DATE
);

CREATE INDEX articles_doc_id ON articles (doc_id);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX mentions_doc_id ON mentions (doc_id);
CREATE INDEX mentions_partition ON mentions (source_code, target_code, cameo_root, date);
CREATE INDEX mentions_event_key ON mentions (event_key);
CREATE INDEX events_event_key ON events (event_key);
CREATE INDEX events_partition ON events (source_code, target_code, cameo_root);
CREATE INDEX events_date ON events (date);
CREATE INDEX actors_doc_id ON actors (doc_id);
CREATE INDEX quotes_doc_id ON quotes (doc_id);
CREATE INDEX places_doc_id ON places (doc_id);
CREATE INDEX times_doc_id ON times (doc_id);
