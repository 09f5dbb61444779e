/**
 * A broken or truncated source must never wipe the knowledge base: removing more than half of
 * the fiches at once needs an explicit `force`.
 */
export const MAX_REMOVED_SHARE = 0.5;

export function removalNeedsForce(input: { toRemove: number; existing: number }): boolean {
  return input.toRemove > 0 && input.toRemove > input.existing * MAX_REMOVED_SHARE;
}
