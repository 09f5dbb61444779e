import type { Db } from "../../shared/database.ts";
import { selectCaseByReference } from "./cases.repo.ts";
import { type PublicCaseView, publicCaseView } from "./public-case-view.ts";

/**
 * The other way to the tracking page: reference + the e-mail address given with the request
 * (case-insensitive). A wrong address and an unknown reference give the same null, so the form
 * cannot be used to learn which references exist. The route rate-limits it.
 */
export async function findCaseByReferenceAndEmail(
  db: Db,
  input: { organisationId: string; reference: string; email: string },
): Promise<PublicCaseView | null> {
  const email = input.email.trim().toLowerCase();
  if (email === "" || input.reference.trim() === "") return null;
  const found = await selectCaseByReference(db, input.organisationId, input.reference);
  if (!found || found.contact.email === null || found.contact.email.toLowerCase() !== email) return null;
  return publicCaseView(db, found);
}
