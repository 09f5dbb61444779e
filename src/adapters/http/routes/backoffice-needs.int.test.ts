/**
 * The needs dashboard end to end: cases (topics, channels, status changes) and conversations written as
 * the app writes them, rollups refreshed, /admin/besoins rendered — each figure equals the one counted
 * by hand, and each link lands on a list holding exactly the items it counts. Then roles, another
 * organisation's conversation, and the audited transcript.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { changeCaseStatus } from "../../../domains/cases/index.ts";
import { refreshActivityRollups } from "../../../domains/commitments/index.ts";
import { ensureOrganisation } from "../../../domains/identity/index.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";

const NOW = new Date("2026-03-20T10:00:00Z");
const PERIOD = "periode=dates&du=2026-03-02&au=2026-03-08";
const HOUR = 3_600_000;

const md5 = (value: string) => createHash("md5").update(value).digest("hex");
const decodeAmp = (href: string) => href.replaceAll("&amp;", "&");

function referencesIn(html: string): string[] {
  return [...html.matchAll(/<th scope="row"><a href="\/admin\/demandes\/([A-Z0-9-]+)">/g)]
    .map((m) => m[1]!)
    .sort();
}

function handlesIn(html: string): string[] {
  return [...html.matchAll(/href="\/admin\/conversations\/([0-9a-f]{32})"/g)].map((m) => m[1]!).sort();
}

/** Every counted link of the page: "<number><hidden : label>" → its address and number. */
function countLinks(html: string): Map<string, { href: string; count: number }> {
  const links = new Map<string, { href: string; count: number }>();
  for (const m of html.matchAll(
    /<a href="([^"]+)">([\d\u202f ]+)<span class="visually-hidden"> : ([^<]+)<\/span><\/a>/g,
  ))
    links.set(m[3]!.replaceAll("&#39;", "'"), {
      href: decodeAmp(m[1]!),
      count: Number(m[2]!.replace(/\D/g, "")),
    });
  return links;
}

async function addConversation(
  db: Db,
  values: {
    organisationId: string;
    channel: "web" | "widget" | "voice" | "phone";
    at: Date;
    topic?: string | null;
    outcome?: "none" | "answered" | "clarified" | "handed_off" | "unanswered";
    helpful?: boolean | null;
    turns?: number;
    caseId?: string | null;
  },
): Promise<string> {
  const id = randomBytes(18).toString("base64url");
  await db
    .insertInto("conversations")
    .values({
      id,
      organisation_id: values.organisationId,
      channel: values.channel,
      state: JSON.stringify({ v: 1 }),
      outcome: values.outcome ?? "answered",
      helpful: values.helpful ?? null,
      case_id: values.caseId ?? null,
      turns: values.turns ?? 2,
      topic: values.topic ?? null,
      started_at: values.at,
      last_activity_at: new Date(values.at.getTime() + 60_000),
    })
    .execute();
  return id;
}

describe("needs dashboard", () => {
  let t: TestApp;
  let admin: BackofficeClient;
  let agent: BackofficeClient;
  let org: string;
  let ficheTitle = "";
  const clock = fixedClock(NOW);
  const refs: Record<string, string[]> = { idWeb: [], idEmail: [], parking: [], none: [], outside: [] };
  const conv: Record<string, string[]> = {
    helped: [],
    answered: [],
    parking: [],
    handedOff: [],
    noOutcome: [],
    silent: [],
    outside: [],
    otherOrg: [],
  };
  let transcriptHandle = "";

  before(async () => {
    t = await createTestApp({ clock });
    const { db } = t.database;
    org = t.deps.organisation.id;
    await insertPackageFiches(db, org, ["F1342"]);
    ficheTitle = (
      await db.selectFrom("fiches").select("title").where("id", "=", "F1342").executeTakeFirstOrThrow()
    ).title;
    const parking = await aLocalItem(db, {
      organisationId: org,
      kind: "procedure",
      status: "published",
      form: { title: "Stationnement résidentiel", body: "Carte de stationnement pour les riverains." },
    });
    const desk = await anAgent(db, { organisationId: org, roles: ["agent"] });
    const chief = await anAgent(db, { organisationId: org, roles: ["admin", "agent"] });
    const openAt = async (at: string, options: Omit<Parameters<typeof aCase>[1], "organisationId">) =>
      aCase(db, { organisationId: org, ...options, clock: fixedClock(new Date(at)) });

    // Monday 2 March, 9 h in Paris (UTC+1): 12 ID card requests by the web form, moved "en cours" 2 h later.
    for (let i = 0; i < 12; i++) {
      const opened = await openAt(`2026-03-02T08:${String(i * 4).padStart(2, "0")}:00Z`, {
        topic: { ficheId: "F1342" },
      });
      refs.idWeb!.push(opened.reference);
      await changeCaseStatus(db, {
        organisationId: org,
        caseId: opened.caseId,
        actor: { agentId: desk.id },
        status: "en_cours",
        clock: fixedClock(
          new Date(Date.parse(`2026-03-02T08:${String(i * 4).padStart(2, "0")}:00Z`) + 2 * HOUR),
        ),
      });
    }
    for (const at of ["2026-03-03T09:00:00Z", "2026-03-03T09:10:00Z"])
      refs.idEmail!.push((await openAt(at, { topic: { ficheId: "F1342" }, channel: "email" })).reference);
    for (const at of ["2026-03-04T13:00:00Z", "2026-03-04T13:20:00Z", "2026-03-04T13:40:00Z"])
      refs.parking!.push(
        (
          await openAt(at, {
            topic: { localItemId: parking.id },
            channel: "phone",
            contact: { phone: "0102030405" },
            actor: { agentId: desk.id },
          })
        ).reference,
      );
    const noTopic = await openAt("2026-03-05T15:00:00Z", {});
    refs.none!.push(noTopic.reference);
    // Just outside: 1 March 23:59 and 9 March 0:30 in Paris.
    refs.outside!.push((await openAt("2026-03-01T22:59:00Z", { topic: { ficheId: "F1342" } })).reference);
    refs.outside!.push((await openAt("2026-03-08T23:30:00Z", { topic: { ficheId: "F1342" } })).reference);

    const at = (iso: string) => new Date(iso);
    const add = (values: Omit<Parameters<typeof addConversation>[1], "organisationId">) =>
      addConversation(db, { organisationId: org, ...values });
    for (let i = 0; i < 8; i++)
      conv.helped!.push(
        await add({ channel: "widget", at: at("2026-03-02T08:30:00Z"), topic: "F1342", helpful: true }),
      );
    for (let i = 0; i < 3; i++)
      conv.answered!.push(await add({ channel: "widget", at: at("2026-03-03T10:00:00Z"), topic: "F1342" }));
    for (let i = 0; i < 2; i++)
      conv.parking!.push(
        await add({
          channel: "web",
          at: at("2026-03-04T16:00:00Z"),
          topic: `procedure:${parking.id}`,
          outcome: "unanswered",
          helpful: false,
        }),
      );
    conv.handedOff!.push(
      await add({
        channel: "widget",
        at: at("2026-03-05T14:50:00Z"),
        outcome: "handed_off",
        caseId: noTopic.caseId,
      }),
    );
    conv.noOutcome!.push(
      await add({ channel: "voice", at: at("2026-03-06T10:00:00Z"), outcome: "none", turns: 1 }),
    );
    conv.silent!.push(
      await add({ channel: "widget", at: at("2026-03-06T11:00:00Z"), outcome: "none", turns: 0 }),
    );
    conv.outside!.push(
      await add({ channel: "widget", at: at("2026-03-08T23:30:00Z"), topic: "F1342", helpful: true }),
    );

    const transcriptId = conv.helped![0]!;
    transcriptHandle = md5(transcriptId);
    for (const [position, author, text] of [
      [1, "citizen", "Comment refaire ma carte d'identité ?"],
      [2, "assistant", "Vous pouvez faire une prédemande en ligne, puis prendre rendez-vous."],
    ] as const)
      await db
        .insertInto("conversation_messages")
        .values({
          id: newId(),
          organisation_id: org,
          conversation_id: transcriptId,
          position,
          author,
          kind: author === "citizen" ? "question" : "answer",
          text,
          payload: JSON.stringify(
            author === "assistant"
              ? {
                  sources: [
                    {
                      id: "F1342",
                      title: ficheTitle,
                      url: "https://mairie-test.fr/fiches/F1342",
                      date: null,
                    },
                  ],
                }
              : {},
          ),
          created_at: new Date(Date.parse("2026-03-02T08:30:00Z") + position * 1000),
        })
        .execute();

    const question = (text: string, terms: string[], created: string, handled = false) =>
      db
        .insertInto("unanswered_questions")
        .values({
          id: newId(),
          organisation_id: org,
          conversation_id: null,
          question: text,
          terms,
          reason: "no_match",
          created_at: new Date(created),
          handled_at: handled ? new Date(created) : null,
        })
        .execute();
    await question("Horaires de la piscine ?", ["horair", "piscin"], "2026-03-03T10:00:00Z");
    await question("Quels horaires pour la piscine", ["horair", "piscin"], "2026-03-04T10:00:00Z");
    await question("Où jeter un matelas ?", ["jet", "matel"], "2026-03-05T10:00:00Z", true);
    await question(
      "Horaires de la piscine le dimanche",
      ["horair", "piscin", "dimanch"],
      "2026-02-20T10:00:00Z",
    );

    const other = await ensureOrganisation(db, { slug: "autre-ville", name: "Autre ville" });
    conv.otherOrg!.push(
      await addConversation(db, {
        organisationId: other.id,
        channel: "widget",
        at: at("2026-03-03T10:00:00Z"),
      }),
    );

    await refreshActivityRollups(db, { organisationId: org, clock, from: "2026-02-20", to: "2026-03-19" });

    admin = aBackofficeClient(t.app);
    assert.equal((await admin.signIn(chief.email, chief.password)).statusCode, 303);
    agent = aBackofficeClient(t.app);
    assert.equal((await agent.signIn(desk.email, desk.password)).statusCode, 303);
  });
  after(() => t.close());

  it("counts what citizens asked in the period, by page and channel, with the pages' titles", async () => {
    const page = await agent.get(`/admin/besoins?${PERIOD}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Du 2 mars 2026 au 8 mars 2026 \(7 jours\)/);
    assert.match(
      page.body,
      />18 demandes</,
      "12 + 2 + 3 + 1 in the period; the two just outside are not counted",
    );
    assert.match(page.body, />15 conversations avec l'assistant</, "turns > 0 only");
    assert.ok(page.body.includes(ficheTitle), "the fiche's title, not its id");
    assert.match(page.body, /Stationnement résidentiel/);
    const links = countLinks(page.body);
    const expected: [string, number][] = [
      [`demandes, ${ficheTitle}`, 14],
      [`${ficheTitle}, Formulaire en ligne`, 12],
      [`${ficheTitle}, Courriel`, 2],
      [`conversations, ${ficheTitle}`, 11],
      [`${ficheTitle}, Assistant : fenêtre de discussion`, 11],
      ["demandes, Stationnement résidentiel", 3],
      ["Stationnement résidentiel, Téléphone", 3],
      ["conversations, Stationnement résidentiel", 2],
      ["demandes, Sans page précise", 1],
      ["conversations, Sans page précise", 2],
    ];
    for (const [label, count] of expected) assert.equal(links.get(label)?.count, count, label);
  });

  it("links each count to a list holding exactly the items it counts", async () => {
    const links = countLinks((await agent.get(`/admin/besoins?${PERIOD}`)).body);
    const cases = async (label: string) => referencesIn((await agent.get(links.get(label)!.href)).body);
    const conversations = async (label: string) => handlesIn((await admin.get(links.get(label)!.href)).body);
    assert.deepEqual(await cases(`demandes, ${ficheTitle}`), [...refs.idWeb!, ...refs.idEmail!].sort());
    assert.deepEqual(await cases(`${ficheTitle}, Courriel`), [...refs.idEmail!].sort());
    assert.deepEqual(await cases("Stationnement résidentiel, Téléphone"), [...refs.parking!].sort());
    assert.deepEqual(await cases("demandes, Sans page précise"), refs.none);
    assert.deepEqual(
      await conversations(`conversations, ${ficheTitle}`),
      [...conv.helped!, ...conv.answered!].map(md5).sort(),
    );
    assert.deepEqual(
      await conversations("conversations, Stationnement résidentiel"),
      conv.parking!.map(md5).sort(),
    );
    assert.deepEqual(
      await conversations("conversations, Sans page précise"),
      [...conv.handedOff!, ...conv.noOutcome!].map(md5).sort(),
    );
  });

  it("gives the assistant's rates with their sample, each linked to its conversations", async () => {
    const html = (await agent.get(`/admin/besoins?${PERIOD}`)).body;
    // 14 conversations with an answer: 8 helped without an agent, 11 answered, 1 handed off.
    assert.match(
      html,
      /<a href="[^"]+">Réglées sans agent<\/a><\/th><td>57,1\u00a0%<\/td><td>8 sur 14<\/td>/,
    );
    assert.match(html, /<a href="[^"]+">Réponse donnée<\/a><\/th><td>78,6\u00a0%<\/td><td>11 sur 14<\/td>/);
    assert.match(
      html,
      /<a href="[^"]+">Transmises à un agent<\/a><\/th><td>7,1\u00a0%<\/td><td>1 sur 14<\/td>/,
    );
    const href = (label: string) =>
      decodeAmp(new RegExp(`<a href="([^"]+)">${label}</a></th>`).exec(html)![1]!);
    const listed = async (url: string) => handlesIn((await admin.get(url)).body);
    assert.deepEqual(await listed(href("Réglées sans agent")), conv.helped!.map(md5).sort());
    assert.deepEqual(
      await listed(href("Réponse donnée")),
      [...conv.helped!, ...conv.answered!].map(md5).sort(),
    );
    assert.deepEqual(await listed(href("Transmises à un agent")), conv.handedOff!.map(md5).sort());
    const sample = decodeAmp(/<a href="([^"]+)">14 conversations<\/a>/.exec(html)![1]!);
    assert.equal((await listed(sample)).length, 14);
  });

  it("hides a rate on fewer than 10 conversations, with a French note", async () => {
    const html = (await agent.get("/admin/besoins?periode=dates&du=2026-03-04&au=2026-03-08")).body;
    assert.match(
      html,
      /Réglées sans agent<\/a><\/th><td>Échantillon insuffisant<\/td><td>3 en tout \(moins de 10\)<\/td>/,
    );
    assert.match(html, /calculés sur moins de 10 éléments ne sont pas affichés/);
  });

  it("counts the unanswered questions of the period and links to the editors' page", async () => {
    const html = (await admin.get(`/admin/besoins?${PERIOD}`)).body;
    assert.match(html, /<strong>3<\/strong> questions sans réponse, dont 2 encore à traiter/);
    assert.match(html, /<th scope="row">Quels horaires pour la piscine<\/th><td>2<\/td>/);
    assert.match(html, /href="\/admin\/questions-sans-reponse"/);
    const deskHtml = (await agent.get(`/admin/besoins?${PERIOD}`)).body;
    assert.doesNotMatch(deskHtml, /href="\/admin\/questions-sans-reponse"/, "a desk agent may not open it");
  });

  it("maps arrivals by hour and weekday and shows the channel mix", async () => {
    const html = (await agent.get(`/admin/besoins?${PERIOD}`)).body;
    // Monday 9 h (Paris): 12 web requests and 8 widget conversations.
    assert.match(html, /<th scope="row">9 h – 10 h<\/th><td class="heat heat-4">20<\/td>/);
    assert.match(html, /Téléphone : demandes saisies pendant un appel et appels à l'assistant vocal \(4\)/);
    assert.match(html, /<th scope="row">sem\. du 2 mars<\/th>/);
    assert.match(html, /<svg[^>]+role="img"/);
  });

  it("gives the time spent in each status per page, linked to the requests in that status", async () => {
    const html = (await agent.get(`/admin/besoins?${PERIOD}`)).body;
    const links = countLinksOfDurations(html);
    const cell = links.get(`${ficheTitle}, Nouvelle`);
    assert.equal(cell?.text, "2\u00a0h", "12 requests waited 2 h each as new");
    const listed = referencesIn((await agent.get(cell!.href)).body);
    assert.deepEqual(
      listed,
      [...refs.idEmail!, ...refs.outside!].sort(),
      "the page's requests still new today, whenever they arrived",
    );
  });

  it("asks again for a malformed period, the error linked to its field", async () => {
    const page = await agent.get("/admin/besoins?periode=mois&mois=2026-13");
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /<title>Erreur : /);
    assert.match(page.body, /<a href="#besoins-mois">Le mois n'est pas valide/);
  });

  it("sends anonymous visitors and citizens to the login page, and refuses other roles", async () => {
    const anonymous = aBackofficeClient(t.app);
    const citizenKey = conv.helped![0]!;
    for (const url of [
      "/admin/besoins",
      "/admin/conversations",
      `/admin/conversations/${transcriptHandle}`,
      `/admin/conversations/${citizenKey}`,
    ]) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, "/admin/connexion", url);
    }
    const editor = await anAgent(t.database.db, { organisationId: org, roles: ["editor"] });
    const client = aBackofficeClient(t.app);
    await client.signIn(editor.email, editor.password);
    const refused = await client.get("/admin/besoins");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /réservé aux agents d'accueil et aux administrateurs/);
    assert.equal((await client.get("/admin/conversations")).statusCode, 403);
    assert.doesNotMatch((await client.get("/admin")).body, /href="\/admin\/besoins"/);
    assert.match((await agent.get("/admin")).body, /href="\/admin\/besoins"/);
  });

  it("lets desk agents list conversations without their text, and only admins read one", async () => {
    const list = await agent.get(`/admin/conversations?${PERIOD.replace("periode=dates&", "")}`);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(handlesIn(list.body), [], "no transcript link for a desk agent");
    assert.match(list.body, /réservé aux administrateurs/);
    const refused = await agent.get(`/admin/conversations/${transcriptHandle}`);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /réservée aux administrateurs/);
  });

  it("shows an admin the transcript, audits the reading, and never shows the citizen's key", async () => {
    const page = await admin.get(`/admin/conversations/${transcriptHandle}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Comment refaire ma carte d'identité \?/);
    assert.match(page.body, /Vous pouvez faire une prédemande en ligne/);
    assert.ok(page.body.includes(ficheTitle));
    assert.ok(!page.body.includes(conv.helped![0]!), "the conversation id is the citizen's key");
    const listHtml = (await admin.get("/admin/conversations")).body;
    for (const id of conv.helped!) assert.ok(!listHtml.includes(id));
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id"])
      .where("organisation_id", "=", org)
      .where("entity_type", "=", "conversation")
      .execute();
    assert.deepEqual(audit, [
      { action: "conversation.viewed", entity_type: "conversation", entity_id: transcriptHandle },
    ]);
  });

  it("answers 404 for another organisation's conversation, a raw id and an unknown handle", async () => {
    for (const handle of [md5(conv.otherOrg![0]!), conv.helped![0]!, "0".repeat(32)]) {
      const page = await admin.get(`/admin/conversations/${handle}`);
      assert.equal(page.statusCode, 404, handle);
      assert.match(page.body, /Cette conversation est introuvable/);
    }
  });
});

/** Duration links of the status table: "<duration><hidden : page, status>". */
function countLinksOfDurations(html: string): Map<string, { href: string; text: string }> {
  const links = new Map<string, { href: string; text: string }>();
  for (const m of html.matchAll(
    /<a href="([^"]+)">([^<]+)<span class="visually-hidden"> : ([^<]+)<\/span><\/a> \(/g,
  ))
    links.set(m[3]!.replaceAll("&#39;", "'"), { href: decodeAmp(m[1]!), text: m[2]! });
  return links;
}
