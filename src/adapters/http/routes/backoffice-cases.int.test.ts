/**
 * The agents' desk over HTTP: inbox and filters, case page and its forms (without JavaScript),
 * phone cases, and another organisation's cases staying out of reach.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp } from "../../../../test/helpers/test-app.ts";
import {
  addCitizenMessage,
  addInternalNote,
  assignCase,
  changeCaseStatus,
  purgeExpiredCases,
  replyToCase,
} from "../../../domains/cases/index.ts";
import { createCommitment } from "../../../domains/commitments/index.ts";
import { ensureOrganisation } from "../../../domains/identity/index.ts";
import { fixedClock } from "../../../shared/clock.ts";

const NOW = new Date("2026-03-10T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function referencesIn(html: string): string[] {
  return [...html.matchAll(/<th scope="row"><a href="\/admin\/demandes\/([A-Z0-9-]+)">/g)].map((m) => m[1]!);
}

async function deskSetup() {
  const clock = fixedClock(NOW);
  const t = await createTestApp({ clock });
  const orgId = t.deps.organisation.id;
  const me = await anAgent(t.database.db, {
    organisationId: orgId,
    roles: ["agent"],
    displayName: "Camille Agent",
  });
  const colleague = await anAgent(t.database.db, {
    organisationId: orgId,
    roles: ["agent"],
    displayName: "Dominique",
  });
  const client = aBackofficeClient(t.app);
  const signIn = await client.signIn(me.email, me.password);
  assert.equal(signIn.statusCode, 303);
  return { t, clock, orgId, me, colleague, client };
}

describe("desk inbox", () => {
  let s: Awaited<ReturnType<typeof deskSetup>>;
  const refs: Record<string, string> = {};

  before(async () => {
    s = await deskSetup();
    const { db } = s.t.database;
    const organisationId = s.orgId;
    s.clock.set(new Date(NOW.getTime() - 10 * DAY));
    // Resolution within 5 business days: the case opened 10 days ago is late, the others are not.
    await createCommitment(db, {
      organisationId,
      form: {
        label: "Réponse sous 5 jours ouvrés",
        measure: "resolution",
        channel: "",
        delayUnit: "business_days",
        delayAmount: "5",
        targetPercent: "85",
      },
      actorId: null,
      clock: s.clock,
    });
    refs.old = (
      await aCase(db, { organisationId, clock: s.clock, subject: "Ancienne demande de voirie" })
    ).reference;
    s.clock.set(NOW);
    refs.web = (
      await aCase(db, { organisationId, clock: s.clock, subject: "Inscription à la piscine" })
    ).reference;
    const phone = await aCase(db, {
      organisationId,
      clock: s.clock,
      channel: "phone",
      subject: "Appel au sujet des encombrants",
      actor: { agentId: s.me.id },
    });
    refs.phone = phone.reference;
    const mine = await aCase(db, { organisationId, clock: s.clock, subject: "Acte de naissance" });
    refs.mine = mine.reference;
    await assignCase(db, {
      organisationId,
      caseId: mine.caseId,
      actor: { agentId: s.me.id },
      assigneeId: s.me.id,
      clock: s.clock,
    });
    const inProgress = await aCase(db, {
      organisationId,
      clock: s.clock,
      subject: "Stationnement résidentiel",
    });
    refs.inProgress = inProgress.reference;
    await changeCaseStatus(db, {
      organisationId,
      caseId: inProgress.caseId,
      actor: { agentId: s.me.id },
      status: "en_cours",
      clock: s.clock,
    });
  });
  after(() => s.t.close());

  it("lists the cases in an accessible table, with the navigation link", async () => {
    const response = await s.client.get("/admin/demandes");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<caption>Demandes, de la plus récemment active/);
    assert.match(response.body, /<th scope="col">Dernière activité<\/th>/);
    assert.match(response.body, /<a href="\/admin\/demandes">Demandes<\/a>/);
    assert.deepEqual(new Set(referencesIn(response.body)), new Set(Object.values(refs)));
    assert.match(response.body, /<th scope="col">Délai<\/th>/);
    assert.match(response.body, /<strong class="sla-late">en retard de 2 jours ouvrés<\/strong>/);
    assert.match(response.body, /reste 5 jours ouvrés/);
    assert.match(response.body, /aria-live="polite"/);
  });

  it("filters by status, channel, assignment, lateness and text", async () => {
    const only = async (query: string) =>
      referencesIn((await s.client.get(`/admin/demandes?${query}`)).body).sort();
    assert.deepEqual(await only("statut=en_cours"), [refs.inProgress]);
    assert.deepEqual(await only("canal=phone"), [refs.phone]);
    assert.deepEqual(await only("a_moi=1"), [refs.mine]);
    assert.deepEqual(
      await only("non_affectees=1"),
      [refs.old, refs.web, refs.phone, refs.inProgress].sort() as string[],
    );
    assert.deepEqual(await only("en_retard=1"), [refs.old]);
    assert.deepEqual(await only("q=piscine"), [refs.web]);
    const none = await s.client.get("/admin/demandes?q=zeppelin");
    assert.match(none.body, /Aucune demande ne correspond à ces filtres\./);
  });

  it("refuses agents without the agent role, and anonymous visitors", async () => {
    const editor = await anAgent(s.t.database.db, { organisationId: s.orgId, roles: ["editor"] });
    const client = aBackofficeClient(s.t.app);
    const anonymous = await client.get("/admin/demandes");
    assert.equal(anonymous.statusCode, 303);
    assert.equal(anonymous.headers.location, "/admin/connexion");
    await client.signIn(editor.email, editor.password);
    const refused = await client.get("/admin/demandes");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /réservées aux agents d'accueil et aux administrateurs/);
    assert.doesNotMatch((await client.get("/admin")).body, /href="\/admin\/demandes"/);
  });
});

describe("desk inbox pagination", () => {
  let s: Awaited<ReturnType<typeof deskSetup>>;
  before(async () => {
    s = await deskSetup();
  });
  after(() => s.t.close());

  it("pages with « Page suivante », no case lost or repeated", async () => {
    const created = new Set<string>();
    for (let i = 0; i < 27; i++) {
      s.clock.advance(1000);
      created.add((await aCase(s.t.database.db, { organisationId: s.orgId, clock: s.clock })).reference);
    }
    const first = await s.client.get("/admin/demandes?canal=web");
    const page1 = referencesIn(first.body);
    assert.equal(page1.length, 25);
    const next = /<a href="([^"]+)" rel="next">Page suivante<\/a>/.exec(first.body)?.[1];
    assert.ok(next, "a next page link");
    const second = await s.client.get(next.replaceAll("&amp;", "&"));
    const page2 = referencesIn(second.body);
    assert.equal(page2.length, 2);
    assert.deepEqual(new Set([...page1, ...page2]), created);
    assert.doesNotMatch(second.body, /Page suivante/);
    assert.match(second.body, /Première page/);
    assert.match(next, /canal=web/);
  });
});

describe("desk case page", () => {
  let s: Awaited<ReturnType<typeof deskSetup>>;
  let otherOrg: string;
  before(async () => {
    s = await deskSetup();
    otherOrg = (await ensureOrganisation(s.t.database.db, { slug: "autre", name: "Autre ville" })).id;
    await s.t.database.db
      .updateTable("organisations")
      .set({ settings: JSON.stringify({ casePrefix: "AV" }) })
      .where("id", "=", otherOrg)
      .execute();
  });
  after(() => s.t.close());

  const open = (subject = "Question sur la cantine", email = "usager@exemple.fr") =>
    aCase(s.t.database.db, {
      organisationId: s.orgId,
      clock: s.clock,
      subject,
      contact: { name: "Alex Martin", email },
    });

  it("shows the thread in order, the internal note labelled, and audits the read", async () => {
    const { db } = s.t.database;
    const c = await open();
    const actor = { agentId: s.me.id };
    s.clock.advance(60_000);
    await replyToCase(db, {
      organisationId: s.orgId,
      caseId: c.caseId,
      actor,
      body: "Réponse de la mairie.",
      publicUrl: "https://x.fr",
      clock: s.clock,
    });
    s.clock.advance(60_000);
    await addInternalNote(db, {
      organisationId: s.orgId,
      caseId: c.caseId,
      actor,
      body: "Vérifier le quotient familial.",
      clock: s.clock,
    });
    s.clock.advance(60_000);
    await addCitizenMessage(db, {
      organisationId: s.orgId,
      caseId: c.caseId,
      body: "Merci, et pour les vacances ?",
      clock: s.clock,
    });

    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    assert.equal(page.statusCode, 200);
    const body = page.body;
    const order = [
      "inscription à la cantine",
      "Réponse de la mairie.",
      "Vérifier le quotient familial.",
      "pour les vacances",
    ].map((text) => body.indexOf(text));
    assert.ok(
      order.every((at) => at > 0),
      `all messages shown: ${order}`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      "oldest first",
    );
    const note =
      /<article class="desk-message desk-message-internal"[\s\S]*?<\/article>/.exec(body)?.[0] ?? "";
    assert.match(note, /Note interne/);
    assert.match(note, /Vérifier le quotient familial\./);
    assert.match(body, /Réponse publique/);
    assert.match(body, /Message de l'usager/);
    const audits = await db
      .selectFrom("audit_log")
      .select("agent_id")
      .where("entity_id", "=", c.caseId)
      .where("action", "=", "case.viewed")
      .execute();
    assert.deepEqual(
      audits.map((a) => a.agent_id),
      [s.me.id],
    );
  });

  it("replies from the form: message stored, status moved, citizen's thread updated", async () => {
    const c = await open();
    await s.client.get(`/admin/demandes/${c.reference}`);
    const response = await s.client.post(`/admin/demandes/${c.reference}/reponse`, {
      action: "envoyer",
      texte: "Votre dossier est complet.",
      statut: "en_attente_usager",
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/demandes/${c.reference}`);
    const row = await s.t.database.db
      .selectFrom("cases")
      .select(["status", "first_agent_reply_at"])
      .where("id", "=", c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, "en_attente_usager");
    assert.ok(row.first_agent_reply_at);
    const messages = await s.t.database.db
      .selectFrom("case_messages")
      .select(["body", "author_type", "visibility"])
      .where("case_id", "=", c.caseId)
      .orderBy("seq")
      .execute();
    assert.deepEqual(messages.at(-1), {
      body: "Votre dossier est complet.",
      author_type: "agent",
      visibility: "public",
    });
    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    assert.match(page.body, /Réponse envoyée : l'usager la reçoit par courriel/);
    assert.match(page.body, /En attente de l'usager/);
  });

  it("keeps the text and says why when a reply is empty", async () => {
    const c = await open();
    await s.client.get(`/admin/demandes/${c.reference}`);
    const response = await s.client.post(`/admin/demandes/${c.reference}/reponse`, {
      action: "envoyer",
      texte: "   ",
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Erreur : /);
    assert.match(response.body, /<a href="#reponse-texte">Veuillez écrire votre message\.<\/a>/);
  });

  it("fills the reply with a saved template without JavaScript", async () => {
    await s.client.get("/admin/modeles-de-reponse");
    const saved = await s.client.post("/admin/modeles-de-reponse", {
      titre: "Pièces pour la cantine",
      texte: "Merci de joindre votre avis d'imposition.",
    });
    assert.equal(saved.statusCode, 303);
    const c = await open();
    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    const templateId = /<option value="([0-9a-f-]{36})"[^>]*>Pièces pour la cantine<\/option>/.exec(
      page.body,
    )?.[1];
    assert.ok(templateId, "the template is offered");
    const filled = await s.client.post(`/admin/demandes/${c.reference}/reponse`, {
      action: "modele",
      modele: templateId,
      texte: "",
    });
    assert.equal(filled.statusCode, 200);
    assert.match(
      filled.body,
      /<textarea id="reponse-texte"[^>]*>Merci de joindre votre avis d'imposition\.<\/textarea>/,
    );
    const count = await s.t.database.db
      .selectFrom("case_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("case_id", "=", c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, "using a template sends nothing");
  });

  it("assigns within the organisation and refuses another organisation's agent", async () => {
    const c = await open();
    const stranger = await anAgent(s.t.database.db, { organisationId: otherOrg, roles: ["agent"] });
    await s.client.get(`/admin/demandes/${c.reference}`);
    const refused = await s.client.post(`/admin/demandes/${c.reference}/affectation`, {
      equipe: "",
      agent: stranger.id,
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Cet agent est introuvable ou son compte est désactivé\./);
    const done = await s.client.post(`/admin/demandes/${c.reference}/affectation`, {
      equipe: "",
      agent: s.colleague.id,
    });
    assert.equal(done.statusCode, 303);
    const row = await s.t.database.db
      .selectFrom("cases")
      .select("assignee_id")
      .where("id", "=", c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(row.assignee_id, s.colleague.id);
  });

  it("offers only the transitions the status machine allows", async () => {
    const c = await open();
    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    const select = /<select id="statut-choix"[\s\S]*?<\/select>/.exec(page.body)?.[0] ?? "";
    assert.deepEqual(
      [...select.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]),
      ["en_cours", "en_attente_usager", "resolu", "clos"],
    );
    assert.equal(
      (await s.client.post(`/admin/demandes/${c.reference}/statut`, { statut: "clos" })).statusCode,
      303,
    );
    const closed = await s.client.get(`/admin/demandes/${c.reference}`);
    assert.match(
      closed.body,
      /Cette demande est close : son statut ne change plus\.|<dd><span class="badge case-status-clos">Close/,
    );
    assert.doesNotMatch(closed.body, /id="form-reponse"/);
    const refused = await s.client.post(`/admin/demandes/${c.reference}/statut`, { statut: "en_cours" });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Cette demande est close : elle ne peut plus être modifiée/);
  });

  it("merges a duplicate after a confirmation", async () => {
    const kept = await open("Permis de construire", "a@exemple.fr");
    const duplicate = await open("Permis de construire (bis)", "a@exemple.fr");
    await s.client.get(`/admin/demandes/${duplicate.reference}`);
    const confirm = await s.client.post(`/admin/demandes/${duplicate.reference}/fusion`, {
      cible: kept.reference.toLowerCase(),
    });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, new RegExp(`Confirmer la fusion dans ${kept.reference}`));
    const unchanged = await s.t.database.db
      .selectFrom("cases")
      .select("merged_into_id")
      .where("id", "=", duplicate.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(unchanged.merged_into_id, null, "nothing merged before confirming");
    const done = await s.client.post(`/admin/demandes/${duplicate.reference}/fusion`, {
      cible: kept.reference,
      confirmer: "oui",
    });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/admin/demandes/${kept.reference}`);
    const row = await s.t.database.db
      .selectFrom("cases")
      .select(["merged_into_id", "status"])
      .where("id", "=", duplicate.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { merged_into_id: kept.caseId, status: "clos" });
    const unknown = await s.client.post(`/admin/demandes/${kept.reference}/fusion`, {
      cible: "GU-1999-999999",
    });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Aucune demande ne porte la référence GU-1999-999999\./);
  });

  it("logs a phone call as a case, once even when the form is sent twice", async () => {
    const form = await s.client.get("/admin/demandes/nouvelle");
    assert.equal(form.statusCode, 200);
    const cle = /name="cle" value="([0-9a-f]{32})"/.exec(form.body)?.[1];
    assert.ok(cle);
    const fields = {
      cle,
      canal: "phone",
      nom: "Mme Durand",
      telephone: "01 23 45 67 89",
      courriel: "",
      objet: "Bruit de chantier la nuit",
      texte: "Appel de Mme Durand : travaux de nuit rue des Lilas.",
    };
    const first = await s.client.post("/admin/demandes", fields);
    const second = await s.client.post("/admin/demandes", fields);
    assert.equal(first.statusCode, 303);
    assert.equal(second.headers.location, first.headers.location);
    const rows = await s.t.database.db
      .selectFrom("cases")
      .select(["channel", "reference"])
      .where("subject", "=", "Bruit de chantier la nuit")
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.channel, "phone");
    assert.equal(first.headers.location, `/admin/demandes/${rows[0]?.reference}`);
    const opened = await s.t.database.db
      .selectFrom("audit_log")
      .select("agent_id")
      .where("action", "=", "case.opened")
      .execute();
    assert.ok(
      opened.some((a) => a.agent_id === s.me.id),
      "the agent who logged it is audited",
    );

    const noContact = await s.client.post("/admin/demandes", {
      ...fields,
      cle: "0".repeat(32),
      telephone: "",
    });
    assert.equal(noContact.statusCode, 400);
    assert.match(noContact.body, /Indiquez une adresse électronique ou un numéro de téléphone/);
  });

  it("answers 404 in French for another organisation's case and attachment, and refuses a missing CSRF token", async () => {
    const theirs = await aCase(s.t.database.db, {
      organisationId: otherOrg,
      clock: s.clock,
      attachments: [{ filename: "note.txt", content: Buffer.from("bonjour") }],
    });
    const page = await s.client.get(`/admin/demandes/${theirs.reference}`);
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Cette demande est introuvable\./);
    const attachment = await s.t.database.db
      .selectFrom("case_attachments")
      .select("id")
      .where("organisation_id", "=", otherOrg)
      .executeTakeFirstOrThrow();
    const download = await s.client.get(`/admin/pieces-jointes/${attachment.id}`);
    assert.equal(download.statusCode, 404);
    assert.match(download.body, /Ce document est introuvable\./);
    const reply = await s.client.post(`/admin/demandes/${theirs.reference}/reponse`, {
      action: "envoyer",
      texte: "Intrusion",
    });
    assert.equal(reply.statusCode, 404);

    const mine = await open();
    const noCsrf = await s.client.post(
      `/admin/demandes/${mine.reference}/note`,
      { texte: "x" },
      { csrf: null },
    );
    assert.equal(noCsrf.statusCode, 403);
  });

  it("downloads an attachment of its own organisation as a file", async () => {
    const c = await aCase(s.t.database.db, {
      organisationId: s.orgId,
      clock: s.clock,
      attachments: [{ filename: "justificatif été.txt", content: Buffer.from("justificatif") }],
    });
    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    const href = /href="(\/admin\/pieces-jointes\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
    assert.ok(href, "the attachment is linked");
    const download = await s.client.get(href);
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, "justificatif");
    assert.match(
      String(download.headers["content-disposition"]),
      /^attachment; .*filename\*=UTF-8''justificatif%20%C3%A9t%C3%A9\.txt/,
    );
  });

  it("says on the page of a purged case that its content was erased, and when", async () => {
    const c = await aCase(s.t.database.db, { organisationId: s.orgId, clock: s.clock, subject: "Ancienne" });
    await changeCaseStatus(s.t.database.db, {
      organisationId: s.orgId,
      caseId: c.caseId,
      actor: { agentId: s.me.id },
      status: "clos",
      clock: s.clock,
    });
    const before = await s.client.get(`/admin/demandes/${c.reference}`);
    assert.doesNotMatch(before.body, /a été effacé le/);
    // Three days later for the purge only: the agent's session lives on the app's clock.
    const later = fixedClock(new Date(s.clock.now().getTime() + 3 * DAY));
    await purgeExpiredCases(s.t.database.db, { organisationId: s.orgId, retentionDays: 2, clock: later });
    const page = await s.client.get(`/admin/demandes/${c.reference}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /Le contenu de cette demande \(coordonnées, échanges, documents\) a été effacé le /,
    );
    assert.match(page.body, /Demande supprimée \(durée de conservation écoulée\)/);
    assert.match(page.body, /<p>Aucun message\.<\/p>/);
  });
});
