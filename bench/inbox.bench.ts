/**
 * Inbox with 100,000 cases: seeds a fresh database (batch inserts, realistic mix of statuses,
 * channels, teams, assignees; one message each), then times `listInbox` over mixed filters.
 *   npx tsx bench/inbox.bench.ts [count]                     PGlite in a temporary folder
 *   DATABASE_URL=postgres://… npx tsx bench/inbox.bench.ts    also PostgreSQL (a temporary database)
 * Target: p95 ≤ 50 ms on both engines.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Insertable, sql } from "kysely";
import pg from "pg";
import { openDatabase } from "../src/adapters/db/connect.ts";
import { migrate } from "../src/adapters/db/migrate.ts";
import {
  type CaseChannel,
  type CaseStatus,
  type InboxFilters,
  listInbox,
} from "../src/domains/cases/index.ts";
import { hashTrackingToken } from "../src/domains/cases/tracking-token.ts";
import { ensureOrganisation } from "../src/domains/identity/index.ts";
import type { CaseMessagesTable, RootDb } from "../src/shared/database.ts";
import { newId } from "../src/shared/ids.ts";
import { foldAccents } from "../src/shared/text.ts";

const COUNT = Number(process.argv[2] ?? 100_000);
const BATCH = 500;
const ROUNDS = 20;

// Deterministic pseudo-random numbers, so every run seeds the same desk.
let seed = 42;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
}
function pick<T>(weighted: readonly (readonly [T, number])[]): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r <= 0) return value;
  }
  return weighted[0]![0];
}

const STATUSES: [CaseStatus, number][] = [
  ["nouveau", 8],
  ["en_cours", 12],
  ["en_attente_usager", 8],
  ["resolu", 12],
  ["clos", 60],
];
const CHANNELS: [CaseChannel, number][] = [
  ["web", 40],
  ["email", 35],
  ["phone", 12],
  ["counter", 6],
  ["chat", 5],
  ["api", 2],
];
const SUBJECTS = [
  "Acte de naissance",
  "Carte d'identité : rendez-vous",
  "Passeport perdu",
  "Inscription scolaire",
  "Inscription sur les listes électorales",
  "Bruit de voisinage",
  "Dépôt sauvage rue des Lilas",
  "Permis de construire : pièces manquantes",
  "Déclaration préalable de travaux",
  "Stationnement résidentiel",
  "Cantine : facture contestée",
  "Réservation de la salle des fêtes",
  "Recensement citoyen",
  "Concession au cimetière",
  "Éclairage public en panne",
  "Nid-de-poule avenue Jean-Jaurès",
  "Mariage : constitution du dossier",
  "PACS en mairie",
  "Attestation d'accueil",
  "Aide sociale : rendez-vous CCAS",
];
const WORDS =
  "bonjour madame monsieur demande dossier rendez-vous mairie service document justificatif domicile facture enfant école délai réponse merci cordialement urgent semaine prochaine formulaire pièce identité adresse quartier rue voisin travaux problème renseignement information horaires accueil courrier numéro téléphone".split(
    " ",
  );
const FIRST = ["Marie", "Jean", "Fatima", "Lucas", "Chloé", "Mohamed", "Louise", "Hugo", "Inès", "Paul"];
const LAST = [
  "Martin",
  "Bernard",
  "Dubois",
  "Nguyen",
  "Moreau",
  "Petit",
  "Haddad",
  "Garcia",
  "Roux",
  "Fontaine",
];

function sentence(n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
}

async function seedDesk(
  db: RootDb,
): Promise<{ organisationId: string; agentIds: string[]; teamIds: string[] }> {
  const organisationId = (await ensureOrganisation(db, { slug: "bench", name: "Ville de Banc" })).id;
  await ensureOrganisation(db, { slug: "other", name: "Autre ville" });
  const agentIds = Array.from({ length: 20 }, () => newId());
  await db
    .insertInto("agents")
    .values(
      agentIds.map((id, i) => ({
        id,
        organisation_id: organisationId,
        email: `agent${i}@banc.fr`,
        display_name: `Agent ${i}`,
        roles: ["agent"],
      })),
    )
    .execute();
  const teamIds = Array.from({ length: 6 }, () => newId());
  await db
    .insertInto("teams")
    .values(teamIds.map((id, i) => ({ id, organisation_id: organisationId, name: `Équipe ${i}` })))
    .execute();

  const commitmentId = newId();
  await db
    .insertInto("service_commitments")
    .values({
      id: commitmentId,
      organisation_id: organisationId,
      label: "Réponse sous 5 jours ouvrés",
      measure: "resolution",
      delay_unit: "business_days",
      delay_amount: 5,
      target_share: 0.85,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  const start = new Date("2024-06-01T08:00:00Z").getTime();
  const span = 2 * 365 * 86_400_000;
  const started = performance.now();
  for (let done = 0; done < COUNT; done += BATCH) {
    const cases: Record<string, unknown>[] = [];
    const messages: Insertable<CaseMessagesTable>[] = [];
    for (let i = done; i < Math.min(COUNT, done + BATCH); i++) {
      const id = newId();
      const status = pick(STATUSES);
      const channel = pick(CHANNELS);
      const openedAt = new Date(start + Math.floor((i / COUNT) * span + random() * 86_400_000));
      const updatedAt = new Date(openedAt.getTime() + Math.floor(random() * 20 * 86_400_000));
      const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)]!;
      const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      const email = channel === "phone" ? null : `${name.toLowerCase().replace(/\W+/g, ".")}${i}@exemple.fr`;
      const body = `${sentence(20 + Math.floor(random() * 40))}`;
      const reference = `GU-${openedAt.getUTCFullYear()}-${String(i + 1).padStart(6, "0")}`;
      const assigned = status !== "nouveau" && random() < 0.8;
      cases.push({
        id,
        organisation_id: organisationId,
        reference,
        channel,
        status,
        priority: random() < 0.1 ? ("haute" as const) : ("normale" as const),
        subject,
        contact_name: name,
        contact_email: email,
        contact_phone: channel === "phone" ? "01 23 45 67 89" : null,
        team_id: random() < 0.85 ? teamIds[Math.floor(random() * teamIds.length)]! : null,
        assignee_id: assigned ? agentIds[Math.floor(random() * agentIds.length)]! : null,
        tracking_token_hash: hashTrackingToken(id),
        search_vector: sql`to_tsvector('french', ${foldAccents([reference, subject, name, email, body].filter(Boolean).join("\n"))})`,
        opened_at: openedAt,
        first_agent_reply_at: status === "nouveau" ? null : updatedAt,
        waiting_since: status === "en_attente_usager" ? updatedAt : null,
        resolved_at: status === "resolu" || status === "clos" ? updatedAt : null,
        closed_at: status === "clos" ? updatedAt : null,
        updated_at: updatedAt,
        commitment_id: commitmentId,
        due_at: new Date(openedAt.getTime() + 7 * 86_400_000),
        sla_met: ["nouveau", "en_cours", "en_attente_usager"].includes(status) ? null : random() < 0.8,
      });
      messages.push({
        id: newId(),
        organisation_id: organisationId,
        case_id: id,
        author_type: "citizen" as const,
        visibility: "public" as const,
        body,
        created_at: openedAt,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("cases")
        .values(cases as never)
        .execute();
      await trx.insertInto("case_messages").values(messages).execute();
    });
    if ((done / BATCH) % 40 === 0) process.stdout.write(`  seeded ${done + BATCH}\r`);
  }
  console.log(`  seeded ${COUNT} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql`ANALYZE`.execute(db);
  return { organisationId, agentIds, teamIds };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function measure(db: RootDb, desk: { organisationId: string; agentIds: string[]; teamIds: string[] }) {
  const me = desk.agentIds[3]!;
  const open: CaseStatus[] = ["nouveau", "en_cours", "en_attente_usager"];
  const mixes: [string, InboxFilters][] = [
    ["tout", {}],
    ["statuts ouverts", { status: open }],
    ["nouveau", { status: "nouveau" }],
    ["équipe", { teamId: desk.teamIds[1]! }],
    ["équipe + ouverts", { teamId: desk.teamIds[2]!, status: open }],
    ["canal e-mail", { channel: "email" }],
    ["canal guichet + ouverts", { channel: "counter", status: open }],
    ["assignées à moi", { assignedToMe: true }],
    ["à moi + ouverts", { assignedToMe: true, status: open }],
    ["non assignées", { unassigned: true }],
    ["non assignées + ouverts", { unassigned: true, status: open }],
    ["en retard", { dueBefore: new Date("2026-05-01T00:00:00Z") }],
    ["q: naissance", { q: "naissance" }],
    ["q: carte identite", { q: "carte identite" }],
    ["q: référence", { q: "GU-2025-054321" }],
    ["q: nom", { q: "Haddad" }],
    ["q: e-mail", { q: "marie.martin12345@exemple.fr" }],
    ["q: mot rare + ouverts", { q: "cimetière", status: open }],
    ["q + équipe + ouverts", { q: "travaux", teamId: desk.teamIds[0]!, status: open }],
  ];
  const byMix = new Map<string, number[]>();
  const all: number[] = [];
  const now = new Date("2026-05-01T00:00:00Z");
  for (const mix of mixes) mix[1] = { ...mix[1], now };
  for (const [, filters] of mixes)
    await listInbox(db, { organisationId: desk.organisationId, agentId: me, filters }); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, filters] of mixes) {
      const t0 = performance.now();
      const first = await listInbox(db, { organisationId: desk.organisationId, agentId: me, filters });
      const t1 = performance.now();
      const timings = byMix.get(label) ?? [];
      timings.push(t1 - t0);
      all.push(t1 - t0);
      if (first.nextCursor) {
        const t2 = performance.now();
        await listInbox(db, {
          organisationId: desk.organisationId,
          agentId: me,
          filters,
          cursor: first.nextCursor,
        });
        const page2 = performance.now() - t2;
        timings.push(page2);
        all.push(page2);
      }
      byMix.set(label, timings);
    }
  }
  for (const [label, timings] of byMix) {
    timings.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(26)} p50 ${percentile(timings, 0.5).toFixed(2).padStart(7)} ms  p95 ${percentile(timings, 0.95).toFixed(2).padStart(7)} ms`,
    );
  }
  all.sort((a, b) => a - b);
  const p95 = percentile(all, 0.95);
  console.log(
    `  ALL (${all.length} listings, 25 per page)  p50 ${percentile(all, 0.5).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${percentile(all, 1).toFixed(2)} ms  (target p95 ≤ 50 ms) ${p95 <= 50 ? "OK" : "MISSED"}`,
  );
  return p95;
}

let missed = false;

{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-inbox-bench-"));
  console.log(`PGlite (${dir})`);
  const handle = await openDatabase({ engine: "pglite", dataDir: path.join(dir, "data") });
  try {
    await migrate(handle.db, { engine: "pglite" });
    const desk = await seedDesk(handle.db);
    missed = (await measure(handle.db, desk)) > 50 || missed;
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const url = process.env.DATABASE_URL;
if (url) {
  const name = `guichet_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  console.log(`PostgreSQL (temporary database ${name})`);
  const handle = await openDatabase({ engine: "postgres", url: target.toString(), maxConnections: 4 });
  try {
    await migrate(handle.db, { engine: "postgres" });
    const desk = await seedDesk(handle.db);
    missed = (await measure(handle.db, desk)) > 50 || missed;
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log("PostgreSQL: skipped (set DATABASE_URL to measure it too)");
}
process.exit(missed ? 1 : 0);
