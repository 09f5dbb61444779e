import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { aCase } from "../../test/factories/a-case.ts";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/test-db.ts";
import { ERASED_SUBJECT } from "../domains/cases/index.ts";
import { callerHash } from "../domains/channels/voice/index.ts";
import { ensureOrganisation, type Organisation } from "../domains/identity/index.ts";
import { fixedClock } from "../shared/clock.ts";
import { citizenDataCommand, USAGE } from "./citizen-data.ts";

describe("citizen-data command", () => {
  let database: TestDatabase;
  let organisation: Organisation;
  let dir: string;
  let lines: string[];
  let stdout: string;
  const clock = fixedClock(new Date("2026-03-10T09:00:00Z"));
  const run = (...args: string[]) =>
    citizenDataCommand(args, {
      db: database.db,
      organisation,
      clock,
      say: (line) => lines.push(line),
      stdout: (text) => {
        stdout += text;
      },
    });
  const subjectOf = async (reference: string) =>
    (
      await database.db
        .selectFrom("cases")
        .select("subject")
        .where("reference", "=", reference)
        .executeTakeFirstOrThrow()
    ).subject;

  before(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "guichet-citizen-"));
  });
  beforeEach(async () => {
    await database.truncate();
    organisation = await ensureOrganisation(database.db, { slug: "demo", name: "Ville de Démo" });
    lines = [];
    stdout = "";
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  });

  it("lists the cases of the address, and refuses a missing address with the usage", async () => {
    const opened = await aCase(database.db, {
      organisationId: organisation.id,
      clock,
      contact: { name: "Jeanne", email: "jeanne@exemple.fr" },
    });
    assert.equal(await run("--email", "Jeanne@Exemple.fr"), 0);
    assert.deepEqual(lines, [`1 demande(s) avec l'adresse Jeanne@Exemple.fr : ${opened.reference}.`]);
    lines = [];
    assert.equal(await run("--erase"), 2);
    assert.deepEqual(lines, [USAGE]);
  });

  it("exports to a private file, never over an existing one, and to stdout with -", async () => {
    await aCase(database.db, {
      organisationId: organisation.id,
      clock,
      subject: "Carte d'identité",
      contact: { name: "Jeanne", email: "jeanne@exemple.fr" },
    });
    const file = path.join(dir, "jeanne.json");
    assert.equal(await run("--email", "jeanne@exemple.fr", "--export", file), 0);
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(data.format, "guichet-donnees-usager/2");
    assert.equal(data.cases[0].subject, "Carte d'identité");
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(await run("--email", "jeanne@exemple.fr", "--export", file, "--erase", "--confirm"), 1);
    assert.match(lines.at(-1) ?? "", /existe déjà : choisissez un autre nom\. Rien n'a été effacé\./);
    assert.equal(await subjectOf(data.cases[0].reference), "Carte d'identité", "nothing erased");

    assert.equal(await run("--email", "jeanne@exemple.fr", "--export", "-"), 0);
    assert.equal(JSON.parse(stdout).cases.length, 1);
  });

  it("erases only with --confirm", async () => {
    const opened = await aCase(database.db, {
      organisationId: organisation.id,
      clock,
      contact: { name: "Jeanne", email: "jeanne@exemple.fr" },
    });
    assert.equal(await run("--email", "jeanne@exemple.fr", "--erase"), 1);
    assert.match(lines.at(-1) ?? "", /relancez avec --erase --confirm/);
    assert.notEqual(await subjectOf(opened.reference), ERASED_SUBJECT);
    assert.equal(await run("--email", "jeanne@exemple.fr", "--erase", "--confirm"), 0);
    assert.match(
      lines.at(-1) ?? "",
      /^Effacé : 1 demande\(s\) \(1 message\(s\) vidé\(s\), 0 document\(s\) supprimé\(s\)\), 1 courriel\(s\) envoyé\(s\)/,
    );
    assert.equal(await subjectOf(opened.reference), ERASED_SUBJECT);
  });
  it("finds and erases by phone number too, and lists the recordings to delete at the provider", async () => {
    const opened = await aCase(database.db, {
      organisationId: organisation.id,
      clock,
      contact: { name: "Jeanne", phone: "+33 6 12 34 56 78" },
    });
    const ref = "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE1";
    await database.db
      .insertInto("calls")
      .values({
        id: "00000000-0000-4000-8000-000000000001",
        organisation_id: organisation.id,
        provider: "twilio",
        provider_call_id: "CA1",
        caller_hash: callerHash(organisation.id, "0612345678"),
        started_at: clock.now(),
        state: "{}",
        recording_consent: true,
        recording_ref: ref,
        recorded_at: clock.now(),
      })
      .execute();
    assert.equal(await run("--phone", "abc"), 2);
    assert.deepEqual(lines, [USAGE]);
    lines = [];
    assert.equal(await run("--phone", "06 12 34 56 78", "--erase", "--confirm"), 0);
    assert.equal(lines[0], `1 demande(s) avec le numéro 06 12 34 56 78 : ${opened.reference}.`);
    assert.match(lines[1] ?? "", /^Effacé : 1 demande\(s\) .*, 1 appel\(s\) détaché\(s\) de l'usager\.$/);
    assert.equal(
      lines[2],
      `Enregistrements à supprimer chez l'opérateur téléphonique (le guichet n'en garde plus la référence) :\n  ${ref}`,
    );
    assert.equal(await subjectOf(opened.reference), ERASED_SUBJECT);
  });
});
