import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ActivityFigures } from "../statistics/activity-figures.ts";
import { buildNeedsDashboard, TOP_TOPICS } from "./build-needs-dashboard.ts";

const PARKING = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";
const HOUR = 3600;

/** A month of a small town, every figure chosen so the expected values are computed by hand below. */
const figures: ActivityFigures = {
  period: { from: "2026-03-01", to: "2026-03-31" },
  refreshedAt: new Date("2026-04-01T03:00:00Z"),
  arrivals: [
    { source: "case", channel: "web", weekday: 1, hour: 9, count: 5 },
    { source: "conversation", channel: "widget", weekday: 1, hour: 9, count: 3 },
    { source: "case", channel: "phone", weekday: 2, hour: 7, count: 4 },
    { source: "conversation", channel: "voice", weekday: 7, hour: 21, count: 1 },
    { source: "case", channel: "email", weekday: 3, hour: 10, count: 2 },
  ],
  channelMix: {
    bucket: "week",
    rows: [
      { start: "2026-03-02", source: "case", channel: "web", count: 5 },
      { start: "2026-02-23", source: "conversation", channel: "widget", count: 3 },
      { start: "2026-03-02", source: "conversation", channel: "widget", count: 7 },
      { start: "2026-03-02", source: "case", channel: "web", count: 2 },
    ],
  },
  topics: [
    { source: "case", channel: "web", topic: "F1342", received: 12, answered: 10 },
    { source: "case", channel: "email", topic: "F1342", received: 3, answered: 3 },
    { source: "conversation", channel: "widget", topic: "F1342", received: 20, answered: 15 },
    { source: "case", channel: "phone", topic: "", received: 7, answered: 7 },
    { source: "case", channel: "web", topic: `local:${PARKING}`, received: 4, answered: 1 },
    // The assistant names the same page "faq:<uuid>": one topic with the cases.
    { source: "conversation", channel: "web", topic: `faq:${PARKING}`, received: 6, answered: 6 },
    { source: "conversation", channel: "widget", topic: "F21089", received: 9, answered: 2 },
    { source: "conversation", channel: "voice", topic: "", received: 2, answered: 0 },
  ],
  commitments: [],
  statusTime: [
    { topic: "F1342", status: "nouveau", transitions: 12, seconds: 12 * 2 * HOUR },
    { topic: "F1342", status: "en_cours", transitions: 10, seconds: 10 * 5 * HOUR },
    { topic: "F1342", status: "en_attente_usager", transitions: 4, seconds: 4 * 24 * HOUR },
    { topic: `local:${PARKING}`, status: "nouveau", transitions: 20, seconds: 20 * 10 * HOUR },
    { topic: "", status: "en_cours", transitions: 3, seconds: 3 * HOUR },
  ],
  conversations: [
    { channel: "widget", outcome: "answered", helpful: "yes", handedOff: false, count: 8 },
    { channel: "widget", outcome: "answered", helpful: "none", handedOff: false, count: 5 },
    { channel: "widget", outcome: "handed_off", helpful: "none", handedOff: true, count: 4 },
    { channel: "widget", outcome: "unanswered", helpful: "no", handedOff: false, count: 3 },
    // Opened, never written in: outside every rate.
    { channel: "web", outcome: "none", helpful: "none", handedOff: false, count: 10 },
  ],
  calls: [],
};

const titles = new Map([
  ["F1342", "Carte d'identité"],
  [`local:${PARKING}`, "Stationnement résidentiel"],
]);
const unanswered = { total: 4, open: 3, groups: [] };

describe("buildNeedsDashboard", () => {
  const dashboard = buildNeedsDashboard({ figures, titles, unanswered });

  it("adds up cases and conversations per page, whichever way the page is written", () => {
    assert.deepEqual(
      dashboard.topics.rows.map((row) => [row.topic, row.title, row.cases, row.conversations, row.total]),
      [
        ["F1342", "Carte d'identité", 15, 20, 35],
        [`local:${PARKING}`, "Stationnement résidentiel", 4, 6, 10],
        // 9 each: more cases first
        ["", null, 7, 2, 9],
        ["F21089", null, 0, 9, 9],
      ],
    );
    assert.deepEqual(dashboard.arrivals, { cases: 26, conversations: 37 });
    assert.deepEqual(dashboard.topics.rows[0]?.byChannel, {
      "case:web": 12,
      "case:email": 3,
      "conversation:widget": 20,
    });
    assert.deepEqual(dashboard.topics.others, { topics: 0, total: 0 });
  });

  it("orders the channels cases first, the busiest first within each", () => {
    assert.deepEqual(dashboard.topics.channels, [
      "case:web",
      "case:phone",
      "case:email",
      "conversation:widget",
      "conversation:web",
      "conversation:voice",
    ]);
    const widget = dashboard.topicsByChannel.find((entry) => entry.channel === "conversation:widget");
    assert.deepEqual(widget, {
      channel: "conversation:widget",
      total: 29,
      top: [
        { topic: "F1342", title: "Carte d'identité", count: 20 },
        { topic: "F21089", title: null, count: 9 },
      ],
    });
    assert.deepEqual(
      dashboard.topicsByChannel
        .find((entry) => entry.channel === "case:web")
        ?.top.map((t) => [t.topic, t.count]),
      [
        ["F1342", 12],
        [`local:${PARKING}`, 4],
      ],
    );
  });

  it("computes the assistant's rates on the conversations with an exchange", () => {
    const { assistant } = dashboard;
    assert.equal(assistant.conversations, 20);
    assert.deepEqual(assistant.deflection, { value: 8 / 20, n: 20, count: 8, shown: true });
    assert.deepEqual(assistant.answer, { value: 13 / 20, n: 20, count: 13, shown: true });
    assert.deepEqual(assistant.handoff, { value: 4 / 20, n: 20, count: 4, shown: true });
  });

  it("hides a rate whose sample is under 10", () => {
    const few = buildNeedsDashboard({
      figures: {
        ...figures,
        conversations: [{ channel: "web", outcome: "answered", helpful: "yes", handedOff: false, count: 9 }],
      },
      titles,
      unanswered,
    });
    assert.deepEqual(few.assistant.deflection, { value: 1, n: 9, count: 9, shown: false });
  });

  it("maps arrivals by weekday and hour, all channels and the phone alone", () => {
    const { all, phone } = dashboard.hours;
    assert.equal(all.total, 15);
    assert.equal(all.max, 8);
    assert.deepEqual(all.hours, [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    assert.equal(all.counts[0]?.[9], 8, "Monday 9 h: 5 cases and 3 conversations");
    assert.equal(all.counts[2]?.[10], 2);
    assert.equal(all.counts[6]?.[21], 1);
    assert.ok(phone);
    assert.equal(phone.total, 5, "4 phone cases and 1 voice conversation");
    assert.equal(phone.counts[1]?.[7], 4);
    assert.equal(phone.counts[0]?.[9], 0);
    const noPhone = buildNeedsDashboard({
      figures: { ...figures, arrivals: figures.arrivals.filter((row) => row.channel === "web") },
      titles,
      unanswered,
    });
    assert.equal(noPhone.hours.phone, null);
    assert.deepEqual(
      noPhone.hours.all.hours,
      [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
      "at least 8 h to 18 h",
    );
  });

  it("lines up the channel mix on every period start, missing weeks at zero", () => {
    assert.deepEqual(dashboard.channelMix, {
      bucket: "week",
      starts: ["2026-02-23", "2026-03-02"],
      series: [
        { channel: "case:web", counts: [0, 7] },
        { channel: "conversation:widget", counts: [3, 7] },
      ],
    });
  });

  it("averages the time in each status per topic, longest waits first, small samples hidden", () => {
    const { statusTime } = dashboard;
    assert.deepEqual(statusTime.statuses, ["nouveau", "en_cours", "en_attente_usager"]);
    assert.deepEqual(
      statusTime.rows.map((row) => [row.topic, row.totalHours]),
      [
        [`local:${PARKING}`, 10],
        ["F1342", 7],
      ],
    );
    const idCard = statusTime.rows[1];
    assert.deepEqual(idCard?.cells.nouveau, {
      transitions: 12,
      seconds: 12 * 2 * HOUR,
      averageHours: 2,
      shown: true,
    });
    assert.deepEqual(idCard?.cells.en_attente_usager, {
      transitions: 4,
      seconds: 4 * 24 * HOUR,
      averageHours: 24,
      shown: false,
    });
    assert.equal(statusTime.hiddenTopics, 1, "no topic: 3 changes only");
  });

  it("keeps the top topics and sums up the others", () => {
    const many = buildNeedsDashboard({
      figures: {
        ...figures,
        topics: Array.from({ length: TOP_TOPICS + 2 }, (_, i) => ({
          source: "case" as const,
          channel: "web",
          topic: `F${100 + i}`,
          received: 100 - i,
          answered: 0,
        })),
      },
      titles,
      unanswered,
    });
    assert.equal(many.topics.rows.length, TOP_TOPICS);
    assert.equal(many.topics.rows[0]?.topic, "F100");
    assert.deepEqual(many.topics.others, { topics: 2, total: 100 - TOP_TOPICS + (100 - TOP_TOPICS - 1) });
  });
});
