/**
 * The case page's reply form with documents (multipart, without JavaScript): accepted files reach the
 * thread, the outgoing e-mail and the citizen's tracking page; a refused file brings the form back with
 * the typed text kept and the error linked to the file field; the CSRF check still applies.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import {
  EXE_BYTES,
  type FilePart,
  multipartBody,
  PDF_BYTES,
} from "../../../../test/helpers/multipart-body.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { MAX_ATTACHMENT_BYTES } from "../../../domains/cases/index.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { CSRF_REFUSED_MESSAGE } from "../plugins/backoffice-errors.tsx";

const TYPED = "Bonjour, voici le formulaire Cerfa à nous retourner signé.";

describe("reply with documents from the case page", () => {
  let t: TestApp;
  let client: ReturnType<typeof aBackofficeClient>;
  const clock = fixedClock(new Date());

  before(async () => {
    t = await createTestApp({ clock });
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles: ["agent"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(agent.email, agent.password)).statusCode, 303);
  });
  after(() => t.close());

  const openCase = () => aCase(t.database.db, { organisationId: t.deps.organisation.id, clock });
  const postReply = async (
    reference: string,
    fields: Record<string, string>,
    files: FilePart[],
    options: { csrf?: boolean } = {},
  ) => {
    await client.get(`/admin/demandes/${reference}`);
    const csrf: Record<string, string> = options.csrf === false ? {} : { _csrf: client.lastCsrf() ?? "" };
    const { payload, headers } = multipartBody({ ...csrf, ...fields }, files);
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return t.app.inject({
      method: "POST",
      url: `/admin/demandes/${reference}/reponse`,
      headers: { ...headers, cookie },
      payload,
    });
  };
  const pdf = (filename: string, content = PDF_BYTES): FilePart => ({
    field: "documents",
    filename,
    contentType: "application/pdf",
    content,
  });

  it("renders the reply form as multipart with a labelled file field and its limits", async () => {
    const { reference } = await openCase();
    const page = await client.get(`/admin/demandes/${reference}`);
    assert.match(page.body, /<form method="post" action="[^"]+\/reponse" enctype="multipart\/form-data"/);
    assert.match(page.body, /<label for="reponse-documents">Documents joints \(facultatif\)<\/label>/);
    assert.match(page.body, /Jusqu'à 5 fichiers de 10 Mo chacun au plus/);
    assert.match(page.body, /<input type="file" id="reponse-documents" name="documents" multiple/);
  });

  it("sends the document with the reply: thread, outbox reference, tracking page", async () => {
    const { reference, caseId, trackingToken } = await openCase();
    const sent = await postReply(reference, { action: "envoyer", texte: TYPED, statut: "" }, [
      pdf("cerfa-12345.pdf"),
    ]);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
    const page = await client.get(`/admin/demandes/${reference}`);
    assert.match(page.body, /Réponse envoyée : l'usager la reçoit par courriel/);
    const link = /<a href="(\/admin\/pieces-jointes\/[0-9a-f-]+)" download>cerfa-12345\.pdf<\/a>/.exec(
      page.body,
    );
    assert.ok(link, "the thread lists the document");

    const stored = await t.database.db
      .selectFrom("case_attachments")
      .innerJoin("case_messages", "case_messages.id", "case_attachments.message_id")
      .select(["case_attachments.id", "case_messages.author_type", "case_messages.case_id"])
      .where("case_attachments.filename", "=", "cerfa-12345.pdf")
      .executeTakeFirstOrThrow();
    assert.equal(stored.author_type, "agent");
    assert.equal(stored.case_id, caseId);
    const outbox = await t.database.db
      .selectFrom("outbox_emails")
      .select("attachment_ids")
      .where("case_id", "=", caseId)
      .where("kind", "=", "reply")
      .executeTakeFirstOrThrow();
    assert.deepEqual(outbox.attachment_ids, [stored.id]);

    const download = await client.get(link[1] as string);
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(PDF_BYTES));

    const tracking = await t.app.inject({ url: `/suivi/${trackingToken}` });
    assert.equal(tracking.statusCode, 200);
    assert.match(tracking.body, /cerfa-12345\.pdf/);
    const citizenLink = new RegExp(`href="([^"]+/${stored.id})"`).exec(tracking.body);
    assert.ok(citizenLink, "the citizen can download it");
    const citizenDownload = await t.app.inject({ url: citizenLink[1] as string });
    assert.equal(citizenDownload.statusCode, 200);
    assert.ok(citizenDownload.rawPayload.equals(PDF_BYTES));
  });

  it("shows a refused file next to its field, keeps the typed text and writes nothing", async () => {
    const { reference, caseId } = await openCase();
    const refused = await postReply(reference, { action: "envoyer", texte: TYPED, statut: "" }, [
      pdf("facture.pdf", EXE_BYTES),
    ]);
    assert.equal(refused.statusCode, 400);
    const message =
      "Le fichier « facture.pdf » n'est pas accepté : seuls les documents PDF, les images PNG ou JPEG et les fichiers texte le sont.";
    assert.ok(
      refused.body.includes(`<a href="#reponse-documents">${message}</a>`),
      "summary links to the field",
    );
    assert.ok(refused.body.includes(`<p class="error-message" id="reponse-documents-erreur">`));
    assert.match(refused.body, /aria-describedby="reponse-documents-aide reponse-documents-erreur"/);
    assert.ok(refused.body.includes(`>${TYPED}</textarea>`), "the typed reply is still in the textarea");
    assert.match(refused.body, /Les documents choisis n'ont pas été gardés : joignez-les de nouveau\./);
    const messages = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", caseId)
      .where("author_type", "=", "agent")
      .execute();
    assert.equal(messages.length, 0, "no reply recorded");
  });

  it("refuses a file over 10 MB with the citizens' message, text kept", async () => {
    const { reference } = await openCase();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]);
    const refused = await postReply(reference, { action: "envoyer", texte: TYPED, statut: "" }, [
      pdf("scan.pdf", big),
    ]);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Le fichier « scan\.pdf » dépasse la taille maximale de 10 Mo\./);
    assert.ok(refused.body.includes(`${TYPED}</textarea>`));
  });

  it("still refuses a multipart post without the CSRF token", async () => {
    const { reference, caseId } = await openCase();
    const refused = await postReply(
      reference,
      { action: "envoyer", texte: TYPED, statut: "" },
      [pdf("cerfa.pdf")],
      { csrf: false },
    );
    assert.equal(refused.statusCode, 403);
    assert.ok(refused.body.includes(CSRF_REFUSED_MESSAGE));
    const count = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", caseId)
      .execute();
    assert.equal(count.length, 1, "only the citizen's first message");
  });

  it("applies a template from the multipart form, keeping the chosen status", async () => {
    const { reference } = await openCase();
    const noTemplate = await postReply(
      reference,
      { action: "modele", modele: "", texte: TYPED, statut: "resolu" },
      [],
    );
    assert.equal(noTemplate.statusCode, 400);
    assert.match(noTemplate.body, /<a href="#reponse-modele">Choisissez un modèle dans la liste\.<\/a>/);
  });
});
