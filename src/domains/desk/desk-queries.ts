/**
 * Small reads the agents' desk needs and the cases and identity domains do not export (yet):
 * a case id from its reference, and the organisation's agents for the assignment list.
 */
import type { Db } from "../../shared/database.ts";

/** The case id for a reference of this organisation, or null (another organisation's is null too). */
export async function findCaseIdByReference(
  db: Db,
  input: { organisationId: string; reference: string },
): Promise<string | null> {
  const reference = input.reference.trim().toUpperCase();
  if (reference === "" || reference.length > 40) return null;
  const row = await db
    .selectFrom("cases")
    .select("id")
    .where("organisation_id", "=", input.organisationId)
    .where("reference", "=", reference)
    .executeTakeFirst();
  return row?.id ?? null;
}

export type DeskAgent = { id: string; displayName: string; active: boolean; handlesCases: boolean };

/** Every agent of the organisation (disabled ones too, so old messages keep their author's name). */
export async function listDeskAgents(db: Db, input: { organisationId: string }): Promise<DeskAgent[]> {
  const rows = await db
    .selectFrom("agents")
    .select(["id", "display_name", "roles", "disabled_at"])
    .where("organisation_id", "=", input.organisationId)
    .orderBy("display_name")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    active: row.disabled_at === null,
    handlesCases: row.roles.includes("agent") || row.roles.includes("admin"),
  }));
}

/** The reference of a case of this organisation (to link a merged duplicate to its target). */
export async function findCaseReference(
  db: Db,
  input: { organisationId: string; caseId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom("cases")
    .select("reference")
    .where("organisation_id", "=", input.organisationId)
    .where("id", "=", input.caseId)
    .executeTakeFirst();
  return row?.reference ?? null;
}
