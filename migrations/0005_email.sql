-- E-mail channel: a persistent outbox (nothing is lost while SMTP is down) and a journal of received
-- messages kept raw before any processing (nothing is lost if parsing or case creation fails).
-- case_id has no foreign key on purpose: these journals outlive merged or deleted cases.

CREATE TABLE outbox_emails (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  case_id uuid,
  -- acknowledgement | reply | notification: acknowledgements carry "Auto-Submitted: auto-replied"
  kind text NOT NULL DEFAULT 'notification' CHECK (kind IN ('acknowledgement', 'reply', 'notification')),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  message_id text NOT NULL UNIQUE,
  in_reply_to text,
  reference_ids text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- null = as soon as possible; while "sending", the end of the worker's lease (taken over after it)
  next_attempt_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbox_emails_due_idx ON outbox_emails (next_attempt_at NULLS FIRST, created_at)
  WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_emails_case_idx ON outbox_emails (organisation_id, case_id);

CREATE TABLE inbound_emails (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  received_at timestamptz NOT NULL,
  envelope_from text,
  envelope_to text[] NOT NULL DEFAULT '{}',
  remote_address text,
  raw bytea NOT NULL,
  size_bytes integer NOT NULL,
  message_id text,
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'rejected', 'failed')),
  -- rejected: a French reason an agent can read; failed: the technical cause, to retry later
  error text,
  case_id uuid,
  processed_at timestamptz
);
CREATE INDEX inbound_emails_status_idx ON inbound_emails (organisation_id, status, received_at);
CREATE INDEX inbound_emails_message_id_idx ON inbound_emails (organisation_id, message_id);
