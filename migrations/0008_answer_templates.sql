-- Saved answers ("modèles de réponse") agents pick from when replying to a case. Plain text, like
-- case messages: pages escape it when they render it.
CREATE TABLE answer_templates (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, title)
);
CREATE INDEX answer_templates_org_idx ON answer_templates (organisation_id, title);
