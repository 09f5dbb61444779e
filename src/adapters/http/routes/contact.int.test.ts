import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  EXE_BYTES,
  type FilePart,
  multipartBody,
  PDF_BYTES,
} from "../../../../test/helpers/multipart-body.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { TOO_LARGE_MESSAGE } from "../citizen-desk/read-citizen-form.ts";

let t: TestApp;
let ipCounter = 0;
/** A fresh client address per test, so the rate limit of one test does not leak into another. */
const nextIp = () => `192.0.2.${++ipCounter}`;

async function formKey(): Promise<string> {
  const page = await t.app.inject({ method: "GET", url: "/contact" });
  const match = /name="cle" value="([^"]+)"/.exec(page.body);
  assert.ok(match?.[1], "the form carries a one-time key");
  return match[1];
}

async function countCases(): Promise<number> {
  const row = await t.database.db
    .selectFrom("cases")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function post(fields: Record<string, string>, remoteAddress = nextIp()) {
  return t.app.inject({
    method: "POST",
    url: "/contact",
    payload: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    remoteAddress,
  });
}

/** The form posted as a browser does with files chosen (multipart), from a fresh client address. */
function postWithDocuments(fields: Record<string, string>, files: FilePart[]) {
  const { payload, headers } = multipartBody(fields, files);
  return t.app.inject({ method: "POST", url: "/contact", payload, headers, remoteAddress: nextIp() });
}

const VALID = {
  nom: "Camille Martin",
  email: "camille.martin@exemple.fr",
  telephone: "",
  sujet: "Inscription à la cantine",
  message: "Bonjour, comment inscrire mon fils à la cantine ?",
};

describe("contact form", () => {
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t?.close());

  it("shows an accessible form with a one-time key, a hidden trap and no caching", async () => {
    const res = await t.app.inject({ method: "GET", url: "/contact" });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "no-store");
    assert.match(res.body, /<label for="email">Adresse électronique/);
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(
      res.body,
      /<div class="trap-field" aria-hidden="true"><label for="site_web">Ne pas remplir<\/label><input id="site_web" name="site_web" type="text" tabindex="-1"/,
    );
    assert.notEqual(await formKey(), await formKey(), "each page gets its own key");
  });

  it("opens one case for a double submission and shows the same confirmation twice", async () => {
    const before = await countCases();
    const cle = await formKey();
    const first = await post({ ...VALID, cle });
    const second = await post({ ...VALID, cle });
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.equal(await countCases(), before + 1);
    const reference = /GU-\d{4}-\d{6}/.exec(first.body)?.[0];
    assert.ok(reference);
    assert.match(first.body, /Un accusé de réception vous a été envoyé/);
    const link = /href="(\/suivi\/[A-Za-z0-9_-]{32})"/.exec(first.body)?.[1];
    assert.ok(link, "the confirmation links to the tracking page");
    assert.equal(/GU-\d{4}-\d{6}/.exec(second.body)?.[0], reference);
    assert.equal(/href="(\/suivi\/[A-Za-z0-9_-]{32})"/.exec(second.body)?.[1], link);
    const tracking = await t.app.inject({ method: "GET", url: link });
    assert.equal(tracking.statusCode, 200);
    assert.match(tracking.body, new RegExp(reference));
  });

  it("does not mention an acknowledgement when only a phone number was given", async () => {
    const res = await post({ ...VALID, email: "", telephone: "01 23 45 67 89", cle: await formKey() });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /GU-\d{4}-\d{6}/);
    assert.doesNotMatch(res.body, /accusé de réception/);
  });

  it("lists every missing field in French, focused summary first, and keeps what was typed", async () => {
    const before = await countCases();
    const res = await post({
      nom: "Camille <b>Martin</b>",
      email: "",
      telephone: "",
      sujet: "",
      message: "",
      cle: await formKey(),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Erreur : nous écrire/);
    assert.match(res.body, /class="error-summary" role="alert"[^>]*autofocus/);
    assert.match(res.body, /Le formulaire contient 3 erreurs/);
    assert.match(res.body, /href="#email">Indiquez une adresse électronique ou un numéro de téléphone/);
    assert.match(res.body, /href="#sujet">Veuillez indiquer l'objet de votre demande/);
    assert.match(res.body, /href="#message">Veuillez écrire votre message/);
    assert.match(res.body, /value="Camille &lt;b>Martin&lt;\/b>"/);
    assert.equal(await countCases(), before);
  });

  it("refuses a malformed e-mail address with the domain's French message", async () => {
    const res = await post({ ...VALID, email: "camille@", cle: await formKey() });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /L'adresse électronique n'est pas valide/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /value="Inscription à la cantine"/);
  });

  it("opens no case when the trap field is filled, and says nothing about it", async () => {
    const before = await countCases();
    const res = await post({ ...VALID, site_web: "http://spam.example", cle: await formKey() });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Votre demande a bien été envoyée/);
    assert.doesNotMatch(res.body, /GU-\d{4}/);
    assert.equal(await countCases(), before);
  });

  it("limits the number of requests from one address, in French, per address", async () => {
    const address = nextIp();
    for (let i = 0; i < 5; i++) {
      const ok = await post({ ...VALID, cle: await formKey() }, address);
      assert.equal(ok.statusCode, 200, `request ${i + 1}`);
    }
    const before = await countCases();
    const limited = await post({ ...VALID, cle: await formKey() }, address);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Plusieurs demandes ont été envoyées depuis votre connexion/);
    assert.equal(await countCases(), before);
    const other = await post({ ...VALID, cle: await formKey() });
    assert.equal(other.statusCode, 200);
  });

  it("takes documents in a multipart post and stores them", async () => {
    const cle = await formKey();
    const res = await postWithDocuments({ ...VALID, cle }, [
      {
        field: "documents",
        filename: "justificatif.pdf",
        contentType: "application/pdf",
        content: PDF_BYTES,
      },
      { field: "documents", filename: "", contentType: "application/octet-stream", content: Buffer.alloc(0) },
    ]);
    assert.equal(res.statusCode, 200);
    const reference = /GU-\d{4}-\d{6}/.exec(res.body)?.[0];
    const docs = await t.database.db
      .selectFrom("case_attachments")
      .innerJoin("case_messages", "case_messages.id", "case_attachments.message_id")
      .innerJoin("cases", "cases.id", "case_messages.case_id")
      .select(["case_attachments.filename", "case_attachments.content_type"])
      .where("cases.reference", "=", reference ?? "")
      .execute();
    assert.deepEqual(docs, [{ filename: "justificatif.pdf", content_type: "application/pdf" }]);
  });

  it("refuses a program renamed .pdf, in French, and stores nothing", async () => {
    const before = await countCases();
    const res = await postWithDocuments({ ...VALID, cle: await formKey() }, [
      { field: "documents", filename: "facture.pdf", contentType: "application/pdf", content: EXE_BYTES },
    ]);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#documents">Le fichier « facture.pdf » n'est pas accepté/);
    assert.match(res.body, /les documents choisis n'ont pas été gardés/);
    assert.equal(await countCases(), before);
  });

  it("answers an oversized document with a French 413 page and stores nothing", async () => {
    const before = await countCases();
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await postWithDocuments({ ...VALID, cle: await formKey() }, [
      { field: "documents", filename: "scan.pdf", contentType: "application/pdf", content: big },
    ]);
    assert.equal(res.statusCode, 413);
    assert.match(res.headers["content-type"] as string, /text\/html/);
    assert.ok(res.body.includes(TOO_LARGE_MESSAGE));
    assert.equal(await countCases(), before);
  });

  it("refuses more than three documents with the same 413 page", async () => {
    const before = await countCases();
    const files = [1, 2, 3, 4].map((n) => ({
      field: "documents",
      filename: `p${n}.pdf`,
      contentType: "application/pdf",
      content: PDF_BYTES,
    }));
    const res = await postWithDocuments({ ...VALID, cle: await formKey() }, files);
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /3 fichiers au plus/);
    assert.equal(await countCases(), before);
  });
});
