import type { Db } from "../../shared/database.ts";
import { listAllLocalItems } from "../knowledge/local/index.ts";
import { type TopicKey, topicKeyOf } from "../knowledge/topics/index.ts";

export type ProcedureChoice = { topic: TopicKey; title: string };

/** The town's published procedures ("démarches"), by title, that a commitment may name. */
export async function listProcedureChoices(
  db: Db,
  input: { organisationId: string },
): Promise<ProcedureChoice[]> {
  // A town has tens to hundreds of its own pages: reading them all costs less than a query of its own.
  const items = await listAllLocalItems(db, { organisationId: input.organisationId });
  return items
    .filter((item) => item.kind === "procedure" && item.status === "published")
    .map((item) => ({ topic: topicKeyOf({ kind: "local", localItemId: item.id }), title: item.title }))
    .sort((a, b) => a.title.localeCompare(b.title, "fr"));
}
