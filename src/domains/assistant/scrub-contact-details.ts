/**
 * Removes what identifies someone in a question kept for editors: e-mail addresses, phone numbers,
 * case references, social security (NIR) and bank (IBAN) numbers. Editors need the topic, not the person.
 */
const PATTERNS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[e-mail]"],
  [/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g, "[IBAN]"],
  [/\b[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b/g, "[NIR]"],
  [/(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g, "[téléphone]"],
  [/\b[A-Za-z]{2,10}-\d{4}-\d{6}\b/g, "[référence]"],
];

export function scrubContactDetails(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
