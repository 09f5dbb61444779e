/**
 * A plausible four months of the demo town, planned in memory before anything is written: requests on
 * every channel (more on weekdays, phone and counter during opening hours, the web in the evening),
 * their history (first reply, a wait for the citizen now and then, resolution, closing a week later),
 * their SLA on the organisation's calendar, and conversations with the assistant (answers, votes,
 * hand-offs that open a chat request). Deterministic: the same clock gives the same town.
 */
import type { CaseChannel, CaseStatus } from "../domains/cases/index.ts";
import {
  addBusinessMinutes,
  type BusinessCalendar,
  type CaseCommitment,
  computeDueDate,
  isCaseCommitment,
  isOpenDay,
  matchCommitment,
  type Pause,
  parisDayOf,
  parisInstant,
  type ServiceCommitment,
} from "../domains/commitments/index.ts";
import {
  DEMO_TOPICS,
  type DemoTopic,
  FIRST_NAMES,
  LAST_NAMES,
  TOPIC_WEIGHTS,
} from "./seed-activity-content.ts";

export type { DemoTopic };

const CASE_CHANNELS: Array<[Exclude<CaseChannel, "chat">, number]> = [
  ["web", 34],
  ["email", 26],
  ["phone", 16],
  ["counter", 14],
  ["api", 4],
];

export type PlannedStatusChange = {
  at: Date;
  from: CaseStatus;
  to: CaseStatus;
  cause: string;
  byAgent: boolean;
};
export type PlannedCase = {
  index: number;
  channel: CaseChannel;
  topic: DemoTopic;
  openedAt: Date;
  contact: { name: string; email: string | null; phone: string | null };
  status: CaseStatus;
  firstReplyAt: Date | null;
  waitingSince: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  commitmentId: string | null;
  dueAt: Date | null;
  slaMet: boolean | null;
  changes: PlannedStatusChange[];
  messages: Array<{ at: Date; author: "citizen" | "agent"; body: string }>;
};
export type PlannedConversation = {
  channel: "web" | "widget";
  startedAt: Date;
  lastActivityAt: Date;
  turns: number;
  outcome: "none" | "answered" | "clarified" | "unanswered" | "handed_off";
  helpful: boolean | null;
  topic: DemoTopic;
  handoff: PlannedCase | null;
};
export type ActivityPlan = { cases: PlannedCase[]; conversations: PlannedConversation[] };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers in [0, 1). */
export function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [item, weight] of items) {
    pick -= weight;
    if (pick < 0) return item;
  }
  return items[items.length - 1]![0];
}

const between = (random: () => number, low: number, high: number) => low + random() * (high - low);
const at = (day: string, minutes: number) =>
  parisInstant(
    day,
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(Math.floor(minutes % 60)).padStart(2, "0")}`,
  );

/** Minutes after midnight: desks during opening hours, the web all day with evening peaks. */
function minuteOfDay(random: () => number, channel: CaseChannel | "conversation"): number {
  if (channel === "phone" || channel === "counter")
    return random() < 0.55
      ? between(random, 8.5 * 60, 12 * 60 - 5)
      : between(random, 13.5 * 60, 17.5 * 60 - 5);
  const hour = weighted(random, [
    [7, 2],
    [8, 4],
    [9, 7],
    [10, 8],
    [11, 7],
    [12, 5],
    [13, 5],
    [14, 7],
    [15, 6],
    [16, 5],
    [17, 5],
    [18, 5],
    [19, 5],
    [20, 6],
    [21, 6],
    [22, 4],
    [23, 2],
  ] as const);
  return hour * 60 + between(random, 0, 59);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Business minutes before the first reply (or resolution for e-mails): mostly in time, some late. */
function handlingMinutes(random: () => number): number {
  const bucket = random();
  if (bucket < 0.6) return between(random, 20, 480);
  if (bucket < 0.89) return between(random, 480, 2_250);
  return between(random, 2_250, 4_200);
}

/** The commitment a case opened now would get (start-sla-clock.ts picks alike). */
function commitmentFor(
  channel: CaseChannel,
  topic: DemoTopic,
  commitments: ServiceCommitment[],
): CaseCommitment | null {
  const active = commitments.filter((c): c is CaseCommitment => c.active && isCaseCommitment(c));
  return matchCommitment(active, { channel, topics: topic.id ? [topic.id] : [] });
}

function planCase(input: {
  index: number;
  random: () => number;
  channel: CaseChannel;
  topic: DemoTopic;
  openedAt: Date;
  now: Date;
  calendar: BusinessCalendar;
  commitments: ServiceCommitment[];
}): PlannedCase {
  const { random, channel, topic, openedAt, now, calendar } = input;
  const name = `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]}`;
  const slug = name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z ]/g, "")
    .replace(" ", ".");
  const desk = channel === "phone" || channel === "counter";
  const contact = {
    name,
    email: desk && random() < 0.5 ? null : `${slug}.${input.index}@exemple.invalid`,
    phone: desk
      ? `06 ${String(10 + (input.index % 89)).padStart(2, "0")} 00 00 ${String(input.index % 100).padStart(2, "0")}`
      : null,
  };
  const planned: Array<Omit<PlannedStatusChange, "from">> = [];
  const messages: PlannedCase["messages"] = [
    { at: openedAt, author: "citizen", body: `${topic.question} Merci d'avance.` },
  ];
  let firstReply: Date | null = null;
  const neverAnswered = random() < 0.035;
  if (!neverAnswered && desk && random() < 0.55) {
    // Settled on the spot: resolved a few minutes later, no written reply.
    planned.push({
      at: new Date(openedAt.getTime() + between(random, 5, 25) * MINUTE),
      to: "resolu",
      cause: "agent_set_status",
      byAgent: true,
    });
  } else if (!neverAnswered) {
    firstReply = addBusinessMinutes(openedAt, handlingMinutes(random), calendar);
    messages.push({
      at: firstReply,
      author: "agent",
      body: "Bonjour, voici les informations demandées. Cordialement, l'accueil de la mairie.",
    });
    planned.push({ at: firstReply, to: "en_cours", cause: "agent_reply", byAgent: true });
    let resumeAt = firstReply;
    if (random() < 0.25) {
      const asked = new Date(firstReply.getTime() + MINUTE);
      resumeAt = new Date(asked.getTime() + between(random, 0.3, 4) * DAY);
      planned.push({ at: asked, to: "en_attente_usager", cause: "agent_set_status", byAgent: true });
      planned.push({ at: resumeAt, to: "en_cours", cause: "citizen_reply", byAgent: false });
      messages.push({ at: resumeAt, author: "citizen", body: "Voici le document demandé." });
    }
    planned.push({
      at: addBusinessMinutes(resumeAt, between(random, 30, 1_200), calendar),
      to: "resolu",
      cause: "agent_set_status",
      byAgent: true,
    });
  }
  const resolved = planned.find((p) => p.to === "resolu");
  if (resolved)
    planned.push({
      at: new Date(resolved.at.getTime() + 7 * DAY),
      to: "clos",
      cause: "system_auto_close",
      byAgent: false,
    });

  // Only what already happened: the rest of the plan is the future.
  let status: CaseStatus = "nouveau";
  const changes: PlannedStatusChange[] = [];
  const pauses: Pause[] = [];
  let waitingSince: Date | null = null;
  for (const step of planned) {
    if (step.at > now) break;
    changes.push({ ...step, from: status });
    if (step.to === "en_attente_usager") waitingSince = step.at;
    if (status === "en_attente_usager" && waitingSince) {
      pauses.push({ from: waitingSince, to: step.at });
      waitingSince = null;
    }
    status = step.to;
  }
  if (waitingSince) pauses.push({ from: waitingSince, to: null });
  const happened = (to: CaseStatus) => changes.find((c) => c.to === to)?.at ?? null;
  const resolvedAt = happened("resolu");
  const repliedAt = firstReply && firstReply <= now ? firstReply : null;

  const commitment = commitmentFor(channel, topic, input.commitments);
  let dueAt: Date | null = null;
  let slaMet: boolean | null = null;
  if (commitment) {
    const measuresResolution = commitment.measure === "resolution";
    dueAt = computeDueDate({
      openedAt,
      delay: commitment.delay,
      calendar,
      pauses: measuresResolution ? pauses : [],
      now,
    });
    const stop = measuresResolution ? resolvedAt : (repliedAt ?? resolvedAt);
    slaMet = stop ? stop <= dueAt : null;
  }
  const visibleMessages = messages.filter((m) => m.at <= now);
  return {
    index: input.index,
    channel,
    topic,
    openedAt,
    contact,
    status,
    firstReplyAt: repliedAt,
    waitingSince,
    resolvedAt,
    closedAt: happened("clos"),
    updatedAt: new Date(
      Math.max(
        openedAt.getTime(),
        ...changes.map((c) => c.at.getTime()),
        ...visibleMessages.map((m) => m.at.getTime()),
      ),
    ),
    commitmentId: commitment?.id ?? null,
    dueAt,
    slaMet,
    changes,
    messages: visibleMessages,
  };
}

/**
 * The activity of the `days` Paris days before today (today itself is left to the live demo).
 * About 4 requests and 6 conversations per open day, fewer at weekends.
 */
export function planActivity(input: {
  now: Date;
  days: number;
  calendar: BusinessCalendar;
  commitments: ServiceCommitment[];
  seed?: number;
}): ActivityPlan {
  const random = generator(input.seed ?? 2026);
  const today = parisDayOf(input.now);
  const topics = DEMO_TOPICS.map((topic, i) => [topic, TOPIC_WEIGHTS[i] ?? 1] as const);
  const cases: PlannedCase[] = [];
  const conversations: PlannedConversation[] = [];
  const open = (channel: CaseChannel, openedAt: Date, topic: DemoTopic) => {
    const planned = planCase({
      index: cases.length,
      random,
      channel,
      topic,
      openedAt,
      now: input.now,
      calendar: input.calendar,
      commitments: input.commitments,
    });
    cases.push(planned);
    return planned;
  };
  for (let offset = input.days; offset >= 1; offset--) {
    const day = addDays(today, -offset);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const workday = isOpenDay(day, input.calendar);
    const caseCount = Math.round((workday ? 3.2 : weekday === 6 ? 1 : 0.4) + random() * 2);
    for (let i = 0; i < caseCount; i++) {
      let channel = weighted(random, CASE_CHANNELS);
      if (!workday && (channel === "phone" || channel === "counter")) channel = "web";
      open(channel, at(day, minuteOfDay(random, channel)), weighted(random, topics));
    }
    const conversationCount = Math.round((workday ? 4.5 : 3) + random() * 3);
    for (let i = 0; i < conversationCount; i++) {
      const startedAt = at(day, minuteOfDay(random, "conversation"));
      const topic = weighted(random, topics);
      const outcome = weighted(random, [
        ["answered", 62],
        ["clarified", 7],
        ["unanswered", 14],
        ["handed_off", 11],
        ["none", 6],
      ] as const);
      const helpful =
        outcome === "answered"
          ? weighted(random, [
              [true, 55],
              [false, 12],
              [null, 33],
            ] as const)
          : outcome === "unanswered" && random() < 0.3
            ? false
            : null;
      const handoff =
        outcome === "handed_off" ? open("chat", new Date(startedAt.getTime() + 3 * MINUTE), topic) : null;
      conversations.push({
        channel: random() < 0.6 ? "widget" : "web",
        startedAt,
        lastActivityAt: new Date(startedAt.getTime() + between(random, 1, 6) * MINUTE),
        turns: outcome === "none" ? 0 : 1 + Math.floor(random() * 3),
        outcome,
        helpful,
        topic,
        handoff,
      });
    }
  }
  return { cases, conversations };
}
