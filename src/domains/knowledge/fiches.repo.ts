import type { Db } from "../../shared/database.ts";

export async function countFiches(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("fiches")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
