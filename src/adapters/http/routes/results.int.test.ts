/**
 * Results over HTTP: an administrator prepares a draft for last month, previews it, publishes it with a
 * confirmation; the public page, its CSV and its JSON then agree figure for figure, small samples are
 * hidden in all three, drafts are never public and later activity does not move published figures.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { replyToCase } from "../../../domains/cases/index.ts";
import {
  csvNumber,
  type ResultsSnapshot,
  readResultsCsv,
  refreshActivityRollups,
} from "../../../domains/commitments/index.ts";
import { fixedClock } from "../../../shared/clock.ts";

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** What the page shows for each indicator: its value read back as a number (null: none shown), and n. */
function shownOnPage(
  html: string,
): Map<string, { label: string; value: number | null; valueText: string; n: number }> {
  const shown = new Map<string, { label: string; value: number | null; valueText: string; n: number }>();
  const blocks = html.matchAll(
    /data-indicator="([^"]+)"><h3[^>]*>(.*?)<\/h3><p class="result-value">(.*?)<\/p>.*?<p class="result-sample">(.*?)<\/p>/g,
  );
  for (const [, id, label, value, sample] of blocks) {
    const valueText = text(value ?? "");
    const number = /^([+-]?[\d\u202f\u00a0]+(?:,\d+)?)/.exec(valueText)?.[1];
    shown.set(id!, {
      label: text(label ?? ""),
      valueText,
      value: number === undefined ? null : Number(number.replace(/[\u202f\u00a0]/g, "").replace(",", ".")),
      n: Number(
        /Échantillon : ([\d\u202f\u00a0]+)/.exec(text(sample ?? ""))?.[1]?.replace(/[\u202f\u00a0]/g, ""),
      ),
    });
  }
  return shown;
}

/** The previous calendar month of `now`, as Paris days. */
function previousMonth(now: Date): { from: string; to: string; choice: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(first), to: day(last), choice: `mois:${day(first).slice(0, 7)}` };
}

describe("results publication over HTTP", () => {
  let t: TestApp;
  let org: string;
  let client: BackofficeClient;
  const clock = fixedClock(new Date());
  const month = previousMonth(clock.now());
  let draftId = "";

  async function activity(web: number, answered: number, email: number) {
    const then = fixedClock(new Date(`${month.from.slice(0, 7)}-10T10:00:00Z`));
    const agent = await anAgent(t.database.db, { organisationId: org, roles: ["agent"] });
    for (let i = 0; i < web; i++) {
      const opened = await aCase(t.database.db, { organisationId: org, channel: "web", clock: then });
      if (i < answered)
        await replyToCase(t.database.db, {
          organisationId: org,
          caseId: opened.caseId,
          actor: { agentId: agent.id },
          body: "Réponse.",
          publicUrl: "https://mairie-test.fr",
          clock: then,
        });
    }
    for (let i = 0; i < email; i++)
      await aCase(t.database.db, { organisationId: org, channel: "email", clock: then });
    await refreshActivityRollups(t.database.db, {
      organisationId: org,
      clock,
      from: month.from,
      to: month.to,
    });
  }

  before(async () => {
    t = await createTestApp({ clock });
    org = t.deps.organisation.id;
    await activity(12, 9, 3);
    const admin = await anAgent(t.database.db, { organisationId: org, roles: ["admin"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(admin.email, admin.password)).statusCode, 303);
  });
  after(() => t.close());

  it("shows no results before anything is published", async () => {
    const page = await t.app.inject({ method: "GET", url: "/resultats" });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Aucun résultat n'a encore été publié/);
    assert.equal((await t.app.inject({ method: "GET", url: "/resultats.json" })).statusCode, 404);
    assert.match(page.body, /<a href="\/resultats">Nos résultats<\/a>/, "footer link");
  });

  it("refuses agents who are not administrators, and a period that is not finished", async () => {
    const agent = await anAgent(t.database.db, { organisationId: org, roles: ["agent"] });
    const other = aBackofficeClient(t.app);
    await other.signIn(agent.email, agent.password);
    const refused = await other.get("/admin/resultats");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /La publication des résultats est réservée aux administrateurs\./);

    const today = clock.now().toISOString().slice(0, 10);
    await client.get("/admin/resultats");
    const early = await client.post("/admin/resultats/brouillons", {
      periode: "dates",
      du: month.from,
      au: today,
    });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /<a href="#resultats-au">La période doit être terminée/);
  });

  it("prepares a draft that is previewed in the back office but not public", async () => {
    const list = await client.get("/admin/resultats");
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`<option value="${month.choice}" selected>`));
    const prepared = await client.post("/admin/resultats/brouillons", {
      periode: month.choice,
      du: "",
      au: "",
    });
    assert.equal(prepared.statusCode, 303);
    draftId = /\/admin\/resultats\/([0-9a-f-]{36})$/.exec(prepared.headers.location as string)?.[1] ?? "";
    assert.notEqual(draftId, "");
    const preview = await client.get(`/admin/resultats/${draftId}`);
    assert.equal(preview.statusCode, 200);
    assert.equal(shownOnPage(preview.body).get("joignabilite.web")?.value, 75);

    for (const url of [
      "/resultats",
      `/resultats/${draftId}`,
      `/resultats/${draftId}.json`,
      `/resultats/${draftId}.csv`,
    ]) {
      const response = await t.app.inject({ method: "GET", url });
      if (url === "/resultats") assert.doesNotMatch(response.body, /data-indicator=/, url);
      else assert.equal(response.statusCode, 404, url);
    }
  });

  it("publishes only with the confirmation box ticked", async () => {
    await client.get(`/admin/resultats/${draftId}`);
    const unconfirmed = await client.post(`/admin/resultats/${draftId}/publication`, {});
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(
      unconfirmed.body,
      /<a href="#resultats-confirmation">Cochez la case pour confirmer la publication/,
    );
    const published = await client.post(`/admin/resultats/${draftId}/publication`, { confirmation: "oui" });
    assert.equal(published.statusCode, 303);
    const after = await client.get(`/admin/resultats/${draftId}`);
    assert.match(
      after.body,
      /Résultats publiés : ils sont visibles sur la page « Nos résultats » du site public\./,
    );
  });

  it("serves the same figures on the page, in the CSV and in the JSON, small samples hidden in all three", async () => {
    const page = await t.app.inject({ method: "GET", url: "/resultats" });
    const byId = await t.app.inject({ method: "GET", url: `/resultats/${draftId}` });
    assert.equal(byId.body, page.body);
    const csvResponse = await t.app.inject({ method: "GET", url: "/resultats.csv" });
    assert.match(csvResponse.headers["content-type"] as string, /^text\/csv; charset=utf-8/);
    assert.equal(csvResponse.headers["access-control-allow-origin"], "*");
    const jsonResponse = await t.app.inject({ method: "GET", url: `/resultats/${draftId}.json` });
    const json = jsonResponse.json() as ResultsSnapshot;
    assert.equal(json.schema, "guichet.resultats/v1");
    assert.deepEqual(json.period, { from: month.from, to: month.to });

    const html = shownOnPage(page.body);
    const csv = readResultsCsv(csvResponse.body);
    assert.equal(html.size, json.indicators.length);
    assert.equal(csv.length, json.indicators.length);
    for (const [index, indicator] of json.indicators.entries()) {
      const row = csv[index]!;
      const shown = html.get(indicator.id);
      assert.ok(shown, `${indicator.id} on the page`);
      assert.equal(row.indicateur, indicator.id);
      assert.equal(shown.label, indicator.label);
      assert.equal(row.libelle, indicator.label);
      assert.equal(csvNumber(row.valeur), indicator.value, indicator.id);
      assert.equal(shown.value, indicator.value, `${indicator.id}: ${shown.valueText}`);
      assert.equal(Number(row.echantillon), indicator.n);
      assert.equal(shown.n, indicator.n);
      assert.equal(row.publie, indicator.shown ? "oui" : "non");
      if (!indicator.shown) {
        assert.equal(indicator.value, null);
        assert.equal(row.valeur, "");
        assert.match(
          shown.valueText,
          indicator.n === 0 ? /^Aucune donnée/ : /^Échantillon insuffisant \(moins de 10\)$/,
        );
      }
    }
    // By hand: 9 of 12 web requests answered (75 %), 3 e-mails (hidden), 9 of 15 together (60 %).
    assert.deepEqual(
      ["joignabilite.web", "joignabilite.email", "joignabilite.globale"].map((id) => {
        const i = json.indicators.find((x) => x.id === id);
        return [i?.value, i?.n, i?.shown];
      }),
      [
        [75, 12, true],
        [null, 3, false],
        [60, 15, true],
      ],
    );
    assert.match(page.body, /75,0\u00a0%/);
    // The hidden e-mail figure draws no bar in the chart either.
    const chart =
      /<figure class="chart-figure">.*?<\/figure>/s.exec(
        page.body.slice(page.body.indexOf('id="resultats-joignabilite"')),
      )?.[0] ?? "";
    assert.equal((chart.match(/class="bar"/g) ?? []).length, 2, "global and web bars only");
    assert.match(chart, /Échantillon insuffisant \(moins de 10\)/);
  });

  it("keeps the published figures when activity changes, until a new version is published", async () => {
    const before = (await t.app.inject({ method: "GET", url: "/resultats.json" })).body;
    await activity(6, 6, 0);
    assert.equal((await t.app.inject({ method: "GET", url: "/resultats.json" })).body, before);
    const csv = readResultsCsv((await t.app.inject({ method: "GET", url: "/resultats.csv" })).body);
    assert.equal(csv.find((row) => row.indicateur === "joignabilite.web")?.echantillon, "12");

    await client.get("/admin/resultats");
    const second = await client.post("/admin/resultats/brouillons", { periode: month.choice });
    const secondId = /([0-9a-f-]{36})$/.exec(second.headers.location as string)?.[1] ?? "";
    await client.get(`/admin/resultats/${secondId}`);
    await client.post(`/admin/resultats/${secondId}/publication`, { confirmation: "oui" });
    const now = (await t.app.inject({ method: "GET", url: "/resultats.json" })).json() as ResultsSnapshot;
    assert.equal(now.indicators.find((i) => i.id === "joignabilite.web")?.n, 18);
    // The first version was withdrawn: no longer public.
    assert.equal((await t.app.inject({ method: "GET", url: `/resultats/${draftId}` })).statusCode, 404);
  });
});
