import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { anAgent } from "../../../test/factories/an-agent.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import type { AppError } from "../../shared/app-error.ts";
import { fixedClock } from "../../shared/clock.ts";
import { authenticateAgent, createAgent, ensureOrganisation, ensureSessionSecret } from "./index.ts";

describe("agents: creation and authentication", () => {
  let database: TestDatabase;
  let organisationId: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const policy = { maxPerEmail: 5, maxPerAddress: 3, windowMs: 15 * 60 * 1000 };

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await database.truncate();
    organisationId = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
  });
  after(() => database.close());

  it("creates an agent with a salted scrypt hash and an event, and refuses a duplicate address", async () => {
    const agent = await anAgent(database.db, {
      organisationId,
      email: "Marie.Durand@Mairie-Test.fr",
      roles: ["editor"],
    });
    assert.equal(agent.email, "marie.durand@mairie-test.fr");
    const row = await database.db
      .selectFrom("agents")
      .selectAll()
      .where("id", "=", agent.id)
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash ?? "", /^scrypt\$/);
    assert.deepEqual(row.roles, ["editor"]);
    const events = await database.db
      .selectFrom("events")
      .selectAll()
      .where("entity_id", "=", agent.id)
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ["created"],
    );
    await assert.rejects(
      anAgent(database.db, { organisationId, email: "marie.durand@mairie-test.fr" }),
      (error: AppError) => error.code === "CONFLICT" && /existe déjà/.test(error.userMessage),
    );
  });

  it("refuses a short password in French", async () => {
    await assert.rejects(
      createAgent(database.db, {
        organisationId,
        email: "a@b.fr",
        displayName: "A",
        roles: ["agent"],
        password: "court",
        clock,
      }),
      (error: AppError) =>
        error.code === "BAD_REQUEST" && error.userMessage.includes("au moins 12 caractères"),
    );
  });

  it("answers the same generic message for a wrong password and an unknown address", async () => {
    const agent = await anAgent(database.db, { organisationId });
    const attempt = (email: string, password: string) =>
      authenticateAgent(database.db, { organisationId, email, password, address: "10.0.0.1", clock, policy });
    const ok = await attempt(agent.email.toUpperCase(), agent.password);
    assert.equal(ok.id, agent.id);
    for (const [email, password] of [
      [agent.email, "mauvais-mot-de-passe"],
      ["inconnu@mairie-test.fr", agent.password],
    ] as const) {
      await assert.rejects(
        attempt(email, password),
        (error: AppError) =>
          error.code === "UNAUTHENTICATED" &&
          error.userMessage === "Adresse électronique ou mot de passe incorrect.",
      );
    }
  });

  it("limits failures per IP address across e-mails, until the window has passed", async () => {
    const agents = await Promise.all([1, 2, 3, 4].map(() => anAgent(database.db, { organisationId })));
    for (const agent of agents.slice(0, 3)) {
      await assert.rejects(
        authenticateAgent(database.db, {
          organisationId,
          email: agent.email,
          password: "faux",
          address: "10.0.0.9",
          clock,
          policy,
        }),
        (error: AppError) => error.code === "UNAUTHENTICATED",
      );
    }
    const fourth = agents[3]!;
    const login = (address: string) =>
      authenticateAgent(database.db, {
        organisationId,
        email: fourth.email,
        password: fourth.password,
        address,
        clock,
        policy,
      });
    await assert.rejects(login("10.0.0.9"), (error: AppError) => error.code === "TOO_MANY_REQUESTS");
    assert.equal((await login("10.0.0.10")).id, fourth.id, "another address is not blocked");
    clock.advance(15 * 60 * 1000 + 1);
    assert.equal((await login("10.0.0.9")).id, fourth.id);
  });

  it("keeps one session secret for every process", async () => {
    const [a, b] = await Promise.all([ensureSessionSecret(database.db), ensureSessionSecret(database.db)]);
    assert.equal(a, b);
    assert.ok(a.length >= 32);
    assert.equal(await ensureSessionSecret(database.db), a);
  });
});
