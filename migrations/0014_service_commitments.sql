-- Service commitments ("engagements de service"): a deadline the organisation announces, measured on
-- each case. The business calendar they are counted on lives in organisations.settings.calendar.

CREATE TABLE service_commitments (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- as published: "Réponse aux courriels sous 5 jours ouvrés"
  label text NOT NULL,
  -- first_reply: stops at the first public agent reply (or resolution); resolution: at resolu/clos
  measure text NOT NULL CHECK (measure IN ('first_reply', 'resolution')),
  -- null: every channel; a channel-specific commitment wins over the one for every channel
  channel text CHECK (channel IN ('web', 'email', 'chat', 'phone', 'counter', 'api')),
  delay_unit text NOT NULL CHECK (delay_unit IN ('business_days', 'business_hours')),
  delay_amount integer NOT NULL CHECK (delay_amount > 0 AND delay_amount <= 1000),
  -- share of requests the organisation commits to handle within the delay (0.85 = 85 %)
  target_share numeric(4, 3) NOT NULL CHECK (target_share > 0 AND target_share <= 1),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organisation_id, id)
);
-- A case is measured against one commitment: at most one active per channel (and one for every channel).
CREATE UNIQUE INDEX service_commitments_active_channel_key
  ON service_commitments (organisation_id, coalesce(channel, '*')) WHERE active;

-- The SLA clock of a case. due_at moves when the case leaves en_attente_usager (the waiting time does
-- not count); sla_met is null while the clock runs, true/false once it stopped.
ALTER TABLE cases
  ADD COLUMN commitment_id uuid,
  ADD COLUMN due_at timestamptz,
  ADD COLUMN sla_met boolean,
  ADD CONSTRAINT cases_commitment_fk FOREIGN KEY (organisation_id, commitment_id)
    REFERENCES service_commitments (organisation_id, id);
-- "En retard" and the daily digest read only the running clocks, by deadline.
CREATE INDEX cases_sla_open_idx ON cases (organisation_id, due_at) WHERE sla_met IS NULL;
