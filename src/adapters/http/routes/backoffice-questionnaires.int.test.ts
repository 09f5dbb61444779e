/**
 * /admin/avis/questionnaires over HTTP, and what citizens see at /avis/<slug>: custom questionnaires
 * created, published, answered and archived; new versions of the JDMA (indicator questions kept); the
 * answer checked against the version the citizen saw; French errors with paths; admins only, CSRF-checked.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aBackofficeClient } from "../../../../test/factories/a-backoffice-client.ts";
import { anAgent } from "../../../../test/factories/an-agent.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/test-app.ts";
import { JDMA } from "../../../domains/feedback/standard-questionnaires.ts";
import { QUESTIONNAIRES_ADMIN_MESSAGE } from "../../../web/backoffice/questionnaires/labels.ts";
import { CSRF_REFUSED_MESSAGE } from "../plugins/backoffice-errors.tsx";

function text(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

const escaped = (message: string) => new RegExp(message.replace(/[.()?]/g, "\\$&"));

type Fields = [string, string][];

const CUSTOM = {
  v: 1,
  title: "Votre avis sur la médiathèque",
  sections: [
    {
      fields: [
        {
          type: "single_choice",
          id: "accueil",
          label: "Comment avez-vous été accueilli ?",
          required: true,
          options: [
            { value: "mal", label: "Mal" },
            { value: "bien", label: "Bien" },
          ],
        },
        { type: "text", id: "idee", label: "Une idée pour la médiathèque ?", maxLength: 500 },
      ],
    },
  ],
};

describe("questionnaires administration", () => {
  let t: TestApp;
  let orgId: string;
  let client: ReturnType<typeof aBackofficeClient>;
  let ip = 0;

  const citizenGet = (url: string) => t.app.inject({ method: "GET", url });
  const citizenPost = (url: string, fields: Fields) =>
    t.app.inject({
      method: "POST",
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      remoteAddress: `198.51.100.${++ip}`,
    });
  const hiddenFields = (html: string): Fields =>
    [...html.matchAll(/<input type="hidden" name="(_[a-z]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]);
  const answers = () =>
    t.database.db.selectFrom("feedback_answers").selectAll().orderBy("submitted_at").execute();
  const questionnaire = (slug: string) =>
    t.database.db
      .selectFrom("questionnaires")
      .selectAll()
      .where("organisation_id", "=", orgId)
      .where("slug", "=", slug)
      .executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
    orgId = t.deps.organisation.id;
    const admin = await anAgent(t.database.db, { organisationId: orgId, roles: ["admin"] });
    client = aBackofficeClient(t.app);
    assert.equal((await client.signIn(admin.email, admin.password)).statusCode, 303);
  });
  after(() => t.close());

  it("lists the questionnaires with their state, version, answers and public link", async () => {
    const page = await client.get("/admin/avis/questionnaires");
    assert.equal(page.statusCode, 200);
    const body = text(page.body);
    assert.match(body, /<h1>Questionnaires<\/h1>/);
    assert.match(body, /aria-current="page">Questionnaires<\/a>/);
    assert.match(
      body,
      /<th scope="row">Je donne mon avis<\/th><td>jdma<\/td><td>Je donne mon avis \(standard de l'État\)<\/td><td>Publié<\/td><td>1<\/td><td>0<\/td><td><a href="\/avis">/,
    );
    assert.match(body, /<a href="\/avis\/epic">\/avis\/epic/);
    // The JDMA is never archived: no button offers it; EPIC can be.
    assert.doesNotMatch(body, /Archiver<span class="visually-hidden"> « Je donne mon avis »/);
    assert.match(body, /Archiver<span class="visually-hidden"> « Ce que vous retiendrez de votre démarche »/);
  });

  it("creates a custom questionnaire, publishes it, takes an answer at /avis/<slug>, archives it", async () => {
    const form = await client.get("/admin/avis/questionnaires/nouveau");
    assert.equal(form.statusCode, 200);
    assert.match(
      text(form.body),
      /"title": "Votre avis sur l'accueil de la mairie"/,
      "the template is offered",
    );
    assert.match(
      form.body,
      /<legend>Votre avis sur l(&#x27;|')accueil de la mairie<\/legend>/,
      "with its preview",
    );

    const refused = await client.post("/admin/avis/questionnaires/nouveau", {
      slug: "Médiathèque",
      definition: '{"v": 1, "title": ""}',
    });
    assert.equal(refused.statusCode, 400);
    const refusedText = text(refused.body);
    assert.match(refusedText, /Le formulaire contient 3 erreurs/);
    assert.match(refusedText, /<a href="#_slug">L'adresse ne peut contenir que des lettres minuscules/);
    assert.match(
      refusedText,
      /<a href="#_definition">\/title — « title » : le texte ne doit pas être vide\.<\/a>/,
    );
    assert.match(
      refusedText,
      /<a href="#_definition">\/sections — « sections » : cette propriété est obligatoire\.<\/a>/,
    );
    assert.match(refused.body, /aria-describedby="_definition-aide _definition-erreur"/);
    assert.match(refused.body, /value="Médiathèque"/, "the form keeps what was typed");
    assert.equal((await t.database.db.selectFrom("questionnaires").select("id").execute()).length, 4);

    const created = await client.post("/admin/avis/questionnaires/nouveau", {
      slug: "mediatheque",
      definition: JSON.stringify(CUSTOM),
    });
    assert.equal(created.statusCode, 303);
    const row = await questionnaire("mediatheque");
    assert.deepEqual([row.kind, row.status, row.current_version], ["custom", "draft", 1]);
    const edit = await client.get(created.headers.location as string);
    assert.match(text(edit.body), /Questionnaire créé en brouillon/);
    assert.match(text(edit.body), /<dt>État<\/dt><dd>Brouillon<\/dd>/);
    assert.equal((await citizenGet("/avis/mediatheque")).statusCode, 404, "a draft is not open");

    assert.equal(
      (await client.post(`/admin/avis/questionnaires/${row.id}/statut`, { action: "publish" })).statusCode,
      303,
    );
    const open = await citizenGet("/avis/mediatheque");
    assert.equal(open.statusCode, 200);
    assert.match(text(open.body), /<h1>Votre avis sur la médiathèque<\/h1>/);
    assert.deepEqual(
      hiddenFields(open.body).filter(([name]) => name !== "_cle"),
      [
        ["_canal", "web"],
        ["_version", "1"],
      ],
    );
    const answered = await citizenPost("/avis/mediatheque", [
      ...hiddenFields(open.body),
      ["accueil", "bien"],
    ]);
    assert.equal(answered.statusCode, 303);
    assert.deepEqual(
      (await answers()).map((a) => [
        a.kind,
        a.questionnaire_version,
        (a.answers as Record<string, unknown>).accueil,
      ]),
      [["custom", 1, "bien"]],
    );

    assert.equal(
      (
        await client.post(`/admin/avis/questionnaires/${row.id}/statut`, {
          action: "archive",
          retour: "liste",
        })
      ).headers.location,
      "/admin/avis/questionnaires",
    );
    const closed = await citizenGet("/avis/mediatheque");
    assert.equal(closed.statusCode, 404);
    assert.match(text(closed.body), /<h1>Ce questionnaire n'est plus ouvert<\/h1>/);
    assert.match(text(closed.body), /il ne reçoit plus de réponses/);
    const late = await citizenPost("/avis/mediatheque", [...hiddenFields(open.body), ["accueil", "mal"]]);
    assert.equal(late.statusCode, 404);
    assert.match(text(late.body), /Ce questionnaire n'est plus ouvert/);
    assert.equal((await answers()).length, 1, "no answer stored once archived");
    const list = text((await client.get("/admin/avis/questionnaires")).body);
    assert.match(
      list,
      /<td>mediatheque<\/td><td>Personnalisé<\/td><td>Archivé<\/td><td>1<\/td><td>1<\/td><td>Non ouvert aux usagers<\/td>/,
    );
    assert.match(list, /Rouvrir<span class="visually-hidden"> « Votre avis sur la médiathèque »/);
  });

  it("refuses a JDMA version without an indicator question, or with broken JSON, in French, storing nothing", async () => {
    const jdma = await questionnaire("jdma");
    await client.get(`/admin/avis/questionnaires/${jdma.id}`);
    const withoutClarity = {
      ...JDMA,
      sections: JDMA.sections.filter((section) => section.title !== "Clarté"),
    };
    const dropped = await client.post(`/admin/avis/questionnaires/${jdma.id}`, {
      definition: JSON.stringify(withoutClarity),
      version_base: "1",
    });
    assert.equal(dropped.statusCode, 400);
    assert.match(
      text(dropped.body),
      /<a href="#_definition">Gardez la question « clarte » \(indicateur « clarté »\) : l'analyse des avis en dépend\./,
    );
    assert.match(dropped.body, /<title>Erreur : /);
    assert.match(text(dropped.body), /Aperçu du texte envoyé \(non enregistré\)/);

    const broken = await client.post(`/admin/avis/questionnaires/${jdma.id}`, {
      definition: '{\n  "v": 1\n  "title": "Avis"\n}',
      version_base: "1",
    });
    assert.equal(broken.statusCode, 400);
    assert.match(text(broken.body), /Le texte n'est pas du JSON valide à la ligne 3, colonne 3/);
    assert.match(text(broken.body), /"title": "Avis"/, "the text is kept to be fixed");
    assert.equal((await questionnaire("jdma")).current_version, 1);
    const versions = await t.database.db
      .selectFrom("questionnaire_versions")
      .select("version")
      .where("questionnaire_id", "=", jdma.id)
      .execute();
    assert.equal(versions.length, 1);
  });

  it("checks an answer against the version the citizen saw when a new one is published meanwhile", async () => {
    const before = (await answers()).length;
    const form = await citizenGet("/avis");
    assert.deepEqual(
      hiddenFields(form.body).find(([name]) => name === "_version"),
      ["_version", "1"],
    );

    const jdma = await questionnaire("jdma");
    const edited = JSON.parse(JSON.stringify(JDMA)) as typeof JDMA;
    edited.sections[3]!.fields = edited.sections[3]!.fields.filter((field) => field.id !== "commentaire");
    await client.get(`/admin/avis/questionnaires/${jdma.id}`);
    const saved = await client.post(`/admin/avis/questionnaires/${jdma.id}`, {
      definition: JSON.stringify(edited),
      version_base: "1",
    });
    assert.equal(saved.statusCode, 303);
    assert.match(text((await client.get(saved.headers.location as string)).body), /Version 2 enregistrée/);
    assert.deepEqual(
      hiddenFields((await citizenGet("/avis")).body).find(([name]) => name === "_version"),
      ["_version", "2"],
    );

    const sent = await citizenPost("/avis", [
      ...hiddenFields(form.body),
      ["satisfaction", "tres_bien"],
      ["commentaire", "Très bon accueil."],
    ]);
    assert.equal(sent.statusCode, 303);
    const row = (await answers())[before]!;
    assert.equal(row.questionnaire_version, 1);
    assert.equal(row.verbatim, "Très bon accueil.", "the question removed in version 2 is still taken");

    // A refusal on the old form is shown with the old questions, still tagged version 1.
    // Without the form's key (already used by the answer above): a new form, not a repeat.
    const again = hiddenFields(form.body).filter(([name]) => name !== "_cle");
    const wrong = await citizenPost("/avis", [...again, ["clarte", "9"]]);
    assert.equal(wrong.statusCode, 400);
    assert.match(text(wrong.body), /Souhaitez-vous nous en dire plus \?/);
    assert.ok(hiddenFields(wrong.body).some(([name, value]) => name === "_version" && value === "1"));

    const forged = await citizenPost("/avis", [
      ...again.filter(([name]) => name !== "_version"),
      ["_version", "7"],
      ["satisfaction", "moyen"],
    ]);
    assert.equal(forged.statusCode, 400);
    assert.match(text(forged.body), /<h1>Version du questionnaire inconnue<\/h1>/);
    assert.match(text(forged.body), /Rechargez la page du questionnaire pour y répondre\./);
    assert.equal((await answers()).length, before + 1);

    const old = await client.get(`/admin/avis/questionnaires/${jdma.id}/versions/1`);
    assert.equal(old.statusCode, 200);
    assert.match(
      text(old.body),
      /Ancienne version \(version actuelle : 2\), créée le [^.]+\. 1 réponse y a été donnée : elle se lit avec les questions ci-dessous\./,
    );
    assert.match(text(old.body), /Souhaitez-vous nous en dire plus \?/, "version 1 keeps its questions");
    assert.match(old.body, /<fieldset disabled>/);
    const edit = text((await client.get(`/admin/avis/questionnaires/${jdma.id}`)).body);
    assert.match(edit, /<th scope="row">1<\/th><td>[^<]+<\/td><td>1<\/td>/, "version 1 has its answer");
    assert.match(
      edit,
      /<code>clarte<\/code> : Qu'avez-vous pensé des informations/,
      "indicator questions listed",
    );
    const restart = text((await client.get(`/admin/avis/questionnaires/${jdma.id}?depuis=1`)).body);
    assert.match(restart, /Le texte ci-dessous reprend la version 1\./);
    assert.match(restart, /"id": "commentaire"/);
  });

  it("is reserved to administrators and checks the CSRF token", async () => {
    const agent = await anAgent(t.database.db, { organisationId: orgId, roles: ["agent", "editor"] });
    const theirs = aBackofficeClient(t.app);
    await theirs.signIn(agent.email, agent.password);
    const page = await theirs.get("/admin/avis/questionnaires");
    assert.equal(page.statusCode, 403);
    assert.match(text(page.body), escaped(QUESTIONNAIRES_ADMIN_MESSAGE));
    const post = await theirs.post("/admin/avis/questionnaires/nouveau", {
      slug: "pirate",
      definition: JSON.stringify(CUSTOM),
    });
    assert.equal(post.statusCode, 403);

    await client.get("/admin/avis/questionnaires/nouveau");
    const forged = await client.post(
      "/admin/avis/questionnaires/nouveau",
      { slug: "sans-jeton", definition: JSON.stringify(CUSTOM) },
      { csrf: null },
    );
    assert.equal(forged.statusCode, 403);
    assert.match(text(forged.body), escaped(CSRF_REFUSED_MESSAGE));
    const slugs = (await t.database.db.selectFrom("questionnaires").select("slug").execute()).map(
      (q) => q.slug,
    );
    assert.ok(!slugs.includes("pirate") && !slugs.includes("sans-jeton"));
    assert.equal((await client.get("/admin/avis/questionnaires/pas-un-id")).statusCode, 404);
    assert.equal((await theirs.get("/admin/avis/questionnaires/pas-un-id")).statusCode, 403);
  });
});
