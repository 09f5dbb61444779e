import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfig } from "./config.ts";

describe("parseConfig — SMTP_IN_ROUTES and retention", () => {
  it("sends every recipient to the configured organisation when no route is given", () => {
    assert.equal(parseConfig({ SMTP_IN_PORT: "2525" }).mail.inboundRoutes, undefined);
  });

  it("reads addresses and domains, lower-cased, with their organisation", () => {
    const config = parseConfig({
      SMTP_IN_PORT: "2525",
      SMTP_IN_ROUTES: " Mairie@Demo.fr = demo , autre.fr=autre,",
    });
    assert.deepEqual(config.mail.inboundRoutes, [
      { address: "mairie@demo.fr", organisationSlug: "demo" },
      { domain: "autre.fr", organisationSlug: "autre" },
    ]);
  });

  it("refuses bad routes with a French message naming the variable", () => {
    const bad = (routes: string) => () => parseConfig({ SMTP_IN_PORT: "2525", SMTP_IN_ROUTES: routes });
    assert.throws(
      bad("mairie@demo.fr"),
      /^ConfigError: SMTP_IN_ROUTES : « mairie@demo.fr » doit être de la forme adresse=organisation/,
    );
    assert.throws(bad("pas une adresse=demo"), /SMTP_IN_ROUTES : « pas une adresse=demo » doit être/);
    assert.throws(bad("a@b.fr=demo=x"), /SMTP_IN_ROUTES/);
    assert.throws(
      bad("a@b.fr=Demo_1"),
      /SMTP_IN_ROUTES : « Demo_1 » n'est pas un identifiant d'organisation/,
    );
    assert.throws(bad("a@b.fr=demo,A@B.fr=autre"), /SMTP_IN_ROUTES : « a@b.fr » figure deux fois\./);
    assert.throws(
      () => parseConfig({ SMTP_IN_ROUTES: "a@b.fr=demo" }),
      /SMTP_IN_ROUTES n'a d'effet qu'avec le récepteur SMTP : définissez aussi SMTP_IN_PORT\./,
    );
  });

  it("keeps closed cases three years, raw e-mails and conversations 90 days unless told otherwise", () => {
    assert.deepEqual(parseConfig({}).retention, {
      casesDays: 1095,
      emailsDays: 90,
      conversationsDays: 90,
      autoCloseDays: 15,
      recordingsDays: 30,
    });
    assert.deepEqual(
      parseConfig({
        RETENTION_CASES_DAYS: "365",
        RETENTION_EMAILS_DAYS: "30",
        RETENTION_CONVERSATIONS_DAYS: "7",
      }).retention,
      { casesDays: 365, emailsDays: 30, conversationsDays: 7, autoCloseDays: 15, recordingsDays: 30 },
    );
    assert.throws(
      () => parseConfig({ RETENTION_CASES_DAYS: "0" }),
      /RETENTION_CASES_DAYS doit être un entier/,
    );
    assert.throws(() => parseConfig({ RETENTION_EMAILS_DAYS: "trois" }), /RETENTION_EMAILS_DAYS/);
  });
});
