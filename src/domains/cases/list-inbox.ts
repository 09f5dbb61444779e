import { sql } from "kysely";
import { AppError } from "../../shared/app-error.ts";
import type { Db } from "../../shared/database.ts";
import { isUuid } from "../../shared/ids.ts";
import { describeSla, getBusinessCalendar, type SlaView } from "../commitments/index.ts";
import type { CaseChannel, CasePriority, CaseStatus } from "./case.ts";
import { searchableText } from "./cases.repo.ts";

export type InboxFilters = {
  status?: CaseStatus | CaseStatus[];
  teamId?: string;
  channel?: CaseChannel | CaseChannel[];
  assignedToMe?: boolean;
  unassigned?: boolean;
  /**
   * "En retard": the SLA clock runs and its deadline passed before this instant (the caller's now).
   * A case waiting for the citizen is late only if its deadline passed before the wait began.
   */
  dueBefore?: Date;
  /** The caller's clock reading: each item's time left is computed at it (no `sla` without it). */
  now?: Date;
  /** Full text over reference, subject, contact and messages; French stemming, accents ignored. */
  q?: string;
  /** The page the request is about: a service-public.fr fiche, one of the town's items, or none. */
  topic?: InboxTopic;
  /** Opened at or after this instant. */
  openedFrom?: Date;
  /** Opened strictly before this instant. */
  openedBefore?: Date;
};

export type InboxTopic = { ficheId: string } | { localItemId: string } | "none";

export type InboxItem = {
  id: string;
  reference: string;
  subject: string;
  status: CaseStatus;
  priority: CasePriority;
  channel: CaseChannel;
  contactName: string | null;
  team: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  openedAt: Date;
  updatedAt: Date;
  waitingSince: Date | null;
  firstAgentReplyAt: Date | null;
  dueAt: Date | null;
  /** Time left or late against the service commitment, in business time (needs `filters.now`). */
  sla: SlaView | null;
};

export type InboxPage = { items: InboxItem[]; nextCursor: string | null };

export const DEFAULT_INBOX_LIMIT = 25;
export const MAX_INBOX_LIMIT = 100;
const RARE_MATCHES = 300;

type Cursor = { updatedAt: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.updatedAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  if (!id || !isUuid(id) || Number.isNaN(updatedAt.getTime()))
    throw new AppError("BAD_REQUEST", { message: "invalid inbox cursor", details: { field: "cursor" } });
  return { updatedAt, id };
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The agent's inbox: one organisation, latest activity first, keyset pagination on (updated_at, id)
 * so page 500 costs what page 1 costs and a case moving between pages is neither lost nor repeated
 * within a page. `cursor` is the `nextCursor` of the previous page.
 */
export async function listInbox(
  db: Db,
  input: {
    organisationId: string;
    agentId: string;
    filters?: InboxFilters;
    cursor?: string | null;
    limit?: number;
  },
): Promise<InboxPage> {
  const filters = input.filters ?? {};
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? DEFAULT_INBOX_LIMIT)), MAX_INBOX_LIMIT);
  let query = db
    .selectFrom("cases")
    .leftJoin("teams", (join) =>
      join
        .onRef("teams.id", "=", "cases.team_id")
        .onRef("teams.organisation_id", "=", "cases.organisation_id"),
    )
    .leftJoin("agents", (join) =>
      join
        .onRef("agents.id", "=", "cases.assignee_id")
        .onRef("agents.organisation_id", "=", "cases.organisation_id"),
    )
    .select([
      "cases.id",
      "cases.reference",
      "cases.subject",
      "cases.status",
      "cases.priority",
      "cases.channel",
      "cases.contact_name",
      "cases.team_id",
      "teams.name as team_name",
      "cases.assignee_id",
      "agents.display_name as assignee_name",
      "cases.opened_at",
      "cases.updated_at",
      "cases.waiting_since",
      "cases.first_agent_reply_at",
      "cases.due_at",
      "cases.sla_met",
    ])
    .where("cases.organisation_id", "=", input.organisationId);

  const statuses = asList(filters.status);
  if (statuses.length > 0) query = query.where("cases.status", "in", statuses);
  const channels = asList(filters.channel);
  if (channels.length > 0) query = query.where("cases.channel", "in", channels);
  if (filters.teamId !== undefined) {
    if (!isUuid(filters.teamId)) return { items: [], nextCursor: null };
    query = query.where("cases.team_id", "=", filters.teamId);
  }
  if (filters.topic === "none")
    query = query.where("cases.topic_fiche_id", "is", null).where("cases.topic_local_item_id", "is", null);
  else if (filters.topic && "ficheId" in filters.topic)
    query = query.where("cases.topic_fiche_id", "=", filters.topic.ficheId);
  else if (filters.topic) {
    if (!isUuid(filters.topic.localItemId)) return { items: [], nextCursor: null };
    query = query.where("cases.topic_local_item_id", "=", filters.topic.localItemId);
  }
  if (filters.openedFrom) query = query.where("cases.opened_at", ">=", filters.openedFrom);
  if (filters.openedBefore) query = query.where("cases.opened_at", "<", filters.openedBefore);
  if (filters.assignedToMe) query = query.where("cases.assignee_id", "=", input.agentId);
  if (filters.unassigned) query = query.where("cases.assignee_id", "is", null);
  if (filters.dueBefore) {
    // Matches the partial index of running clocks (organisation_id, due_at) WHERE sla_met IS NULL.
    const dueBefore = filters.dueBefore;
    query = query
      .where("cases.sla_met", "is", null)
      .where("cases.due_at", "<", dueBefore)
      .where((eb) =>
        eb.or([
          eb("cases.waiting_since", "is", null),
          eb("cases.due_at", "<", eb.ref("cases.waiting_since")),
        ]),
      );
  }
  const q = searchableText(filters.q ?? "").trim();
  if (q !== "") {
    const match = sql<boolean>`cases.search_vector @@ websearch_to_tsquery('french', ${q})`;
    // A rare term (a name, an address, a reference) has few matches: fetch them through the GIN index
    // and sort those. Left to itself the planner may walk the activity index instead and read every
    // case to find that nothing matches (200 ms at 100,000 cases). A common term keeps that walk,
    // which finds a page quickly.
    const hits = await db
      .selectFrom("cases")
      .select("id")
      .where("organisation_id", "=", input.organisationId)
      .where(match)
      .limit(RARE_MATCHES + 1)
      .execute();
    if (hits.length === 0) return { items: [], nextCursor: null };
    query =
      hits.length <= RARE_MATCHES
        ? query.where(
            "cases.id",
            "in",
            hits.map((h) => h.id),
          )
        : query.where(match);
  }
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    query = query.where(
      sql<boolean>`(cases.updated_at, cases.id) < (${cursor.updatedAt}, ${cursor.id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy("cases.updated_at", "desc")
    .orderBy("cases.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const now = filters.now;
  const calendar =
    now && page.some((row) => row.due_at !== null)
      ? await getBusinessCalendar(db, input.organisationId)
      : null;
  return {
    items: page.map((row) => ({
      id: row.id,
      reference: row.reference,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      channel: row.channel,
      contactName: row.contact_name,
      team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
      assignee:
        row.assignee_id && row.assignee_name ? { id: row.assignee_id, displayName: row.assignee_name } : null,
      openedAt: row.opened_at,
      updatedAt: row.updated_at,
      waitingSince: row.waiting_since,
      firstAgentReplyAt: row.first_agent_reply_at,
      dueAt: row.due_at,
      sla:
        now && calendar
          ? describeSla({
              dueAt: row.due_at,
              met: row.sla_met,
              waitingSince: row.waiting_since,
              now,
              calendar,
            })
          : null,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null,
  };
}
