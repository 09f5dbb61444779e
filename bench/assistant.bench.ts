/**
 * Chat turns server-side (Fastify inject: routing, the assistant, database writes — no network)
 * with 50 conversations at once, on the whole catalogue. Target: p95 ≤ 50 ms per turn (issue 4).
 * Each simulated citizen asks, waits for the reply, reads for 0–2 s, asks again; a second run sends
 * every conversation's message at the same instant (the worst case for a 2-core machine).
 *
 *   npm run bench -- assistant                 (PGlite in .tmp/bench-pglite, imported the first time)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- assistant
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { findAnswer } from "../src/domains/assistant/find-answer.ts";
import { openBenchApp, summary } from "./bench-app.ts";

const CONVERSATIONS = 50;
const TURNS = 6;

const evalFile = path.resolve(import.meta.dirname, "../../shared/eval/qr-dev.jsonl");
const questions = [
  ...(fs.existsSync(evalFile)
    ? fs
        .readFileSync(evalFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { question: string }).question)
    : []),
  "carte",
  "et pour un mineur ?",
  "combien ça coûte ?",
  "Bonjour",
  "merci",
];

// Many citizens behind one address (a library, a town hall's own Wi-Fi) must not be throttled here.
const { app, deps, close } = await openBenchApp({ TRUST_PROXY: "true" });
const start = async (n: number) => {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/conversations",
    payload: {},
    headers: { "x-forwarded-for": `10.0.${Math.floor(n / 250)}.${n % 250}` },
  });
  return (response.json() as { id: string }).id;
};
const turn = async (id: string, text: string, times: number[]) => {
  const t = performance.now();
  const response = await app.inject({
    method: "POST",
    url: `/api/v1/conversations/${id}/messages`,
    payload: { text },
  });
  times.push(performance.now() - t);
  if (response.statusCode !== 200) throw new Error(`turn failed: ${response.statusCode} ${response.body}`);
};

// Retrieval alone (search + passages + decision), one at a time: pages read from the database the
// first time, then from the process's cache.
const retrieval = async (label: string) => {
  const times: number[] = [];
  for (const question of questions.slice(0, 300)) {
    const t = performance.now();
    await findAnswer({
      search: deps.assistant.search,
      passages: deps.assistant.passages,
      organisationId: deps.organisation.id,
      question,
    });
    times.push(performance.now() - t);
  }
  summary(label, times);
};
await retrieval("retrieval (first read)");
await retrieval("retrieval (pages cached)");

let next = 0;
const pick = () => questions[next++ % questions.length] as string;

const paced: number[] = [];
const begin = performance.now();
await Promise.all(
  Array.from({ length: CONVERSATIONS }, async (_, n) => {
    // Citizens arrive over the first 2 seconds, not all in the same millisecond.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000));
    const id = await start(n);
    for (let i = 0; i < TURNS; i++) {
      await turn(id, pick(), paced);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000));
    }
  }),
);
summary(`turn, ${CONVERSATIONS} citizens reading 0-2 s`, paced);
console.log(`  ${paced.length} turns in ${((performance.now() - begin) / 1000).toFixed(1)} s`);

const burst: number[] = [];
const ids = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => start(1000 + n)));
for (let round = 0; round < TURNS; round++) await Promise.all(ids.map((id) => turn(id, pick(), burst)));
summary(`turn, ${CONVERSATIONS} sent at once`, burst);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await close();
