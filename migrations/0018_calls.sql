-- Phone calls answered by the voice assistant (Twilio-style webhooks or media streams, Asterisk
-- AudioSocket, the browser's microphone): one row per call, for the results page (answered by the
-- assistant, transferred, call-back, abandoned) and for spotting repeat callers.
-- The caller's number is NOT stored here: only a SHA-256 of it (salted with the organisation), so
-- repeat calls can be counted. A call-back case keeps the number itself, on the case.

CREATE TABLE calls (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  provider text NOT NULL CHECK (provider IN ('twilio', 'audiosocket', 'browser')),
  -- the provider's own id (Twilio CallSid, AudioSocket UUID)
  provider_call_id text NOT NULL CHECK (length(provider_call_id) BETWEEN 1 AND 100),
  -- hex SHA-256 of organisation id + normalised number; null when the number was withheld
  caller_hash text CHECK (caller_hash ~ '^[0-9a-f]{64}$'),
  started_at timestamptz NOT NULL,
  -- when the first audio (the greeting) was sent back
  answered_at timestamptz,
  ended_at timestamptz,
  -- where the call is in the flow while it lasts (src/domains/channels/voice/call-state.ts);
  -- emptied when the call ends
  state jsonb NOT NULL DEFAULT '{}',
  -- what the caller did: menu choices, digits, ids of the pages read, steps (never what was said)
  path jsonb NOT NULL DEFAULT '[]',
  -- null while the call lasts
  outcome text CHECK (outcome IN ('assistant', 'transferred', 'callback', 'abandoned', 'failed')),
  conversation_id text REFERENCES conversations(id) ON DELETE SET NULL,
  case_id uuid,
  -- turn timings: from the end of the caller's input (digit, speech) to the first audio byte back
  -- (or the reply document for webhook providers), in milliseconds
  turns integer NOT NULL DEFAULT 0,
  turn_ms_total integer NOT NULL DEFAULT 0,
  turn_ms_max integer NOT NULL DEFAULT 0,
  first_audio_ms integer,
  UNIQUE (organisation_id, provider, provider_call_id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases (organisation_id, id) ON DELETE SET NULL (case_id)
);
-- The results page reads calls by period.
CREATE INDEX calls_started_idx ON calls (organisation_id, started_at);
-- Repeat callers: the calls of one number over a period.
CREATE INDEX calls_caller_idx ON calls (organisation_id, caller_hash, started_at) WHERE caller_hash IS NOT NULL;
-- Calls still open (a provider that never said the call ended): closed by a sweep.
CREATE INDEX calls_open_idx ON calls (started_at) WHERE ended_at IS NULL;
