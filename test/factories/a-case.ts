import { type CaseChannel, type OpenCaseInput, openCase } from "../../src/domains/cases/index.ts";
import { type Clock, systemClock } from "../../src/shared/clock.ts";
import type { Db } from "../../src/shared/database.ts";

export const TEST_PUBLIC_URL = "https://mairie-test.fr";

let counter = 0;

/** A case opened through `openCase` (so numbering, events and the acknowledgement are as in production). */
export async function aCase(
  db: Db,
  options: { organisationId: string; clock?: Clock } & Partial<
    Omit<OpenCaseInput, "organisationId" | "clock">
  >,
): Promise<{ caseId: string; reference: string; trackingToken: string; contactEmail: string | null }> {
  counter += 1;
  const contact = options.contact ?? { name: `Usager ${counter}`, email: `usager${counter}@exemple.fr` };
  const result = await openCase(db, {
    channel: "web" as CaseChannel,
    subject: `Demande de test ${counter}`,
    body: "Bonjour, je voudrais un renseignement sur l'inscription à la cantine.",
    publicUrl: TEST_PUBLIC_URL,
    ...options,
    contact,
    clock: options.clock ?? systemClock,
  });
  if (!result.trackingToken) throw new Error("aCase: the case already existed (submission key reused)");
  return {
    caseId: result.caseId,
    reference: result.reference,
    trackingToken: result.trackingToken,
    contactEmail: contact.email ?? null,
  };
}
