/** The managers' analysis page, drill-down and exports over HTTP, with figures computed by hand. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { anAnalysedAnswer, anAnalysisQuestionnaire } from "../../../../test/factories/an-analysed-answer.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import type { AgentRole } from "../../../domains/identity/index.ts";
import { fixedClock } from "../../../shared/clock.ts";

const MARCH = "du=2026-03-01&au=2026-03-31";

describe("back office: feedback analysis", () => {
  let t: TestApp;

  async function signIn(roles: AgentRole[]) {
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles });
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    return client;
  }

  before(async () => {
    t = await createTestApp({ clock: fixedClock(new Date("2026-04-01T08:00:00Z")) });
    const organisationId = t.deps.organisation.id;
    const questionnaireId = await anAnalysisQuestionnaire(t.database.db, { organisationId });
    const add = (at: string, fields: Record<string, unknown>) =>
      anAnalysedAnswer(t.database.db, {
        organisationId,
        questionnaireId,
        submittedAt: new Date(at),
        ...fields,
      });
    // Satisfaction (10 + 5 + 0) / 3 = 5,0 /10; February: one "Très bien" → 10, so "en baisse de 5,0".
    await add("2026-03-02T10:00:00Z", {
      channel: "web",
      topic: "F1341",
      satisfaction: 10,
      verbatim: "Très bien, merci.",
    });
    await add("2026-03-26T10:00:00Z", {
      channel: "phone",
      satisfaction: 5,
      verbatim: "=SOMME(A1) délais trop longs",
    });
    await add("2026-03-27T10:00:00Z", {
      channel: "phone",
      satisfaction: 0,
      verbatim: "Délais interminables",
      contactEmail: "secret@example.invalid",
    });
    await add("2026-02-20T10:00:00Z", { channel: "web", topic: "F1341", satisfaction: 10 });
    await insertPackageFiches(t.database.db, organisationId, ["F1341"]);
  });
  after(() => t.close());

  it("shows the indicators with their change in words, by channel and by topic", async () => {
    const client = await signIn(["admin"]);
    const page = await client.get(`/admin/avis/analyse?${MARCH}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Analyse des avis<\/h1>/);
    assert.match(
      page.body,
      /Satisfaction globale<\/th><td>5,0 \/10<\/td><td>3<\/td><td>10,0 \/10<\/td><td><span class="change change-worse"><span aria-hidden="true">↓ <\/span>en baisse de 5,0 \(moins bien\)/,
    );
    assert.match(page.body, /Téléphone<\/a><\/th><td>2<\/td><td>2,5 \/10<\/td>/);
    // The page's title, not its id.
    assert.match(
      page.body,
      /Carte d'identité d'un majeur : première demande<\/a><\/th><td>1<\/td><td>10,0 \/10<\/td>/,
    );
    assert.match(page.body, /Sans démarche précisée/);
    assert.match(
      page.body,
      /href="\/admin\/avis\/analyse\/export\/indicateurs\.csv\?du=2026-03-01&amp;au=2026-03-31"/,
    );
    assert.match(page.body, /Analyse des avis<\/a>/, "nav link");
  });

  it("refuses a bad date with the French message on its field (400)", async () => {
    const client = await signIn(["agent"]);
    const page = await client.get("/admin/avis/analyse?du=2026-13-01");
    assert.equal(page.statusCode, 400);
    assert.match(
      page.body,
      /<a href="#analyse-du">La date de début n'est pas une date valide \(format AAAA-MM-JJ\)\.<\/a>/,
    );
    assert.match(page.body, /aria-describedby="analyse-du-aide analyse-du-erreur"/);
  });

  it("is closed to editors without the agent or admin role", async () => {
    const client = await signIn(["editor"]);
    const page = await client.get("/admin/avis/analyse");
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /L'analyse des avis est réservée aux agents et aux administrateurs\./);
    const anonymous = await t.app.inject({ method: "GET", url: "/admin/avis/analyse" });
    assert.equal(anonymous.statusCode, 303);
  });

  it("drills down to the comments of a topic, newest first, without the contact e-mail", async () => {
    const client = await signIn(["agent"]);
    const page = await client.get(`/admin/avis/analyse/commentaires?${MARCH}&theme=delais`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Commentaires : Délais<\/h1>/);
    const first = page.body.indexOf("Délais interminables");
    const second = page.body.indexOf("=SOMME(A1) délais trop longs");
    assert.ok(first > 0 && second > first);
    assert.doesNotMatch(page.body, /Très bien, merci|secret@example/);
    const unknown = await client.get(`/admin/avis/analyse/commentaires?${MARCH}&theme=inconnu`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Ce thème de commentaire n'existe pas\./);
  });

  it("exports indicators and answers as CSV for French Excel, and JSON", async () => {
    const client = await signIn(["admin"]);
    const indicators = await client.get(`/admin/avis/analyse/export/indicateurs.csv?${MARCH}`);
    assert.equal(indicators.statusCode, 200);
    assert.match(String(indicators.headers["content-type"]), /^text\/csv; charset=utf-8/);
    assert.match(
      String(indicators.headers["content-disposition"]),
      /attachment; filename="avis-indicateurs-2026-03-01-2026-04-01\.csv"/,
    );
    assert.ok(indicators.body.startsWith("\uFEFFIndicateur;Valeur;"));
    assert.match(indicators.body, /\r\nSatisfaction globale;5;\/10;3;10;-5;2026-03-01;2026-04-01\r\n/);
    const answers = await client.get(`/admin/avis/analyse/export/reponses.csv?${MARCH}&canal=phone`);
    const lines = answers.body.slice(1).trimEnd().split("\r\n");
    assert.equal(lines.length, 3);
    assert.match(answers.body, /;'=SOMME\(A1\) délais trop longs;/);
    assert.doesNotMatch(answers.body, /secret@example/);
    const json = await client.get(`/admin/avis/analyse/export/reponses.json?${MARCH}`);
    const rows = JSON.parse(json.body) as { channel: string; contactEmail?: string }[];
    assert.deepEqual(
      rows.map((r) => r.channel),
      ["web", "phone", "phone"],
    );
    assert.ok(rows.every((r) => !("contactEmail" in r)));
    const report = JSON.parse(
      (await client.get(`/admin/avis/analyse/export/indicateurs.json?${MARCH}`)).body,
    );
    assert.equal(report.indicators.satisfaction.value, 5);
    const unknown = await client.get(`/admin/avis/analyse/export/tout.xlsx?${MARCH}`);
    assert.equal(unknown.statusCode, 404);
  });
});
