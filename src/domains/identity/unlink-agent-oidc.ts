import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import { recordEvent } from "../../shared/events.ts";
import { getManagedAgent, type ManagedAgent } from "./manage-agents.ts";

/**
 * An administrator removes the link between an account and its OpenID Connect identity (the agent
 * changed identity at the provider, or the wrong person was linked). The account stays; the next
 * sign-in with the provider links again by verified e-mail address. Unlinking an account that is
 * not linked changes nothing (`unlinked: false`). The event keeps the issuer, never the subject.
 */
export async function unlinkAgentOidc(
  db: RootDb,
  input: { organisationId: string; agentId: string; actorId: string; clock: Clock },
): Promise<{ agent: ManagedAgent; unlinked: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await getManagedAgent(trx, input);
    if (before.oidcIssuer === null) return { agent: before, unlinked: false };
    await trx
      .updateTable("agents")
      .set({ oidc_issuer: null, oidc_subject: null, updated_at: input.clock.now() })
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", before.id)
      .execute();
    await recordEvent(trx, {
      organisationId: input.organisationId,
      entityType: "agent",
      entityId: before.id,
      action: "oidc_unlinked",
      actorId: input.actorId,
      data: { issuer: before.oidcIssuer },
    });
    return { agent: { ...before, oidcIssuer: null }, unlinked: true };
  });
}
