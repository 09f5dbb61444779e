-- Daily rollups of activity for the needs dashboard and the public results page. A view over a year of
-- a busy town (1,000,000 cases, 1,000,000 conversations) reads a few thousand rollup rows instead of
-- millions of source rows. Each day (Paris calendar day) is recomputed from the source tables by the
-- `statistics.refresh` task (src/domains/commitments/statistics/refresh-activity-rollups.ts): the last
-- days every hour (late replies, votes, status changes), every day once when the rollups are empty.

-- What the assistant answered about: the first page (fiche id, "faq:<uuid>"…) it answered from.
ALTER TABLE conversations ADD COLUMN topic text;
CREATE INDEX conversations_started_idx ON conversations (organisation_id, started_at);
-- The dashboard's links: the inbox by topic, the conversations by topic, a transcript by its handle
-- (md5 of the id: the id itself is the citizen's key and never appears in the back office).
CREATE INDEX cases_topic_fiche_idx ON cases (organisation_id, topic_fiche_id, updated_at DESC, id DESC)
  WHERE topic_fiche_id IS NOT NULL;
CREATE INDEX cases_topic_local_idx ON cases (organisation_id, topic_local_item_id, updated_at DESC, id DESC)
  WHERE topic_local_item_id IS NOT NULL;
CREATE INDEX conversations_topic_idx ON conversations (organisation_id, topic, started_at);
CREATE INDEX conversations_handle_idx ON conversations (organisation_id, md5(id));
-- The refresh reads a day's status changes of cases (time spent in each status).
CREATE INDEX events_case_status_day_idx ON events (organisation_id, created_at)
  WHERE entity_type = 'case' AND action = 'status_changed';

-- Arrivals per hour: cases (source 'case', channel = case channel) and conversations with the
-- assistant (source 'conversation', channel = conversation channel). Volumes by hour and weekday,
-- channel mix over time.
CREATE TABLE stats_arrivals (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
  source text NOT NULL CHECK (source IN ('case', 'conversation')),
  channel text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (organisation_id, day, hour, source, channel)
);

-- Arrivals per topic ('' when none): cases by topic (fiche id or "local:<uuid>") and whether they were
-- answered (a public agent reply or a resolution); conversations by the page the assistant answered from.
CREATE TABLE stats_topics (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  source text NOT NULL CHECK (source IN ('case', 'conversation')),
  channel text NOT NULL,
  topic text NOT NULL,
  received integer NOT NULL,
  answered integer NOT NULL,
  PRIMARY KEY (organisation_id, day, source, channel, topic)
);

-- Service commitments kept, by the day the case was opened: measured = clock stopped or already past
-- its due date at refresh time; met = stopped in time.
CREATE TABLE stats_sla (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  commitment_id uuid NOT NULL,
  measured integer NOT NULL,
  met integer NOT NULL,
  PRIMARY KEY (organisation_id, day, commitment_id)
);

-- Time spent in each case status, by the day the case left it, per topic: where requests get stuck.
CREATE TABLE stats_status_time (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  topic text NOT NULL,
  status text NOT NULL,
  transitions integer NOT NULL,
  seconds bigint NOT NULL,
  PRIMARY KEY (organisation_id, day, topic, status)
);

-- Conversations with the assistant by the day they started: last outcome, the citizen's vote, hand-off.
CREATE TABLE stats_conversations (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  channel text NOT NULL,
  outcome text NOT NULL,
  -- 'yes', 'no', or 'none' (no vote)
  helpful text NOT NULL CHECK (helpful IN ('yes', 'no', 'none')),
  handed_off boolean NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (organisation_id, day, channel, outcome, helpful, handed_off)
);

-- When each organisation's rollups were last recomputed, and up to which day.
CREATE TABLE stats_refreshes (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  refreshed_at timestamptz NOT NULL,
  first_day date NOT NULL,
  last_day date NOT NULL
);
