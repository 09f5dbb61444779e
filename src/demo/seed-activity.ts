/**
 * Four months of activity for the demo town, so the results page and the needs dashboard have
 * something true to say from the first start: a few hundred requests with their history and SLA, a
 * few hundred conversations with the assistant (votes, hand-offs), then the daily rollups and two
 * published results (last month, and the last three months). Rows are written in batches, consistent
 * with what the use cases write (cases, messages, `opened` and `status_changed` events, SLA fields):
 * going through the use cases one request at a time would take half a minute on PGlite.
 * Does nothing once the organisation has this activity.
 */
import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_CASE_PREFIX, isValidCasePrefix } from "../domains/cases/index.ts";
import {
  getBusinessCalendar,
  listCommitments,
  monthPeriod,
  parisDayOf,
  prepareResultsDraft,
  publishResults,
  type ResultsPeriod,
  refreshActivityRollups,
} from "../domains/commitments/index.ts";
import { findAgentByEmail } from "../domains/identity/index.ts";
import type { Clock } from "../shared/clock.ts";
import type { Db, RootDb } from "../shared/database.ts";
import { newId } from "../shared/ids.ts";
import type { Logger } from "../shared/logger.ts";
import { type PlannedCase, type PlannedConversation, planActivity } from "./seed-activity-plan.ts";
import { DEMO_AGENT } from "./seed-cases.ts";

const DAYS = 125;
const BATCH = 250;
const MARKER = "demo-activity:";

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Case references taken as a block from the organisation's counter, per year, in opening order. */
async function takeReferences(
  trx: Db,
  organisationId: string,
  cases: PlannedCase[],
): Promise<Map<PlannedCase, string>> {
  const organisation = await trx
    .selectFrom("organisations")
    .select("settings")
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
  const stored = (organisation.settings as Record<string, unknown>).casePrefix;
  const prefix = typeof stored === "string" && isValidCasePrefix(stored) ? stored : DEFAULT_CASE_PREFIX;
  const byYear = new Map<number, PlannedCase[]>();
  for (const planned of [...cases].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())) {
    const year = Number(parisDayOf(planned.openedAt).slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), planned]);
  }
  const references = new Map<PlannedCase, string>();
  for (const [year, list] of byYear) {
    const counter = await trx
      .insertInto("case_reference_counters")
      .values({ organisation_id: organisationId, year, last_value: list.length })
      .onConflict((oc) =>
        oc.columns(["organisation_id", "year"]).doUpdateSet((eb) => ({
          last_value: eb("case_reference_counters.last_value", "+", list.length),
        })),
      )
      .returning("last_value")
      .executeTakeFirstOrThrow();
    const first = counter.last_value - list.length + 1;
    list.forEach((planned, i) => {
      references.set(planned, `${prefix}-${year}-${String(first + i).padStart(6, "0")}`);
    });
  }
  return references;
}

async function writeCases(
  trx: Db,
  input: { organisationId: string; agentId: string | null; teams: Map<string, string>; cases: PlannedCase[] },
): Promise<{ ids: Map<PlannedCase, string>; references: Map<PlannedCase, string> }> {
  const { organisationId, agentId } = input;
  const references = await takeReferences(trx, organisationId, input.cases);
  const ids = new Map(input.cases.map((planned) => [planned, newId()]));
  await insertInBatches(input.cases, (batch) =>
    trx
      .insertInto("cases")
      .values(
        batch.map((planned) => ({
          id: ids.get(planned)!,
          organisation_id: organisationId,
          reference: references.get(planned)!,
          channel: planned.channel,
          status: planned.status,
          priority: "normale" as const,
          subject:
            planned.channel === "chat"
              ? `Transmis par l'assistant : ${planned.topic.subject}`
              : planned.topic.subject,
          topic_fiche_id: planned.topic.id,
          contact_name: planned.contact.name,
          contact_email: planned.contact.email,
          contact_phone: planned.contact.phone,
          team_id: input.teams.get(planned.topic.team) ?? null,
          assignee_id: planned.changes.length > 0 ? agentId : null,
          tracking_token_hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
          submission_key: `${MARKER}${planned.index}`,
          opened_at: planned.openedAt,
          first_agent_reply_at: planned.firstReplyAt,
          waiting_since: planned.waitingSince,
          resolved_at: planned.resolvedAt,
          closed_at: planned.closedAt,
          updated_at: planned.updatedAt,
          commitment_id: planned.commitmentId,
          due_at: planned.dueAt,
          sla_met: planned.slaMet,
        })),
      )
      .execute(),
  );
  const messages = input.cases.flatMap((planned) =>
    planned.messages.map((message) => ({
      id: newId(),
      organisation_id: organisationId,
      case_id: ids.get(planned)!,
      author_type: message.author,
      author_agent_id: message.author === "agent" ? agentId : null,
      visibility: "public" as const,
      body: message.body,
      created_at: message.at,
    })),
  );
  await insertInBatches(messages, (batch) => trx.insertInto("case_messages").values(batch).execute());
  const events = input.cases.flatMap((planned) => [
    {
      organisation_id: organisationId,
      entity_type: "case",
      entity_id: ids.get(planned)!,
      action: "opened",
      actor_id: null,
      data: JSON.stringify({
        reference: references.get(planned),
        channel: planned.channel,
        ...(planned.commitmentId
          ? { commitmentId: planned.commitmentId, dueAt: planned.dueAt?.toISOString() }
          : {}),
      }),
      created_at: planned.openedAt,
    },
    ...planned.changes.map((change) => ({
      organisation_id: organisationId,
      entity_type: "case",
      entity_id: ids.get(planned)!,
      action: "status_changed",
      actor_id: change.byAgent ? agentId : null,
      data: JSON.stringify({ from: change.from, to: change.to, cause: change.cause }),
      created_at: change.at,
    })),
  ]);
  // In time order, as the use cases would have written them (the rollups read "the previous change" by id).
  events.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  await insertInBatches(events, (batch) => trx.insertInto("events").values(batch).execute());
  return { ids, references };
}

const REPLY: Record<
  Exclude<PlannedConversation["outcome"], "none">,
  { kind: string; text: (title: string) => string }
> = {
  answered: { kind: "answer", text: (title) => `Voici ce que dit la fiche « ${title} ».` },
  clarified: {
    kind: "clarify",
    text: () => "Vous cherchez plutôt : 1. une première demande, 2. un renouvellement ?",
  },
  unanswered: {
    kind: "unanswered",
    text: () => "Je n'ai pas trouvé de réponse sûre. Vous pouvez reformuler ou écrire à un agent.",
  },
  handed_off: { kind: "handoff", text: () => "Votre demande est transmise à un agent, qui vous répondra." },
};

async function writeConversations(
  trx: Db,
  input: {
    organisationId: string;
    conversations: PlannedConversation[];
    cases: { ids: Map<PlannedCase, string>; references: Map<PlannedCase, string> };
    publicUrl: string;
  },
): Promise<void> {
  const { organisationId } = input;
  const rows = input.conversations.map((planned) => ({ planned, id: randomBytes(18).toString("base64url") }));
  await insertInBatches(rows, (batch) =>
    trx
      .insertInto("conversations")
      .values(
        batch.map(({ planned, id }) => ({
          id,
          organisation_id: organisationId,
          channel: planned.channel,
          // After a hand-off, the citizen's next messages go to the case (assistant/conversation-state.ts).
          state: JSON.stringify(
            planned.handoff
              ? {
                  v: 1,
                  handoff: {
                    caseId: input.cases.ids.get(planned.handoff)!,
                    reference: input.cases.references.get(planned.handoff)!,
                  },
                }
              : { v: 1 },
          ),
          outcome: planned.outcome,
          helpful: planned.helpful,
          case_id: planned.handoff ? input.cases.ids.get(planned.handoff)! : null,
          turns: planned.turns,
          topic: planned.outcome === "answered" ? planned.topic.id : null,
          started_at: planned.startedAt,
          last_activity_at: planned.lastActivityAt,
        })),
      )
      .execute(),
  );
  const messages = rows.flatMap(({ planned, id }) => {
    if (planned.outcome === "none") return [];
    const reply = REPLY[planned.outcome];
    const sources =
      planned.outcome === "answered" && planned.topic.id
        ? [
            {
              id: planned.topic.id,
              title: planned.topic.title,
              url: `${input.publicUrl}/fiches/${planned.topic.id}`,
              date: null,
            },
          ]
        : [];
    const common = { organisation_id: organisationId, conversation_id: id };
    return [
      {
        ...common,
        id: newId(),
        position: 0,
        author: "citizen" as const,
        kind: "question",
        text: planned.topic.question,
        payload: "{}",
        helpful: null,
        created_at: planned.startedAt,
      },
      {
        ...common,
        id: newId(),
        position: 1,
        author: "assistant" as const,
        kind: reply.kind,
        text: reply.text(planned.topic.title),
        payload: JSON.stringify({ sources, askHelpful: planned.outcome === "answered" }),
        helpful: planned.helpful,
        created_at: new Date(planned.startedAt.getTime() + 20_000),
      },
    ];
  });
  await insertInBatches(messages, (batch) => trx.insertInto("conversation_messages").values(batch).execute());
}

/** How demo calls end, in turn: most settled by the assistant, some passed to an agent or called back. */
const CALL_OUTCOMES = [
  "assistant",
  "assistant",
  "transferred",
  "assistant",
  "callback",
  "assistant",
  "transferred",
  "abandoned",
  "assistant",
  "assistant",
] as const;

/**
 * The steps a demo call leaves on its path (as the call flow writes them): a caller who asks for an
 * agent is passed on (`transfer`) and answered, or nobody answers and a call-back is left — every other
 * time the request came while the line was closed, without a transfer.
 */
function demoCallPath(outcome: (typeof CALL_OUTCOMES)[number], n: number): Array<{ step: string }> {
  const steps = (...names: string[]) => names.map((step) => ({ step }));
  switch (outcome) {
    case "assistant":
      return steps("start", "choice", "reply", "end");
    case "transferred":
      return steps("start", "agent", "transfer", "transfer_answered");
    case "callback":
      return Math.floor(n / CALL_OUTCOMES.length) % 2 === 0
        ? steps("start", "agent", "transfer", "transfer_failed", "agent", "callback")
        : steps("start", "agent", "callback");
    case "abandoned":
      return steps("start", "hangup");
  }
}

/** Two to four calls on each weekday, between 9:00 and 17:00 Paris (whatever the outcome, no number kept). */
async function writeCalls(
  trx: Db,
  input: { organisationId: string; now: Date; days: number },
): Promise<number> {
  const rows = [];
  let n = 0;
  for (let back = 1; back <= input.days; back++) {
    const day = new Date(input.now.getTime() - back * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    for (let i = 0; i < 2 + (back % 3); i++, n++) {
      const started = new Date(
        Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7 + ((n * 5) % 9), (n * 17) % 60),
      );
      const outcome = CALL_OUTCOMES[n % CALL_OUTCOMES.length] ?? "assistant";
      rows.push({
        id: newId(),
        organisation_id: input.organisationId,
        provider: "twilio" as const,
        provider_call_id: `CA-demo-${n}`,
        started_at: started,
        answered_at: started,
        ended_at: new Date(started.getTime() + (60 + ((n * 37) % 240)) * 1000),
        outcome,
        state: JSON.stringify({}),
        path: JSON.stringify(demoCallPath(outcome, n)),
        turns: 2 + (n % 4),
      });
    }
  }
  await insertInBatches(rows, (batch) => trx.insertInto("calls").values(batch).execute());
  return rows.length;
}

/** The last complete month, and the three complete months before today, in Paris. */
export function demoResultPeriods(now: Date): ResultsPeriod[] {
  const [year, month] = parisDayOf(now).split("-").map(Number) as [number, number];
  const back = (months: number) => {
    const index = year * 12 + (month - 1) - months;
    return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
  };
  return [back(1), { from: back(3).from, to: back(1).to }];
}

export async function seedDemoActivity(options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
}): Promise<{ cases: number; conversations: number; published: number }> {
  const { db, organisationId, clock } = options;
  const done = await db
    .selectFrom("cases")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("submission_key", "=", `${MARKER}0`)
    .executeTakeFirst();
  if (done) return { cases: 0, conversations: 0, published: 0 };
  const started = Date.now();
  const [commitments, calendar, agent, teamRows] = await Promise.all([
    listCommitments(db, { organisationId }),
    getBusinessCalendar(db, organisationId),
    findAgentByEmail(db, { organisationId, email: DEMO_AGENT.email }),
    db.selectFrom("teams").select(["id", "name"]).where("organisation_id", "=", organisationId).execute(),
  ]);
  const plan = planActivity({ now: clock.now(), days: DAYS, calendar, commitments });
  await db.transaction().execute(async (trx) => {
    const cases = await writeCases(trx, {
      organisationId,
      agentId: agent?.id ?? null,
      teams: new Map(teamRows.map((team) => [team.name, team.id])),
      cases: plan.cases,
    });
    await writeConversations(trx, {
      organisationId,
      conversations: plan.conversations,
      cases,
      publicUrl: options.publicUrl ?? "http://localhost:3000",
    });
    await writeCalls(trx, { organisationId, now: clock.now(), days: DAYS });
  });
  await refreshActivityRollups(db, { organisationId, clock });
  const periods = demoResultPeriods(clock.now());
  for (const period of periods) {
    const draft = await prepareResultsDraft(db, { organisationId, period, actorId: null, clock });
    await publishResults(db, { organisationId, publicationId: draft.id, actorId: null, clock });
  }
  options.logger.info(
    {
      cases: plan.cases.length,
      conversations: plan.conversations.length,
      published: periods.length,
      ms: Date.now() - started,
    },
    "demo activity created and results published",
  );
  return { cases: plan.cases.length, conversations: plan.conversations.length, published: periods.length };
}
