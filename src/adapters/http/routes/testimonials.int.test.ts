/**
 * Testimonials, suggestions and "Vous avez dit, nous avons fait" end to end over HTTP (app.inject):
 * a citizen's story is scrubbed before storage, moderated, answered by one agent and validated by a
 * supervisor before it is public; the drafter cannot validate; a flag creates an action; a double
 * submit stores one suggestion; a realised action shows its quotes publicly.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import type { AgentRole } from "../../../domains/identity/index.ts";

const STORY =
  "Je suis venue refaire ma carte d'identité. Rappelez-moi au 06 12 34 56 78 ou à jeanne.martin@example.org. L'agent a été très patient.";

describe("testimonials and improvement actions over HTTP", () => {
  let t: TestApp;
  let address = 0;

  function form(url: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    address += 1;
    return t.app.inject({
      method: "POST",
      url,
      remoteAddress: `10.0.0.${address}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
    });
  }

  async function signIn(roles: AgentRole[]): Promise<BackofficeClient & { id: string }> {
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles });
    const client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    return Object.assign(client, { id: agent.id });
  }

  async function submitted(title: string, extra: Record<string, string | string[]> = {}): Promise<string> {
    const page = await t.app.inject({ method: "GET", url: "/temoignages/nouveau" });
    const cle = /name="cle" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const response = await form("/temoignages/nouveau", {
      cle,
      canal: "guichet",
      titre: title,
      recit: STORY,
      ressenti: "satisfait",
      etiquettes: ["accueil", "etat-civil"],
      ...extra,
    });
    assert.equal(response.statusCode, 200, response.body);
    const row = await t.database.db
      .selectFrom("testimonials")
      .select("id")
      .where("title", "=", title)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  before(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: "http://guichet.test" } });
  });
  beforeEach(async () => {
    await t.database.db.deleteFrom("improvement_action_sources").execute();
    await t.database.db.updateTable("testimonials").set({ improvement_action_id: null }).execute();
    await t.database.db.deleteFrom("improvement_actions").execute();
    await t.database.db.deleteFrom("testimonials").execute();
    await t.database.db.deleteFrom("suggestions").execute();
  });
  after(() => t.close());

  it("stores the story without its contact details, and flags insults for the moderator", async () => {
    const id = await submitted("Carte d'identité", { email: "jeanne.martin@example.org" });
    const row = await t.database.db
      .selectFrom("testimonials")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.equal(
      row.story,
      "Je suis venue refaire ma carte d'identité. Rappelez-moi au [téléphone] ou à [e-mail]. L'agent a été très patient.",
    );
    assert.doesNotMatch(JSON.stringify(row.story), /06 12|jeanne/);
    assert.equal(row.notify_email, "jeanne.martin@example.org");
    assert.deepEqual(row.tags, ["accueil", "etat-civil"]);
    assert.equal(row.status, "a_moderer");
    const events = await t.database.db
      .selectFrom("events")
      .select("action")
      .where("entity_id", "=", id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["submitted"],
    );

    const rude = await submitted("Attente", {
      recit: "Trois heures d'attente, bande d'incapables, vraiment.",
    });
    const rudeRow = await t.database.db
      .selectFrom("testimonials")
      .select("flagged_words")
      .where("id", "=", rude)
      .executeTakeFirstOrThrow();
    assert.deepEqual(rudeRow.flagged_words, ["incapables"]);
  });

  it("refuses an incomplete or 20,000-character testimonial in French, keeps the typed text, stores nothing", async () => {
    const response = await form("/temoignages/nouveau", {
      canal: "guichet",
      titre: "Mon titre gardé",
      recit: "x".repeat(20_000),
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Erreur : partager votre expérience/);
    assert.match(
      response.body,
      /href="#recit">Votre récit est trop long : 4000 caractères au plus \(il en fait 20000\)\./,
    );
    assert.match(response.body, /href="#ressenti">Indiquez comment vous vous êtes senti ou sentie\./);
    assert.match(response.body, /value="Mon titre gardé"/);
    const count = await t.database.db
      .selectFrom("testimonials")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it("publishes a moderated testimonial only once a supervisor other than the drafter validates its reply", async () => {
    const published = await submitted("Accueil patient", { email: "jeanne.martin@example.org" });
    const pending = await submitted("Réponse pas encore validée");
    const agent = await signIn(["agent"]);
    const supervisor = await signIn(["admin"]);

    for (const id of [published, pending]) {
      await agent.get(`/admin/temoignages/${id}`);
      assert.equal((await agent.post(`/admin/temoignages/${id}/approuver`, {})).statusCode, 303);
      await agent.get(`/admin/temoignages/${id}`);
      const drafted = await agent.post(`/admin/temoignages/${id}/reponse`, {
        reponse: "Merci pour votre message, nous transmettons vos remerciements à l'équipe de l'accueil.",
      });
      assert.equal(drafted.statusCode, 303);
    }
    // An agent without the supervisor role cannot validate.
    await agent.get(`/admin/temoignages/${published}`);
    const byAgent = await agent.post(`/admin/temoignages/${published}/valider`, {});
    assert.equal(byAgent.statusCode, 403);
    assert.match(
      byAgent.body,
      /Seul un superviseur \(rôle administrateur\) peut valider une réponse publique\./,
    );

    await supervisor.get(`/admin/temoignages/${published}`);
    assert.equal((await supervisor.post(`/admin/temoignages/${published}/valider`, {})).statusCode, 303);

    const page = await t.app.inject({ method: "GET", url: "/temoignages" });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Accueil patient/);
    assert.match(page.body, /Réponse de /);
    assert.match(page.body, /nous transmettons vos remerciements/);
    assert.doesNotMatch(page.body, /Réponse pas encore validée/);
    assert.doesNotMatch(page.body, /06 12 34|jeanne\.martin/);
    assert.match(page.body, /1 témoignage publié\./);

    const filtered = await t.app.inject({ method: "GET", url: "/temoignages?theme=urbanisme" });
    assert.match(filtered.body, /Aucun témoignage publié sur le thème « Urbanisme » pour le moment\./);

    // The citizen who asked is told once, through the outbox, and the address is forgotten.
    const mails = await t.database.db.selectFrom("outbox_emails").select(["to_address", "subject"]).execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ["jeanne.martin@example.org"],
    );
    const row = await t.database.db
      .selectFrom("testimonials")
      .select(["notify_email", "status"])
      .where("id", "=", published)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { notify_email: null, status: "publie" });
    const actions = await t.database.db
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "testimonial")
      .where("entity_id", "=", published)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((e) => e.action),
      ["submitted", "approved", "reply_drafted", "reply_validated"],
    );
  });

  it("does not let a supervisor validate the reply they drafted", async () => {
    const id = await submitted("Quatre yeux");
    const supervisor = await signIn(["admin"]);
    await supervisor.get(`/admin/temoignages/${id}`);
    await supervisor.post(`/admin/temoignages/${id}/approuver`, {});
    await supervisor.get(`/admin/temoignages/${id}`);
    await supervisor.post(`/admin/temoignages/${id}/reponse`, { reponse: "Merci, nous en tenons compte." });
    await supervisor.get(`/admin/temoignages/${id}`);
    const refused = await supervisor.post(`/admin/temoignages/${id}/valider`, {});
    assert.equal(refused.statusCode, 403);
    assert.match(
      refused.body,
      /href="#reponse">Vous avez rédigé cette réponse : elle doit être validée par un autre superviseur\./,
    );
    const row = await t.database.db
      .selectFrom("testimonials")
      .select(["status", "reply"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: "approuve", reply: null });
  });

  it("rejects with a reason (required), and a rejected testimonial is never public", async () => {
    const id = await submitted("Hors sujet");
    const agent = await signIn(["agent"]);
    await agent.get(`/admin/temoignages/${id}`);
    const missing = await agent.post(`/admin/temoignages/${id}/rejeter`, { motif: " " });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#motif">Indiquez le motif du rejet \(500 caractères au plus\)\./);
    assert.equal(
      (await agent.post(`/admin/temoignages/${id}/rejeter`, { motif: "Propos injurieux" })).statusCode,
      303,
    );
    await agent.get(`/admin/temoignages/${id}`);
    const again = await agent.post(`/admin/temoignages/${id}/approuver`, {});
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Ce témoignage a été rejeté : il ne peut plus être modifié ni publié\./);
  });

  it("turns the flag « amélioration à envisager » into one linked action, and shows it on /vous-avez-dit once realised", async () => {
    const id = await submitted("Attente au guichet", {
      recit: "Deux heures d'attente pour un simple justificatif, sans pouvoir prendre rendez-vous.",
    });
    const agent = await signIn(["agent"]);
    await agent.get(`/admin/temoignages/${id}`);
    const flagged = await agent.post(`/admin/temoignages/${id}/amelioration`, {});
    assert.equal(flagged.statusCode, 303);
    const action = await t.database.db
      .selectFrom("improvement_actions")
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.equal(flagged.headers.location, `/admin/actions-amelioration/${action.id}`);
    assert.equal(action.status, "envisagee");
    await agent.get(`/admin/temoignages/${id}`);
    await agent.post(`/admin/temoignages/${id}/amelioration`, {});
    const count = await t.database.db
      .selectFrom("improvement_actions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, "flagging twice creates one action");

    // Not public while only envisaged; realising needs what was done.
    assert.match(
      (await t.app.inject({ method: "GET", url: "/vous-avez-dit" })).body,
      /Aucune action réalisée pour le moment\./,
    );
    await agent.get(`/admin/actions-amelioration/${action.id}`);
    const noOutcome = await agent.post(`/admin/actions-amelioration/${action.id}/statut`, {
      statut: "realisee",
    });
    assert.equal(noOutcome.statusCode, 400);
    assert.match(
      noOutcome.body,
      /href="#resultat">Avant de marquer l'action réalisée, décrivez ce qui a été fait/,
    );
    await agent.post(`/admin/actions-amelioration/${action.id}`, {
      titre: "Rendez-vous en ligne pour les justificatifs",
      description: "Permettre de réserver un créneau.",
      resultat: "Depuis mai, les justificatifs se retirent sur rendez-vous, réservable en ligne.",
      responsable: agent.id,
    });
    await agent.get(`/admin/actions-amelioration/${action.id}`);
    assert.equal(
      (await agent.post(`/admin/actions-amelioration/${action.id}/statut`, { statut: "realisee" }))
        .statusCode,
      303,
    );

    const page = await t.app.inject({ method: "GET", url: "/vous-avez-dit" });
    assert.match(page.body, /Rendez-vous en ligne pour les justificatifs/);
    assert.match(
      page.body,
      /« Deux heures d&#39;attente pour un simple justificatif, sans pouvoir prendre rendez-vous\. »|« Deux heures d'attente pour un simple justificatif, sans pouvoir prendre rendez-vous\. »/,
    );
    assert.match(page.body, /Depuis mai, les justificatifs se retirent sur rendez-vous/);
    assert.match(page.body, /Réalisée le /);
  });

  it("stores one suggestion for a double submit, scrubbed, and ignores the robot trap", async () => {
    const page = await t.app.inject({ method: "GET", url: "/suggestions" });
    const cle = /name="cle" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const fields = {
      cle,
      sujet: "Horaires",
      suggestion: "Ouvrir le samedi matin ; écrivez-moi à paul@example.org",
    };
    assert.equal((await form("/suggestions", fields)).statusCode, 200);
    const second = await form("/suggestions", fields);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /votre suggestion a bien été envoyée/);
    await form("/suggestions", { ...fields, cle: "", site_web: "http://spam.example" });
    const rows = await t.database.db.selectFrom("suggestions").select(["body", "topic"]).execute();
    assert.deepEqual(rows, [{ body: "Ouvrir le samedi matin ; écrivez-moi à [e-mail]", topic: "Horaires" }]);

    const empty = await form("/suggestions", { sujet: "Gardé" });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#suggestion">Écrivez votre suggestion\./);
    assert.match(empty.body, /value="Gardé"/);
  });

  it("links the questionnaires from the feedback screens for administrators only", async () => {
    const agent = await signIn(["agent"]);
    const admin = await signIn(["admin"]);
    const agentPage = await agent.get("/admin/temoignages");
    const adminPage = await admin.get("/admin/temoignages");
    assert.equal(agentPage.statusCode, 200);
    assert.doesNotMatch(agentPage.body, /href="\/admin\/avis\/questionnaires"/);
    assert.match(adminPage.body, /href="\/admin\/avis\/questionnaires"/);
  });

  it("refuses the moderation queue to an editor without the agent role", async () => {
    const editor = await signIn(["editor"]);
    const page = await editor.get("/admin/temoignages");
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /réservées aux agents d&#39;accueil|réservées aux agents d'accueil/);
  });
});
