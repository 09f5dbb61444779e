-- Service commitments per procedure ("démarche"), and the calls commitment ("85 % des appels décrochés
-- quand l'usager demande un agent").

-- The procedure a commitment is about, as a topic key (src/domains/knowledge/topics/topic-key.ts): a
-- service-public.fr fiche id ("F1342") or the town's own page ("local:<uuid>"); null: every procedure.
-- At case opening: procedure and channel > procedure on every channel > channel > every channel.
ALTER TABLE service_commitments
  ADD COLUMN topic text
    CHECK (topic ~ '^([FNR][0-9]{1,7}(-[0-9]{1,3})?|local:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$');

-- agent_answer: the share of phone calls in which the caller asked for an agent that an agent answered.
-- It measures calls, not cases: no SLA clock, no delay (a target share only), phone only, no procedure.
-- Its figures are written into stats_sla by the day of the call (refresh-activity-rollups.ts).
ALTER TABLE service_commitments DROP CONSTRAINT service_commitments_measure_check;
ALTER TABLE service_commitments
  ADD CONSTRAINT service_commitments_measure_check
    CHECK (measure IN ('first_reply', 'resolution', 'agent_answer'));
ALTER TABLE service_commitments ALTER COLUMN delay_unit DROP NOT NULL;
ALTER TABLE service_commitments ALTER COLUMN delay_amount DROP NOT NULL;
ALTER TABLE service_commitments
  ADD CONSTRAINT service_commitments_measure_scope_check CHECK (
    CASE WHEN measure = 'agent_answer'
      THEN channel = 'phone' AND topic IS NULL AND delay_unit IS NULL AND delay_amount IS NULL
      ELSE delay_unit IS NOT NULL AND delay_amount IS NOT NULL
    END
  );

-- A case is measured against one commitment: at most one active per (channel, procedure) pair, "every
-- channel" and "every procedure" included; and at most one active calls commitment.
DROP INDEX service_commitments_active_channel_key;
CREATE UNIQUE INDEX service_commitments_active_scope_key
  ON service_commitments (organisation_id, coalesce(channel, '*'), coalesce(topic, '*'))
  WHERE active AND measure <> 'agent_answer';
CREATE UNIQUE INDEX service_commitments_active_calls_key
  ON service_commitments (organisation_id)
  WHERE active AND measure = 'agent_answer';
