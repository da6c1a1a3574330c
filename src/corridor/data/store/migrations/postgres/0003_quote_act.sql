-- corridor event store, schema version 3: what each quote reports.
-- act: statement, belief, intention, finding or impression (docs/quotes.md); NULL for rows loaded before v3.

ALTER TABLE quotes ADD COLUMN act VARCHAR;
