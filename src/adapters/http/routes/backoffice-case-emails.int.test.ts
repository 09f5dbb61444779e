/**
 * E-mail delivery seen from the desk: the outgoing mails of a case on its page (sent, waiting for a
 * retry, failed) and the incoming mails that were refused — scoped to the organisation, without
 * addresses or contents, and only for agents.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { ensureOrganisation } from "../../../domains/identity/index.ts";
import { fixedClock } from "../../../shared/clock.ts";
import type { InboundEmailStatus, OutboxEmailStatus } from "../../../shared/database.ts";
import { newId } from "../../../shared/ids.ts";

const NOW = new Date("2026-03-10T09:00:00Z");

describe("e-mail delivery on the desk", () => {
  let t: TestApp;
  let orgId: string;
  let otherOrg: string;
  let client: ReturnType<typeof aBackofficeClient>;
  let reference: string;
  let quietReference: string;

  const outbox = (
    organisationId: string,
    caseId: string,
    row: {
      subject: string;
      status: OutboxEmailStatus;
      attempts: number;
      createdAt: string;
      sentAt?: string;
      nextAttemptAt?: string;
      lastError?: string;
    },
  ) =>
    t.database.db
      .insertInto("outbox_emails")
      .values({
        id: newId(),
        organisation_id: organisationId,
        case_id: caseId,
        kind: "reply",
        to_address: "destinataire-prive@exemple.fr",
        subject: row.subject,
        text_body: "Corps confidentiel du courriel",
        message_id: `<${newId()}@mairie-test.fr>`,
        status: row.status,
        attempts: row.attempts,
        created_at: row.createdAt,
        sent_at: row.sentAt ?? null,
        next_attempt_at: row.nextAttemptAt ?? null,
        last_error: row.lastError ?? null,
      })
      .execute();

  const inbound = (organisationId: string, status: InboundEmailStatus, receivedAt: string, error: string) =>
    t.database.db
      .insertInto("inbound_emails")
      .values({
        id: newId(),
        organisation_id: organisationId,
        received_at: receivedAt,
        envelope_from: "expediteur-secret@exemple.fr",
        envelope_to: ["accueil@mairie-test.fr"],
        remote_address: "192.0.2.10",
        raw: Buffer.from("From: expediteur-secret@exemple.fr\r\n\r\nTexte secret"),
        size_bytes: 50,
        status,
        error,
      })
      .execute();

  before(async () => {
    const clock = fixedClock(NOW);
    t = await createTestApp({ clock });
    const { db } = t.database;
    orgId = t.deps.organisation.id;
    otherOrg = (await ensureOrganisation(db, { slug: "autre", name: "Autre ville" })).id;
    // Phone-only contacts: no acknowledgement is queued, so the rows below are the only ones.
    const contact = { name: "Usager", phone: "01 23 45 67 89" };
    const mine = await aCase(db, { organisationId: orgId, clock, contact });
    reference = mine.reference;
    const quiet = await aCase(db, { organisationId: orgId, clock, contact });
    quietReference = quiet.reference;
    const neighbour = await aCase(db, { organisationId: orgId, clock, contact });
    const foreign = await aCase(db, { organisationId: otherOrg, clock, contact });

    await outbox(orgId, mine.caseId, {
      subject: "Accusé de réception",
      status: "sent",
      attempts: 1,
      createdAt: "2026-03-09T08:00:00Z",
      sentAt: "2026-03-09T08:01:00Z",
    });
    await outbox(orgId, mine.caseId, {
      subject: "Réponse à votre demande",
      status: "pending",
      attempts: 2,
      createdAt: "2026-03-09T10:00:00Z",
      nextAttemptAt: "2026-03-10T09:30:00Z",
      lastError: "421 4.3.2 Service temporairement indisponible",
    });
    await outbox(orgId, mine.caseId, {
      subject: "Demande résolue",
      status: "failed",
      attempts: 8,
      createdAt: "2026-03-09T12:00:00Z",
      lastError: "550 5.1.1 Boîte aux lettres inconnue",
    });
    await outbox(orgId, neighbour.caseId, {
      subject: "Courriel d'une autre demande",
      status: "sent",
      attempts: 1,
      createdAt: "2026-03-09T13:00:00Z",
      sentAt: "2026-03-09T13:00:00Z",
    });
    await outbox(otherOrg, foreign.caseId, {
      subject: "Courriel d'une autre commune",
      status: "failed",
      attempts: 8,
      createdAt: "2026-03-09T14:00:00Z",
      lastError: "550 autre commune",
    });

    await inbound(
      orgId,
      "rejected",
      "2026-03-08T07:00:00Z",
      "Réponse automatique ignorée (absence du bureau).",
    );
    await inbound(orgId, "failed", "2026-03-09T07:00:00Z", "TypeError: cannot read x of undefined");
    await inbound(orgId, "processed", "2026-03-09T08:00:00Z", "Traité sans souci");
    await inbound(otherOrg, "rejected", "2026-03-09T09:00:00Z", "Refus de l'autre commune");

    const agent = await anAgent(db, { organisationId: orgId, roles: ["agent"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(agent.email, agent.password)).statusCode, 303);
  });
  after(() => t?.close());

  it("shows the case's outgoing e-mails in French, newest first, failures worded", async () => {
    const response = await client.get(`/admin/demandes/${reference}`);
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h2 id="courriels">Courriels envoyés<\/h2>/);
    assert.match(html, /<caption>Courriels envoyés pour cette demande/);
    assert.match(html, /Envoyé le 09\/03\/2026 09:01/);
    assert.match(html, /En attente — nouvel essai à 10\/03\/2026 10:30/);
    assert.match(html, /<tr class="desk-email-failed">/);
    assert.match(html, /Échec : 550 5.1.1 Boîte aux lettres inconnue/);
    const order = ["Demande résolue", "Réponse à votre demande", "Accusé de réception"].map((s) =>
      html.indexOf(`<th scope="row">${s}</th>`),
    );
    assert.ok(
      order.every((i) => i > 0),
      "the three rows are there",
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      "newest first",
    );
    assert.doesNotMatch(html, /Courriel d'une autre demande/);
    assert.doesNotMatch(html, /Courriel d'une autre commune|autre commune/);
    assert.doesNotMatch(html, /destinataire-prive@exemple\.fr|Corps confidentiel/);
  });

  it("leaves the section out when a case has no e-mail", async () => {
    const response = await client.get(`/admin/demandes/${quietReference}`);
    assert.equal(response.statusCode, 200);
    assert.doesNotMatch(response.body, /Courriels envoyés/);
  });

  it("links the inbox to the refused e-mails", async () => {
    const response = await client.get("/admin/demandes");
    assert.match(response.body, /<a href="\/admin\/courriels-refuses">Courriels non traités<\/a>/);
  });

  it("lists the organisation's refused incoming e-mails without sender nor content", async () => {
    const response = await client.get("/admin/courriels-refuses");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    assert.match(html, /<h1>Courriels non traités<\/h1>/);
    assert.match(html, /Réponse automatique ignorée \(absence du bureau\)\./);
    assert.match(html, /Erreur technique pendant le traitement/);
    const failedAt = html.indexOf('<th scope="row">09/03/2026 08:00</th>');
    const rejectedAt = html.indexOf('<th scope="row">08/03/2026 08:00</th>');
    assert.ok(failedAt > 0 && rejectedAt > failedAt, "both rows, newest first (Paris time)");
    assert.doesNotMatch(html, /TypeError/, "technical errors stay in the logs");
    assert.doesNotMatch(html, /Traité sans souci/, "processed mails are not listed");
    assert.doesNotMatch(html, /Refus de l'autre commune/);
    assert.doesNotMatch(html, /expediteur-secret|Texte secret|192\.0\.2\.10/);
  });

  it("refuses the refused-mail page to an editor without the agent role", async () => {
    const editor = await anAgent(t.database.db, { organisationId: orgId, roles: ["editor"] });
    const other = aBackofficeClient(t.app);
    await other.signIn(editor.email, editor.password);
    const refused = await other.get("/admin/courriels-refuses");
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /réservées aux agents d&#39;accueil|réservées aux agents d'accueil/);
  });

  it("sends an anonymous visitor to the login page", async () => {
    const response = await aBackofficeClient(t.app).get("/admin/courriels-refuses");
    assert.equal(response.statusCode, 303);
  });
});
