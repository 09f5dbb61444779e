import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { AppError } from "../../shared/app-error.ts";
import { fixedClock } from "../../shared/clock.ts";
import { ensureOrganisation } from "../identity/index.ts";
import { checkFeedbackInvitation } from "./check-invitation.ts";
import { createFeedbackInvitation, invitationTokenHash } from "./create-invitation.ts";
import { submitFeedbackAnswer } from "./submit-answer.ts";

const DAY = 24 * 60 * 60 * 1000;

async function refused(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code);
  assert.equal(error.userMessage, message);
}

const FORGED =
  "Ce lien pour donner votre avis n'est pas valide : vérifiez qu'il est complet. Vous pouvez aussi donner votre avis sans lien.";

describe("feedback invitations", () => {
  let database: TestDatabase;
  let organisationId: string;
  const clock = fixedClock(new Date("2026-03-10T10:00:00Z"));
  const db = () => database.db;

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    clock.set(new Date("2026-03-10T10:00:00Z"));
    organisationId = (await ensureOrganisation(db(), { slug: "demo", name: "Démo" })).id;
  });
  afterEach(() => database.truncate());
  after(() => database.close());

  it("gives a 256-bit token once and stores only its SHA-256", async () => {
    const invitation = await createFeedbackInvitation(db(), {
      organisationId,
      channel: "chat",
      topic: "F1341",
      clock,
    });
    assert.match(invitation.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(invitation.token, "base64url").length, 32);
    const row = await db().selectFrom("feedback_invitations").selectAll().executeTakeFirstOrThrow();
    assert.equal(row.token_hash, invitationTokenHash(invitation.token));
    assert.ok(!JSON.stringify(row).includes(invitation.token));
    assert.equal(new Date(row.expires_at).toISOString(), "2026-04-09T10:00:00.000Z");
    const checked = await checkFeedbackInvitation(db(), { organisationId, token: invitation.token, clock });
    assert.deepEqual([checked.channel, checked.topic], ["chat", "F1341"]);
  });

  it("binds the answer to the invitation, once: a replay says « Vous avez déjà répondu, merci. »", async () => {
    const { token } = await createFeedbackInvitation(db(), {
      organisationId,
      channel: "email",
      topic: "F1342",
      clock,
    });
    const first = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      channel: "web",
      topic: "autre",
      invitationToken: token,
      submissionKey: "a",
      answers: { satisfaction: "tres_bien" },
    });
    assert.equal(first.created, true);
    const row = await db().selectFrom("feedback_answers").selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([row.channel, row.topic, row.invitation_id !== null], ["email", "F1342", true]);
    // The same form again (double click) shows the thanks; another form with the same link is refused.
    const again = await submitFeedbackAnswer(db(), {
      organisationId,
      clock,
      invitationToken: token,
      submissionKey: "a",
      answers: { satisfaction: "tres_bien" },
    });
    assert.equal(again.created, false);
    await refused(
      submitFeedbackAnswer(db(), {
        organisationId,
        clock,
        invitationToken: token,
        submissionKey: "b",
        answers: { satisfaction: "pas_bien" },
      }),
      "CONFLICT",
      "Vous avez déjà répondu, merci.",
    );
    await refused(
      checkFeedbackInvitation(db(), { organisationId, token, clock }),
      "CONFLICT",
      "Vous avez déjà répondu, merci.",
    );
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 1);
  });

  it("stores one answer when one link is posted from two forms at once", async () => {
    const { token } = await createFeedbackInvitation(db(), { organisationId, channel: "email", clock });
    const results = await Promise.allSettled(
      ["x", "y"].map((key) =>
        submitFeedbackAnswer(db(), {
          organisationId,
          clock,
          invitationToken: token,
          submissionKey: key,
          answers: { satisfaction: "moyen" },
        }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 1);
  });

  it("refuses forged and expired tokens in French, storing nothing", async () => {
    await refused(
      submitFeedbackAnswer(db(), {
        organisationId,
        clock,
        invitationToken: "abc",
        answers: { satisfaction: "moyen" },
      }),
      "NOT_FOUND",
      FORGED,
    );
    await refused(
      checkFeedbackInvitation(db(), { organisationId, token: "A".repeat(43), clock }),
      "NOT_FOUND",
      FORGED,
    );
    const { token } = await createFeedbackInvitation(db(), { organisationId, channel: "email", clock });
    clock.advance(30 * DAY + 1);
    await refused(
      submitFeedbackAnswer(db(), {
        organisationId,
        clock,
        invitationToken: token,
        answers: { satisfaction: "moyen" },
      }),
      "NOT_FOUND",
      "Ce lien pour donner votre avis a expiré : il était valable 30 jours. Vous pouvez tout de même donner votre avis sans lien.",
    );
    const other = (await ensureOrganisation(db(), { slug: "autre", name: "Autre" })).id;
    clock.set(new Date("2026-03-10T10:00:00Z"));
    await refused(
      checkFeedbackInvitation(db(), { organisationId: other, token, clock }),
      "NOT_FOUND",
      FORGED,
    );
    assert.equal((await db().selectFrom("feedback_answers").selectAll().execute()).length, 0);
  });
});
