/**
 * Feedback analysis over 1,000,000 answers on PostgreSQL (target ≤ 1 s per operation). Seeds a temporary
 * database in bulk (INSERT … SELECT generate_series, then the daily rollups by one GROUP BY, as
 * `addAnswerToRollups` would have kept them), times each operation 5 times, prints median and worst, drops it.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/feedback-analysis.bench.ts [count]
 */
import { sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import {
  analyseVerbatim,
  answersCsv,
  computeBreakdown,
  computeIndicators,
  computeTimeSeries,
  detectEmergingTopics,
  indicatorsCsv,
  listAnswersForExport,
  listVerbatims,
} from "../src/domains/feedback/analysis/index.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import { newId } from "../src/shared/ids.ts";

const COUNT = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 100_000;
const ROUNDS = 5;
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: this benchmark measures PostgreSQL.");
  process.exit(2);
}

const SAMPLES = [
  "Très bien accueilli, merci pour votre patience.",
  "Délais beaucoup trop longs, trois mois d'attente.",
  "Impossible de joindre le standard par téléphone.",
  "Le formulaire en ligne plante au moment de payer.",
  "Informations claires, démarche simple et rapide.",
  "On m'a demandé deux fois les mêmes pièces justificatives.",
  "Agent aimable et compétent.",
  "Horaires d'ouverture pas pratiques, fermé le samedi.",
  "Pas de parking près de la mairie.",
  "Aucune nouvelle de ma demande depuis un mois.",
  "Pas de créneau de rendez-vous avant deux mois.",
  "Renvoyé de service en service, personne ne savait.",
];

async function seed(db: Awaited<ReturnType<typeof openDatabase>>["db"], organisationId: string, end: Date) {
  const questionnaireId = newId();
  await db
    .insertInto("questionnaires")
    .values({
      id: questionnaireId,
      organisation_id: organisationId,
      slug: "bench",
      kind: "jdma",
      title: "Bench",
      current_version: 1,
      created_at: end,
      updated_at: end,
    })
    .execute();
  const samples = SAMPLES.map((text) => ({ text, ...analyseVerbatim(text) }));
  const texts = samples.map((s) => s.text);
  const sentiments = samples.map((s) => s.sentiment ?? 0);
  // Topics per sample as one comma-joined string (an array of arrays must be rectangular in SQL).
  const topics = samples.map((s) => s.topics.join(","));
  for (let start = 0; start < COUNT; start += CHUNK) {
    const stop = Math.min(COUNT, start + CHUNK) - 1;
    // Deterministic mix: 80 % JDMA; channels, procedures (60, skewed) and days spread by multiplicative hashes;
    // one answer in three has a comment; every comment of the last week is about délais (an emerging topic).
    await sql`
      INSERT INTO feedback_answers (id, organisation_id, questionnaire_id, questionnaire_version, kind, channel, topic,
        submitted_at, answers, satisfaction, clarity, autonomous, help_tried, help_reached, help_quality, csat, nps,
        verbatim, sentiment, verbatim_topics)
      SELECT gen_random_uuid(), ${organisationId}, ${questionnaireId}, 1, k.kind, c.channel, t.topic,
        ${end}::timestamptz - (i % 365) * interval '1 day' - ((i::bigint * 7919) % 86400) * interval '1 second',
        '{}'::jsonb,
        CASE WHEN k.kind = 'jdma' THEN (ARRAY[10,10,5,10,0,5,10])[1 + (i * 11) % 7] END,
        CASE WHEN k.kind = 'jdma' THEN 1 + (i * 13) % 5 END,
        CASE WHEN k.kind = 'jdma' THEN (i * 17) % 3 = 0 END,
        CASE WHEN k.kind = 'jdma' AND (i * 17) % 3 <> 0 THEN 1 + (i % 2) END,
        CASE WHEN k.kind = 'jdma' AND (i * 17) % 3 <> 0 THEN (i * 19) % 3 END,
        CASE WHEN k.kind = 'jdma' AND (i * 17) % 3 <> 0 AND (i * 19) % 3 > 0 THEN 1 + (i * 23) % 5 END,
        CASE WHEN k.kind = 'csat' THEN 1 + (i * 29) % 5 END,
        CASE WHEN k.kind IN ('jdma', 'nps') THEN (i * 31) % 11 END,
        s.text, s.sentiment, string_to_array(nullif(s.topics, ''), ',')
      FROM generate_series(${start}::int, ${stop}::int) AS i
      CROSS JOIN LATERAL (SELECT (ARRAY['jdma','jdma','jdma','jdma','jdma','jdma','jdma','jdma','csat','nps'])[1 + (i * 7) % 10] AS kind) k
      CROSS JOIN LATERAL (SELECT (ARRAY['web','web','web','web','email','email','chat','phone','phone','counter'])[1 + (i * 3) % 10] AS channel) c
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 6 = 0 THEN NULL ELSE 'F' || (1000 + floor(60 * power(((i * 37) % 1000) / 1000.0, 2)))::int END AS topic) t
      LEFT JOIN LATERAL (
        SELECT (${texts}::text[])[n] AS text, (${sentiments}::real[])[n] AS sentiment, (${topics}::text[])[n] AS topics
        FROM (SELECT CASE WHEN i % 365 < 7 THEN 2 ELSE 1 + ((i / 3) * 5) % ${SAMPLES.length} END AS n) pick
      ) s ON i % 3 = 0`.execute(db);
    process.stdout.write(`  ${stop + 1} answers\r`);
  }
  // The rollups addAnswerToRollups keeps, computed at once (same definitions, same Paris day).
  await sql`
    INSERT INTO feedback_daily
    SELECT organisation_id, (submitted_at AT TIME ZONE 'Europe/Paris')::date, kind, channel, coalesce(topic, ''),
      count(*), count(satisfaction), coalesce(sum(satisfaction), 0), count(*) FILTER (WHERE satisfaction = 10),
      count(*) FILTER (WHERE satisfaction = 0), count(clarity), coalesce(sum(clarity), 0), count(autonomous),
      count(*) FILTER (WHERE autonomous), coalesce(sum(help_tried), 0), coalesce(sum(help_reached), 0),
      count(help_quality), coalesce(sum(help_quality), 0), count(csat), coalesce(sum(csat), 0), count(nps),
      count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps <= 6), count(sentiment), coalesce(sum(sentiment), 0)
    FROM feedback_answers GROUP BY 1, 2, 3, 4, 5`.execute(db);
  await sql`ANALYZE`.execute(db);
}

async function time(label: string, run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(ROUNDS / 2)] as number;
  const worst = times.at(-1) as number;
  console.log(
    `${label.padEnd(48)} median ${median.toFixed(1).padStart(7)} ms   worst ${worst.toFixed(1).padStart(7)} ms${worst > 1000 ? "   OVER 1 s" : ""}`,
  );
}

async function main() {
  const name = `guichet_bench_feedback_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url as string);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ engine: "postgres", url: dbUrl.toString(), maxConnections: 4 });
  try {
    await migrate(handle.db, { engine: "postgres" });
    const { id: organisationId } = await ensureOrganisation(handle.db, {
      slug: "bench",
      name: "Ville du banc d'essai",
    });
    const end = new Date("2026-04-01T00:00:00+02:00");
    const seedStart = performance.now();
    await seed(handle.db, organisationId, end);
    const rollups = await handle.db
      .selectFrom("feedback_daily")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    console.log(
      `seeded ${COUNT} answers and ${rollups.n} rollup rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const db = handle.db;
    const year = { from: "2025-04-01", to: "2026-04-01" };
    const all = { organisationId, period: year, filters: {} };
    const filtered = {
      organisationId,
      period: year,
      filters: { channel: "phone" as const, topic: "F1003", kind: "jdma" as const },
    };
    const report = await computeIndicators(db, all);
    console.log(
      `year: ${report.indicators.answers} answers, satisfaction ${report.indicators.satisfaction.value?.toFixed(2)} /10`,
    );
    await time("indicators, one year, no filter", () => computeIndicators(db, all));
    await time("indicators, one year, channel + topic + kind", () => computeIndicators(db, filtered));
    await time("breakdown by channel, one year", () => computeBreakdown(db, { ...all, by: "channel" }));
    await time("breakdown by topic, one year", () =>
      computeBreakdown(db, { ...all, by: "topic", limit: 30 }),
    );
    await time("time series by week, one year", () => computeTimeSeries(db, { ...all, bucket: "week" }));
    await time("emerging topics (7 days vs 8 weeks)", () =>
      detectEmergingTopics(db, { organisationId, until: year.to, filters: {} }),
    );
    const emerging = await detectEmergingTopics(db, { organisationId, until: year.to, filters: {} });
    console.log(
      `emerging: ${emerging.map((t) => `${t.topic} ${t.recent} vs ${t.baselineWeekly.toFixed(1)}/week`).join(", ") || "none"}`,
    );
    await time("drill-down page 1, topic délais, one year", () =>
      listVerbatims(db, { ...all, verbatimTopic: "delais" }),
    );
    await time("drill-down page 1, phone + F1003 + accès, one year", () =>
      listVerbatims(db, { ...filtered, verbatimTopic: "acces" }),
    );
    const first = await listVerbatims(db, { ...all, verbatimTopic: "delais" });
    await time("drill-down page 2 (keyset), topic délais", () =>
      listVerbatims(db, { ...all, verbatimTopic: "delais", cursor: first.nextCursor ?? undefined }),
    );
    await time("CSV export of the indicators, one year", async () =>
      indicatorsCsv(await computeIndicators(db, all)),
    );
    await time("CSV export of the answers, one month", async () => {
      let bytes = 0;
      for await (const chunk of answersCsv(
        listAnswersForExport(db, {
          organisationId,
          period: { from: "2026-03-01", to: "2026-04-01" },
          filters: {},
        }),
      ))
        bytes += chunk.length;
      return bytes;
    });
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
