import type { Db } from "../../shared/database.ts";
import type { CaseStatus } from "./case.ts";
import { bracketMessageId } from "./case-emails.ts";
import { findReferencesInText } from "./case-reference.ts";
import { followMerges, selectCase, selectCaseByReference } from "./cases.repo.ts";

/**
 * Which case an incoming e-mail answers: first by any Message-ID we received or sent for a case
 * (pass In-Reply-To then References, most relevant first), else by a reference in the subject.
 * References are sequential, so anyone can guess one: give `from` (the sender's address) and the
 * subject fallback then only matches a case whose contact is that address (Message-IDs are random,
 * they need no such check). Follows merges. null: the e-mail opens a new case. A closed case is returned as is — the channel
 * decides (addCitizenMessage refuses it, and a new case is then opened).
 */
export async function findCaseForEmailReply(
  db: Db,
  input: { organisationId: string; inReplyTo: string[]; subject: string; from?: string | null },
): Promise<{ caseId: string; reference: string; status: CaseStatus } | null> {
  const ids = [...new Set(input.inReplyTo.flatMap((id) => bracketMessageId(id) ?? []))].slice(0, 50);
  if (ids.length > 0) {
    const rows = await db
      .selectFrom("case_email_ids")
      .select(["message_id", "case_id"])
      .where("organisation_id", "=", input.organisationId)
      .where("message_id", "in", ids)
      .execute();
    for (const id of ids) {
      const row = rows.find((r) => r.message_id === id);
      if (!row) continue;
      const found = await selectCase(db, input.organisationId, row.case_id);
      if (found) {
        const current = await followMerges(db, found);
        return { caseId: current.id, reference: current.reference, status: current.status };
      }
    }
  }
  for (const reference of findReferencesInText(input.subject ?? "")) {
    const found = await selectCaseByReference(db, input.organisationId, reference);
    const sender = input.from?.trim().toLowerCase();
    if (found && (!sender || found.contact.email?.toLowerCase() === sender)) {
      const current = await followMerges(db, found);
      return { caseId: current.id, reference: current.reference, status: current.status };
    }
  }
  return null;
}
