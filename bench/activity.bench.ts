/**
 * Needs dashboard and results page over a busy town: seeds 1,000,000 cases (with their status changes)
 * and 1,000,000 assistant conversations spread over two years, builds the daily rollups, then times
 * what each view reads.
 *   DATABASE_URL=postgres://… npx tsx bench/activity.bench.ts [count]   PostgreSQL, temporary database
 *   npx tsx bench/activity.bench.ts                                     PGlite only, 100,000 of each
 * Target (issue 6): ≤ 1 s per view on PostgreSQL with 1,000,000 cases and 1,000,000 conversations.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import { listInbox } from "../src/domains/cases/index.ts";
import {
  computeResults,
  readActivityFigures,
  refreshActivityRollups,
  type StatsPeriod,
} from "../src/domains/commitments/index.ts";
import { listConversations, loadNeedsDashboard } from "../src/domains/commitments/needs/index.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import { fixedClock } from "../src/shared/clock.ts";
import type { RootDb } from "../src/shared/database.ts";
import { newId } from "../src/shared/ids.ts";

const url = process.env.DATABASE_URL;
const COUNT = Number(process.argv[2] ?? (url ? 1_000_000 : 100_000));
const DAYS = 730;
/** The bench's "now": Friday 30 October 2026, 18:00 Paris. */
const NOW = new Date("2026-10-30T17:00:00Z");
const FIRST_DAY = new Date(NOW.getTime() - DAYS * 86_400_000);
const ROUNDS = 5;
const TOPICS = Array.from({ length: 120 }, (_, i) => `F${1000 + i * 37}`);

async function seed(db: RootDb): Promise<string> {
  const organisationId = (await ensureOrganisation(db, { slug: "bench", name: "Ville de Bench" })).id;
  const commitmentId = newId();
  await db
    .insertInto("service_commitments")
    .values({
      id: commitmentId,
      organisation_id: organisationId,
      label: "Première réponse sous 48 h ouvrées",
      measure: "first_reply",
      channel: null,
      delay_unit: "business_hours",
      delay_amount: 48,
      target_share: 0.85,
      created_at: FIRST_DAY,
      updated_at: FIRST_DAY,
    } as never)
    .execute();
  const started = performance.now();
  const step = (DAYS * 86_400) / COUNT; // seconds between two arrivals, on average
  const topics = sql.raw(`ARRAY[${TOPICS.map((t) => `'${t}'`).join(",")}]`);
  // Arrivals lean on office hours: the hour of day is drawn from a skewed distribution.
  const openedAt = sql`(${FIRST_DAY}::timestamptz + make_interval(days => floor(i * ${step}::float8 / 86400)::int)
      + make_interval(hours => (6 + ((i * 7) % 11) + ((i * 13) % 5))::int, mins => (i % 60)::int))`;
  for (let from = 1; from <= COUNT; from += 250_000) {
    const to = Math.min(COUNT, from + 249_999);
    await sql`
      INSERT INTO cases (id, organisation_id, reference, channel, status, subject, topic_fiche_id,
        tracking_token_hash, opened_at, first_agent_reply_at, resolved_at, closed_at, updated_at,
        commitment_id, due_at, sla_met)
      SELECT gen_random_uuid(), ${organisationId}, 'GU-B-' || i,
        (ARRAY['web','web','web','email','email','email','phone','counter','chat','api'])[1 + i % 10],
        (ARRAY['clos','clos','clos','clos','clos','clos','resolu','en_cours','nouveau','en_attente_usager'])[1 + (i / 7) % 10],
        'Demande ' || i, (${topics})[1 + (i * 31) % ${TOPICS.length}], md5(i::text),
        o, CASE WHEN i % 10 < 8 THEN o + make_interval(hours => 1 + i % 70) END,
        CASE WHEN (i / 7) % 10 < 7 THEN o + make_interval(hours => 4 + i % 200) END,
        CASE WHEN (i / 7) % 10 < 6 THEN o + make_interval(days => 20) END, o + make_interval(days => 20),
        ${commitmentId}, o + interval '3 days',
        CASE WHEN i % 10 < 8 THEN (1 + i % 70) <= 60 END
      FROM generate_series(${from}::int, ${to}::int) AS i, LATERAL (SELECT ${openedAt} AS o) t`.execute(db);
    await sql`
      INSERT INTO conversations (id, organisation_id, channel, state, outcome, helpful, turns, topic,
        started_at, last_activity_at)
      SELECT 'bench-' || i, ${organisationId},
        (ARRAY['widget','widget','widget','widget','web','web','web','phone','voice','widget'])[1 + i % 10],
        '{"v":1}', (ARRAY['answered','answered','answered','answered','answered','clarified','handed_off','unanswered','none','answered'])[1 + (i / 3) % 10],
        CASE WHEN i % 4 = 0 THEN true WHEN i % 4 = 1 THEN false END, i % 4,
        CASE WHEN (i / 3) % 10 < 5 THEN (${topics})[1 + (i * 17) % ${TOPICS.length}] END,
        o + interval '17 minutes', o + interval '25 minutes'
      FROM generate_series(${from}::int, ${to}::int) AS i, LATERAL (SELECT ${openedAt} AS o) t`.execute(db);
    process.stdout.write(`  seeded ${to} cases and conversations\r`);
  }
  // Status changes, as the case use cases record them: nouveau → en_cours → resolu → clos.
  await sql`
    INSERT INTO events (organisation_id, entity_type, entity_id, action, data, created_at)
    SELECT ${organisationId}, 'case', c.id::text, 'status_changed', s.data, s.at
    FROM cases c, LATERAL (VALUES
      ('{"from":"nouveau","to":"en_cours"}'::jsonb, c.first_agent_reply_at),
      ('{"from":"en_cours","to":"resolu"}'::jsonb, c.resolved_at),
      ('{"from":"resolu","to":"clos"}'::jsonb, c.closed_at)) AS s(data, at)
    WHERE c.organisation_id = ${organisationId} AND s.at IS NOT NULL`.execute(db);
  await sql`ANALYZE`.execute(db);
  const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(db);
  console.log(
    `  seeded ${COUNT} cases, ${COUNT} conversations, ${events.rows[0]?.n} status changes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return organisationId;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function time<T>(label: string, work: () => Promise<T>, rounds = ROUNDS): Promise<number> {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    await work();
    timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  const worst = timings[timings.length - 1] ?? 0;
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(timings, 0.5).toFixed(1).padStart(8)} ms  max ${worst.toFixed(1).padStart(8)} ms`,
  );
  return worst;
}

const PERIODS: [string, StatsPeriod][] = [
  ["30 derniers jours", { from: "2026-10-01", to: "2026-10-30" }],
  ["trimestre (T3 2026)", { from: "2026-07-01", to: "2026-09-30" }],
  ["année (2025)", { from: "2025-01-01", to: "2025-12-31" }],
  ["deux ans", { from: "2024-10-31", to: "2026-10-30" }],
];

async function measure(db: RootDb, organisationId: string): Promise<number> {
  const clock = fixedClock(NOW);
  let t0 = performance.now();
  const full = await refreshActivityRollups(db, { organisationId, clock });
  console.log(
    `  first refresh (every day, ${full.from} → ${full.to}): ${((performance.now() - t0) / 1000).toFixed(1)} s, ${full.rows} rollup rows`,
  );
  t0 = performance.now();
  const hourly = await refreshActivityRollups(db, { organisationId, clock });
  console.log(
    `  hourly refresh (last 35 days): ${(performance.now() - t0).toFixed(0)} ms, ${hourly.rows} rows`,
  );
  await sql`ANALYZE`.execute(db);

  let worst = 0;
  for (const [label, period] of PERIODS)
    worst = Math.max(
      worst,
      await time(`activity figures, ${label}`, () => readActivityFigures(db, { organisationId, period })),
    );
  // The whole views: the needs dashboard (figures, unanswered questions, page titles) and a results draft
  // (figures, commitments, feedback indicators, one series per month).
  for (const [label, period] of PERIODS)
    worst = Math.max(
      worst,
      await time(`needs dashboard, ${label}`, () => loadNeedsDashboard(db, { organisationId, period })),
    );
  for (const [label, period] of PERIODS.slice(1, 3))
    worst = Math.max(
      worst,
      await time(`results draft, ${label}`, () => computeResults(db, { organisationId, period, clock })),
    );
  // Where the dashboard's links lead: a topic's cases in the inbox, the conversations of a topic and of a vote.
  const rare = { ficheId: TOPICS[7] ?? "F1000" };
  worst = Math.max(
    worst,
    await time("inbox, one topic over two years", () =>
      listInbox(db, {
        organisationId,
        agentId: newId(),
        filters: { topic: rare, openedFrom: new Date("2024-10-31T00:00:00Z"), now: NOW },
      }),
    ),
    await time("conversations, one topic over two years", () =>
      listConversations(db, {
        organisationId,
        filters: { topic: { kind: "fiche", ficheId: rare.ficheId }, period: PERIODS[3]![1] },
      }),
    ),
    await time("conversations, settled without an agent, two years", () =>
      listConversations(db, {
        organisationId,
        filters: { period: PERIODS[3]![1], exchanged: true, handedOff: false, helpful: "yes" },
      }),
    ),
  );
  // For comparison: one of those figures computed from the source rows, without the rollups.
  await time(
    "without rollups: arrivals by hour, one year",
    () =>
      sql`SELECT extract(isodow FROM opened_at AT TIME ZONE 'Europe/Paris') AS d,
                 extract(hour FROM opened_at AT TIME ZONE 'Europe/Paris') AS h, channel, count(*)
          FROM cases WHERE organisation_id = ${organisationId}
            AND opened_at >= '2025-01-01' AND opened_at < '2026-01-01' GROUP BY 1, 2, 3`.execute(db),
    2,
  );
  console.log(`  WORST VIEW ${worst.toFixed(0)} ms (target ≤ 1000 ms) ${worst <= 1000 ? "OK" : "MISSED"}`);
  return worst;
}

let missed = false;
if (url) {
  const name = `guichet_activity_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  console.log(`PostgreSQL (temporary database ${name}), ${COUNT} cases + ${COUNT} conversations`);
  const handle = await openDatabase({ engine: "postgres", url: target.toString(), maxConnections: 8 });
  try {
    await migrate(handle.db, { engine: "postgres" });
    missed = (await measure(handle.db, await seed(handle.db))) > 1000;
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-activity-bench-"));
  console.log(`PGlite (${dir}), ${COUNT} cases + ${COUNT} conversations; set DATABASE_URL for PostgreSQL`);
  const handle = await openDatabase({ engine: "pglite", dataDir: path.join(dir, "data") });
  try {
    await migrate(handle.db, { engine: "pglite" });
    missed = (await measure(handle.db, await seed(handle.db))) > 1000;
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(missed ? 1 : 0);
