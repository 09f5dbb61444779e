-- One desk, continued: agents' reply attachments in outgoing e-mail, and data retention.

-- The case attachments an outgoing e-mail carries, by id: the bytes stay in case_attachments (no copy),
-- and the worker loads them when it sends. No foreign key on purpose, like case_id: an attachment
-- erased at a citizen's request before the mail left is simply not sent.
ALTER TABLE outbox_emails ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}';

-- Insertion order, so a message's documents are listed (and mailed) in the order they were given
-- (several share a timestamp, and ids are random).
ALTER TABLE case_attachments ADD COLUMN seq bigserial NOT NULL;

-- ---- Retention ---------------------------------------------------------------------------------
-- A case past its retention (or erased at the citizen's request) keeps its row — reference, channel,
-- status and dates, which service statistics count — but loses its thread, documents, contact and
-- tracking token. purged_at says when; the audit_log rows, ids only, stay (append-only).
ALTER TABLE cases ADD COLUMN purged_at timestamptz;
CREATE INDEX cases_retention_idx ON cases (organisation_id, closed_at)
  WHERE status = 'clos' AND purged_at IS NULL;

CREATE INDEX outbox_emails_retention_idx ON outbox_emails (organisation_id, created_at);
CREATE INDEX inbound_emails_retention_idx ON inbound_emails (organisation_id, received_at);
-- A citizen's request (export, erasure) finds their mail by address.
CREATE INDEX outbox_emails_to_idx ON outbox_emails (organisation_id, lower(to_address));
CREATE INDEX inbound_emails_from_idx ON inbound_emails (organisation_id, lower(envelope_from));

-- Periodic tasks (src/adapters/jobs/scheduler.ts): when each last ran, across every app process, so a
-- task runs once per period whatever the number of processes (an advisory lock keeps runs apart).
CREATE TABLE scheduled_tasks (
  name text PRIMARY KEY,
  last_started_at timestamptz NOT NULL,
  last_finished_at timestamptz,
  last_outcome text CHECK (last_outcome IN ('ok', 'failed')),
  -- counts only (what was purged), never personal data
  last_report jsonb NOT NULL DEFAULT '{}',
  last_error text
);
