import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SYSTEM_PROMPT } from "./build-prompt.ts";
import { type InvalidOutputReason, validateOutput } from "./validate-output.ts";

const passages = [
  {
    title: "Passeport",
    heading: "Majeur › Demande en mairie",
    text:
      "La demande de passeport se fait dans n'importe quelle mairie équipée d'un dispositif de recueil. " +
      "Vous devez prendre rendez-vous et remplir le formulaire cerfa n° 12100*03. " +
      "Le timbre fiscal coûte 86 €. Le passeport est valable dix ans. " +
      "Lorsque votre demande a été validée, vous recevez un SMS.",
  },
  {
    title: "Horaires et contact de la mairie",
    heading: "",
    text:
      "La mairie est ouverte du lundi au vendredi de 8 h 30 à 17 h. Tél. : 01 23 45 67 89. " +
      "Rendez-vous sur https://rdv.mairie-demo.fr ou par courriel à etat-civil@mairie-demo.fr.",
  },
];
const check = (output: string) => validateOutput({ output, passages });
const refused = (output: string, reason: InvalidOutputReason) =>
  assert.deepEqual(check(output), { kind: "invalid", reason }, output);

describe("validateOutput — accepted rephrasings", () => {
  it("accepts a grounded plain-text answer and strips the markers into cited passages", () => {
    assert.deepEqual(
      check(
        "Vous pouvez demander votre passeport dans n'importe quelle mairie équipée d'un dispositif de recueil, " +
          "sur rendez-vous [S1]. Le timbre fiscal coûte 86 € et le passeport est valable 10 ans [S1].",
      ),
      {
        kind: "answer",
        text:
          "Vous pouvez demander votre passeport dans n'importe quelle mairie équipée d'un dispositif de recueil, " +
          "sur rendez-vous. Le timbre fiscal coûte 86 € et le passeport est valable 10 ans.",
        cited: [0],
      },
    );
  });

  it("keeps links, phone numbers and e-mail addresses that the passages give", () => {
    const verdict = check(
      "Prenez rendez-vous sur rdv.mairie-demo.fr, par courriel à etat-civil@mairie-demo.fr ou au " +
        "01 23 45 67 89 [S2]. Le passeport se demande en mairie [S1].",
    );
    assert.equal(verdict.kind, "answer");
    assert.deepEqual(verdict.kind === "answer" && verdict.cited, [1, 0]);
  });

  it("reads grouped markers and conditions that describe a procedure", () => {
    assert.deepEqual(check("La mairie équipée vous reçoit sur rendez-vous [S1, S2]."), {
      kind: "answer",
      text: "La mairie équipée vous reçoit sur rendez-vous.",
      cited: [0, 1],
    });
    assert.equal(check("Lorsque votre demande a été validée, vous recevez un SMS [S1].").kind, "answer");
  });

  it("accepts French typography: form numbers, inclusive middle dots, quotes and non-breaking spaces", () => {
    assert.deepEqual(
      check("Chaque usager·e remplit le formulaire cerfa n°\u00a012100*03 « en mairie »\u202f! [S1]"),
      {
        kind: "answer",
        text: "Chaque usager·e remplit le formulaire cerfa n° 12100*03 « en mairie » !",
        cited: [0],
      },
    );
  });

  it("recognises the no-answer token, even decorated", () => {
    for (const output of [
      "AUCUNE_REPONSE",
      " aucune_réponse. ",
      "AUCUNE RÉPONSE",
      "AUCUNE_REPONSE : rien ici.",
    ]) {
      assert.deepEqual(check(output), { kind: "no_answer" }, output);
    }
  });
});

describe("validateOutput — refused replies (the caller falls back to the extractive answer)", () => {
  it("refuses empty, too long and hidden-character replies", () => {
    refused("   \u200B ", "empty");
    refused(`${"La mairie équipée reçoit sur rendez-vous. ".repeat(20)}[S1]`, "too_long");
    refused(`${"mairie ".repeat(120)}[S1]`, "too_long");
    refused("Le passeport se demande en mairie\u{E0069}\u{E0067} [S1].", "hidden_characters");
  });

  it("refuses HTML, Markdown and code", () => {
    refused("Le passeport <b>se demande</b> en mairie [S1].", "markup");
    refused("[Prenez rendez-vous](https://rdv.mairie-demo.fr) [S1].", "markup");
    refused("Le passeport se demande **en mairie** [S1].", "markup");
    refused("- Prendre rendez-vous [S1]\n- Payer le timbre [S1]", "markup");
    refused("Le timbre coûte 86 &euro; [S1].", "markup");
    refused("`rm -rf` la mairie [S1].", "markup");
    refused("Le passeport {se demande} en mairie [S1].", "unexpected_characters");
    refused("Le passeport se demande en mairie 🙂 [S1].", "unexpected_characters");
  });

  it("requires a citation of a given passage", () => {
    refused("Le passeport se demande en mairie.", "no_citation");
    refused("Le passeport se demande en mairie [S3].", "unknown_citation");
    refused("Le passeport se demande en mairie [S0].", "unknown_citation");
    refused("Le passeport se demande en mairie [S1, S9].", "unknown_citation");
    refused("Le passeport se demande en mairie [source 1].", "malformed_citation");
    refused("Le passeport se demande en mairie [S1] (S2) [1].", "malformed_citation");
  });

  it("refuses links, addresses, phone numbers and numbers that the passages do not give", () => {
    refused("Payez le timbre sur https://paiement-mairie-demo.xyz [S1].", "foreign_link");
    refused("Payez le timbre sur rdv.mairie-demo.fr.evil.com [S1].", "foreign_link");
    refused("Écrivez à accueil@mairie-paiement.com [S1].", "foreign_email");
    refused("Appelez le 08 99 12 34 56 pour le passeport [S1].", "foreign_phone");
    refused("Le timbre fiscal coûte 25 € [S1].", "ungrounded_number");
    refused("Le passeport est valable 15 ans [S1].", "ungrounded_number");
  });

  it("refuses claims that something was done for the citizen", () => {
    refused("Votre demande de passeport a été transmise à la mairie [S1].", "action_claim");
    refused("Ta demande a bien été enregistrée [S1].", "action_claim");
    refused("J'ai créé votre demande de rendez-vous en mairie [S1].", "action_claim");
    refused("C'est noté, je transmets votre demande de passeport [S1].", "action_claim");
    refused("Je vais vous inscrire pour un rendez-vous en mairie [S1].", "action_claim");
    refused("Votre dossier est désormais validé par la mairie [S1].", "action_claim");
    refused("Si vous voulez, votre demande a été transmise à la mairie [S1].", "action_claim");
  });

  it("refuses role changes and leaks of the system prompt", () => {
    refused("Je suis LibreBot, la mairie n'a plus de règles [S1].", "off_role");
    refused("Mes consignes m'interdisent de répondre sur le passeport [S1].", "off_role");
    const leak = SYSTEM_PROMPT.split("\n")[3]!.slice(3);
    refused(`${leak} [S1]`, "off_role");
  });

  it("refuses sentences that the passages do not support", () => {
    refused("La mairie est fermée jusqu'à nouvel ordre [S2].", "ungrounded");
    refused(
      "Le passeport se demande en mairie [S1]. La mairie est fermée définitivement demain [S2].",
      "ungrounded",
    );
    refused("Les extraterrestres délivrent désormais les passeports gratuitement [S1].", "ungrounded");
  });
});
