import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAutomaticEmail } from "./detect-automatic.ts";

const person = {
  headers: {},
  fromAddress: "jeanne@example.org",
  messageId: "<abc@mail.example.org>",
  envelopeFrom: "jeanne@example.org",
  ownAddress: "guichet@mairie-demo.fr",
  ownMessageIdDomain: "mairie-demo.fr",
};

describe("detectAutomaticEmail", () => {
  it("lets a person's message through, including Auto-Submitted: no", () => {
    assert.equal(detectAutomaticEmail(person), undefined);
    assert.equal(detectAutomaticEmail({ ...person, headers: { "auto-submitted": "no" } }), undefined);
    assert.equal(detectAutomaticEmail({ ...person, fromAddress: "agent@mairie-demo.fr" }), undefined);
  });

  it("recognises auto-replies, lists, bounces and our own mail, with a French reason", () => {
    const cases: [Partial<typeof person>, RegExp][] = [
      [
        { headers: { "auto-submitted": "auto-replied" } },
        /Réponse automatique \(Auto-Submitted: auto-replied\)/,
      ],
      [{ headers: { precedence: "Bulk" } }, /Precedence: bulk/],
      [{ headers: { precedence: "junk" } }, /Precedence: junk/],
      [{ headers: { precedence: "list" } }, /Precedence: list/],
      [{ headers: { "x-autoreply": "yes" } }, /X-Autoreply/],
      [{ headers: { "list-id": "<annonces.example.org>" } }, /liste de diffusion/],
      [{ envelopeFrom: "" }, /non-remise/],
      [{ fromAddress: "MAILER-DAEMON@example.org" }, /non-remise/],
      [{ fromAddress: "Guichet@Mairie-Demo.fr" }, /adresse d'envoi de Guichet/],
      [{ messageId: "<123@MAIRIE-DEMO.FR>" }, /émis par Guichet lui-même/],
    ];
    for (const [change, reason] of cases) {
      assert.match(
        detectAutomaticEmail({ ...person, ...change }) ?? "(personne)",
        reason,
        JSON.stringify(change),
      );
    }
  });
});
