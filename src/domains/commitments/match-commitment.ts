/**
 * Which commitment a case is measured against, among the active ones: the most specific that applies.
 * Its procedure and its channel > its procedure on every channel > its channel > every channel.
 * Pure, so that the SLA clock and the demo plan pick alike.
 */
import type { TopicKey } from "../knowledge/topics/index.ts";
import type { CommitmentChannel } from "./commitment.ts";

export type CommitmentScope = { channel: CommitmentChannel | null; topic: TopicKey | null };

/**
 * A case's topics as commitment keys: its fiche first, then the town's page (the order in which the
 * rollups read a case's topic); a case usually has at most one.
 */
export function caseTopicKeys(
  topic: { ficheId?: string | null; localItemId?: string | null } | null | undefined,
): TopicKey[] {
  const keys: TopicKey[] = [];
  if (topic?.ficheId) keys.push(topic.ficheId);
  if (topic?.localItemId) keys.push(`local:${topic.localItemId.toLowerCase()}`);
  return keys;
}

/** `candidates` are commitments on cases, active; null when none applies. */
export function matchCommitment<T extends CommitmentScope>(
  candidates: readonly T[],
  request: { channel: CommitmentChannel; topics: readonly TopicKey[] },
): T | null {
  let best: { commitment: T; rank: number } | null = null;
  for (const commitment of candidates) {
    if (commitment.channel !== null && commitment.channel !== request.channel) continue;
    const topicIndex = commitment.topic === null ? -1 : request.topics.indexOf(commitment.topic);
    if (commitment.topic !== null && topicIndex < 0) continue;
    // Procedure before channel; between two topics of one case, the first one.
    const specificity = (commitment.topic !== null ? 2 : 0) + (commitment.channel !== null ? 1 : 0);
    const rank = specificity * 10 - Math.max(0, topicIndex);
    if (!best || rank > best.rank) best = { commitment, rank };
  }
  return best?.commitment ?? null;
}
