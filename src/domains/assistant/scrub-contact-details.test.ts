import assert from "node:assert/strict";
import { it } from "node:test";
import { scrubContactDetails } from "./scrub-contact-details.ts";

it("masks e-mail addresses, phone numbers, references, NIR and IBAN, keeps the rest", () => {
  assert.equal(
    scrubContactDetails(
      "Je suis jean.dupont@mail.fr, 06 12 34 56 78, dossier GU-2026-000123, NIR 1 84 12 75 123 456 78, IBAN FR76 3000 6000 0112 3456 7890 189 : horaires ?",
    ),
    "Je suis [e-mail], [téléphone], dossier [référence], NIR [NIR], IBAN [IBAN] : horaires ?",
  );
  assert.equal(scrubContactDetails("Horaires de la piscine en 2026 ?"), "Horaires de la piscine en 2026 ?");
});
