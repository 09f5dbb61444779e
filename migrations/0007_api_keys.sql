-- Citizen desk: API keys for external systems, the public forms' rate limit, and the contact form's
-- sealed confirmations (so that a double submission shows the same tracking link, once).

-- One key per external system and organisation. Only the SHA-256 of the key is kept: the key is
-- printed once when created and cannot be read back.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_organisation_idx ON api_keys (organisation_id, created_at);

-- Hits on public forms (contact, tracking lookup, replies) by hashed client address, counted over a
-- window by every app process alike.
CREATE TABLE public_form_hits (
  bucket text NOT NULL,
  key text NOT NULL,
  hit_at timestamptz NOT NULL
);
CREATE INDEX public_form_hits_key_idx ON public_form_hits (bucket, key, hit_at);
CREATE INDEX public_form_hits_time_idx ON public_form_hits (hit_at);

-- The tracking token of a case opened by the contact form, encrypted with a key derived from the
-- form's one-time key (which only the citizen's browser holds; cases.submission_key stores its hash).
-- A second post of the same form can show the same confirmation; a copy of the database cannot.
CREATE TABLE contact_confirmations (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  submission_key text NOT NULL,
  sealed_token text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, submission_key)
);
CREATE INDEX contact_confirmations_created_idx ON contact_confirmations (created_at);
