/**
 * The daily digest of cases at risk: once a day, on an open day after 7:00 Paris, the cases whose
 * clock runs and that are late or due before the end of the next open day, grouped by team, are
 * e-mailed to the people who can act on them. Only the reference, a truncated subject and the
 * deadline travel: the citizen's name and contact stay in Guichet.
 */
import { sql } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { Db } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import { enqueueEmail } from "../channels/email/outbox.ts";
import { addBusinessDays, isOpenDay, parisDayOf, parisInstant } from "./business-calendar.ts";
import { getBusinessCalendar } from "./calendar-settings.ts";
import { type BusinessSpan, businessSpan } from "./describe-sla.ts";
import { inTransaction } from "./transaction.ts";

export const RISK_DIGEST_ACTION = "sla.digest_sent";
/** Before this Paris time the day's digest waits: agents read it when they arrive. */
const SEND_FROM = "07:00";
const SUBJECT_CHARS = 80;
/** A digest is a reminder, not an export: past this, the inbox's "en retard" filter takes over. */
const MAX_LINES = 100;
const NO_TEAM = "Sans équipe";

export type RiskDigestReport = { digests: number; cases: number; emails: number };

type AtRisk = {
  reference: string;
  subject: string;
  dueAt: Date;
  teamId: string | null;
  teamName: string | null;
};

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dueFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

function formatSpan(span: BusinessSpan): string {
  if (span.unit === "days") return span.days === 1 ? "1 jour ouvré" : `${span.days} jours ouvrés`;
  const hours = Math.floor(span.minutes / 60);
  if (hours < 1) return "moins d'une heure ouvrée";
  return hours === 1 ? "1 h ouvrée" : `${hours} h ouvrées`;
}

function shortSubject(subject: string): string {
  const clean = collapseWhitespace(stripControlCharacters(subject));
  return clean.length <= SUBJECT_CHARS ? clean : `${clean.slice(0, SUBJECT_CHARS - 1)}…`;
}

async function alreadySent(db: Db, organisationId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom("events")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("entity_type", "=", "organisation")
    .where("entity_id", "=", organisationId)
    .where("action", "=", RISK_DIGEST_ACTION)
    .where(sql<string>`data->>'day'`, "=", day)
    .executeTakeFirst();
  return row !== undefined;
}

/** Running clocks (not stopped, not paused for the citizen) due before `horizon`, earliest first. */
function casesAtRisk(db: Db, organisationId: string, horizon: Date): Promise<AtRisk[]> {
  return db
    .selectFrom("cases")
    .leftJoin("teams", (join) =>
      join
        .onRef("teams.id", "=", "cases.team_id")
        .onRef("teams.organisation_id", "=", "cases.organisation_id"),
    )
    .select([
      "cases.reference as reference",
      "cases.subject as subject",
      "cases.due_at as dueAt",
      "cases.team_id as teamId",
      "teams.name as teamName",
    ])
    .where("cases.organisation_id", "=", organisationId)
    .where("cases.sla_met", "is", null)
    .where("cases.due_at", "is not", null)
    .where("cases.due_at", "<=", horizon)
    .where("cases.waiting_since", "is", null)
    .where("cases.status", "in", ["nouveau", "en_cours"])
    .orderBy("cases.due_at")
    .orderBy("cases.reference")
    .execute() as Promise<AtRisk[]>;
}

/**
 * Who receives each team's part. There is no "team lead" role yet, so every active member of the
 * team gets it; cases without a team — or whose team has no active member — go to the admins, so
 * that no late case is left out of every digest.
 */
async function recipients(
  db: Db,
  organisationId: string,
): Promise<{ byTeam: Map<string, string[]>; admins: string[] }> {
  const [members, admins] = await Promise.all([
    db
      .selectFrom("team_members")
      .innerJoin("agents", (join) =>
        join
          .onRef("agents.id", "=", "team_members.agent_id")
          .onRef("agents.organisation_id", "=", "team_members.organisation_id"),
      )
      .select(["team_members.team_id as teamId", "agents.email as email"])
      .where("team_members.organisation_id", "=", organisationId)
      .where("agents.disabled_at", "is", null)
      .execute(),
    db
      .selectFrom("agents")
      .select("email")
      .where("organisation_id", "=", organisationId)
      .where("disabled_at", "is", null)
      .where(sql<boolean>`'admin' = ANY(roles)`)
      .orderBy("email")
      .execute(),
  ]);
  const byTeam = new Map<string, string[]>();
  for (const { teamId, email } of members) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), email]);
  return { byTeam, admins: admins.map((row) => row.email) };
}

function caseLine(item: AtRisk, now: Date, publicUrl: string, calendar: Parameters<typeof businessSpan>[2]) {
  const when =
    item.dueAt < now
      ? `en retard de ${formatSpan(businessSpan(item.dueAt, now, calendar))}`
      : `échéance ${dueFormat.format(item.dueAt)}`;
  return `- ${item.reference} — ${shortSubject(item.subject)} — ${when}\n  ${publicUrl}/admin/demandes/${encodeURIComponent(item.reference)}`;
}

function digestText(sections: [string, string[]][], day: string): string {
  const total = sections.reduce((sum, [, lines]) => sum + lines.length, 0);
  const parts = [
    "Bonjour,",
    "",
    `Voici les demandes en retard ou dont l'échéance tombe d'ici la fin du prochain jour ouvré (${day}).`,
  ];
  let shown = 0;
  for (const [title, lines] of sections) {
    const room = Math.max(0, MAX_LINES - shown);
    if (room === 0) break;
    parts.push("", `${title} :`, ...lines.slice(0, room));
    shown += Math.min(room, lines.length);
  }
  if (total > shown)
    parts.push("", `… et ${total - shown} autre(s) : voir le filtre « en retard » de la boîte de réception.`);
  parts.push("", "Ce message est envoyé chaque jour ouvré par Guichet.");
  return parts.join("\n");
}

/**
 * Sends the organisation's digest for today if it is due and not sent yet. The sending is recorded
 * (`sla.digest_sent`, with the Paris day) in the same transaction as the outbox rows: a second run the
 * same day finds it and sends nothing. A day with nothing at risk is recorded too, with zero e-mails.
 */
export async function sendRiskDigest(
  db: Db,
  input: { organisationId: string; publicUrl: string; clock: Clock },
): Promise<RiskDigestReport> {
  const none = { digests: 0, cases: 0, emails: 0 };
  const now = input.clock.now();
  const day = parisDayOf(now);
  const calendar = await getBusinessCalendar(db, input.organisationId);
  if (!isOpenDay(day, calendar) || now < parisInstant(day, SEND_FROM)) return none;
  const publicUrl = input.publicUrl.replace(/\/+$/, "");
  return inTransaction(db, async (trx) => {
    if (await alreadySent(trx, input.organisationId, day)) return none;
    const horizon = addBusinessDays(now, 1, calendar);
    const [cases, people] = await Promise.all([
      casesAtRisk(trx, input.organisationId, horizon),
      recipients(trx, input.organisationId),
    ]);
    // Per recipient: their teams' sections, so an agent in two teams gets one e-mail.
    const sections = new Map<string, Map<string, string[]>>();
    for (const item of cases) {
      const members = item.teamId ? (people.byTeam.get(item.teamId) ?? []) : [];
      const to = members.length > 0 ? members : people.admins;
      const title = item.teamName ?? NO_TEAM;
      for (const email of to) {
        const mine = sections.get(email) ?? new Map<string, string[]>();
        sections.set(email, mine);
        mine.set(title, [...(mine.get(title) ?? []), caseLine(item, now, publicUrl, calendar)]);
      }
    }
    const dayLabel = dayFormat.format(now);
    for (const [to, mine] of sections) {
      const ordered = [...mine].sort(([a], [b]) =>
        a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a.localeCompare(b, "fr"),
      );
      await enqueueEmail(trx, {
        organisationId: input.organisationId,
        to,
        subject: `Demandes à traiter en priorité — ${dayLabel}`,
        text: digestText(ordered, dayLabel),
        kind: "notification",
      });
    }
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "organisation",
      entityId: input.organisationId,
      action: RISK_DIGEST_ACTION,
      data: { day, cases: cases.length, emails: sections.size },
    });
    return { digests: 1, cases: cases.length, emails: sections.size };
  });
}
