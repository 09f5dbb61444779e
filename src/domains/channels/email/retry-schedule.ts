/**
 * When to try again after the n-th failed attempt: quick at first (a relay restarting), then spaced
 * out, giving up after about 21 hours in total — past that, an agent should see the failure and
 * contact the citizen another way.
 */
const MINUTE = 60_000;
export const RETRY_DELAYS_MS = [1, 5, 30, 120, 360, 720].map((minutes) => minutes * MINUTE);

/** undefined: no more attempts, the e-mail is marked failed. */
export function nextAttemptDelay(attemptsMade: number): number | undefined {
  if (attemptsMade < 1) return 0;
  return RETRY_DELAYS_MS[attemptsMade - 1];
}

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
