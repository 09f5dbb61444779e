/**
 * The rates published and shown on the dashboard, each defined once, from the period's counts.
 * A rate is `{ value, n }`: value in [0, 1] (null when n = 0), n the sample it is computed on — the
 * pages hide a rate whose sample is under MIN_SAMPLE.
 */
import type { ActivityFigures } from "./activity-figures.ts";

/** Samples smaller than this are not shown (too few to say anything, and could point to a person). */
export const MIN_SAMPLE = 10;

export type Rate = { value: number | null; n: number; count: number };

export function rate(count: number, n: number): Rate {
  return { value: n > 0 ? count / n : null, n, count };
}

export function isShown(measure: { n: number }): boolean {
  return measure.n >= MIN_SAMPLE;
}

/** Conversations in which the citizen wrote at least once (outcome other than 'none'). */
function exchanged(figures: ActivityFigures) {
  return figures.conversations.filter((row) => row.outcome !== "none");
}

function sum<T>(rows: T[], count: (row: T) => number): number {
  return rows.reduce((total, row) => total + count(row), 0);
}

/** Share of conversations whose last outcome is an answer from the knowledge base. */
export function assistantAnswerRate(figures: ActivityFigures): Rate {
  const rows = exchanged(figures);
  return rate(
    sum(
      rows.filter((row) => row.outcome === "answered"),
      (row) => row.count,
    ),
    sum(rows, (row) => row.count),
  );
}

/** Share of conversations handed over to a person (a case was opened). */
export function handoffRate(figures: ActivityFigures): Rate {
  const rows = exchanged(figures);
  return rate(
    sum(
      rows.filter((row) => row.handedOff),
      (row) => row.count,
    ),
    sum(rows, (row) => row.count),
  );
}

/**
 * Deflection: conversations resolved without an agent, confirmed by the citizen — not handed over and
 * the last vote says the answer helped — over all conversations with an exchange.
 */
export function deflectionRate(figures: ActivityFigures): Rate {
  const rows = exchanged(figures);
  return rate(
    sum(
      rows.filter((row) => !row.handedOff && row.helpful === "yes"),
      (row) => row.count,
    ),
    sum(rows, (row) => row.count),
  );
}

/** Share of requests (cases) received in the period that got a public reply or were resolved, per channel. */
export function reachabilityByChannel(figures: ActivityFigures): Array<{ channel: string } & Rate> {
  const byChannel = new Map<string, { received: number; answered: number }>();
  for (const row of figures.topics) {
    if (row.source !== "case") continue;
    const entry = byChannel.get(row.channel) ?? { received: 0, answered: 0 };
    entry.received += row.received;
    entry.answered += row.answered;
    byChannel.set(row.channel, entry);
  }
  return [...byChannel]
    .map(([channel, entry]) => ({ channel, ...rate(entry.answered, entry.received) }))
    .sort((a, b) => b.n - a.n || a.channel.localeCompare(b.channel));
}

/** Same, every channel together. */
export function reachability(figures: ActivityFigures): Rate {
  const cases = figures.topics.filter((row) => row.source === "case");
  return rate(
    sum(cases, (row) => row.answered),
    sum(cases, (row) => row.received),
  );
}

/** Phone: calls answered by the assistant alone, and by an agent (transferred), over all calls. */
export function phoneAnswers(figures: ActivityFigures): { byAssistant: Rate; byAgent: Rate } {
  const total = sum(figures.calls, (row) => row.count);
  const of = (outcome: string) =>
    sum(
      figures.calls.filter((row) => row.outcome === outcome),
      (row) => row.count,
    );
  return { byAssistant: rate(of("assistant"), total), byAgent: rate(of("transferred"), total) };
}

/**
 * Per commitment: share of measured cases handled within the announced delay; for the calls commitment,
 * share of the calls in which the caller asked for an agent that an agent answered.
 */
export function commitmentsKept(figures: ActivityFigures): Array<{ commitmentId: string } & Rate> {
  return figures.commitments.map((row) => ({
    commitmentId: row.commitmentId,
    ...rate(row.met, row.measured),
  }));
}
