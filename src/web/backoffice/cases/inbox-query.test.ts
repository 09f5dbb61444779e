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
    const query = parseInboxQuery({ statut: "perdu", canal: "pigeon", equipe: "1 OR 1=1", a_moi: "oui" });
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
});
