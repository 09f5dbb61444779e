import type { Db } from "./database.ts";

/** Writes the event row of a state change; call it with the transaction that makes the change. */
export async function recordEvent(
  db: Db,
  event: {
    organisationId: string;
    entityType: string;
    entityId: string;
    action: string;
    actorId?: string | null;
    data?: Record<string, unknown>;
    /** When it happened (the use case's clock); the database's time when absent. */
    at?: Date;
  },
): Promise<void> {
  await db
    .insertInto("events")
    .values({
      organisation_id: event.organisationId,
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      actor_id: event.actorId ?? null,
      data: JSON.stringify(event.data ?? {}),
      ...(event.at ? { created_at: event.at } : {}),
    })
    .execute();
}
