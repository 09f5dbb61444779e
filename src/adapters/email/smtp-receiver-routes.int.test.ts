/**
 * One SMTP receiver for several organisations (SMTP_IN_ROUTES), over real SMTP conversations on
 * loopback: each recipient's mail opens a case in its own organisation, an unknown recipient is
 * refused at RCPT with 550, and a slug without organisation stops the start.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import nodemailer from "nodemailer";
import { pino } from "pino";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/test-db.ts";
import { ConfigError, parseConfig } from "../../config.ts";
import { recordMessageIdDomain } from "../../domains/channels/email/index.ts";
import { ensureOrganisation } from "../../domains/identity/index.ts";
import { fixedClock } from "../../shared/clock.ts";
import { resolveInboundRoutes } from "./inbound-routes.ts";
import { startSmtpReceiver } from "./smtp-receiver.ts";

type SmtpFailure = Error & {
  responseCode?: number;
  response?: string;
  command?: string;
  rejected?: string[];
};

describe("SMTP receiver shared by several organisations", () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startSmtpReceiver>> | undefined;
  let demo = "";
  let autre = "";
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const config = parseConfig({
    SMTP_IN_PORT: "2525",
    SMTP_IN_ROUTES: "accueil@mairie-demo.fr=demo,autre.fr=autre,contact@services.autre.fr=demo",
  });

  const start = async ({ routes } = { routes: config.mail.inboundRoutes }) => {
    receiver = await startSmtpReceiver({
      db: database.db,
      clock,
      logger: pino({ level: "silent" }),
      organisationId: demo,
      router: await resolveInboundRoutes(database.db, routes, demo),
      publicUrl: "https://guichet.mairie-demo.fr",
      ownAddress: "guichet@mairie-demo.fr",
      ownMessageIdDomain: "mairie-demo.fr",
      port: 0,
      host: "127.0.0.1",
      maxBytes: 1024 * 1024,
    });
    return receiver;
  };
  const send = (to: string | string[], subject: string) =>
    nodemailer
      .createTransport({ host: "127.0.0.1", port: receiver?.port, secure: false, ignoreTLS: true })
      .sendMail({ from: "jeanne.martin@example.org", to, subject, text: "Bonjour." });
  const casesOf = (organisationId: string) =>
    database.db
      .selectFrom("cases")
      .select(["subject"])
      .where("organisation_id", "=", organisationId)
      .orderBy("subject")
      .execute()
      .then((rows) => rows.map((row) => row.subject));
  const inboundCount = async () =>
    (await database.db.selectFrom("inbound_emails").select("id").execute()).length;

  before(async () => {
    database = await createTestDatabase();
  });
  beforeEach(async () => {
    await receiver?.close();
    receiver = undefined;
    await database.truncate();
    demo = (await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" })).id;
    autre = (await ensureOrganisation(database.db, { slug: "autre", name: "Autre Ville" })).id;
    await recordMessageIdDomain(database.db, "mairie-demo.fr");
  });
  after(async () => {
    await receiver?.close();
    await database?.close();
  });

  it("files each message in the organisation of its recipient (address first, then domain)", async () => {
    await start();
    assert.match((await send("Accueil@Mairie-Demo.fr", "Pour la ville de démo")).response, /^250 /);
    await send("mairie@autre.fr", "Pour l'autre ville");
    await send("contact@services.autre.fr", "Adresse routée vers démo");
    assert.deepEqual(await casesOf(demo), ["Adresse routée vers démo", "Pour la ville de démo"]);
    assert.deepEqual(await casesOf(autre), ["Pour l'autre ville"]);
    const ack = await database.db
      .selectFrom("outbox_emails")
      .select(["organisation_id", "text_body"])
      .where("organisation_id", "=", autre)
      .executeTakeFirstOrThrow();
    assert.match(ack.text_body, /Autre Ville a bien reçu votre demande/, "acknowledged in its own name");
  });

  it("refuses an unknown recipient at RCPT with 550 and a standard reply, storing nothing", async () => {
    await start();
    const error = await send("someone@elsewhere.example", "Perdu").then(
      () => assert.fail("the recipient should have been refused"),
      (e: SmtpFailure) => e,
    );
    assert.equal(error.command, "RCPT TO");
    assert.equal(error.responseCode, 550);
    assert.equal(error.response, "550 5.1.1 Recipient address rejected: no such mailbox here");
    assert.equal(await inboundCount(), 0);
  });

  it("files a message for its known recipients only, one copy per organisation", async () => {
    await start();
    const info = await send(
      ["accueil@mairie-demo.fr", "inconnu@elsewhere.example", "etat-civil@autre.fr"],
      "Deux villes à la fois",
    );
    assert.deepEqual(info.rejected, ["inconnu@elsewhere.example"]);
    assert.deepEqual(await casesOf(demo), ["Deux villes à la fois"]);
    assert.deepEqual(await casesOf(autre), ["Deux villes à la fois"]);
    const stored = await database.db
      .selectFrom("inbound_emails")
      .select(["organisation_id", "envelope_to"])
      .orderBy("organisation_id")
      .execute();
    assert.deepEqual(
      stored.map((row) => [row.organisation_id, row.envelope_to]).sort(),
      [
        [autre, ["etat-civil@autre.fr"]],
        [demo, ["accueil@mairie-demo.fr"]],
      ].sort(),
    );
  });

  it("without routes, sends every recipient to the configured organisation", async () => {
    await start({ routes: undefined });
    await send("n-importe-qui@n-importe-ou.example", "Sans routage");
    assert.deepEqual(await casesOf(demo), ["Sans routage"]);
  });

  it("stops the start when a route names an organisation that does not exist", async () => {
    const routes = parseConfig({ SMTP_IN_PORT: "25", SMTP_IN_ROUTES: "a@b.fr=demo,c.fr=inconnue" }).mail
      .inboundRoutes;
    await assert.rejects(resolveInboundRoutes(database.db, routes, demo), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^SMTP_IN_ROUTES : aucune organisation « inconnue » dans la base\./);
      return true;
    });
  });
});
