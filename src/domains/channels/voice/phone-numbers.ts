/**
 * French phone numbers as callers' networks give them ("+33612345678", "0612345678", "0033612345678"):
 * the national form, the international form, and whether a number can receive an SMS (a mobile).
 */

/** "0612345678" for any way of writing a French number; the digits as they are for other numbers. */
export function nationalNumber(number: string): string {
  const digits = number.replace(/\D/g, "");
  if (digits.startsWith("33") && digits.length === 11) return `0${digits.slice(2)}`;
  if (digits.startsWith("0033") && digits.length === 13) return `0${digits.slice(4)}`;
  return digits;
}

/** A French mobile (06, 07): the only numbers the call offers to text. */
export function isFrenchMobile(number: string | null): boolean {
  return number !== null && /^0[67]\d{8}$/.test(nationalNumber(number));
}

/** "+33612345678" from a French number written any way; null when it is not a French number. */
export function internationalFrenchNumber(number: string): string | null {
  const national = nationalNumber(number);
  return /^0[1-9]\d{8}$/.test(national) ? `+33${national.slice(1)}` : null;
}
