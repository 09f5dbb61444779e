-- Testimonials (the Services Publics + model), the suggestion box, and improvement actions shown on
-- "Vous avez dit, nous avons fait". Free text is scrubbed of personal data BEFORE it is stored.
-- Composite foreign keys (organisation_id, x_id) keep every link inside one organisation.

CREATE TABLE testimonials (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- hash of the form's one-time key: a double submission stores one testimonial
  submission_key text,
  channel text NOT NULL CHECK (channel IN ('guichet', 'telephone', 'courriel', 'site', 'courrier', 'chat', 'autre')),
  title text NOT NULL,
  story text NOT NULL,
  feeling text NOT NULL CHECK (feeling IN ('satisfait', 'mitige', 'mecontent')),
  tags text[] NOT NULL DEFAULT '{}',
  -- src/domains/feedback/testimonials/testimonial-status.ts
  status text NOT NULL DEFAULT 'a_moderer' CHECK (status IN ('a_moderer', 'approuve', 'rejete', 'publie')),
  -- words of the insult list found at submission, for the moderator (nothing is dropped silently)
  flagged_words text[] NOT NULL DEFAULT '{}',
  -- only when the citizen asked to be told of the publication; erased once the e-mail is queued
  notify_email text,
  rejection_reason text,
  moderated_by uuid,
  moderated_at timestamptz,
  reply_draft text,
  reply_drafted_by uuid,
  reply_drafted_at timestamptz,
  reply text,
  reply_validated_by uuid,
  reply_validated_at timestamptz,
  published_at timestamptz,
  -- set by the flag "amélioration à envisager": flagging again finds the same action
  improvement_action_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, id),
  UNIQUE (organisation_id, submission_key),
  FOREIGN KEY (organisation_id, moderated_by) REFERENCES agents (organisation_id, id),
  FOREIGN KEY (organisation_id, reply_drafted_by) REFERENCES agents (organisation_id, id),
  FOREIGN KEY (organisation_id, reply_validated_by) REFERENCES agents (organisation_id, id),
  -- the four-eyes rule, also in the database
  CHECK (reply_validated_by IS NULL OR reply_validated_by <> reply_drafted_by),
  CHECK (status <> 'publie' OR published_at IS NOT NULL)
);
CREATE INDEX testimonials_queue_idx ON testimonials (organisation_id, status, created_at DESC, id DESC);
CREATE INDEX testimonials_public_idx ON testimonials (organisation_id, published_at DESC, id DESC)
  WHERE status = 'publie';

CREATE TABLE suggestions (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  submission_key text,
  topic text,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'nouvelle' CHECK (status IN ('nouvelle', 'retenue', 'classee')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, id),
  UNIQUE (organisation_id, submission_key)
);
CREATE INDEX suggestions_list_idx ON suggestions (organisation_id, status, created_at DESC);

CREATE TABLE improvement_actions (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title text NOT NULL,
  description text NOT NULL,
  -- src/domains/feedback/actions/action-status.ts
  status text NOT NULL DEFAULT 'envisagee'
    CHECK (status IN ('envisagee', 'en_cours', 'realisee', 'abandonnee')),
  -- "ce que nous avons fait", shown publicly once the action is in progress or realised
  outcome text NOT NULL DEFAULT '',
  owner_id uuid,
  created_by uuid,
  started_at timestamptz,
  realised_at timestamptz,
  abandoned_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, id),
  FOREIGN KEY (organisation_id, owner_id) REFERENCES agents (organisation_id, id),
  FOREIGN KEY (organisation_id, created_by) REFERENCES agents (organisation_id, id)
);
ALTER TABLE testimonials ADD CONSTRAINT testimonials_improvement_action_fkey
  FOREIGN KEY (organisation_id, improvement_action_id) REFERENCES improvement_actions (organisation_id, id);
CREATE INDEX improvement_actions_list_idx ON improvement_actions (organisation_id, status, updated_at DESC);

-- What motivated an action: a testimonial, a suggestion, or a free reference (a survey, a meeting);
-- `quote` is the scrubbed citation shown on "Vous avez dit, nous avons fait".
CREATE TABLE improvement_action_sources (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL,
  action_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('testimonial', 'suggestion', 'reference')),
  testimonial_id uuid,
  suggestion_id uuid,
  reference text,
  quote text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  FOREIGN KEY (organisation_id, action_id) REFERENCES improvement_actions (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, testimonial_id) REFERENCES testimonials (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, suggestion_id) REFERENCES suggestions (organisation_id, id) ON DELETE CASCADE,
  CHECK (
    (kind = 'testimonial' AND testimonial_id IS NOT NULL AND suggestion_id IS NULL)
    OR (kind = 'suggestion' AND suggestion_id IS NOT NULL AND testimonial_id IS NULL)
    OR (kind = 'reference' AND reference IS NOT NULL AND testimonial_id IS NULL AND suggestion_id IS NULL)
  )
);
CREATE INDEX improvement_action_sources_action_idx ON improvement_action_sources (organisation_id, action_id, created_at);
-- one action per testimonial flag: flagging twice links once
CREATE UNIQUE INDEX improvement_action_sources_testimonial_idx
  ON improvement_action_sources (organisation_id, action_id, testimonial_id) WHERE testimonial_id IS NOT NULL;
CREATE UNIQUE INDEX improvement_action_sources_suggestion_idx
  ON improvement_action_sources (organisation_id, action_id, suggestion_id) WHERE suggestion_id IS NOT NULL;
