/**
 * Turns a period's figures (read from the rollups), the pages' titles and the unanswered questions into
 * the dashboard's view model. Pure: the same figures always give the same dashboard, so every value
 * can be checked against one computed by hand.
 */
import { CASE_STATUSES } from "../../cases/index.ts";
import { canonicalTopic } from "../../knowledge/topics/index.ts";
import type { ActivityFigures, TopicKey } from "../statistics/activity-figures.ts";
import {
  assistantAnswerRate,
  deflectionRate,
  handoffRate,
  isShown,
  MIN_SAMPLE,
  type Rate,
} from "../statistics/activity-indicators.ts";
import type {
  ChannelKey,
  HeatMap,
  NeedsDashboard,
  ShownRate,
  StatusCell,
  StatusTimeRow,
  TopicRow,
} from "./needs-dashboard.ts";
import type { UnansweredSummary } from "./summarise-unanswered.ts";

export const TOP_TOPICS = 15;
export const TOP_TOPICS_PER_CHANNEL = 5;
/** The phone: cases logged from a call, and calls answered by the assistant (voice or phone line). */
const PHONE_CHANNELS: ReadonlySet<ChannelKey> = new Set([
  "case:phone",
  "conversation:phone",
  "conversation:voice",
]);

const byTopicKey = (a: { topic: TopicKey }, b: { topic: TopicKey }) =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0;

function shown(rate: Rate): ShownRate {
  return { ...rate, shown: isShown(rate) };
}

function topicRows(figures: ActivityFigures, titles: ReadonlyMap<TopicKey, string>): TopicRow[] {
  const rows = new Map<TopicKey, TopicRow>();
  for (const row of figures.topics) {
    const topic = canonicalTopic(row.topic);
    const entry = rows.get(topic) ?? {
      topic,
      title: titles.get(topic) ?? null,
      cases: 0,
      conversations: 0,
      total: 0,
      byChannel: {},
    };
    if (row.source === "case") entry.cases += row.received;
    else entry.conversations += row.received;
    entry.total += row.received;
    const channel: ChannelKey = `${row.source}:${row.channel}`;
    entry.byChannel[channel] = (entry.byChannel[channel] ?? 0) + row.received;
    rows.set(topic, entry);
  }
  return [...rows.values()]
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || b.cases - a.cases || byTopicKey(a, b));
}

/** Every channel with an arrival: cases first, then the assistant; the busiest first within each. */
function channelsOf(rows: TopicRow[]): Array<{ channel: ChannelKey; total: number }> {
  const totals = new Map<ChannelKey, number>();
  for (const row of rows)
    for (const [channel, count] of Object.entries(row.byChannel) as [ChannelKey, number][])
      totals.set(channel, (totals.get(channel) ?? 0) + count);
  const source = (channel: ChannelKey) => (channel.startsWith("case:") ? 0 : 1);
  return [...totals]
    .map(([channel, total]) => ({ channel, total }))
    .sort(
      (a, b) =>
        source(a.channel) - source(b.channel) || b.total - a.total || a.channel.localeCompare(b.channel),
    );
}

function heatMap(rows: ActivityFigures["arrivals"], keep: (channel: ChannelKey) => boolean): HeatMap {
  const counts = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  let total = 0;
  for (const row of rows) {
    if (!keep(`${row.source}:${row.channel}`)) continue;
    const day = counts[row.weekday - 1];
    if (!day || row.hour < 0 || row.hour > 23) continue;
    day[row.hour] = (day[row.hour] ?? 0) + row.count;
    total += row.count;
  }
  const busyHours = [...Array(24).keys()].filter((hour) => counts.some((day) => (day[hour] ?? 0) > 0));
  const first = Math.min(8, ...busyHours);
  const last = Math.max(18, ...busyHours);
  return {
    hours: [...Array(last - first + 1).keys()].map((i) => first + i),
    counts,
    max: Math.max(0, ...counts.flat()),
    total,
  };
}

function statusTime(
  figures: ActivityFigures,
  titles: ReadonlyMap<TopicKey, string>,
): NeedsDashboard["statusTime"] {
  const byTopic = new Map<TopicKey, Map<string, { transitions: number; seconds: number }>>();
  for (const row of figures.statusTime) {
    const topic = canonicalTopic(row.topic);
    const statuses = byTopic.get(topic) ?? new Map<string, { transitions: number; seconds: number }>();
    const entry = statuses.get(row.status) ?? { transitions: 0, seconds: 0 };
    entry.transitions += row.transitions;
    entry.seconds += row.seconds;
    statuses.set(row.status, entry);
    byTopic.set(topic, statuses);
  }
  const seen = new Set(figures.statusTime.map((row) => row.status));
  const statuses = [
    ...CASE_STATUSES.filter((status) => seen.has(status)),
    ...[...seen].filter((status) => !(CASE_STATUSES as readonly string[]).includes(status)).sort(),
  ];
  const rows: StatusTimeRow[] = [];
  let hiddenTopics = 0;
  for (const [topic, entries] of byTopic) {
    const cells: Partial<Record<string, StatusCell>> = {};
    let totalHours = 0;
    let anyShown = false;
    for (const [status, entry] of entries) {
      const averageHours = entry.transitions > 0 ? entry.seconds / entry.transitions / 3600 : null;
      const cellShown = entry.transitions >= MIN_SAMPLE;
      cells[status] = { ...entry, averageHours, shown: cellShown };
      if (cellShown && averageHours !== null) {
        totalHours += averageHours;
        anyShown = true;
      }
    }
    if (anyShown) rows.push({ topic, title: titles.get(topic) ?? null, totalHours, cells });
    else hiddenTopics += 1;
  }
  rows.sort((a, b) => b.totalHours - a.totalHours || byTopicKey(a, b));
  return { statuses, rows: rows.slice(0, TOP_TOPICS), hiddenTopics };
}

function channelMix(figures: ActivityFigures, order: ChannelKey[]): NeedsDashboard["channelMix"] {
  const starts = [...new Set(figures.channelMix.rows.map((row) => row.start))].sort();
  const index = new Map(starts.map((start, i) => [start, i]));
  const series = new Map<ChannelKey, number[]>();
  for (const row of figures.channelMix.rows) {
    const channel: ChannelKey = `${row.source}:${row.channel}`;
    const counts = series.get(channel) ?? Array<number>(starts.length).fill(0);
    const at = index.get(row.start) ?? 0;
    counts[at] = (counts[at] ?? 0) + row.count;
    series.set(channel, counts);
  }
  const rank = (channel: ChannelKey) => {
    const at = order.indexOf(channel);
    return at === -1 ? order.length : at;
  };
  return {
    bucket: figures.channelMix.bucket,
    starts,
    series: [...series]
      .map(([channel, counts]) => ({ channel, counts }))
      .sort((a, b) => rank(a.channel) - rank(b.channel) || a.channel.localeCompare(b.channel)),
  };
}

export function buildNeedsDashboard(input: {
  figures: ActivityFigures;
  titles: ReadonlyMap<TopicKey, string>;
  unanswered: UnansweredSummary;
}): NeedsDashboard {
  const { figures, titles } = input;
  const rows = topicRows(figures, titles);
  const channels = channelsOf(rows);
  const top = rows.slice(0, TOP_TOPICS);
  const rest = rows.slice(TOP_TOPICS);
  const exchanged = figures.conversations.filter((row) => row.outcome !== "none");
  return {
    period: figures.period,
    refreshedAt: figures.refreshedAt,
    arrivals: {
      cases: rows.reduce((sum, row) => sum + row.cases, 0),
      conversations: rows.reduce((sum, row) => sum + row.conversations, 0),
    },
    topics: {
      rows: top,
      others: { topics: rest.length, total: rest.reduce((sum, row) => sum + row.total, 0) },
      channels: channels.map((entry) => entry.channel),
    },
    topicsByChannel: channels.map(({ channel, total }) => ({
      channel,
      total,
      top: rows
        .filter((row) => (row.byChannel[channel] ?? 0) > 0)
        .map((row) => ({ topic: row.topic, title: row.title, count: row.byChannel[channel] ?? 0 }))
        .sort((a, b) => b.count - a.count || byTopicKey(a, b))
        .slice(0, TOP_TOPICS_PER_CHANNEL),
    })),
    unanswered: input.unanswered,
    assistant: {
      conversations: exchanged.reduce((sum, row) => sum + row.count, 0),
      deflection: shown(deflectionRate(figures)),
      answer: shown(assistantAnswerRate(figures)),
      handoff: shown(handoffRate(figures)),
    },
    channelMix: channelMix(
      figures,
      channels.map((entry) => entry.channel),
    ),
    hours: {
      all: heatMap(figures.arrivals, () => true),
      phone: figures.arrivals.some((row) => PHONE_CHANNELS.has(`${row.source}:${row.channel}`))
        ? heatMap(figures.arrivals, (channel) => PHONE_CHANNELS.has(channel))
        : null,
    },
    statusTime: statusTime(figures, titles),
  };
}
