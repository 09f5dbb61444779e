/**
 * Topics as the rollups store them: a fiche id ("F1342"), the town's own page ("local:<uuid>" on
 * cases, "faq:<uuid>" or "procedure:<uuid>" on conversations — the assistant's source ids), or "" for
 * none. One page is one topic whichever way it is written, so cases and conversations add up.
 */
import { FICHE_ID_PATTERN } from "../fiches/index.ts";
/** A page of the knowledge base as stored on cases, conversations and rollups ("" for none). */
export type TopicKey = string;

export type TopicRef =
  | { kind: "fiche"; ficheId: string }
  | { kind: "local"; localItemId: string }
  | { kind: "none" };

const LOCAL =
  /^(?:local|faq|procedure|news):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The topic of a stored key or a link parameter ("-" is "none"); null when it is neither. */
export function parseTopic(key: string): TopicRef | null {
  if (key === "" || key === "-") return { kind: "none" };
  if (FICHE_ID_PATTERN.test(key)) return { kind: "fiche", ficheId: key };
  const local = LOCAL.exec(key)?.[1];
  return local ? { kind: "local", localItemId: local.toLowerCase() } : null;
}

/** One spelling per page: "F1342", "local:<uuid>", or "" (unknown keys are kept as they are). */
export function canonicalTopic(key: TopicKey): TopicKey {
  const topic = parseTopic(key);
  if (!topic) return key;
  return topicKeyOf(topic);
}

export function topicKeyOf(topic: TopicRef): TopicKey {
  switch (topic.kind) {
    case "fiche":
      return topic.ficheId;
    case "local":
      return `local:${topic.localItemId}`;
    case "none":
      return "";
  }
}

/** The topic as a link parameter (`sujet=`): the canonical key, "-" for none. */
export function topicParam(key: TopicKey): string {
  const canonical = canonicalTopic(key);
  return canonical === "" ? "-" : canonical;
}
