/**
 * Questionnaire editing on a real database: custom questionnaires, new versions (never an update),
 * the indicator guard of standard ones, publication, every state change with its event.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers/test-db.ts";
import { AppError } from "../../../shared/app-error.ts";
import { fixedClock } from "../../../shared/clock.ts";
import { newId } from "../../../shared/ids.ts";
import { ensureOrganisation } from "../../identity/index.ts";
import { findPublishedQuestionnaire, findQuestionnaireStatus } from "../questionnaires.repo.ts";
import { JDMA } from "../standard-questionnaires.ts";
import { submitFeedbackAnswer } from "../submit-answer.ts";
import { createQuestionnaire } from "./create-questionnaire.ts";
import { CUSTOM_TEMPLATE } from "./custom-template.ts";
import { definitionJson } from "./definition-json.ts";
import { getQuestionnaire } from "./get-questionnaire.ts";
import { listQuestionnaires } from "./list-questionnaires.ts";
import { saveQuestionnaireVersion } from "./save-questionnaire-version.ts";
import { setQuestionnaireStatus } from "./set-questionnaire-status.ts";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  return error;
}

describe("editing questionnaires", () => {
  let database: TestDatabase;
  let organisationId: string;
  const actorId = newId();
  const clock = fixedClock(new Date("2026-04-02T09:00:00Z"));
  const db = () => database.db;
  const events = async () =>
    (
      await db()
        .selectFrom("events")
        .select(["action", "actor_id", "data"])
        .where("entity_type", "=", "questionnaire")
        .where("actor_id", "is not", null)
        .orderBy("id")
        .execute()
    ).map((event) => event.action);
  const versionsOf = async (questionnaireId: string) =>
    db()
      .selectFrom("questionnaire_versions")
      .select(["version", "definition", "created_by"])
      .where("questionnaire_id", "=", questionnaireId)
      .orderBy("version")
      .execute();

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    organisationId = (await ensureOrganisation(db(), { slug: "demo", name: "Démo" })).id;
  });
  afterEach(() => database.truncate());
  after(() => database.close());

  it("creates a custom questionnaire as a draft, publishes it, answers it, and archives it", async () => {
    const { questionnaireId } = await createQuestionnaire(db(), {
      organisationId,
      slug: " Accueil-Mairie ",
      definitionText: definitionJson(CUSTOM_TEMPLATE),
      actorId,
      clock,
    });
    const row = await db()
      .selectFrom("questionnaires")
      .selectAll()
      .where("id", "=", questionnaireId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.slug, row.kind, row.status, row.current_version, row.title],
      ["accueil-mairie", "custom", "draft", 1, CUSTOM_TEMPLATE.title],
    );
    assert.deepEqual((await versionsOf(questionnaireId))[0]?.created_by, actorId);
    const slug = "accueil-mairie";
    assert.equal(
      await findPublishedQuestionnaire(db(), { organisationId, slug, clock }),
      null,
      "a draft is closed",
    );

    assert.deepEqual(
      await setQuestionnaireStatus(db(), {
        organisationId,
        questionnaireId,
        action: "publish",
        actorId,
        clock,
      }),
      { status: "published", slug },
    );
    const answer = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      questionnaireSlug: slug,
      answers: { accueil: "tres_bien", attente: "4" },
    });
    assert.equal(answer.questionnaire.kind, "custom");
    await setQuestionnaireStatus(db(), {
      organisationId,
      questionnaireId,
      action: "archive",
      actorId,
      clock,
    });
    assert.equal(await findQuestionnaireStatus(db(), { organisationId, slug }), "archived");
    const closed = await refusal(
      submitFeedbackAnswer(db(), {
        organisationId,
        clock,
        questionnaireSlug: slug,
        answers: { accueil: "mal" },
      }),
    );
    assert.equal(closed.code, "NOT_FOUND");
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 1);
    assert.deepEqual(await events(), ["created", "published", "archived"]);

    const listed = (await listQuestionnaires(db(), { organisationId, clock })).map(
      (q) => `${q.slug}:${q.status}:${q.answers}`,
    );
    assert.deepEqual(listed, [
      "jdma:published:0",
      "epic:published:0",
      "csat:published:0",
      "nps:published:0",
      "accueil-mairie:archived:1",
    ]);
  });

  it("refuses a bad or taken slug and a bad definition at once, storing nothing", async () => {
    const both = await refusal(
      createQuestionnaire(db(), { organisationId, slug: "jdma", definitionText: '{"v": 1}', actorId, clock }),
    );
    assert.equal(both.code, "BAD_REQUEST");
    assert.match(both.userMessage, /« jdma » est réservée/);
    assert.equal(both.details?.slug, both.userMessage);
    assert.deepEqual(
      ((both.details?.errors ?? []) as { path: string }[]).map((e) => e.path),
      ["/title", "/sections"],
    );
    await createQuestionnaire(db(), {
      organisationId,
      slug: "accueil",
      definitionText: definitionJson(CUSTOM_TEMPLATE),
      actorId,
      clock,
    });
    const taken = await refusal(
      createQuestionnaire(db(), {
        organisationId,
        slug: "accueil",
        definitionText: definitionJson(CUSTOM_TEMPLATE),
        actorId,
        clock,
      }),
    );
    assert.equal(taken.code, "CONFLICT");
    assert.equal(
      taken.userMessage,
      "Un questionnaire utilise déjà l'adresse /avis/accueil : choisissez-en une autre.",
    );
    assert.equal((await db().selectFrom("questionnaires").selectAll().execute()).length, 1);
    assert.deepEqual(await events(), ["created"]);
  });

  it("saves an edit as a new version, keeps the old one and its answers readable, and skips no-op edits", async () => {
    const [jdma] = await listQuestionnaires(db(), { organisationId, clock });
    const questionnaireId = jdma!.id;
    await submitFeedbackAnswer(db(), { organisationId, clock, answers: { satisfaction: "moyen" } });
    const edited = JSON.parse(JSON.stringify(JDMA)) as typeof JDMA;
    edited.title = "Votre avis compte";
    edited.sections[3]!.fields = edited.sections[3]!.fields.filter((field) => field.id !== "commentaire");
    clock.advance(60_000);
    const saved = await saveQuestionnaireVersion(db(), {
      organisationId,
      questionnaireId,
      definitionText: definitionJson(edited),
      baseVersion: 1,
      actorId,
      clock,
    });
    assert.deepEqual(saved, { version: 2, created: true });
    const versions = await versionsOf(questionnaireId);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    assert.deepEqual(versions[0]!.definition, JDMA, "version 1 is never updated");
    const detail = await getQuestionnaire(db(), { organisationId, questionnaireId });
    assert.deepEqual(
      [detail.title, detail.currentVersion, detail.shown.version, detail.shown.answers],
      ["Votre avis compte", 2, 2, 0],
    );
    assert.deepEqual(
      detail.versions.map((v) => `${v.version}:${v.answers}`),
      ["2:0", "1:1"],
    );
    const first = await getQuestionnaire(db(), { organisationId, questionnaireId, version: 1 });
    assert.ok(first.shown.definition?.sections[3]?.fields.some((field) => field.id === "commentaire"));

    const again = await saveQuestionnaireVersion(db(), {
      organisationId,
      questionnaireId,
      definitionText: JSON.stringify(edited),
      actorId,
      clock,
    });
    assert.deepEqual(again, { version: 2, created: false }, "the same text is not a new version");
    const stale = await refusal(
      saveQuestionnaireVersion(db(), {
        organisationId,
        questionnaireId,
        definitionText: definitionJson(JDMA),
        baseVersion: 1,
        actorId,
        clock,
      }),
    );
    assert.equal(stale.code, "CONFLICT");
    assert.match(stale.userMessage, /modifié entre-temps \(il en est à la version 2\)/);
    assert.deepEqual(await events(), ["version_saved"]);
    const unknown = await refusal(getQuestionnaire(db(), { organisationId, questionnaireId, version: 9 }));
    assert.equal(unknown.code, "NOT_FOUND");
  });

  it("refuses a JDMA version that drops an indicator question or a bad definition, naming the problem", async () => {
    const [jdma] = await listQuestionnaires(db(), { organisationId, clock });
    const questionnaireId = jdma!.id;
    const edited = JSON.parse(JSON.stringify(JDMA)) as typeof JDMA;
    edited.sections.splice(0, 1);
    const dropped = await refusal(
      saveQuestionnaireVersion(db(), {
        organisationId,
        questionnaireId,
        definitionText: JSON.stringify(edited),
        actorId,
        clock,
      }),
    );
    assert.equal(dropped.code, "BAD_REQUEST");
    assert.equal(
      dropped.userMessage,
      "Gardez la question « satisfaction » (indicateur « satisfaction ») : l'analyse des avis en dépend. Vous pouvez changer son libellé, pas la retirer.",
    );
    const syntax = await refusal(
      saveQuestionnaireVersion(db(), {
        organisationId,
        questionnaireId,
        definitionText: '{"v": 1,,}',
        actorId,
        clock,
      }),
    );
    assert.match(syntax.userMessage, /^Le texte n'est pas du JSON valide à la ligne 1, colonne 9/);
    const invalid = JSON.parse(JSON.stringify(JDMA)) as { sections: { fields: { label: string }[] }[] };
    invalid.sections[1]!.fields[0]!.label = "";
    const empty = await refusal(
      saveQuestionnaireVersion(db(), {
        organisationId,
        questionnaireId,
        definitionText: JSON.stringify(invalid),
        actorId,
        clock,
      }),
    );
    assert.deepEqual(empty.details?.errors, [
      {
        path: "/sections/1/fields/0/label",
        message: "Section 2, question 1 (« clarte »), « label » : le texte ne doit pas être vide.",
      },
    ]);
    assert.deepEqual(
      (await versionsOf(questionnaireId)).map((v) => v.version),
      [1],
    );
    assert.deepEqual(await events(), []);

    // A custom questionnaire has no such guard: the analysis does not depend on it.
    const { questionnaireId: customId } = await createQuestionnaire(db(), {
      organisationId,
      slug: "accueil",
      definitionText: JSON.stringify({ ...JDMA, title: "Copie" }),
      actorId,
      clock,
    });
    const saved = await saveQuestionnaireVersion(db(), {
      organisationId,
      questionnaireId: customId,
      definitionText: JSON.stringify({ ...edited, title: "Copie" }),
      actorId,
      clock,
    });
    assert.equal(saved.version, 2);
  });

  it("never archives the JDMA, and refuses what the status table does not allow", async () => {
    const [jdma] = await listQuestionnaires(db(), { organisationId, clock });
    const archive = await refusal(
      setQuestionnaireStatus(db(), {
        organisationId,
        questionnaireId: jdma!.id,
        action: "archive",
        actorId,
        clock,
      }),
    );
    assert.equal(archive.code, "CONFLICT");
    assert.match(archive.userMessage, /ne peut pas être archivé/);
    const publish = await refusal(
      setQuestionnaireStatus(db(), {
        organisationId,
        questionnaireId: jdma!.id,
        action: "publish",
        actorId,
        clock,
      }),
    );
    assert.equal(publish.userMessage, "Ce questionnaire est déjà publié.");
    assert.equal(
      (await refusal(getQuestionnaire(db(), { organisationId, questionnaireId: "pas-un-id" }))).code,
      "NOT_FOUND",
    );
    assert.deepEqual(await events(), []);
  });
});
