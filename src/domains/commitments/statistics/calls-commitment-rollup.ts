/**
 * The calls commitment's figures ("85 % des appels décrochés quand l'usager demande un agent"), written
 * into stats_sla by the day of the call, under the id of the calls commitment in force that day — so
 * that `figures.commitments` carries them like the commitments on cases.
 *
 * What the call rows hold (src/domains/channels/voice/): when the caller asks for a person (key 0, "un
 * agent", or the assistant understood it), the flow records an `agent` step; during opening hours, with
 * a transfer line, it passes the call on and records a `transfer` step; the outcome becomes
 * 'transferred' only once the provider reports that an agent answered. Outside opening hours there is
 * no `transfer` step: a call-back is offered, nobody could have answered.
 *
 * - asked for an agent (measured): the call ended, and it has a `transfer` step or the outcome
 *   'transferred' (older rows set it when the transfer was ordered);
 * - answered by an agent (met): its outcome is 'transferred'. A transfer nobody took (then a call-back,
 *   or the caller hung up while it rang) is measured and not met.
 *
 * A calls commitment is in force from its creation, between its deactivations and reactivations (the
 * `events` rows): a call counts for the one in force when it started (at most one is active at a time).
 */
import { type RawBuilder, sql } from "kysely";

export function callsCommitmentRollup(input: {
  organisationId: string;
  /** Paris midnight of the first day and of the day after the last, as instants. */
  lower: RawBuilder<unknown>;
  upper: RawBuilder<unknown>;
}) {
  const { organisationId: org, lower, upper } = input;
  return sql`
    WITH calls_commitments AS (
      SELECT id, created_at FROM service_commitments
      WHERE organisation_id = ${org} AND measure = 'agent_answer'
    ), changes AS (
      SELECT c.id AS commitment_id, c.created_at AS at, 0::bigint AS seq, true AS active
      FROM calls_commitments c
      UNION ALL
      SELECT c.id, e.created_at, e.id, e.action = 'activated'
      FROM calls_commitments c
      JOIN events e ON e.organisation_id = ${org} AND e.entity_type = 'service_commitment'
        AND e.entity_id = c.id::text AND e.action IN ('activated', 'deactivated')
    ), spans AS (
      SELECT commitment_id, active, at AS from_at,
             lead(at) OVER (PARTITION BY commitment_id ORDER BY at, seq) AS to_at
      FROM changes
    )
    INSERT INTO stats_sla (organisation_id, day, commitment_id, measured, met)
    SELECT ${org}, (k.started_at AT TIME ZONE 'Europe/Paris')::date, s.commitment_id,
           count(*), count(*) FILTER (WHERE k.outcome = 'transferred')
    FROM calls k
    JOIN spans s ON s.active AND k.started_at >= s.from_at AND (s.to_at IS NULL OR k.started_at < s.to_at)
    WHERE k.organisation_id = ${org} AND k.outcome IS NOT NULL
      AND k.started_at >= ${lower} AND k.started_at < ${upper}
      AND (k.outcome = 'transferred' OR k.path @> '[{"step": "transfer"}]'::jsonb)
    GROUP BY 2, 3`;
}
