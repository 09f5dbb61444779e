import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conversationFilters, conversationsUrl, parseConversationsQuery } from "./conversations-query.ts";

describe("conversations query string", () => {
  it("reads the filters and writes them back unchanged", () => {
    const url =
      "du=2026-03-02&au=2026-03-08&sujet=F1342&canal=widget&resultat=answered&vote=oui&transfert=non&echange=1";
    const query = parseConversationsQuery(Object.fromEntries(new URLSearchParams(url)));
    assert.equal(conversationsUrl(query), `/admin/conversations?${url}`);
    assert.deepEqual(conversationFilters(query), {
      period: { from: "2026-03-02", to: "2026-03-08" },
      topic: { kind: "fiche", ficheId: "F1342" },
      channel: "widget",
      outcome: "answered",
      helpful: "yes",
      handedOff: false,
      exchanged: true,
    });
  });

  it("reads the town's pages under any prefix and « - » for none; drops unknown values", () => {
    const id = "0b8f2a52-6a3c-4c8e-9d52-1d6f3b0a9e11";
    assert.equal(parseConversationsQuery({ sujet: `faq:${id}` }).sujet, `local:${id}`);
    assert.deepEqual(conversationFilters(parseConversationsQuery({ sujet: "-" })).topic, { kind: "none" });
    const query = parseConversationsQuery({
      sujet: "F1342' OR 1=1",
      canal: "pigeon",
      resultat: "gagné",
      vote: "peut-être",
      transfert: "1",
      du: "2026-02-30",
    });
    assert.deepEqual(conversationFilters(query), {});
    assert.equal(conversationsUrl(query), "/admin/conversations");
  });

  it("keeps an open-ended period, and drops an end before the start", () => {
    assert.deepEqual(conversationFilters(parseConversationsQuery({ du: "2026-03-02" })).period, {
      from: "2026-03-02",
      to: "2999-12-31",
    });
    assert.equal(parseConversationsQuery({ du: "2026-03-02", au: "2026-03-01" }).au, undefined);
  });
});
