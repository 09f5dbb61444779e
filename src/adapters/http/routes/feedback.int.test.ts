import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { changeCaseStatus } from "../../../domains/cases/index.ts";
import { FEEDBACK_LIMIT, recordFormHit } from "../citizen-desk/public-form-limit.ts";

let t: TestApp;
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

type Fields = [string, string][];

function post(url: string, fields: Fields, remoteAddress = nextIp()) {
  return t.app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    remoteAddress,
  });
}

function hiddenFields(html: string): Fields {
  return [...html.matchAll(/<input type="hidden" name="(_[a-z]+)" value="([^"]*)"/g)].map((m) => [
    m[1]!,
    m[2]!,
  ]);
}

async function answers() {
  return t.database.db.selectFrom("feedback_answers").selectAll().orderBy("submitted_at").execute();
}

describe("feedback pages", () => {
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t?.close());

  it("shows the JDMA questionnaire without script, tagged by ?canal and ?demarche", async () => {
    const res = await t.app.inject({ method: "GET", url: "/avis?canal=guichet&demarche=F1341" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.match(res.body, /<h1>Je donne mon avis<\/h1>/);
    assert.match(res.body, /De façon générale, comment ça s'est passé \?/);
    assert.match(res.body, /N'indiquez pas d'informations personnelles/);
    assert.match(res.body, /<label for="contact-souhait">Je souhaite être recontacté<\/label>/);
    assert.ok(!res.body.includes("<script"), "no script on the questionnaire");
    assert.deepEqual(
      hiddenFields(res.body).filter(([name]) => name !== "_cle"),
      [
        ["_canal", "counter"],
        ["_demarche", "F1341"],
        ["_version", "1"],
      ],
    );
  });

  it("stores a valid answer with its channel and topic, then thanks on its own page", async () => {
    const page = await t.app.inject({ method: "GET", url: "/avis?canal=web&demarche=F1342" });
    const res = await post("/avis", [
      ...hiddenFields(page.body),
      ["satisfaction", "tres_bien"],
      ["clarte", "5"],
      ["aide", "telephone"],
      ["aide", "sites_internet"],
      ["aide_administration.telephone.joint", "oui"],
      ["aide_administration.telephone.qualite", "bonne"],
      ["commentaire", "Merci, appelez-moi au 06 12 34 56 78."],
    ]);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, "/avis/merci");
    const [row] = await answers();
    assert.deepEqual(
      [row?.channel, row?.topic, row?.satisfaction, row?.help_tried, row?.help_reached, row?.help_quality],
      ["web", "F1342", 10, 1, 1, 4],
    );
    assert.equal(row?.verbatim, "Merci, appelez-moi au [téléphone].");
    const thanks = await t.app.inject({ method: "GET", url: "/avis/merci" });
    assert.match(thanks.body, /<h1>Merci pour votre avis<\/h1>/);
  });

  it("refuses errors with a summary linked to the questions and keeps what was typed", async () => {
    const before = (await answers()).length;
    const page = await t.app.inject({ method: "GET", url: "/avis" });
    const res = await post("/avis", [
      ...hiddenFields(page.body),
      ["clarte", "7"],
      ["commentaire", `Mon avis ${"x".repeat(20000)}`],
      ["contact_souhait", "oui"],
      ["contact_email", "pas-une-adresse"],
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Erreur : Je donne mon avis/);
    assert.match(res.body, /Le formulaire contient 4 erreurs/);
    assert.match(res.body, /<a href="#satisfaction-pas_bien">Répondez à la question « De façon générale/);
    assert.match(res.body, /<a href="#clarte-1">La note de « Qu'avez-vous pensé/);
    assert.match(
      res.body,
      /<a href="#commentaire">Votre réponse à « Souhaitez-vous nous en dire plus \? » fait 20\u202f009 caractères/,
    );
    assert.match(res.body, /<a href="#contact">Indiquez une adresse électronique valide/);
    assert.match(res.body, />Mon avis x{10}/, "the text typed is kept");
    assert.match(res.body, /value="pas-une-adresse"/);
    assert.match(res.body, /id="contact-souhait" name="contact_souhait" value="oui" checked/);
    assert.equal((await answers()).length, before, "nothing stored");
  });

  it("stores one answer when the same form is posted twice", async () => {
    const before = (await answers()).length;
    const page = await t.app.inject({ method: "GET", url: "/avis/csat" });
    assert.match(page.body, /Dans l'ensemble, êtes-vous satisfait du service rendu \?/);
    const fields: Fields = [...hiddenFields(page.body), ["csat", "4"]];
    const first = await post("/avis/csat", fields);
    const second = await post("/avis/csat", fields);
    assert.deepEqual([first.statusCode, second.statusCode], [303, 303]);
    assert.equal((await answers()).length, before + 1);
  });

  it("runs the whole invitation after a resolved case: e-mail link, questionnaire, one answer", async () => {
    const organisationId = t.deps.organisation.id;
    const agent = await anAgent(t.database.db, { organisationId, roles: ["agent"] });
    const opened = await aCase(t.database.db, { organisationId });
    await changeCaseStatus(t.database.db, {
      organisationId,
      caseId: opened.caseId,
      actor: { agentId: agent.id },
      status: "resolu",
      clock: t.deps.clock,
      publicUrl: t.deps.config.publicUrl,
    });
    const mail = await t.database.db
      .selectFrom("outbox_emails")
      .select("text_body")
      .where("case_id", "=", opened.caseId)
      .where("subject", "like", "%traitée%")
      .executeTakeFirstOrThrow();
    const link = /Je donne mon avis : \S+(\/avis\?invitation=[A-Za-z0-9_-]{43})/.exec(mail.text_body)?.[1];
    assert.ok(link, mail.text_body);

    const page = await t.app.inject({ method: "GET", url: link });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.match(page.body, /<h1>Je donne mon avis<\/h1>/);
    const hidden = hiddenFields(page.body);
    assert.deepEqual(hidden.map(([name]) => name).sort(), ["_cle", "_invitation", "_version"]);
    const sent = await post("/avis", [...hidden, ["satisfaction", "moyen"]]);
    assert.equal(sent.statusCode, 303);
    const row = (await answers()).find((answer) => answer.case_id === opened.caseId);
    assert.deepEqual([row?.channel, row?.satisfaction], ["email", 5]);

    const again = await t.app.inject({ method: "GET", url: link });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /<p class="lead">Vous avez déjà répondu, merci.<\/p>/);
    const fresh = await t.app.inject({ method: "GET", url: "/avis" });
    const otherKey = hiddenFields(fresh.body).find(([name]) => name === "_cle")!;
    const replay = await post("/avis", [
      otherKey,
      hidden.find(([name]) => name === "_invitation")!,
      ["satisfaction", "pas_bien"],
    ]);
    assert.equal(replay.statusCode, 409);
    assert.match(replay.body, /Vous avez déjà répondu, merci./);
    assert.equal((await answers()).filter((answer) => answer.case_id === opened.caseId).length, 1);
  });

  it("explains a forged invitation link in French", async () => {
    const res = await t.app.inject({ method: "GET", url: `/avis?invitation=${"A".repeat(43)}` });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Ce lien pour donner votre avis n'est pas valide/);
    assert.match(res.body, /<a href="\/avis">Donner mon avis sans lien<\/a>/);
  });

  it("serves the counter kiosk: channel counter, thanks that return to an empty form", async () => {
    const page = await t.app.inject({ method: "GET", url: "/avis/borne" });
    assert.match(page.body, /class="feedback kiosk"/);
    assert.match(page.body, /action="\/avis\/borne"/);
    const res = await post("/avis/borne", [...hiddenFields(page.body), ["satisfaction", "pas_bien"]]);
    assert.equal(res.headers.location, "/avis/merci?borne=1");
    const rows = await answers();
    assert.equal(rows.at(-1)?.channel, "counter");
    const thanks = await t.app.inject({ method: "GET", url: "/avis/merci?borne=1" });
    assert.match(
      thanks.body,
      /<a class="button kiosk-restart" href="\/avis\/borne">Donner un nouvel avis<\/a>/,
    );
    const script = await t.app.inject({ method: "GET", url: "/avis/borne.js" });
    assert.match(script.body, /location\.replace\("\/avis\/borne"\)/);
  });

  it("prints a QR code (SVG) of the questionnaire's address for a counter", async () => {
    const res = await t.app.inject({ method: "GET", url: "/avis/qr?canal=counter&demarche=F1341" });
    assert.equal(res.statusCode, 200);
    const url = "http://localhost:3000/avis?canal=counter&amp;demarche=F1341";
    assert.ok(res.body.includes(`<p class="qr-url">${url}</p>`), res.body.slice(0, 200));
    const image =
      /<img class="qr-code" src="data:image\/svg\+xml;base64,([^"]+)" alt="Code QR vers le questionnaire : ([^"]+)"/.exec(
        res.body,
      );
    assert.ok(image, "an SVG image with a text alternative");
    assert.match(
      Buffer.from(image[1]!, "base64").toString("utf8"),
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
  });

  it("documents the embeddable button, and 404s an unknown questionnaire in French", async () => {
    const embed = await t.app.inject({ method: "GET", url: "/avis/integrer" });
    assert.match(
      embed.body,
      /&lt;a href=&quot;http:\/\/localhost:3000\/avis\?canal=web&amp;amp;demarche=F1341&quot;/,
    );
    const unknown = await t.app.inject({ method: "GET", url: "/avis/inconnu" });
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Ce questionnaire n'existe pas ou n'est plus proposé./);
    const epic = await t.app.inject({ method: "GET", url: "/avis/epic" });
    assert.match(epic.body, /Élévation : un moment marquant/);
  });

  it("limits the answers per address with a French message", async () => {
    const address = nextIp();
    for (let i = 0; i < FEEDBACK_LIMIT.max; i += 1)
      await recordFormHit(t.database.db, { limit: FEEDBACK_LIMIT, address, clock: t.deps.clock });
    const page = await t.app.inject({ method: "GET", url: "/avis" });
    const res = await post("/avis", [...hiddenFields(page.body), ["satisfaction", "moyen"]], address);
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /Beaucoup d'avis ont été envoyés depuis votre connexion/);
  });
});
