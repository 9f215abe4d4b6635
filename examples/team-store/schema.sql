-- The team store: one row per review revision (qa-review/1 record), identified by (id, revision).
-- server.mjs runs this file on every start, so every statement must be safe to repeat.

CREATE TABLE IF NOT EXISTS qa_reviews (
  seq          bigserial PRIMARY KEY,          -- insertion order; the pull cursor
  id           text NOT NULL,                  -- record.id, stable across revisions
  revision     integer NOT NULL CHECK (revision >= 1),
  reviewer     text,                           -- record.reviewer.id
  reviewee     text,                           -- record.reviewee.id
  rubric       text,                           -- record.rubric.id
  score        double precision,               -- record.score (0–100)
  submitted_at timestamptz,                    -- record.submittedAt
  record       jsonb NOT NULL,                 -- the whole record (same values; jsonb drops key order)
  received_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, revision)
);

CREATE INDEX IF NOT EXISTS qa_reviews_reviewer_idx ON qa_reviews (reviewer);
CREATE INDEX IF NOT EXISTS qa_reviews_reviewee_idx ON qa_reviews (reviewee);
CREATE INDEX IF NOT EXISTS qa_reviews_rubric_idx ON qa_reviews (rubric);
CREATE INDEX IF NOT EXISTS qa_reviews_submitted_at_idx ON qa_reviews (submitted_at);
