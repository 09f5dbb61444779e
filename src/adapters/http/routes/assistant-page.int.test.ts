/**
 * /assistant without JavaScript, over HTTP on a real database with real service-public.fr fiches:
 * ask → redirect → transcript with the cited source; choices, votes, hand-off and a new conversation
 * as plain form posts; refusals keep the typed text; the cookie is set only once the citizen writes.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { backgroundFicheIds, insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { ensureStandardQuestionnaires } from "../../../domains/feedback/index.ts";
import { CONVERSATION_COOKIE } from "./assistant-page.routes.ts";

const FICHES = [
  ...["N358", "N367", "N360", "F1341", "F1342", "F21089", "F1050", "F1367"],
  ...["F14929", "F14930", "F21091", "F21246", "F21247", "F1373"],
];
const FORM = { "content-type": "application/x-www-form-urlencoded" };

function decode(html: string): string {
  return html
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

describe("assistant page without JavaScript (/assistant)", () => {
  let t: TestApp;
  /** The browser's cookie jar for /assistant. */
  let cookie = "";

  async function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await t.app.inject({
      method: "POST",
      url,
      headers: { ...FORM, ...(cookie ? { cookie } : {}), ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
    const set = response.cookies.find((c) => c.name === CONVERSATION_COOKIE);
    if (set) cookie = set.value ? `${CONVERSATION_COOKIE}=${set.value}` : "";
    return response;
  }

  async function page(): Promise<string> {
    const response = await t.app.inject({
      method: "GET",
      url: "/assistant",
      headers: cookie ? { cookie } : {},
    });
    assert.equal(response.statusCode, 200);
    return response.body;
  }

  /** Posts a message like the form does, follows the redirect, returns the page. */
  async function ask(text: string): Promise<string> {
    const response = await post("/assistant", { message: text });
    assert.equal(response.statusCode, 303, response.body);
    assert.match(response.headers.location ?? "", /^\/assistant#m-[\w-]+$/);
    const html = await page();
    const anchor = (response.headers.location ?? "").split("#")[1];
    assert.ok(html.includes(`id="${anchor}"`), "the redirect lands on the reply");
    return html;
  }

  before(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: "http://guichet.test" } });
    const background = backgroundFicheIds(150).filter((id) => !FICHES.includes(id));
    await insertPackageFiches(t.database.db, t.deps.organisation.id, [...FICHES, ...background]);
  });
  beforeEach(async () => {
    cookie = "";
    await t.database.db.deleteFrom("public_form_hits").execute();
  });
  after(() => t.close());

  it("shows the form with no cookie until the citizen writes, and is in the site navigation", async () => {
    const response = await t.app.inject({ method: "GET", url: "/assistant" });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["set-cookie"], undefined);
    assert.match(response.body, /<h1>Poser une question à l'assistant<\/h1>/);
    assert.match(response.body, /<label for="message">Votre question/);
    assert.match(response.body, /<form method="post" action="\/assistant"/);
    assert.match(response.body, /<a href="\/assistant" aria-current="page">Assistant<\/a>/);
    assert.doesNotMatch(response.body, /Votre conversation/);
    assert.equal(response.headers["cache-control"], "no-store");
    // So the page's own forms carry its origin (Chrome sends "null" under "no-referrer").
    assert.equal(response.headers["referrer-policy"], "same-origin");
    const home = await t.app.inject({ method: "GET", url: "/" });
    assert.match(home.body, /<a href="\/assistant">Assistant<\/a>/);
  });

  it("answers a question after a redirect, with the source linked and dated, in a cookie-kept conversation", async () => {
    const response = await post("/assistant", { message: "Comment s'inscrire sur les listes électorales ?" });
    assert.equal(response.statusCode, 303);
    const set = response.cookies.find((c) => c.name === CONVERSATION_COOKIE);
    assert.ok(set, "the conversation cookie is set");
    assert.match(set.value, /^[A-Za-z0-9_-]{24}$/);
    assert.equal(set.path, "/assistant");
    assert.equal(set.httpOnly, true);
    assert.equal(set.sameSite, "Lax");
    assert.equal(set.secure, undefined);
    assert.equal(set.maxAge, undefined, "a session cookie");
    const row = await t.database.db
      .selectFrom("conversations")
      .select("channel")
      .where("id", "=", set.value)
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, "web");

    const html = decode(await page());
    assert.match(html, /<h3 class="chat-author">Vous/);
    assert.match(html, /Comment s'inscrire sur les listes électorales \?/);
    assert.match(html, /<p class="chat-text">D'après « Listes électorales/);
    assert.match(
      html,
      /<a href="http:\/\/guichet\.test\/fiches\/F1367">[^<]+<\/a> — mis à jour le <time datetime="\d{4}-\d{2}-\d{2}">\d/,
    );
    assert.match(html, /<legend>Cette réponse vous a-t-elle aidé \?<\/legend>/);
  });

  it("offers a clarification as submit buttons, and a choice sends its value as the next message", async () => {
    const html = decode(await ask("carte"));
    assert.match(html, /Vous cherchez plutôt :/);
    const buttons = [
      ...html.matchAll(/<button type="submit" name="message" value="(\d+)">([^<]+)<\/button>/g),
    ];
    const identity = buttons.find((b) => b[2] === "Carte d'identité");
    assert.ok(identity, buttons.map((b) => b[2]).join(" | "));
    const next = decode(await ask(identity[1]!));
    // The identity-card folder offers its pages next; the first choices are gone.
    const nextButtons = [...next.matchAll(/name="message" value="(\d+)">([^<]+)</g)].map((b) => b[2]);
    assert.ok(
      nextButtons.some((label) => /majeur : première demande/i.test(label ?? "")),
      nextButtons.join(" | "),
    );
    assert.ok(!nextButtons.includes("Carte d'identité"));
  });

  it("records a vote posted from the Oui / Non buttons and says so", async () => {
    const html = await ask("Renouvellement du passeport d'un majeur");
    const messageId = /name="reponse" value="([^"]+)"/.exec(html)?.[1] ?? "";
    assert.ok(messageId);
    const voted = await post("/assistant/avis", { reponse: messageId, avis: "non" });
    assert.equal(voted.statusCode, 303);
    assert.match(voted.headers.location ?? "", /^\/assistant#m-/);
    const after = decode(await page());
    assert.match(after, /Votre avis : cette réponse ne vous a pas aidé\./);
    assert.doesNotMatch(after, /name="reponse"/);
    assert.match(
      after,
      /<button type="submit" name="message" value="Parler à un agent">Parler à un agent<\/button>/,
    );
    const row = await t.database.db
      .selectFrom("conversation_messages")
      .select("helpful")
      .where("id", "=", messageId)
      .executeTakeFirstOrThrow();
    assert.equal(row.helpful, false);

    const refused = await post("/assistant/avis", { reponse: messageId });
    assert.equal(refused.statusCode, 400);
    assert.match(
      decode(refused.body),
      /Choisissez « Oui » ou « Non » pour donner votre avis sur la réponse\./,
    );
  });

  it("takes the end-of-chat questionnaire as a plain form: a missing note is refused, one answer is kept", async () => {
    await ensureStandardQuestionnaires(t.database.db, {
      organisationId: t.deps.organisation.id,
      clock: t.deps.clock,
    });
    const html = await ask("Renouvellement du passeport d'un majeur");
    assert.match(decode(html), /<summary>Donner mon avis sur cet échange<\/summary>/);
    const missing = await post("/assistant/note", { commentaire: "rien" });
    assert.equal(missing.statusCode, 400);
    assert.match(decode(missing.body), /<a href="#note-1">Choisissez une note de 1 à 5/);
    const rated = await post("/assistant/note", { note: "4", commentaire: "Clair." });
    assert.equal(rated.statusCode, 303);
    assert.equal(rated.headers.location, "/assistant?avis=merci#avis");
    const thanks = await t.app.inject({ method: "GET", url: "/assistant?avis=merci", headers: { cookie } });
    assert.match(decode(thanks.body), /Merci pour votre avis sur cet échange\./);
    await post("/assistant/note", { note: "1" });
    const rows = await t.database.db.selectFrom("feedback_answers").select(["channel", "csat"]).execute();
    assert.deepEqual(rows, [{ channel: "chat", csat: 4 }]);
  });

  it("hands over to a person from the button, shows the reference, then hides the button", async () => {
    const asked = decode(await ask("Parler à un agent"));
    assert.match(asked, /adresse e-mail/);
    const done = decode(await ask("jeanne.martin@example.org"));
    const reference = /<strong class="case-reference">(GU-\d{4}-\d{6})<\/strong>/.exec(done)?.[1];
    assert.ok(reference, "the case reference is shown");
    const row = await t.database.db
      .selectFrom("cases")
      .select("channel")
      .where("reference", "=", reference)
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, "chat");
    assert.match(done, /Votre conversation a été transmise à un agent/);
    assert.doesNotMatch(done, /value="Parler à un agent"/);
  });

  it("starts a new conversation: the cookie is removed and the transcript is empty", async () => {
    await ask("passeport perdu majeur");
    const old = cookie;
    const response = await post("/assistant/nouvelle", {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/assistant");
    const cleared = response.cookies.find((c) => c.name === CONVERSATION_COOKIE);
    assert.equal(cleared?.value, "");
    assert.equal(cleared?.path, "/assistant");
    assert.ok((cleared?.expires?.getTime() ?? Date.now()) < Date.now(), "expired");
    assert.doesNotMatch(await page(), /Votre conversation/);
    await ask("bonjour");
    assert.notEqual(cookie, old, "a new conversation");
  });

  it("keeps the typed text when a message is refused, with the French error above the form", async () => {
    const long = `Ma question : ${"très longue ".repeat(100)}<b>fin</b>`;
    const refused = await post("/assistant", { message: long });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.cookies.length, 0, "no conversation for a refused message");
    const html = decode(refused.body);
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /class="error-summary" role="alert"/);
    const count = long.length.toLocaleString("fr-FR");
    const max = (1000).toLocaleString("fr-FR");
    assert.ok(
      html.includes(
        `<a href="#message">Votre message est trop long (${count} caractères) : résumez votre question en ${max} caractères au plus.</a>`,
      ),
      "the error, linked to the field",
    );
    assert.match(refused.body, /aria-invalid="true"/);
    assert.ok(
      refused.body.includes("&lt;b>fin&lt;/b></textarea>") ||
        refused.body.includes("&lt;b&gt;fin&lt;/b&gt;</textarea>"),
      "kept, escaped",
    );
    const empty = await post("/assistant", { message: "   " });
    assert.equal(empty.statusCode, 400);
    assert.match(decode(empty.body), /Écrivez votre question avant de l'envoyer\./);
  });

  it("refuses a flood of messages with a French message and keeps the last one typed", async () => {
    await ask("bonjour");
    let last = await post("/assistant", { message: "merci" });
    for (let i = 0; i < 20 && last.statusCode === 303; i++)
      last = await post("/assistant", { message: `question numéro ${i}` });
    assert.equal(last.statusCode, 429);
    const html = decode(last.body);
    assert.match(html, /Vous avez envoyé beaucoup de messages en peu de temps\./);
    assert.match(html, /question numéro \d+<\/textarea>/);
    assert.match(html, /Votre conversation/, "the transcript stays visible");
  });

  it("escapes what the citizen wrote", async () => {
    const html = await ask("<script>alert(1)</script>");
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it("refuses a form posted from another site, and accepts the site's own origin", async () => {
    const foreign = await post("/assistant", { message: "bonjour" }, { origin: "https://evil.example" });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.cookies.length, 0);
    assert.match(
      decode(foreign.body),
      /Ce formulaire a été envoyé depuis un autre site : par sécurité, il n'a pas été pris en compte\./,
    );
    const other = await post("/assistant/nouvelle", {}, { origin: "null" });
    assert.equal(other.statusCode, 403);
    const own = await post("/assistant", { message: "bonjour" }, { origin: "http://guichet.test" });
    assert.equal(own.statusCode, 303);
    const sameHost = await post(
      "/assistant",
      { message: "merci" },
      { origin: "http://localhost:80", host: "localhost:80" },
    );
    assert.equal(sameHost.statusCode, 303);
  });

  it("starts afresh when the cookie names a conversation that no longer exists", async () => {
    cookie = `${CONVERSATION_COOKIE}=AAAAAAAAAAAAAAAAAAAAAAAA`;
    const response = await t.app.inject({ method: "GET", url: "/assistant", headers: { cookie } });
    assert.equal(response.statusCode, 200);
    assert.equal(response.cookies.find((c) => c.name === CONVERSATION_COOKIE)?.value, "");
    const html = await ask("bonjour");
    assert.notEqual(cookie, `${CONVERSATION_COOKIE}=AAAAAAAAAAAAAAAAAAAAAAAA`);
    assert.match(html, /Votre conversation/);
  });

  it("marks the cookie Secure when the site is served over HTTPS", async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: "https://guichet.test" }, database: t.database });
    try {
      const response = await secure.app.inject({
        method: "POST",
        url: "/assistant",
        headers: FORM,
        payload: "message=bonjour",
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.cookies.find((c) => c.name === CONVERSATION_COOKIE)?.secure, true);
    } finally {
      await secure.close();
    }
  });

  it("serves /widget.js to other sites, cached with an ETag", async () => {
    const script = await t.app.inject({ method: "GET", url: "/widget.js" });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers["content-type"]), /^text\/javascript/);
    assert.equal(script.headers["cross-origin-resource-policy"], "cross-origin");
    assert.match(String(script.headers["cache-control"]), /^public, max-age=86400/);
    const etag = String(script.headers.etag);
    assert.match(etag, /^"[\w-]{16}"$/);
    assert.match(script.body, /guichet-assistant/);
    const again = await t.app.inject({
      method: "GET",
      url: "/widget.js",
      headers: { "if-none-match": etag },
    });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    const versioned = await t.app.inject({ method: "GET", url: `/widget.js?v=${etag.slice(1, -1)}` });
    assert.equal(versioned.headers["cache-control"], "public, max-age=31536000, immutable");
  });
});
