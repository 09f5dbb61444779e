import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inboxFilters, inboxUrl, parseInboxQuery } from "./inbox-query.ts";

describe("inbox query string", () => {
  it("reads the filters and writes them back unchanged", () => {
    const url =
      "statut=en_cours&equipe=0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11&canal=phone&a_moi=1&non_affectees=1&en_retard=1&q=cantine";
    const query = parseInboxQuery(Object.fromEntries(new URLSearchParams(url)));
    assert.equal(inboxUrl(query), `/admin/demandes?${url}`);
    assert.equal(inboxUrl(query, "abc"), `/admin/demandes?${url}&apres=abc`);
  });

  it("drops unknown values instead of refusing the page", () => {
    const query = parseInboxQuery({
      statut: "perdu",
      canal: "pigeon",
      equipe: "1 OR 1=1",
      a_moi: "oui",
      sujet: "F1342'--",
      du: "2026-02-30",
      au: "demain",
    });
    const now = new Date();
    assert.deepEqual(inboxFilters(query, now), { now });
    assert.equal(inboxUrl(query), "/admin/demandes");
  });

  it("turns « en retard » into a deadline passed before now", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const filters = inboxFilters(parseInboxQuery({ en_retard: "1" }), now);
    assert.equal(filters.dueBefore?.toISOString(), "2026-03-10T12:00:00.000Z");
    assert.equal(inboxFilters(parseInboxQuery({}), now).dueBefore, undefined);
  });

  it("reads a topic and an opening period, as Paris days both included", () => {
    const url = "sujet=F1342&du=2026-03-29&au=2026-03-31";
    const query = parseInboxQuery(Object.fromEntries(new URLSearchParams(url)));
    assert.equal(inboxUrl(query), `/admin/demandes?${url}`);
    const filters = inboxFilters(query, new Date("2026-04-01T10:00:00Z"));
    assert.deepEqual(filters.topic, { ficheId: "F1342" });
    // 29 March 2026 starts in winter time (UTC+1); 1 April starts in summer time (UTC+2).
    assert.equal(filters.openedFrom?.toISOString(), "2026-03-28T23:00:00.000Z");
    assert.equal(filters.openedBefore?.toISOString(), "2026-03-31T22:00:00.000Z");
  });

  it("reads the town's own page under any of its prefixes, and « - » for requests without a topic", () => {
    const id = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";
    for (const prefix of ["local", "faq", "procedure"]) {
      const query = parseInboxQuery({ sujet: `${prefix}:${id}` });
      assert.equal(query.sujet, `local:${id}`);
      assert.deepEqual(inboxFilters(query, new Date()).topic, { localItemId: id });
    }
    assert.equal(inboxFilters(parseInboxQuery({ sujet: "-" }), new Date()).topic, "none");
    assert.equal(parseInboxQuery({ sujet: "local:pas-un-uuid" }).sujet, undefined);
  });
});
