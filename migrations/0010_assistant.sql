-- Assistant: conversations with the chatbot (web page, widget, later voice), their messages, and the
-- questions it could not answer (for editors). Transcripts are purged after a configurable retention.

CREATE TABLE conversations (
  -- an unguessable token (the citizen's only key to the conversation), not a sequential id
  id text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('web', 'widget', 'voice', 'phone')),
  -- what the assistant remembers between turns (topic, pending choices, hand-off step); see
  -- src/domains/assistant/conversation-state.ts
  state jsonb NOT NULL DEFAULT '{}',
  -- the last outcome: answered, clarified, handed_off, unanswered (abandoned is derived from inactivity)
  outcome text NOT NULL DEFAULT 'none'
    CHECK (outcome IN ('none', 'answered', 'clarified', 'handed_off', 'unanswered')),
  -- null until the citizen votes; the last vote wins
  helpful boolean,
  case_id uuid,
  turns integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  FOREIGN KEY (organisation_id, case_id) REFERENCES cases (organisation_id, id) ON DELETE SET NULL (case_id)
);
CREATE INDEX conversations_activity_idx ON conversations (organisation_id, last_activity_at);
CREATE INDEX conversations_case_idx ON conversations (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE conversation_messages (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  position integer NOT NULL,
  author text NOT NULL CHECK (author IN ('citizen', 'assistant', 'agent')),
  -- for the assistant: answer, clarify, greeting, handoff… (src/domains/assistant/assistant.types.ts)
  kind text NOT NULL,
  text text NOT NULL,
  -- sources, choices, case reference: what the channel needs to render the reply again
  payload jsonb NOT NULL DEFAULT '{}',
  helpful boolean,
  created_at timestamptz NOT NULL,
  UNIQUE (conversation_id, position)
);

CREATE TABLE unanswered_questions (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  conversation_id text REFERENCES conversations(id) ON DELETE SET NULL,
  -- scrubbed of e-mail addresses and phone numbers before storage, at most 300 characters
  question text NOT NULL,
  -- analysed terms (accent-folded stems), for grouping similar questions
  terms text[] NOT NULL,
  -- why: nothing matched, or the citizen said the answer did not help
  reason text NOT NULL CHECK (reason IN ('no_match', 'not_helpful')),
  created_at timestamptz NOT NULL,
  -- set when an editor dealt with it (an FAQ entry created, or dismissed)
  handled_at timestamptz,
  local_item_id uuid
);
CREATE INDEX unanswered_questions_open_idx ON unanswered_questions (organisation_id, created_at)
  WHERE handled_at IS NULL;

-- Agents with the back office open (its live stream refreshes seen_at): the assistant tells a citizen
-- asking for a person whether someone can answer in the conversation now or will answer later.
CREATE TABLE agent_presence (
  organisation_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, agent_id),
  FOREIGN KEY (organisation_id, agent_id) REFERENCES agents (organisation_id, id) ON DELETE CASCADE
);
