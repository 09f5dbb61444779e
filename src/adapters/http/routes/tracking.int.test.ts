import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { pino } from "pino";
import { aCase } from "../../../../test/factories/a-case.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { multipartBody, PDF_BYTES } from "../../../../test/helpers/multipart-body.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { addInternalNote, changeCaseStatus, replyToCase } from "../../../domains/cases/index.ts";
import type { Logger } from "../../../shared/logger.ts";

let t: TestApp;
let agentId: string;
const logLines: string[] = [];
let ip = 0;
const nextIp = () => `198.51.100.${++ip}`;

function urlencoded(fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  };
}

async function statusOf(caseId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom("cases")
    .select("status")
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe("citizen tracking", () => {
  before(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await createTestApp({ deps: { logger: pino({ level: "info" }, sink) as unknown as Logger } });
    agentId = (await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles: ["agent"] })).id;
  });
  after(async () => t?.close());

  const orgCase = (extra: Parameters<typeof aCase>[1] extends infer O ? Partial<O> : never = {}) =>
    aCase(t.database.db, { organisationId: t.deps.organisation.id, ...extra });

  it("shows the reference, the French status and the public thread only, inert, privately", async () => {
    const c = await orgCase({ body: "Bonjour <script>alert('x')</script> merci" });
    const actor = { agentId };
    await addInternalNote(t.database.db, {
      organisationId: t.deps.organisation.id,
      caseId: c.caseId,
      actor,
      body: "NOTE INTERNE secrète",
      clock: t.deps.clock,
    });
    await replyToCase(t.database.db, {
      organisationId: t.deps.organisation.id,
      caseId: c.caseId,
      actor,
      body: "Réponse publique de la mairie",
      publicUrl: t.deps.config.publicUrl,
      clock: t.deps.clock,
    });
    const res = await t.app.inject({ method: "GET", url: `/suivi/${c.trackingToken}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.equal(res.headers["referrer-policy"], "no-referrer");
    assert.match(res.body, new RegExp(`Suivi de votre demande ${c.reference}`));
    assert.match(res.body, /<dt>État<\/dt><dd><strong>[^<]+<\/strong>/);
    assert.match(res.body, /Réponse publique de la mairie/);
    assert.doesNotMatch(res.body, /NOTE INTERNE/);
    assert.match(res.body, /Bonjour &lt;script>alert\('x'\)&lt;\/script> merci/);
    assert.doesNotMatch(res.body, /<script>alert/);
  });

  it("answers a forged or unknown token with a French 404", async () => {
    for (const token of ["abc", "A".repeat(32), "../../admin"]) {
      const res = await t.app.inject({ method: "GET", url: `/suivi/${encodeURIComponent(token)}` });
      assert.equal(res.statusCode, 404, token);
      assert.match(res.body, /Ce lien de suivi n'est pas valide/);
    }
  });

  it("adds the citizen's reply with a document, reopens a resolved case, and logs no token", async () => {
    const c = await orgCase();
    await changeCaseStatus(t.database.db, {
      organisationId: t.deps.organisation.id,
      caseId: c.caseId,
      actor: { agentId },
      status: "resolu",
      clock: t.deps.clock,
    });
    logLines.length = 0;
    const { payload, headers } = multipartBody({ message: "Merci, voici la pièce demandée." }, [
      { field: "documents", filename: "attestation.pdf", contentType: "application/pdf", content: PDF_BYTES },
    ]);
    const res = await t.app.inject({
      method: "POST",
      url: `/suivi/${c.trackingToken}`,
      payload,
      headers,
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/suivi/${c.trackingToken}?envoye=1`);
    assert.equal(await statusOf(c.caseId), "en_cours");
    const page = await t.app.inject({ method: "GET", url: res.headers.location as string });
    assert.match(page.body, /Votre message a bien été ajouté à votre demande/);
    assert.match(page.body, /Merci, voici la pièce demandée/);
    const link = new RegExp(
      `href="(/suivi/${c.trackingToken}/documents/[0-9a-f-]{36})"[^>]*>attestation.pdf`,
    ).exec(page.body)?.[1];
    assert.ok(link, "the document is listed with a link");
    const doc = await t.app.inject({ method: "GET", url: link });
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers["content-type"], "application/pdf");
    assert.match(doc.headers["content-disposition"] as string, /^attachment;/);
    const logs = logLines.join("");
    assert.match(logs, /"url":"\/suivi\/:token"/);
    assert.ok(!logs.includes(c.trackingToken), "the token never reaches the logs");
  });

  it("keeps the typed reply and says why when the message is empty", async () => {
    const c = await orgCase();
    const res = await t.app.inject({
      method: "POST",
      url: `/suivi/${c.trackingToken}`,
      ...urlencoded({ message: "   " }),
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#message">Veuillez écrire votre message/);
  });

  it("finds a case with its reference and e-mail, with the same answer for any miss", async () => {
    const c = await orgCase({ contact: { name: "Lou", email: "lou.bernard@exemple.fr" } });
    const found = await t.app.inject({
      method: "POST",
      url: "/suivi",
      ...urlencoded({ reference: c.reference.toLowerCase(), email: "Lou.Bernard@exemple.fr" }),
      remoteAddress: nextIp(),
    });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, new RegExp(`Suivi de votre demande ${c.reference}`));
    assert.doesNotMatch(found.body, /\/suivi\/[A-Za-z0-9_-]{32}/, "no token is given back");
    const address = nextIp();
    const wrongEmail = await t.app.inject({
      method: "POST",
      url: "/suivi",
      ...urlencoded({ reference: c.reference, email: "autre@exemple.fr" }),
      remoteAddress: address,
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/suivi",
      ...urlencoded({ reference: "GU-1999-000001", email: "lou.bernard@exemple.fr" }),
      remoteAddress: address,
    });
    for (const miss of [wrongEmail, unknown]) {
      assert.equal(miss.statusCode, 404);
      assert.match(
        miss.body,
        /Aucune demande ne correspond à cette référence et à cette adresse électronique/,
      );
    }
  });

  it("lets the citizen reply from the page found by reference, with a signed access only", async () => {
    const c = await orgCase({ contact: { email: "sacha@exemple.fr" } });
    const found = await t.app.inject({
      method: "POST",
      url: "/suivi",
      ...urlencoded({ reference: c.reference, email: "sacha@exemple.fr" }),
      remoteAddress: nextIp(),
    });
    const grant = /name="acces" value="([^"]+)"/.exec(found.body)?.[1];
    assert.ok(grant);
    const replied = await t.app.inject({
      method: "POST",
      url: "/suivi/demande",
      ...urlencoded({ acces: grant, message: "Précision par la référence" }),
      remoteAddress: nextIp(),
    });
    assert.equal(replied.statusCode, 200);
    assert.match(replied.body, /Votre message a bien été ajouté/);
    assert.match(replied.body, /Précision par la référence/);
    const forged = await t.app.inject({
      method: "POST",
      url: "/suivi/demande",
      ...urlencoded({ acces: `${grant.split(".")[0]}.AAAA`, message: "x" }),
      remoteAddress: nextIp(),
    });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /Votre accès à cette demande a expiré/);
  });

  it("limits failed look-ups per address, in French", async () => {
    const address = nextIp();
    const miss = () =>
      t.app.inject({
        method: "POST",
        url: "/suivi",
        ...urlencoded({ reference: "GU-2000-000009", email: "x@exemple.fr" }),
        remoteAddress: address,
      });
    for (let i = 0; i < 10; i++) assert.equal((await miss()).statusCode, 404);
    const limited = await miss();
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Trop de tentatives depuis votre connexion/);
  });

  it("refuses a reply on a closed case with the domain's French reason", async () => {
    const c = await orgCase();
    for (const status of ["resolu", "clos"] as const)
      await changeCaseStatus(t.database.db, {
        organisationId: t.deps.organisation.id,
        caseId: c.caseId,
        actor: { agentId },
        status,
        clock: t.deps.clock,
      });
    const page = await t.app.inject({ method: "GET", url: `/suivi/${c.trackingToken}` });
    assert.match(page.body, /Cette demande est close/);
    const res = await t.app.inject({
      method: "POST",
      url: `/suivi/${c.trackingToken}`,
      ...urlencoded({ message: "Encore une question" }),
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.equal(await statusOf(c.caseId), "clos");
  });
});
