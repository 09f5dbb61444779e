/**
 * Titles of the pages the dashboard names, by canonical topic key: service-public.fr fiches from the
 * catalogue, the town's own pages from its items. A page withdrawn since is simply missing.
 */
import type { Db } from "../../../shared/database.ts";
import { findFicheTitles } from "../fiches/index.ts";
import { listAllLocalItems } from "../local/index.ts";
import { parseTopic, type TopicKey, topicKeyOf } from "./topic-key.ts";

export async function findTopicTitles(
  db: Db,
  input: { organisationId: string; keys: Iterable<TopicKey> },
): Promise<Map<TopicKey, string>> {
  const ficheIds = new Set<string>();
  let anyLocal = false;
  for (const key of input.keys) {
    const topic = parseTopic(key);
    if (topic?.kind === "fiche") ficheIds.add(topic.ficheId);
    if (topic?.kind === "local") anyLocal = true;
  }
  const [fiches, items] = await Promise.all([
    findFicheTitles(db, { organisationId: input.organisationId, ids: [...ficheIds] }),
    // A town has tens to hundreds of its own pages: reading them all is cheaper than a second query path.
    anyLocal ? listAllLocalItems(db, { organisationId: input.organisationId }) : [],
  ]);
  const titles = new Map<TopicKey, string>(fiches);
  for (const item of items) titles.set(topicKeyOf({ kind: "local", localItemId: item.id }), item.title);
  return titles;
}
