/**
 * /admin/engagements over HTTP: commitments (create, edit, deactivate), opening hours and closures;
 * French errors linked to their field, administrators only, CSRF-checked.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { aLocalItem } from "../../../../test/factories/a-local-item.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { getBusinessCalendar, listCommitments } from "../../../domains/commitments/index.ts";
import { COMMITMENTS_ADMIN_MESSAGE } from "../../../web/backoffice/commitments/labels.ts";
import { CSRF_REFUSED_MESSAGE } from "../plugins/backoffice-errors.tsx";

function text(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

const FIRST_REPLY = {
  label: "Première réponse sous 48 h ouvrées",
  measure: "first_reply",
  channel: "",
  delayAmount: "48",
  delayUnit: "business_hours",
  targetPercent: "85",
};

/** A week as the form posts it: Monday–Friday 8:30–12:00 and 13:30–17:30 unless overridden. */
function week(overrides: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = { region: "metropole" };
  for (let day = 1; day <= 7; day++) {
    const open = day <= 5;
    form[`h${day}_0_from`] = open ? "08:30" : "";
    form[`h${day}_0_to`] = open ? "12:00" : "";
    form[`h${day}_1_from`] = open ? "13:30" : "";
    form[`h${day}_1_to`] = open ? "17:30" : "";
  }
  return { ...form, ...overrides };
}

describe("service commitments administration", () => {
  let t: TestApp;
  let orgId: string;
  let client: ReturnType<typeof aBackofficeClient>;

  before(async () => {
    t = await createTestApp();
    orgId = t.deps.organisation.id;
    const admin = await anAgent(t.database.db, { organisationId: orgId, roles: ["admin"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(admin.email, admin.password)).statusCode, 303);
  });
  after(() => t.close());

  it("creates, edits, refuses a second commitment for every channel, and deactivates", async () => {
    const page = await client.get("/admin/engagements");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Engagements de service<\/h1>/);
    assert.match(page.body, /Aucun engagement pour l'instant/);
    assert.match(page.body, /aria-current="page">Engagements de service<\/a>/);

    const created = await client.post("/admin/engagements", FIRST_REPLY);
    assert.equal(created.statusCode, 303);
    const [commitment] = await listCommitments(t.database.db, { organisationId: orgId });
    assert.equal(commitment?.label, "Première réponse sous 48 h ouvrées");
    assert.deepEqual(commitment?.delay, { unit: "business_hours", amount: 48 });
    assert.equal(commitment?.targetShare, 0.85);
    const list = await client.get("/admin/engagements");
    assert.match(text(list.body), /Engagement « Première réponse sous 48 h ouvrées » ajouté\./);
    assert.match(list.body, /<td>48 heures ouvrées<\/td>/);
    assert.match(list.body, /<td>85 %<\/td>/);

    const second = await client.post("/admin/engagements", { ...FIRST_REPLY, label: "Autre engagement" });
    assert.equal(second.statusCode, 409);
    assert.match(
      text(second.body),
      /<a href="#engagement-canal">Un engagement actif couvre déjà tous les canaux : désactivez-le ou modifiez-le d'abord\.<\/a>/,
    );
    assert.match(second.body, /value="Autre engagement"/, "the form keeps what was typed");

    const edit = await client.get(`/admin/engagements/${commitment!.id}`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="48"/);
    const edited = await client.post(`/admin/engagements/${commitment!.id}`, {
      ...FIRST_REPLY,
      delayAmount: "24",
      targetPercent: "90,5",
    });
    assert.equal(edited.statusCode, 303);
    const [after] = await listCommitments(t.database.db, { organisationId: orgId });
    assert.deepEqual([after?.delay?.amount, after?.targetShare], [24, 0.905]);

    const deactivated = await client.post(`/admin/engagements/${commitment!.id}/desactivation`, {});
    assert.equal(deactivated.statusCode, 303);
    assert.match((await client.get("/admin/engagements")).body, /<td>Désactivé<\/td>/);
    const events = await t.database.db
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "service_commitment")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["created", "updated", "deactivated"],
    );
  });

  it("refuses an invalid delay with the French message linked to its field", async () => {
    await client.get("/admin/engagements");
    const response = await client.post("/admin/engagements", {
      ...FIRST_REPLY,
      channel: "email",
      delayAmount: "0",
    });
    assert.equal(response.statusCode, 400);
    assert.match(
      text(response.body),
      /<a href="#engagement-delai">Indiquez un délai entier entre 1 et 1000\.<\/a>/,
    );
    assert.match(response.body, /id="engagement-delai-erreur"/);
    assert.match(response.body, /aria-describedby="engagement-delai-erreur"/);
  });

  it("adds commitments for a procedure, by fiche or among the town's procedures, and lists their titles", async () => {
    await insertPackageFiches(t.database.db, orgId, ["F1427"]);
    const hall = await aLocalItem(t.database.db, {
      organisationId: orgId,
      kind: "procedure",
      status: "published",
      form: { title: "Réserver une salle municipale", body: "Un paragraphe." },
    });
    const page = await client.get("/admin/engagements");
    assert.match(page.body, /<legend>Démarche \(facultatif\)<\/legend>/);
    assert.match(
      page.body,
      new RegExp(`<option value="local:${hall.id}"[^>]*>Réserver une salle municipale</option>`),
    );
    const birth = {
      ...FIRST_REPLY,
      label: "Acte de naissance : réponse sous 3 jours ouvrés",
      delayUnit: "business_days",
      delayAmount: "3",
      procedure: "",
      fiche: "https://www.service-public.fr/particuliers/vosdroits/F1427",
    };
    assert.equal((await client.post("/admin/engagements", birth)).statusCode, 303);
    const byProcedure = await client.post("/admin/engagements", {
      ...FIRST_REPLY,
      label: "Réservation de salle sous 48 h ouvrées",
      procedure: `local:${hall.id}`,
      fiche: "",
    });
    assert.equal(byProcedure.statusCode, 303);
    const commitments = await listCommitments(t.database.db, { organisationId: orgId });
    assert.deepEqual(
      commitments.filter((c) => c.topic !== null).map((c) => [c.label, c.topic]),
      [
        ["Acte de naissance : réponse sous 3 jours ouvrés", "F1427"],
        ["Réservation de salle sous 48 h ouvrées", `local:${hall.id}`],
      ],
    );
    const list = text((await client.get("/admin/engagements")).body);
    assert.match(list, /<td>Acte de naissance : demande de copie intégrale ou d'extrait \(F1427\)<\/td>/);
    assert.match(list, /<td>Réserver une salle municipale<\/td>/);

    const unknown = await client.post("/admin/engagements", { ...birth, fiche: "F9999" });
    assert.equal(unknown.statusCode, 400);
    assert.match(
      text(unknown.body),
      /<a href="#engagement-fiche">La fiche F9999 ne figure pas parmi les fiches service-public.fr importées : vérifiez son numéro\.<\/a>/,
    );
    assert.match(unknown.body, /aria-describedby="engagement-fiche-aide engagement-fiche-erreur"/);
    const twice = await client.post("/admin/engagements", { ...birth, label: "Doublon" });
    assert.equal(twice.statusCode, 409);
    assert.match(
      text(twice.body),
      /<a href="#engagement-fiche">Un engagement actif existe déjà pour cette démarche, tous canaux confondus : désactivez-le ou modifiez-le d'abord\.<\/a>/,
    );
    const both = await client.post("/admin/engagements", { ...birth, procedure: `local:${hall.id}` });
    assert.equal(both.statusCode, 400);
    assert.match(
      text(both.body),
      /Indiquez soit une démarche de la commune, soit une fiche service-public.fr/,
    );

    const hallCommitment = commitments.find((c) => c.topic === `local:${hall.id}`);
    const edit = await client.get(`/admin/engagements/${hallCommitment?.id}`);
    assert.match(edit.body, new RegExp(`<option value="local:${hall.id}" selected[^>]*>`));
  });

  it("adds the calls commitment without a delay, and says why", async () => {
    await client.get("/admin/engagements");
    const calls = {
      label: "85 % des appels décrochés quand l'usager demande un agent",
      measure: "agent_answer",
      channel: "phone",
      procedure: "",
      fiche: "",
      delayAmount: "",
      delayUnit: "business_days",
      targetPercent: "85",
    };
    const elsewhere = await client.post("/admin/engagements", { ...calls, channel: "" });
    assert.equal(elsewhere.statusCode, 400);
    assert.match(
      text(elsewhere.body),
      /<a href="#engagement-canal">Les appels décrochés par un agent se mesurent au téléphone : choisissez le canal « Téléphone »\.<\/a>/,
    );
    assert.match(
      text(elsewhere.body),
      /Sans objet pour « Appels décrochés par un agent quand l'usager en demande un » : le délai est\s+alors ignoré\./,
    );
    assert.equal((await client.post("/admin/engagements", calls)).statusCode, 303);
    const created = (await listCommitments(t.database.db, { organisationId: orgId })).find(
      (c) => c.measure === "agent_answer",
    );
    assert.deepEqual([created?.channel, created?.delay, created?.targetShare], ["phone", null, 0.85]);
    const list = text((await client.get("/admin/engagements")).body);
    assert.match(list, /<td>Appels décrochés par un agent quand l'usager en demande un<\/td>/);
    assert.match(list, /<td>Sans délai \(part d'appels décrochés\)<\/td>/);
    const edit = await client.get(`/admin/engagements/${created?.id}`);
    assert.match(edit.body, /id="engagement-delai" name="delayAmount" type="number"/);
    assert.doesNotMatch(edit.body, /name="delayAmount"[^>]*value="\d/, "no delay shown");
    const second = await client.post("/admin/engagements", { ...calls, label: "Autre" });
    assert.equal(second.statusCode, 409);
    assert.match(
      text(second.body),
      /<a href="#engagement-mesure">Un engagement actif porte déjà sur les appels/,
    );
  });

  it("saves the opening hours with the Alsace-Moselle holidays, and refuses an end before the start", async () => {
    await client.get("/admin/engagements");
    const saved = await client.post(
      "/admin/engagements/horaires",
      week({ region: "alsace-moselle", h6_0_from: "09:00", h6_0_to: "12:00" }),
    );
    assert.equal(saved.statusCode, 303);
    const calendar = await getBusinessCalendar(t.database.db, orgId);
    assert.equal(calendar.region, "alsace-moselle");
    assert.deepEqual(calendar.hours[6], [["09:00", "12:00"]]);
    assert.equal(calendar.hours[7], undefined);

    const page = await client.get("/admin/engagements");
    assert.match(page.body, /id="horaire-6-0-ouverture" name="h6_0_from" value="09:00"/);
    const refused = await client.post("/admin/engagements/horaires", week({ h2_1_to: "12:30" }));
    assert.equal(refused.statusCode, 400);
    assert.match(
      text(refused.body),
      /<a href="#horaire-2-1-fermeture">L'heure de fermeture doit suivre l'heure d'ouverture\.<\/a>/,
    );
    assert.equal((await getBusinessCalendar(t.database.db, orgId)).region, "alsace-moselle", "nothing saved");
  });

  it("adds and removes an exceptional closure", async () => {
    await client.get("/admin/engagements");
    const wrong = await client.post("/admin/engagements/fermetures", {
      from: "2026-08-14",
      to: "2026-08-10",
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(
      text(wrong.body),
      /<a href="#fermeture-fin">Le dernier jour de fermeture doit suivre le premier\.<\/a>/,
    );
    const added = await client.post("/admin/engagements/fermetures", {
      from: "2026-08-10",
      to: "2026-08-14",
      label: "Congés d'été",
    });
    assert.equal(added.statusCode, 303);
    assert.deepEqual((await getBusinessCalendar(t.database.db, orgId)).closures, [
      { from: "2026-08-10", to: "2026-08-14", label: "Congés d'été" },
    ]);
    assert.match(text((await client.get("/admin/engagements")).body), /<th scope="row">10\/08\/2026<\/th>/);
    const removed = await client.post("/admin/engagements/fermetures/suppression", {
      from: "2026-08-10",
      to: "2026-08-14",
    });
    assert.equal(removed.statusCode, 303);
    assert.deepEqual((await getBusinessCalendar(t.database.db, orgId)).closures, []);
  });

  it("is reserved to administrators and checks the CSRF token", async () => {
    const agent = await anAgent(t.database.db, { organisationId: orgId, roles: ["agent"] });
    const theirs = aBackofficeClient(t.app);
    await theirs.signIn(agent.email, agent.password);
    const page = await theirs.get("/admin/engagements");
    assert.equal(page.statusCode, 403);
    assert.match(text(page.body), new RegExp(COMMITMENTS_ADMIN_MESSAGE.replace(/\./g, "\\.")));
    const post = await theirs.post("/admin/engagements", { ...FIRST_REPLY, channel: "phone" });
    assert.equal(post.statusCode, 403);

    await client.get("/admin/engagements");
    const forged = await client.post(
      "/admin/engagements",
      { ...FIRST_REPLY, channel: "phone" },
      { csrf: null },
    );
    assert.equal(forged.statusCode, 403);
    assert.match(text(forged.body), new RegExp(CSRF_REFUSED_MESSAGE.replace(/\./g, "\\.")));
    const phone = (await listCommitments(t.database.db, { organisationId: orgId })).filter(
      (c) => c.channel === "phone" && c.measure === "first_reply",
    );
    assert.deepEqual(phone, []);
    assert.equal((await theirs.get("/admin/engagements/pas-un-id")).statusCode, 403);
    assert.equal((await client.get("/admin/engagements/pas-un-id")).statusCode, 404);
  });
});
