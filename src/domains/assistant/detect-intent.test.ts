import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  detectIntent,
  isCancel,
  looksLikeFollowUp,
  readChoice,
  readContact,
  readYesNo,
} from "./detect-intent.ts";

describe("detectIntent", () => {
  it("recognises a request for a person however it is phrased", () => {
    for (const text of [
      "parler à un agent",
      "Je voudrais parler à un humain !",
      "un conseiller svp",
      "Puis-je avoir quelqu'un au téléphone ?",
      "AGENT",
    ]) {
      assert.equal(detectIntent(text).type, "handoff", text);
    }
  });

  it("keeps small talk apart from a question that starts with a greeting", () => {
    assert.equal(detectIntent("Bonjour").type, "greeting");
    assert.equal(detectIntent("merci beaucoup").type, "thanks");
    assert.equal(detectIntent("Au revoir, bonne journée").type, "goodbye");
    assert.deepEqual(detectIntent("Bonjour, comment refaire mon passeport ?"), {
      type: "question",
      text: "comment refaire mon passeport ?",
    });
    assert.deepEqual(detectIntent("Bonjour madame, je cherche la déchetterie"), {
      type: "question",
      text: "je cherche la déchetterie",
    });
  });

  it("finds a status question, with or without a reference", () => {
    assert.deepEqual(detectIntent("Où en est ma demande gu-2026-000123 ?"), {
      type: "case_status",
      reference: "GU-2026-000123",
    });
    assert.deepEqual(detectIntent("où en est mon dossier ?"), { type: "case_status", reference: null });
  });

  it("refuses insults but not frustration", () => {
    assert.equal(detectIntent("espèce de connard").type, "abusive");
    assert.equal(detectIntent("c'est débile, ce formulaire ne marche pas").type, "question");
    assert.equal(
      detectIntent("c'est peut-être une question idiote mais où est la mairie ?").type,
      "question",
    );
  });
});

describe("context-bound readings", () => {
  it("reads a choice as a number, an ordinal or its label", () => {
    const labels = ["Carte d'identité", "Carte grise"];
    assert.equal(readChoice("2", labels), 1);
    assert.equal(readChoice("le premier", labels), 0);
    assert.equal(readChoice("carte grise", labels), 1);
    assert.equal(readChoice("3", labels), null);
    assert.equal(readChoice("et pour un mineur ?", labels), null);
  });

  it("reads yes and no only in short answers", () => {
    assert.equal(readYesNo("Oui merci"), true);
    assert.equal(readYesNo("non pas du tout"), false);
    assert.equal(readYesNo("non, je voulais savoir comment faire une demande de logement social"), null);
  });

  it("finds an e-mail address or a French phone number", () => {
    assert.deepEqual(readContact("écrivez à Jeanne.Martin@Example.org svp"), {
      email: "jeanne.martin@example.org",
      phone: null,
    });
    assert.deepEqual(readContact("06 12 34 56 78"), { email: null, phone: "0612345678" });
    assert.deepEqual(readContact("+33 6 12 34 56 78"), { email: null, phone: "+33612345678" });
    assert.deepEqual(readContact("pas maintenant"), { email: null, phone: null });
  });

  it("tells a follow-up and a cancellation", () => {
    assert.equal(looksLikeFollowUp("et pour un mineur ?"), true);
    assert.equal(looksLikeFollowUp("combien ça coûte ?"), true);
    assert.equal(looksLikeFollowUp("Je voudrais inscrire mon fils à la cantine scolaire de la ville"), false);
    assert.equal(isCancel("annuler"), true);
    assert.equal(isCancel("non merci"), true);
    assert.equal(isCancel("06 12 34 56 78"), false);
  });
});
