/**
 * What happened over a period, read from the daily rollups (migrations/0015_activity_rollups.sql):
 * the raw material of the needs dashboard and of the public results page. Counts only — no person,
 * no text. Days are Paris calendar days, `from` and `to` both included.
 */

/** "2026-03-31" */
export type IsoDay = string;

export type StatsPeriod = { from: IsoDay; to: IsoDay };

/** Where a request arrived: a case's channel, or the assistant's ("web", "widget", "voice", "phone"). */
export type ArrivalSource = "case" | "conversation";

export type TopicKey = string; // "F21089", "local:<uuid>", "faq:<uuid>", or "" for none

export type ActivityFigures = {
  period: StatsPeriod;
  /** When the rollups were last recomputed (null: never), and the days they cover. */
  refreshedAt: Date | null;

  /** Cases and conversations by hour of the day (Paris) and ISO weekday (1 = Monday). */
  arrivals: Array<{ source: ArrivalSource; channel: string; weekday: number; hour: number; count: number }>;
  /** Channel mix over time: arrivals per week (the Monday that starts it) or per month when the period is long. */
  channelMix: {
    bucket: "week" | "month";
    rows: Array<{ start: IsoDay; source: ArrivalSource; channel: string; count: number }>;
  };
  /** Arrivals by topic and channel; for cases `answered` = got a public agent reply or was resolved. */
  topics: Array<{
    source: ArrivalSource;
    channel: string;
    topic: TopicKey;
    received: number;
    answered: number;
  }>;
  /**
   * Per commitment: cases opened in the period that were measured (clock stopped or already late) and met;
   * for the calls commitment (agent_answer), calls of the period in which the caller asked for an agent
   * and was passed on (measured) and that an agent answered (met) — see calls-commitment-rollup.ts.
   */
  commitments: Array<{ commitmentId: string; measured: number; met: number }>;
  /** Time spent in each case status before leaving it, per topic. */
  statusTime: Array<{ topic: TopicKey; status: string; transitions: number; seconds: number }>;
  /** Conversations with the assistant by channel, last outcome, vote and hand-off. */
  conversations: Array<{
    channel: string;
    outcome: string;
    helpful: "yes" | "no" | "none";
    handedOff: boolean;
    count: number;
  }>;
  /** Phone calls started in the period that ended, by outcome ('assistant', 'transferred', 'callback', 'abandoned', 'failed'). */
  calls: Array<{ outcome: string; count: number }>;
};
