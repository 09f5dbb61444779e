import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { AppError } from "../../shared/app-error.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { ensureStandardQuestionnaires } from "./ensure-standard-questionnaires.ts";
import { saveQuestionnaireVersion } from "./questionnaires/save-questionnaire-version.ts";
import { EPIC } from "./standard-questionnaires.ts";
import { submitFeedbackAnswer } from "./submit-answer.ts";

async function refused(promise: Promise<unknown>, code: string, message: RegExp | string): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code);
  if (typeof message === "string") assert.equal(error.userMessage, message);
  else assert.match(error.userMessage, message);
  return error;
}

describe("submitting a feedback answer", () => {
  let database: TestDatabase;
  let organisationId: string;
  const clock = fixedClock(new Date("2026-03-10T10:00:00Z"));
  const db = () => database.db;

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    organisationId = (await ensureOrganisation(db(), { slug: "demo", name: "Démo" })).id;
  });
  afterEach(() => database.truncate());
  after(() => database.close());

  it("creates the built-in questionnaires once, whatever the number of calls", async () => {
    assert.deepEqual(await ensureStandardQuestionnaires(db(), { organisationId, clock }), {
      created: ["jdma", "epic", "csat", "nps"],
    });
    assert.deepEqual(await ensureStandardQuestionnaires(db(), { organisationId, clock }), { created: [] });
    const rows = await db()
      .selectFrom("questionnaires")
      .select(["slug", "current_version"])
      .orderBy("slug")
      .execute();
    assert.deepEqual(
      rows.map((row) => `${row.slug}:${row.current_version}`),
      ["csat:1", "epic:1", "jdma:1", "nps:1"],
    );
    const events = await db()
      .selectFrom("events")
      .select("action")
      .where("entity_type", "=", "questionnaire")
      .execute();
    assert.equal(events.length, 4);
  });

  it("stores the answer scrubbed of personal data, with its indicators, daily sums and event", async () => {
    const result = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      channel: "counter",
      topic: "F1341",
      submissionKey: "cle-1",
      answers: {
        satisfaction: "moyen",
        clarte: "3",
        aide: ["guichet", "telephone"],
        aide_administration: {
          guichet: { reached: "oui", quality: "excellente" },
          telephone: { reached: "non" },
        },
        commentaire:
          "Je m'appelle Jean Dupont, 06 12 34 56 78, jean.dupont@mail.fr, j'habite 12 rue de la Paix 75002 Paris. Dossier GU-2026-000123, NIR 1 84 12 75 123 456 78, IBAN FR76 3000 6000 0112 3456 7890 189.",
      },
    });
    assert.equal(result.created, true);
    const row = await db().selectFrom("feedback_answers").selectAll().executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const secret of [
      "Dupont",
      "06 12 34 56 78",
      "jean.dupont",
      "12 rue",
      "75002",
      "GU-2026",
      "184",
      "FR76",
    ])
      assert.ok(!raw.includes(secret), `"${secret}" is not stored`);
    assert.equal(
      row.verbatim,
      "Je m'appelle [nom], [téléphone], [e-mail], j'habite [adresse] [code postal et commune]. Dossier [référence], NIR [NIR], IBAN [IBAN].",
    );
    assert.equal((row.answers as Record<string, unknown>).commentaire, row.verbatim);
    assert.deepEqual(
      [row.kind, row.channel, row.topic, row.satisfaction, row.clarity, row.autonomous],
      ["jdma", "counter", "F1341", 5, 3, false],
    );
    assert.deepEqual([row.help_tried, row.help_reached, row.help_quality], [2, 1, 5]);
    assert.equal(row.contact_email, null);
    assert.equal(row.case_id, null);

    const daily = await db().selectFrom("feedback_daily").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [daily.day, daily.channel, daily.topic, daily.answers, daily.satisfaction_sum, daily.clarity_sum],
      ["2026-03-10", "counter", "F1341", 1, 5, 3],
    );
    const event = await db()
      .selectFrom("events")
      .select(["action", "data"])
      .where("entity_type", "=", "feedback_answer")
      .executeTakeFirstOrThrow();
    assert.equal(event.action, "submitted");
    assert.ok(!JSON.stringify(event.data).includes("Dupont"));
  });

  it("stores one answer when the same form is posted twice, also at the same time", async () => {
    const input = {
      organisationId,
      clock,
      submissionKey: "cle-double",
      answers: { satisfaction: "tres_bien" },
    };
    const first = await submitFeedbackAnswer(db(), input);
    const second = await submitFeedbackAnswer(db(), input);
    assert.equal(first.created, true);
    assert.deepEqual([second.created, second.answerId], [false, first.answerId]);
    const together = await Promise.all([
      submitFeedbackAnswer(db(), { ...input, submissionKey: "cle-simultanee" }),
      submitFeedbackAnswer(db(), { ...input, submissionKey: "cle-simultanee" }),
    ]);
    assert.deepEqual(together.map((r) => r.created).sort(), [false, true]);
    const count = await db()
      .selectFrom("feedback_answers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2);
    const daily = await db().selectFrom("feedback_daily").select("answers").executeTakeFirstOrThrow();
    assert.equal(daily.answers, 2);
  });

  it("refuses out-of-range values and 20,000 characters with French messages, storing nothing", async () => {
    const error = await refused(
      submitFeedbackAnswer(db(), {
        organisationId,
        clock,
        answers: { satisfaction: "moyen", clarte: "9", commentaire: "a".repeat(20000) },
      }),
      "BAD_REQUEST",
      "La note de « Qu'avez-vous pensé des informations et des instructions fournies ? » doit être un nombre entier de 1 à 5.",
    );
    assert.deepEqual(
      (error.details!.errors as { field: string }[]).map((e) => e.field),
      ["clarte", "commentaire"],
    );
    assert.match(
      (error.details!.errors as { message: string }[])[1]!.message,
      /fait 20\u202f000 caractères : 2\u202f000 au plus/,
    );
    await refused(
      submitFeedbackAnswer(db(), { organisationId, clock, questionnaireSlug: "nps", answers: { nps: "12" } }),
      "BAD_REQUEST",
      "La note de « Recommanderiez-vous ce service à un proche ? » doit être un nombre entier de 0 à 10.",
    );
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 0);
    assert.equal((await db().selectFrom("feedback_daily").selectAll().execute()).length, 0);
  });

  it("keeps the contact e-mail only when the citizen asked to be contacted, drops bad topics", async () => {
    await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      questionnaireSlug: "csat",
      topic: "<script>",
      answers: { csat: "2", contact: { wanted: "oui", email: "claire@exemple.fr" } },
    });
    const row = await db().selectFrom("feedback_answers").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.kind, row.csat, row.contact_email, row.topic],
      ["csat", 2, "claire@exemple.fr", null],
    );
    assert.ok(!JSON.stringify(row.answers).includes("claire"), "the address is not among the answers");
  });

  it("checks and stores an answer against the version the citizen saw, not the one published since", async () => {
    await ensureStandardQuestionnaires(db(), { organisationId, clock });
    const epic = await db()
      .selectFrom("questionnaires")
      .select("id")
      .where("slug", "=", "epic")
      .executeTakeFirstOrThrow();
    // Version 2 drops "moment_detail" and renames the answers of "moment".
    const next = JSON.parse(JSON.stringify(EPIC)) as typeof EPIC;
    const moment = next.sections[1]!;
    moment.fields = [
      {
        type: "single_choice",
        id: "moment",
        label: "Un moment vous a-t-il marqué ?",
        options: [
          { value: "oui", label: "Oui" },
          { value: "non", label: "Non" },
        ],
      },
    ];
    const saved = await saveQuestionnaireVersion(db(), {
      organisationId,
      questionnaireId: epic.id,
      definitionText: JSON.stringify(next),
      actorId: "00000000-0000-4000-8000-000000000001",
      clock,
    });
    assert.deepEqual(saved, { version: 2, created: true });

    const seenBefore = {
      satisfaction: "tres_bien",
      moment: "oui_en_bien",
      moment_detail: "L'accueil au guichet.",
    };
    const old = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      questionnaireSlug: "epic",
      questionnaireVersion: "1",
      answers: seenBefore,
    });
    assert.equal(old.questionnaire.version, 1);
    const stored = await db()
      .selectFrom("feedback_answers")
      .select(["questionnaire_version", "answers", "verbatim"])
      .where("id", "=", old.answerId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.questionnaire_version, 1);
    assert.deepEqual(stored.answers, seenBefore, "the question removed in version 2 is kept");
    assert.equal(stored.verbatim, "L'accueil au guichet.");

    // The same answers against the current version: "oui_en_bien" is no longer offered.
    await refused(
      submitFeedbackAnswer(db(), { organisationId, clock, questionnaireSlug: "epic", answers: seenBefore }),
      "BAD_REQUEST",
      "La réponse à « Un moment vous a-t-il marqué ? » n'est pas une des réponses proposées.",
    );
    const current = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      questionnaireSlug: "epic",
      answers: { satisfaction: "moyen", moment: "oui" },
    });
    assert.equal(current.questionnaire.version, 2);
    const versions = await db()
      .selectFrom("feedback_answers")
      .select("questionnaire_version")
      .orderBy("questionnaire_version")
      .execute();
    assert.deepEqual(
      versions.map((row) => row.questionnaire_version),
      [1, 2],
    );
    const event = await db()
      .selectFrom("events")
      .select("data")
      .where("entity_type", "=", "feedback_answer")
      .where("entity_id", "=", old.answerId)
      .executeTakeFirstOrThrow();
    assert.equal((event.data as { version: number }).version, 1);
  });

  it("refuses a version the questionnaire does not have, in French, storing nothing", async () => {
    await ensureStandardQuestionnaires(db(), { organisationId, clock });
    const message =
      "Ce formulaire correspond à une version du questionnaire qui n'existe pas. Rechargez la page du questionnaire pour y répondre.";
    for (const version of ["2", "0", "abc", "1.5"]) {
      const error = await refused(
        submitFeedbackAnswer(db(), {
          organisationId,
          clock,
          questionnaireVersion: version,
          answers: { satisfaction: "moyen" },
        }),
        "BAD_REQUEST",
        message,
      );
      assert.equal(error.details?.reason, "version_unknown", version);
    }
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 0);
    const absent = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      questionnaireVersion: "",
      answers: { satisfaction: "moyen" },
    });
    assert.equal(absent.questionnaire.version, 1, "no version given: the current one");
  });

  it("refuses an unknown questionnaire", async () => {
    await refused(
      submitFeedbackAnswer(db(), { organisationId, clock, questionnaireSlug: "inconnu", answers: {} }),
      "NOT_FOUND",
      "Ce questionnaire n'existe pas ou n'est plus proposé.",
    );
  });
});
