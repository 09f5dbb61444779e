/**
 * Agent assist on the case page: passages that fit the citizen's message are suggested with their
 * source, and "Insérer dans la réponse" brings the reply form back with the typed text and the passage.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient, type BackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { aCase } from "../../../../test/factories/a-case.ts";
import { backgroundFicheIds, insertPackageFiches } from "../../../../test/factories/a-fiche.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";

const PASSPORT = ["F14929", "F21091", "F21246", "F21247", "F1373"];

describe("back office: suggested answers on a case", () => {
  let t: TestApp;
  let client: BackofficeClient;
  let reference: string;

  before(async () => {
    t = await createTestApp({ env: { PUBLIC_URL: "http://guichet.test" } });
    await insertPackageFiches(t.database.db, t.deps.organisation.id, [
      ...PASSPORT,
      ...backgroundFicheIds(80).filter((id) => !PASSPORT.includes(id)),
    ]);
    const agent = await anAgent(t.database.db, { organisationId: t.deps.organisation.id, roles: ["agent"] });
    client = aBackofficeClient(t.app);
    await client.signIn(agent.email, agent.password);
    ({ reference } = await aCase(t.database.db, {
      organisationId: t.deps.organisation.id,
      subject: "Passeport perdu",
      body: "Bonjour, j'ai perdu mon passeport pendant les vacances. Comment en refaire un ? Merci.",
    }));
  });
  after(() => t.close());

  it("suggests passages with their source and inserts one after the text typed so far", async () => {
    const page = await client.get(`/admin/demandes/${reference}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h3 id="suggestions-titre">Réponses suggérées<\/h3>/);
    const sourceId = /name="action" value="suggestion:(F\d+)"/.exec(page.body)?.[1];
    assert.ok(sourceId && PASSPORT.includes(sourceId), sourceId);
    assert.match(page.body, new RegExp(`href="http://guichet.test/fiches/${sourceId}"`));

    const inserted = await client.post(`/admin/demandes/${reference}/reponse`, {
      action: `suggestion:${sourceId}`,
      texte: "Bonjour Madame,",
      statut: "",
    });
    assert.equal(inserted.statusCode, 200);
    const textarea = /<textarea id="reponse-texte"[^>]*>([^<]*)<\/textarea>/.exec(inserted.body)?.[1] ?? "";
    assert.match(textarea, /^Bonjour Madame,\n\n/);
    assert.match(textarea, new RegExp(`Source : [^\\n]+ — http://guichet.test/fiches/${sourceId}$`));
    // Nothing was sent: the thread still holds the citizen's message only.
    const messages = await t.database.db
      .selectFrom("case_messages")
      .innerJoin("cases", "cases.id", "case_messages.case_id")
      .select("case_messages.id")
      .where("cases.reference", "=", reference)
      .execute();
    assert.equal(messages.length, 1);
  });
});
