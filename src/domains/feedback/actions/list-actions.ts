/** Reading actions and suggestions: the back office lists, one action's page, and the public page. */
import type { Db, ImprovementActionStatus, SuggestionStatus } from "../../../shared/database.ts";
import { actionNotFound, type ImprovementAction, selectAction } from "./improvement-action.ts";

export type ActionListEntry = {
  id: string;
  title: string;
  status: ImprovementActionStatus;
  ownerName: string | null;
  sources: number;
  updatedAt: Date;
};

export async function listImprovementActions(
  db: Db,
  input: { organisationId: string },
): Promise<ActionListEntry[]> {
  const rows = await db
    .selectFrom("improvement_actions as a")
    .leftJoin("agents as o", (join) =>
      join.onRef("o.organisation_id", "=", "a.organisation_id").onRef("o.id", "=", "a.owner_id"),
    )
    .select((eb) => [
      "a.id",
      "a.title",
      "a.status",
      "a.updated_at",
      "o.display_name",
      eb
        .selectFrom("improvement_action_sources as s")
        .select((sub) => sub.fn.countAll<string>().as("n"))
        .whereRef("s.organisation_id", "=", "a.organisation_id")
        .whereRef("s.action_id", "=", "a.id")
        .as("sources"),
    ])
    .where("a.organisation_id", "=", input.organisationId)
    .orderBy("a.updated_at", "desc")
    .orderBy("a.id", "desc")
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    ownerName: row.display_name,
    sources: Number(row.sources ?? 0),
    updatedAt: row.updated_at,
  }));
}

export type ActionSource = {
  id: string;
  kind: "testimonial" | "suggestion" | "reference";
  testimonialId: string | null;
  suggestionId: string | null;
  reference: string | null;
  quote: string;
  createdAt: Date;
};

async function sourcesOf(
  db: Db,
  organisationId: string,
  actionIds: string[],
): Promise<Map<string, ActionSource[]>> {
  const bySource = new Map<string, ActionSource[]>();
  if (actionIds.length === 0) return bySource;
  const rows = await db
    .selectFrom("improvement_action_sources")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("action_id", "in", actionIds)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .execute();
  for (const row of rows) {
    const list = bySource.get(row.action_id) ?? [];
    list.push({
      id: row.id,
      kind: row.kind,
      testimonialId: row.testimonial_id,
      suggestionId: row.suggestion_id,
      reference: row.reference,
      quote: row.quote,
      createdAt: row.created_at,
    });
    bySource.set(row.action_id, list);
  }
  return bySource;
}

export async function getImprovementActionForAgent(
  db: Db,
  input: { organisationId: string; actionId: string },
): Promise<ImprovementAction & { sources: ActionSource[] }> {
  const action = await selectAction(db, input.organisationId, input.actionId);
  if (!action) throw actionNotFound();
  const sources = await sourcesOf(db, input.organisationId, [action.id]);
  return { ...action, sources: sources.get(action.id) ?? [] };
}

export type PublicAction = {
  id: string;
  title: string;
  description: string;
  outcome: string;
  status: "en_cours" | "realisee";
  startedAt: Date | null;
  realisedAt: Date | null;
  createdAt: Date;
  quotes: string[];
};

/** "Vous avez dit, nous avons fait": realised actions first (newest), then those in progress. */
export async function listPublicActions(db: Db, input: { organisationId: string }): Promise<PublicAction[]> {
  const rows = await db
    .selectFrom("improvement_actions")
    .select(["id", "title", "description", "outcome", "status", "started_at", "realised_at", "created_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("status", "in", ["en_cours", "realisee"])
    .orderBy("realised_at", (ob) => ob.desc().nullsLast())
    .orderBy("started_at", (ob) => ob.desc().nullsLast())
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  const sources = await sourcesOf(
    db,
    input.organisationId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    outcome: row.outcome,
    status: row.status as "en_cours" | "realisee",
    startedAt: row.started_at,
    realisedAt: row.realised_at,
    createdAt: row.created_at,
    quotes: (sources.get(row.id) ?? []).map((s) => s.quote).filter((q) => q !== ""),
  }));
}

export type SuggestionEntry = {
  id: string;
  topic: string | null;
  body: string;
  status: SuggestionStatus;
  createdAt: Date;
};

export async function listSuggestions(
  db: Db,
  input: { organisationId: string; status?: SuggestionStatus },
): Promise<SuggestionEntry[]> {
  let query = db
    .selectFrom("suggestions")
    .select(["id", "topic", "body", "status", "created_at"])
    .where("organisation_id", "=", input.organisationId);
  if (input.status) query = query.where("status", "=", input.status);
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(200).execute();
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    body: row.body,
    status: row.status,
    createdAt: row.created_at,
  }));
}
