/**
 * Commitments per procedure on real cases (PGlite, and PostgreSQL with test:db), with a fixed clock:
 * which commitment a case opened on a procedure gets and its due date, one active commitment per
 * (channel, procedure) pair, the procedure checked against the catalogue and the town's pages, and the
 * calls commitment kept off cases.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { aCase } from "../../../test/factories/a-case.ts";
import { insertPackageFiches } from "../../../test/factories/a-fiche.ts";
import { aLocalItem } from "../../../test/factories/a-local-item.ts";
import { refusalOf } from "../../../test/helpers/refusal.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { fixedClock } from "../../shared/clock.ts";
import { newId } from "../../shared/ids.ts";
import type { CaseChannel } from "../cases/index.ts";
import { ensureOrganisation } from "../identity/index.ts";
import {
  type CommitmentInput,
  createCommitment,
  findCommitmentProcedures,
  listProcedureChoices,
  type ServiceCommitment,
  setCommitmentActive,
  updateCommitment,
} from "./index.ts";

/** Thursday 2 April 2026, 17:00 Paris (UTC+2); Monday 6 April is Easter Monday. */
const THURSDAY_17H = new Date("2026-04-02T15:00:00Z");

describe("commitments per procedure", () => {
  let database: TestDatabase;
  let org: string;
  let hallId: string;
  let draftId: string;
  const clock = fixedClock(new Date("2026-03-01T10:00:00Z"));
  const made = new Map<string, ServiceCommitment>();

  const form = (values: Partial<CommitmentInput> & { label: string }): CommitmentInput => ({
    measure: "first_reply",
    channel: "",
    delayUnit: "business_days",
    delayAmount: "1",
    targetPercent: "85",
    ...values,
  });
  const create = (values: Partial<CommitmentInput> & { label: string }) =>
    createCommitment(database.db, { organisationId: org, form: form(values), actorId: null, clock });

  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    org = (await ensureOrganisation(db, { slug: "ville", name: "Ville" })).id;
    await insertPackageFiches(db, org, ["F1427", "F1342"]);
    hallId = (
      await aLocalItem(db, {
        organisationId: org,
        kind: "procedure",
        status: "published",
        form: { title: "Réserver une salle municipale", body: "Un paragraphe." },
        clock,
      })
    ).id;
    draftId = (
      await aLocalItem(db, {
        organisationId: org,
        kind: "procedure",
        form: { title: "Démarche en préparation", body: "Un paragraphe." },
        clock,
      })
    ).id;
    for (const [key, values] of [
      [
        "every",
        { label: "Première réponse sous 48 h ouvrées", delayUnit: "business_hours", delayAmount: "48" },
      ],
      ["email", { label: "Courriels", measure: "resolution", channel: "email", delayAmount: "5" }],
      ["birth", { label: "Acte de naissance sous 3 jours ouvrés", fiche: "F1427", delayAmount: "3" }],
      [
        "birthByEmail",
        { label: "Acte de naissance par courriel", channel: "email", fiche: "F1427", delayAmount: "2" },
      ],
      ["hall", { label: "Salles sous 1 jour ouvré", procedure: `local:${hallId}` }],
      [
        "calls",
        { label: "85 % des appels décrochés", measure: "agent_answer", channel: "phone", delayAmount: "" },
      ],
    ] as const)
      made.set(key, await create(values));
    clock.set(THURSDAY_17H);
  });
  after(() => database.close());

  const id = (key: string) => made.get(key)?.id;
  const open = async (channel: CaseChannel, topic?: { ficheId?: string; localItemId?: string }) => {
    const { caseId } = await aCase(database.db, { organisationId: org, channel, topic, clock });
    const row = await database.db
      .selectFrom("cases")
      .select(["commitment_id", "due_at"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    return [row.commitment_id, row.due_at?.toISOString() ?? null];
  };

  it("stores the procedure, and names it by its title", async () => {
    assert.equal(made.get("birth")?.topic, "F1427");
    assert.equal(made.get("hall")?.topic, `local:${hallId}`);
    assert.deepEqual(made.get("calls")?.delay, null);
    const titles = await findCommitmentProcedures(database.db, {
      organisationId: org,
      commitments: [...made.values()],
    });
    assert.equal(titles.get(`local:${hallId}`), "Réserver une salle municipale");
    assert.match(titles.get("F1427") ?? "", /Acte de naissance/);
    assert.deepEqual(await listProcedureChoices(database.db, { organisationId: org }), [
      { topic: `local:${hallId}`, title: "Réserver une salle municipale" },
    ]);
  });

  it("opens each case under the most specific commitment, with that commitment's due date", async () => {
    // Open days after Thursday 2 April: Fri 3, (Easter Monday) Tue 7, Wed 8, Thu 9, Fri 10 — 17:30 each.
    assert.deepEqual(await open("email", { ficheId: "F1427" }), [
      id("birthByEmail"),
      "2026-04-07T15:30:00.000Z",
    ]);
    assert.deepEqual(await open("web", { ficheId: "F1427" }), [id("birth"), "2026-04-08T15:30:00.000Z"]);
    assert.deepEqual(await open("email", { ficheId: "F1342" }), [id("email"), "2026-04-10T15:30:00.000Z"]);
    assert.deepEqual(await open("counter", { localItemId: hallId }), [
      id("hall"),
      "2026-04-03T15:30:00.000Z",
    ]);
    // 0.5 h Thursday + 7.5 h a day from Friday: 48 h end on Tuesday 14 April at 11:00.
    assert.deepEqual(await open("web"), [id("every"), "2026-04-14T09:00:00.000Z"]);
    // The calls commitment never runs a clock: a phone request gets the one for every channel.
    assert.deepEqual(await open("phone"), [id("every"), "2026-04-14T09:00:00.000Z"]);
  });

  it("refuses a second active commitment for the same procedure and channel, here and in the database", async () => {
    const second = await refusalOf(
      create({ label: "Doublon", measure: "resolution", channel: "email", fiche: "F1427" }),
    );
    assert.equal(second.code, "CONFLICT");
    assert.equal(
      second.userMessage,
      "Un engagement actif existe déjà pour cette démarche sur ce canal : désactivez-le ou modifiez-le d'abord.",
    );
    assert.equal(second.details?.field, "fiche");
    const anyChannel = await refusalOf(create({ label: "Doublon", procedure: `local:${hallId}` }));
    assert.equal(anyChannel.details?.field, "procedure");
    assert.match(anyChannel.userMessage, /pour cette démarche, tous canaux confondus/);
    const calls = await refusalOf(
      create({ label: "Autres appels", measure: "agent_answer", channel: "phone" }),
    );
    assert.equal(calls.details?.field, "measure");
    // The same procedure on another channel is another pair.
    const byPhone = await create({
      label: "Acte de naissance au téléphone",
      channel: "phone",
      fiche: "F1427",
    });
    assert.equal(byPhone.topic, "F1427");

    // The unique index refuses what the use case would have refused.
    const now = new Date();
    const raw = (values: {
      measure: "first_reply" | "agent_answer";
      channel: "email" | "phone";
      topic: string | null;
    }) =>
      database.db
        .insertInto("service_commitments")
        .values({
          id: newId(),
          organisation_id: org,
          label: "Brut",
          ...values,
          delay_unit: values.measure === "agent_answer" ? null : "business_days",
          delay_amount: values.measure === "agent_answer" ? null : 2,
          target_share: 0.9,
          created_at: now,
          updated_at: now,
        })
        .execute();
    await assert.rejects(
      raw({ measure: "first_reply", channel: "email", topic: "F1427" }),
      /unique|duplicate/i,
    );
    await assert.rejects(
      raw({ measure: "agent_answer", channel: "phone", topic: null }),
      /unique|duplicate/i,
    );
    // …and a calls commitment on another channel, or with a procedure.
    await assert.rejects(raw({ measure: "agent_answer", channel: "email", topic: null }), /check/i);

    // Deactivated, the pair falls back to the procedure's commitment for every channel; reactivating
    // refuses while another one took its place.
    await setCommitmentActive(database.db, {
      organisationId: org,
      commitmentId: id("birthByEmail") ?? "",
      active: false,
      actorId: null,
      clock,
    });
    assert.deepEqual(await open("email", { ficheId: "F1427" }), [id("birth"), "2026-04-08T15:30:00.000Z"]);
    const replacement = await create({ label: "Actes par courriel", channel: "email", fiche: "F1427" });
    const reactivated = await refusalOf(
      setCommitmentActive(database.db, {
        organisationId: org,
        commitmentId: id("birthByEmail") ?? "",
        active: true,
        actorId: null,
        clock,
      }),
    );
    assert.equal(reactivated.code, "CONFLICT");
    assert.deepEqual(await open("email", { ficheId: "F1427" }), [replacement.id, "2026-04-03T15:30:00.000Z"]);
  });

  it("checks that the procedure exists: an imported fiche, a published procedure of the town", async () => {
    const unknown = await refusalOf(create({ label: "Inconnue", channel: "web", fiche: "F9999" }));
    assert.deepEqual(
      [unknown.code, unknown.details?.field, unknown.userMessage],
      [
        "BAD_REQUEST",
        "fiche",
        "La fiche F9999 ne figure pas parmi les fiches service-public.fr importées : vérifiez son numéro.",
      ],
    );
    const draft = await refusalOf(create({ label: "Brouillon", procedure: `local:${draftId}` }));
    assert.deepEqual(
      [draft.details?.field, draft.userMessage],
      [
        "procedure",
        "Cette démarche n'est pas publiée ou n'existe plus : choisissez-en une autre dans la liste.",
      ],
    );
    const faq = await aLocalItem(database.db, {
      organisationId: org,
      kind: "faq",
      status: "published",
      clock,
    });
    assert.equal(
      (await refusalOf(create({ label: "FAQ", procedure: `local:${faq.id}` }))).details?.field,
      "procedure",
    );
  });

  it("keeps a commitment on requests and one on calls apart when edited", async () => {
    const toCalls = await refusalOf(
      updateCommitment(database.db, {
        organisationId: org,
        commitmentId: id("every") ?? "",
        form: form({ label: "Appels", measure: "agent_answer", channel: "phone" }),
        actorId: null,
        clock,
      }),
    );
    assert.deepEqual(
      [toCalls.details?.field, toCalls.userMessage],
      [
        "measure",
        "Cet engagement porte sur les demandes : il ne peut pas porter sur les appels. Créez plutôt un nouvel engagement.",
      ],
    );
    const calls = await updateCommitment(database.db, {
      organisationId: org,
      commitmentId: id("calls") ?? "",
      form: form({
        label: "90 % des appels décrochés",
        measure: "agent_answer",
        channel: "phone",
        targetPercent: "90",
      }),
      actorId: null,
      clock,
    });
    assert.deepEqual([calls.label, calls.targetShare, calls.delay], ["90 % des appels décrochés", 0.9, null]);
    // Moving a commitment to a procedure applies to the cases opened afterwards.
    const moved = await updateCommitment(database.db, {
      organisationId: org,
      commitmentId: id("email") ?? "",
      form: form({
        label: "Courriels (cartes d'identité)",
        measure: "resolution",
        channel: "email",
        fiche: "F1342",
        delayAmount: "4",
      }),
      actorId: null,
      clock,
    });
    assert.equal(moved.topic, "F1342");
    assert.deepEqual(await open("email", { ficheId: "F1342" }), [id("email"), "2026-04-09T15:30:00.000Z"]);
    assert.deepEqual(await open("email"), [id("every"), "2026-04-14T09:00:00.000Z"]);
  });
});
