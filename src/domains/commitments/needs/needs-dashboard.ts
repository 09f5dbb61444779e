/** The needs dashboard's view model: figures only (no person, no text), with what each links to. */
import type { UnansweredGroup } from "../../assistant/index.ts";
import type { ArrivalSource, IsoDay, StatsPeriod, TopicKey } from "../statistics/activity-figures.ts";
import type { Rate } from "../statistics/activity-indicators.ts";

/** Where requests arrived: "case:email", "conversation:widget"… */
export type ChannelKey = `${ArrivalSource}:${string}`;

export type TopicRow = {
  /** Canonical key: "F1342", "local:<uuid>", "" (no topic). */
  topic: TopicKey;
  /** Null when the page is unknown (withdrawn since), or for "no topic". */
  title: string | null;
  cases: number;
  conversations: number;
  total: number;
  byChannel: Partial<Record<ChannelKey, number>>;
};

export type ShownRate = Rate & { shown: boolean };

export type HeatMap = {
  /** Hours shown, from the first to the last with any arrival (at least 8 h – 18 h). */
  hours: number[];
  /** counts[weekday - 1][hour], ISO weekdays (0 = Monday). */
  counts: number[][];
  max: number;
  total: number;
};

export type StatusCell = {
  transitions: number;
  seconds: number;
  averageHours: number | null;
  shown: boolean;
};

export type StatusTimeRow = {
  topic: TopicKey;
  title: string | null;
  /** Sum of the shown averages: how long a request of this topic typically waits in all. */
  totalHours: number;
  cells: Partial<Record<string, StatusCell>>;
};

export type NeedsDashboard = {
  period: StatsPeriod;
  refreshedAt: Date | null;
  arrivals: { cases: number; conversations: number };
  topics: {
    rows: TopicRow[];
    /** Topics beyond the top ones, and what they add up to. */
    others: { topics: number; total: number };
    /** Columns of the topic × channel table: every channel with an arrival, cases first. */
    channels: ChannelKey[];
  };
  /** Per channel, its most frequent topics. */
  topicsByChannel: Array<{
    channel: ChannelKey;
    total: number;
    top: Array<{ topic: TopicKey; title: string | null; count: number }>;
  }>;
  unanswered: { total: number; open: number; groups: UnansweredGroup[] };
  assistant: {
    /** Conversations in which the citizen wrote at least once: the rates' sample. */
    conversations: number;
    deflection: ShownRate;
    answer: ShownRate;
    handoff: ShownRate;
  };
  channelMix: {
    bucket: "week" | "month";
    starts: IsoDay[];
    series: Array<{ channel: ChannelKey; counts: number[] }>;
  };
  hours: { all: HeatMap; phone: HeatMap | null };
  statusTime: {
    statuses: string[];
    rows: StatusTimeRow[];
    /** Topics with status changes but no average based on MIN_SAMPLE changes or more. */
    hiddenTopics: number;
  };
};
