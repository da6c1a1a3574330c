-- corridor event store, schema version 2: what went wrong while an article was coded.
-- n_errors: how many pipeline stages failed on the article (0 when none; NULL for rows loaded before v2).
-- errors: their messages ("stage: Error: message"), one per line; NULL when none.

ALTER TABLE articles ADD COLUMN n_errors INTEGER;
ALTER TABLE articles ADD COLUMN errors VARCHAR;
