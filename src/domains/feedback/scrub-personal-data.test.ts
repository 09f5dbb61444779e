import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scrubPersonalData } from "./scrub-personal-data.ts";

function scrubs(cases: [string, string][]) {
  for (const [input, expected] of cases) assert.equal(scrubPersonalData(input), expected, input);
}

describe("scrubPersonalData", () => {
  it("masks e-mail addresses, also with accents or spelled « arobase »", () => {
    scrubs([
      ["Écrivez-moi à jean.dupont+avis@mail.fr merci", "Écrivez-moi à [e-mail] merci"],
      ["mon mail : Hélène.Éva@orange.fr.", "mon mail : [e-mail]."],
      ["contact jean.dupont arobase gmail.com svp", "contact [e-mail] svp"],
    ]);
  });

  it("masks French phone numbers in their usual forms", () => {
    scrubs([
      ["appelez le 06 12 34 56 78 svp", "appelez le [téléphone] svp"],
      ["tel 0612345678.", "tel [téléphone]."],
      ["au 01.23.45.67.89 ou", "au [téléphone] ou"],
      ["au 01-23-45-67-89", "au [téléphone]"],
      ["+33 6 12 34 56 78", "[téléphone]"],
      ["+33612345678", "[téléphone]"],
      ["+33 (0)1 23 45 67 89", "[téléphone]"],
      ["0033 6 12 34 56 78", "[téléphone]"],
    ]);
  });

  it("masks social security numbers (NIR), with or without key and spaces", () => {
    scrubs([
      ["NIR 1 84 12 75 123 456 78 ok", "NIR [NIR] ok"],
      ["sécu 184127512345678", "sécu [NIR]"],
      ["2 90 05 2A 004 012", "[NIR]"],
    ]);
  });

  it("masks IBANs", () => {
    scrubs([
      ["IBAN FR76 3000 6000 0112 3456 7890 189 merci", "IBAN [IBAN] merci"],
      ["iban fr7630006000011234567890189", "iban [IBAN]"],
    ]);
  });

  it("masks card numbers that pass the Luhn check, keeps other long numbers as numbers", () => {
    scrubs([
      ["carte 5555 5555 5555 4444 refusée", "carte [carte bancaire] refusée"],
      ["carte 4111-1111-1111-1111", "carte [carte bancaire]"],
      ["payé avec 4111111111111111", "payé avec [carte bancaire]"],
    ]);
    assert.equal(scrubPersonalData("code 4111111111111112"), "code [numéro]");
  });

  it("masks postal addresses: number, bis/ter, street type and name, postcode and town", () => {
    scrubs([
      ["J'habite 12 rue de la Paix depuis 2010", "J'habite [adresse] depuis 2010"],
      ["au 3 bis avenue Victor Hugo, 75016 Paris.", "au [adresse], [code postal et commune]."],
      ["5, allée des Lilas et le bruit", "[adresse] et le bruit"],
      ["le 14 ter chemin du Moulin", "le [adresse]"],
      [
        "courrier envoyé au 8 bd Gambetta 13001 Marseille Cedex 01",
        "courrier envoyé au [adresse] [code postal et commune]",
      ],
      ["69003 LYON", "[code postal et commune]"],
      ["13100 Aix-en-Provence", "[code postal et commune]"],
      ["2 impasse des écoles", "[adresse]"],
    ]);
  });

  it("masks names introduced as such, and names after a civility", () => {
    scrubs([
      ["Bonjour, je m'appelle Jean Dupont et je suis ravi", "Bonjour, je m'appelle [nom] et je suis ravi"],
      ["je m’appelle marie", "je m’appelle [nom]"],
      ["Mon nom est Durand, merci", "Mon nom est [nom], merci"],
      ["je suis Mme Martin, habitante", "je suis Mme [nom], habitante"],
      ["je suis M. Lefèvre", "je suis M. [nom]"],
      ["Moi c'est Karim.", "Moi c'est [nom]."],
      ["Mme Durand à l'accueil était très aimable", "[nom] à l'accueil était très aimable"],
      ["merci à Monsieur Éric Petit", "merci à [nom]"],
    ]);
  });

  it("masks case references and numbers of files", () => {
    scrubs([
      ["dossier GU-2026-000123 en retard", "dossier [référence] en retard"],
      ["ma demande n° 2024-5678 est bloquée", "ma demande n° [référence] est bloquée"],
      ["numéro allocataire 1234567", "numéro allocataire [référence]"],
      ["référence : AB12345X", "référence : [référence]"],
      ["mon numéro fiscal 0312345678901", "mon numéro fiscal [référence]"],
      ["code 12345678 reçu", "code [numéro] reçu"],
    ]);
  });

  it("leaves ordinary opinions, dates, times, amounts and counts alone", () => {
    const plain = [
      "Très bien accueilli, attente de 20 minutes seulement.",
      "Le 12 mars 2026 à 14 h 30, le guichet était fermé.",
      "J'ai payé 25 € pour 2 actes de naissance.",
      "Je suis très content du service, merci à toute l'équipe !",
      "La mairie du 15e arrondissement est loin, 3 bus à prendre.",
      "Je suis allé 3 fois au guichet, rue principale fermée.",
      "Madame la Maire devrait lire ces avis.",
      "Horaires de la piscine en 2026 ?",
      "20000 caractères c'est long",
    ];
    for (const text of plain) assert.equal(scrubPersonalData(text), text);
  });

  it("masks everything at once in one long message", () => {
    const text =
      "Je m'appelle Paul Martin, 06 12 34 56 78, paul@exemple.fr, 4 rue des Écoles 75005 Paris, dossier GU-2026-000042.";
    assert.equal(
      scrubPersonalData(text),
      "Je m'appelle [nom], [téléphone], [e-mail], [adresse] [code postal et commune], dossier [référence].",
    );
  });
});
