-- Feedback ("Je donne mon avis" and other questionnaires): versioned definitions, one-time invitations,
-- answers (free text scrubbed of personal data BEFORE it is stored), and daily rollups for the analysis.

CREATE TABLE questionnaires (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- "jdma" (the state's standard questionnaire), "epic", "csat", "nps", or a custom slug
  slug text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('jdma', 'epic', 'csat', 'nps', 'custom')),
  title text NOT NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'archived')),
  current_version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, slug),
  UNIQUE (organisation_id, id)
);

-- A definition never changes once answered: an edit is a new version (src/domains/feedback/questionnaire-definition.ts).
CREATE TABLE questionnaire_versions (
  organisation_id uuid NOT NULL,
  questionnaire_id uuid NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  PRIMARY KEY (questionnaire_id, version),
  FOREIGN KEY (organisation_id, questionnaire_id) REFERENCES questionnaires (organisation_id, id) ON DELETE CASCADE
);

-- One answer per invitation: the token (256 bits) is given once, only its SHA-256 is stored.
CREATE TABLE feedback_invitations (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  questionnaire_id uuid NOT NULL,
  channel text NOT NULL,
  topic text,
  case_id uuid,
  conversation_id text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (organisation_id, questionnaire_id) REFERENCES questionnaires (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_invitations_case_idx ON feedback_invitations (organisation_id, case_id) WHERE case_id IS NOT NULL;

CREATE TABLE feedback_answers (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  questionnaire_id uuid NOT NULL,
  questionnaire_version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('jdma', 'epic', 'csat', 'nps', 'custom')),
  -- where the answer came from: web (any page / "Je donne mon avis" button), email (invitation after a
  -- case), chat (end of a conversation), phone (keypad), counter (kiosk / QR code)
  channel text NOT NULL CHECK (channel IN ('web', 'email', 'chat', 'phone', 'counter')),
  -- procedure or topic: a fiche id ("F1341"), a local item ("procedure:<uuid>"), or a free slug; null if none
  topic text,
  case_id uuid,
  conversation_id text,
  invitation_id uuid UNIQUE REFERENCES feedback_invitations(id) ON DELETE SET NULL,
  -- form nonce: a double submission stores one answer
  submission_key text,
  submitted_at timestamptz NOT NULL,
  -- every answer by question id, as validated against the version's definition (free text scrubbed)
  answers jsonb NOT NULL,
  -- JDMA indicators of this answer, filled at submission (null when the question was not answered):
  satisfaction smallint CHECK (satisfaction IN (0, 5, 10)),      -- Très bien 10, Moyen 5, Pas bien 0
  clarity smallint CHECK (clarity BETWEEN 1 AND 5),
  help_sought text[],                                             -- channels of help sought
  autonomous boolean,                                             -- "je n'ai pas eu besoin d'aide"
  help_tried smallint,                                            -- administration channels tried
  help_reached smallint,                                          -- ... of which reached
  help_quality real,                                              -- mean quality 1–5 of the help reached
  csat smallint CHECK (csat BETWEEN 1 AND 5),
  nps smallint CHECK (nps BETWEEN 0 AND 10),
  -- the free text, scrubbed of personal data before storage, and what the analysis derived from it
  verbatim text,
  sentiment real,                                                 -- -1 (négatif) … 1 (positif)
  verbatim_topics text[],
  contact_email text,                                             -- only when the citizen chose to give it
  UNIQUE (organisation_id, submission_key),
  FOREIGN KEY (organisation_id, questionnaire_id) REFERENCES questionnaires (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_answers_period_idx ON feedback_answers (organisation_id, submitted_at);
CREATE INDEX feedback_answers_topic_idx ON feedback_answers (organisation_id, topic, submitted_at);

-- Sums per day × questionnaire kind × channel × topic, kept in the answer's transaction, so analysis over
-- a year of a million answers reads a few thousand rows (src/domains/feedback/analysis/).
CREATE TABLE feedback_daily (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  day date NOT NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  topic text NOT NULL DEFAULT '',
  answers integer NOT NULL DEFAULT 0,
  satisfaction_n integer NOT NULL DEFAULT 0,
  satisfaction_sum integer NOT NULL DEFAULT 0,
  satisfied_n integer NOT NULL DEFAULT 0,       -- Très bien
  dissatisfied_n integer NOT NULL DEFAULT 0,    -- Pas bien
  clarity_n integer NOT NULL DEFAULT 0,
  clarity_sum integer NOT NULL DEFAULT 0,
  autonomy_n integer NOT NULL DEFAULT 0,        -- answered the "help sought" question
  autonomous_n integer NOT NULL DEFAULT 0,
  help_tried_sum integer NOT NULL DEFAULT 0,
  help_reached_sum integer NOT NULL DEFAULT 0,
  help_quality_n integer NOT NULL DEFAULT 0,
  help_quality_sum real NOT NULL DEFAULT 0,
  csat_n integer NOT NULL DEFAULT 0,
  csat_sum integer NOT NULL DEFAULT 0,
  nps_n integer NOT NULL DEFAULT 0,
  nps_promoters integer NOT NULL DEFAULT 0,
  nps_detractors integer NOT NULL DEFAULT 0,
  sentiment_n integer NOT NULL DEFAULT 0,
  sentiment_sum real NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, day, kind, channel, topic)
);
