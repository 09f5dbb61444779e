/**
 * Removes what identifies someone in a question kept for editors (e-mail addresses, phone numbers, case
 * references, NIR, IBAN, card numbers, addresses, names): editors need the topic, not the person. The
 * rules are the feedback domain's, so a citizen's data is removed the same way wherever it is kept.
 */
import { scrubPersonalData } from "../feedback/index.ts";

export function scrubContactDetails(text: string): string {
  return scrubPersonalData(text);
}
