import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase, TEST_PUBLIC_URL } from "../../../test/factories/a-case.ts";
import { aLocalItem } from "../../../test/factories/a-local-item.ts";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { AppError } from "../../shared/app-error.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  addInternalNote,
  assignCase,
  changeCaseStatus,
  createTeam,
  listInbox,
  replyToCase,
} from "./index.ts";

describe("listInbox", () => {
  let database: TestDatabase;
  let org: string;
  let me: string;
  let other: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const ids: Record<string, string> = {};

  before(async () => {
    database = await createTestDatabase();
    org = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    me = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
    other = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
    const team = await createTeam(database.db, { organisationId: org, name: "État civil", clock });
    ids.team = team.id;
    const open = async (
      name: string,
      subject: string,
      body: string,
      channel: "web" | "email" | "phone" = "web",
    ) => {
      clock.advance(60_000);
      ids[name] = (
        await aCase(database.db, {
          organisationId: org,
          subject,
          body,
          channel,
          contact: channel === "phone" ? { phone: "0102030405" } : { email: `${name}@exemple.fr` },
          actor: channel === "phone" ? { agentId: me } : null,
          clock,
        })
      ).caseId;
    };
    await open("birth", "Acte de naissance", "Je souhaite un extrait d'acte de naissance avec filiation.");
    await open("school", "Inscription scolaire", "Mon fils entre en CP en septembre.", "email");
    await open("noise", "Bruit de voisinage", "Des travaux très bruyants chaque dimanche matin.", "phone");
    await open("id", "Carte d'identité", "Quelles démarches pour renouveler ma carte ?");
    clock.advance(60_000);
    const actor = { agentId: me };
    await assignCase(database.db, {
      organisationId: org,
      caseId: ids.birth!,
      actor,
      teamId: team.id,
      assigneeId: me,
      clock,
    });
    clock.advance(60_000);
    await assignCase(database.db, {
      organisationId: org,
      caseId: ids.school!,
      actor,
      assigneeId: other,
      clock,
    });
    clock.advance(60_000);
    await replyToCase(database.db, {
      organisationId: org,
      caseId: ids.school!,
      actor,
      body: "Merci de joindre le livret de famille.",
      status: "en_attente_usager",
      publicUrl: TEST_PUBLIC_URL,
      clock,
    });
    clock.advance(60_000);
    await changeCaseStatus(database.db, {
      organisationId: org,
      caseId: ids.noise!,
      actor,
      status: "resolu",
      clock,
    });
    clock.advance(60_000);
    await addInternalNote(database.db, {
      organisationId: org,
      caseId: ids.id!,
      actor,
      body: "Voir le dossier de la préfecture.",
      clock,
    });
  });
  after(() => database.close());
  beforeEach(() => undefined);

  const list = async (filters: Parameters<typeof listInbox>[1]["filters"], limit?: number) =>
    (
      await listInbox(database.db, { organisationId: org, agentId: me, filters, ...(limit ? { limit } : {}) })
    ).items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

  it("orders by latest activity", async () => {
    assert.deepEqual(await list({}), ["id", "noise", "school", "birth"]);
  });

  it("filters by status, team, channel and assignment", async () => {
    assert.deepEqual(await list({ status: "en_attente_usager" }), ["school"]);
    assert.deepEqual(await list({ status: ["nouveau", "resolu"] }), ["id", "noise", "birth"]);
    assert.deepEqual(await list({ teamId: ids.team }), ["birth"]);
    assert.deepEqual(await list({ channel: "phone" }), ["noise"]);
    assert.deepEqual(await list({ assignedToMe: true }), ["birth"]);
    assert.deepEqual(await list({ unassigned: true }), ["id", "noise"]);
    assert.deepEqual(await list({ teamId: "pas-un-uuid" }), []);
  });

  it("searches the full text without accents, with French stemming, including notes and replies", async () => {
    assert.deepEqual(await list({ q: "naissances" }), ["birth"]);
    assert.deepEqual(await list({ q: "demarche" }), ["id"]);
    assert.deepEqual(await list({ q: "prefecture" }), ["id"], "internal notes are searchable by agents");
    assert.deepEqual(await list({ q: "livret famille" }), ["school"]);
    assert.deepEqual(await list({ q: "GU-2026-000002" }), ["school"]);
    assert.deepEqual(await list({ q: "school@exemple.fr" }), ["school"]);
    assert.deepEqual(await list({ q: "bruit -dimanche" }), []);
    assert.deepEqual(await list({ q: "le" }), [], "stop words only: nothing, no error");
    assert.deepEqual(await list({ q: "   " }), ["id", "noise", "school", "birth"]);
  });

  it("pages with a keyset cursor, without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listInbox>> = await listInbox(database.db, {
        organisationId: org,
        agentId: me,
        cursor,
        limit: 3,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [ids.id, ids.noise, ids.school, ids.birth]);
    await assert.rejects(
      listInbox(database.db, { organisationId: org, agentId: me, cursor: "n'importe-quoi" }),
      (e) => e instanceof AppError && e.code === "BAD_REQUEST",
    );
  });

  it("returns team and assignee names for the list", async () => {
    const page = await listInbox(database.db, {
      organisationId: org,
      agentId: me,
      filters: { assignedToMe: true },
    });
    assert.equal(page.items[0]?.team?.name, "État civil");
    assert.equal(page.items[0]?.assignee?.id, me);
  });
});

describe("listInbox by topic and opening period", () => {
  let database: TestDatabase;
  let org: string;
  let me: string;
  let procedureId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    database = await createTestDatabase();
    org = (await ensureOrganisation(database.db, { slug: "a", name: "Ville A" })).id;
    me = (await anAgent(database.db, { organisationId: org, roles: ["agent"] })).id;
    procedureId = (await aLocalItem(database.db, { organisationId: org, kind: "procedure" })).id;
    // Paris is UTC+1 in March: 22:59 UTC on the 9th is the 9th, 23:00 UTC is already the 10th.
    const open = async (name: string, at: string, topic: { ficheId?: string; localItemId?: string }) => {
      ids[name] = (
        await aCase(database.db, { organisationId: org, topic, clock: fixedClock(new Date(at)) })
      ).caseId;
    };
    await open("idCardLate9", "2026-03-09T22:59:00Z", { ficheId: "F1342" });
    await open("idCard10", "2026-03-09T23:00:00Z", { ficheId: "F1342" });
    await open("passport11", "2026-03-11T10:00:00Z", { ficheId: "F21089" });
    await open("parking11", "2026-03-11T11:00:00Z", { localItemId: procedureId });
    await open("none12", "2026-03-12T22:59:00Z", {});
    await open("idCard13", "2026-03-12T23:00:00Z", { ficheId: "F1342" });
  });
  after(() => database.close());

  const list = async (filters: Parameters<typeof listInbox>[1]["filters"]) =>
    (await listInbox(database.db, { organisationId: org, agentId: me, filters })).items
      .map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0])
      .sort();

  it("filters by fiche, by the town's own item, and by the absence of a topic", async () => {
    assert.deepEqual(await list({ topic: { ficheId: "F1342" } }), ["idCard10", "idCard13", "idCardLate9"]);
    assert.deepEqual(await list({ topic: { localItemId: procedureId } }), ["parking11"]);
    assert.deepEqual(await list({ topic: "none" }), ["none12"]);
    assert.deepEqual(await list({ topic: { localItemId: "pas-un-uuid" } }), []);
    assert.deepEqual(await list({ topic: { ficheId: "F9999" } }), []);
  });

  it("filters by opening instant, start included and end excluded", async () => {
    const from = new Date("2026-03-09T23:00:00Z"); // Paris midnight starting the 10th
    const before12 = new Date("2026-03-11T23:00:00Z"); // Paris midnight starting the 12th
    assert.deepEqual(await list({ openedFrom: from, openedBefore: before12 }), [
      "idCard10",
      "parking11",
      "passport11",
    ]);
    assert.deepEqual(await list({ openedBefore: from }), ["idCardLate9"]);
    assert.deepEqual(await list({ openedFrom: new Date("2026-03-12T23:00:00Z") }), ["idCard13"]);
  });

  it("combines topic, period and the other filters", async () => {
    const from = new Date("2026-03-09T23:00:00Z");
    assert.deepEqual(await list({ topic: { ficheId: "F1342" }, openedFrom: from }), ["idCard10", "idCard13"]);
    assert.deepEqual(
      await list({ topic: { ficheId: "F1342" }, openedFrom: from, status: "en_cours" }),
      [],
      "both still new",
    );
    assert.deepEqual(await list({ topic: { ficheId: "F1342" }, openedFrom: from, channel: "web" }), [
      "idCard10",
      "idCard13",
    ]);
  });
});
