-- Phone calls by the day they started and how they ended, for the results page ("answered by the
-- assistant" vs "answered by an agent", reported separately). Recomputed with the other daily rollups
-- (migrations/0015_activity_rollups.sql); calls still in progress are not counted.
CREATE TABLE stats_calls (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  outcome text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (organisation_id, day, outcome)
);
