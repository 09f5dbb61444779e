-- One desk ("guichet unique"): every citizen request is a case in one inbox.
-- Composite foreign keys (organisation_id, x_id) make the database itself refuse a link between two
-- organisations (a case of town A assigned to a team of town B), behind the checks in the use cases.

ALTER TABLE agents ADD CONSTRAINT agents_organisation_id_id_key UNIQUE (organisation_id, id);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name),
  UNIQUE (organisation_id, id)
);

CREATE TABLE team_members (
  organisation_id uuid NOT NULL,
  team_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, agent_id),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, agent_id) REFERENCES agents (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX team_members_agent_idx ON team_members (organisation_id, agent_id);

-- One counter per organisation and year, incremented with INSERT … ON CONFLICT DO UPDATE … RETURNING
-- in the transaction that opens the case: concurrent opens queue on the row lock and get distinct numbers.
CREATE TABLE case_reference_counters (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (organisation_id, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- "GU-2026-000123" (prefix from organisations.settings.casePrefix)
  reference text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('web', 'email', 'chat', 'phone', 'counter', 'api')),
  status text NOT NULL DEFAULT 'nouveau'
    CHECK (status IN ('nouveau', 'en_cours', 'en_attente_usager', 'resolu', 'clos')),
  priority text NOT NULL DEFAULT 'normale' CHECK (priority IN ('basse', 'normale', 'haute', 'urgente')),
  subject text NOT NULL,
  topic_fiche_id text,
  topic_local_item_id uuid,
  contact_name text,
  contact_email text,
  contact_phone text,
  team_id uuid,
  assignee_id uuid,
  merged_into_id uuid,
  -- SHA-256 (hex) of the tracking token; the token itself is only ever given to the citizen
  tracking_token_hash text NOT NULL UNIQUE,
  -- set by the caller (form nonce, API idempotency key) so that a double submission opens one case
  submission_key text,
  -- accent-folded French full text of reference, subject, contact and message bodies, appended to by
  -- the application on each message (see cases.repo.ts)
  search_vector tsvector NOT NULL DEFAULT ''::tsvector,
  opened_at timestamptz NOT NULL,
  first_agent_reply_at timestamptz,
  waiting_since timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, reference),
  UNIQUE (organisation_id, id),
  UNIQUE (organisation_id, submission_key),
  FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id),
  FOREIGN KEY (organisation_id, assignee_id) REFERENCES agents (organisation_id, id),
  FOREIGN KEY (organisation_id, merged_into_id) REFERENCES cases (organisation_id, id),
  CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
-- Inbox: every listing is one organisation, newest activity first, keyset on (updated_at, id).
CREATE INDEX cases_inbox_idx ON cases (organisation_id, updated_at DESC, id DESC);
CREATE INDEX cases_inbox_status_idx ON cases (organisation_id, status, updated_at DESC, id DESC);
CREATE INDEX cases_inbox_team_idx ON cases (organisation_id, team_id, updated_at DESC, id DESC);
CREATE INDEX cases_inbox_assignee_idx ON cases (organisation_id, assignee_id, updated_at DESC, id DESC);
CREATE INDEX cases_inbox_channel_idx ON cases (organisation_id, channel, updated_at DESC, id DESC);
CREATE INDEX cases_opened_idx ON cases (organisation_id, opened_at);
CREATE INDEX cases_search_idx ON cases USING gin (search_vector);
CREATE INDEX cases_contact_email_idx ON cases (organisation_id, lower(contact_email));

CREATE TABLE case_messages (
  id uuid PRIMARY KEY,
  -- insertion order, to sort a thread whose messages share a timestamp
  seq bigserial NOT NULL,
  organisation_id uuid NOT NULL,
  case_id uuid NOT NULL,
  author_type text NOT NULL CHECK (author_type IN ('citizen', 'agent', 'system')),
  author_agent_id uuid,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  -- plain text, never HTML: pages escape it when they render it
  body text NOT NULL,
  -- Message-ID of the e-mail that brought or carried this message
  email_message_id text,
  created_at timestamptz NOT NULL,
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, author_agent_id) REFERENCES agents (organisation_id, id),
  CHECK (visibility = 'public' OR author_type <> 'citizen')
);
CREATE INDEX case_messages_case_idx ON case_messages (organisation_id, case_id, created_at, seq);

-- Every Message-ID we received or sent for a case (acknowledgement, replies), so that an incoming
-- e-mail's In-Reply-To / References finds its case.
CREATE TABLE case_email_ids (
  organisation_id uuid NOT NULL,
  message_id text NOT NULL,
  case_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  -- insertion order (References lists ids oldest first; several can share a timestamp)
  seq bigserial NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, message_id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE case_attachments (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  message_id uuid NOT NULL,
  filename text NOT NULL,
  -- detected from the content (magic bytes), never taken from the sender
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (organisation_id, message_id) REFERENCES case_messages (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX case_attachments_message_idx ON case_attachments (organisation_id, message_id);

-- Who read or changed what, append-only: the trigger refuses UPDATE and DELETE (TRUNCATE, an
-- operator's act, is not a row change). No cascade from organisations: the log outlives nothing by accident.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  agent_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (organisation_id, entity_type, entity_id, id);
CREATE INDEX audit_log_agent_idx ON audit_log (organisation_id, agent_id, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
