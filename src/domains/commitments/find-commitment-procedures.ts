import type { Db } from "../../shared/database.ts";
import { findTopicTitles, type TopicKey } from "../knowledge/topics/index.ts";
import type { ServiceCommitment } from "./commitment.ts";

/**
 * The titles of the procedures the commitments name, by topic key, for the back office's list and the
 * published definitions. A page withdrawn since is missing (the caller shows its key).
 */
export async function findCommitmentProcedures(
  db: Db,
  input: { organisationId: string; commitments: readonly ServiceCommitment[] },
): Promise<Map<TopicKey, string>> {
  const keys = new Set<TopicKey>();
  for (const commitment of input.commitments) if (commitment.topic !== null) keys.add(commitment.topic);
  if (keys.size === 0) return new Map();
  return findTopicTitles(db, { organisationId: input.organisationId, keys });
}
