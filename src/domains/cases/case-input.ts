/** Checks and cleans what a citizen or an agent typed; refusals are AppError BAD_REQUEST in French. */
import { AppError } from "../../shared/app-error.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import type { CaseContact } from "./case.ts";

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 20_000;
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

// Deliberately loose (RFC 5322 allows much more): one @, a dot in the domain, no spaces or angle brackets.
const EMAIL_PATTERN = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]{2,}$/;

function invalid(field: string, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid case input: ${field}`,
    userMessage,
    details: { field },
  });
}

export function cleanSubject(subject: string): string {
  const cleaned = collapseWhitespace(stripControlCharacters(subject ?? ""));
  if (cleaned === "") throw invalid("subject", "Veuillez indiquer l'objet de votre demande.");
  if (cleaned.length > MAX_SUBJECT_LENGTH)
    throw invalid("subject", `L'objet de la demande ne doit pas dépasser ${MAX_SUBJECT_LENGTH} caractères.`);
  return cleaned;
}

/** Plain text, kept as typed (line breaks too), without control characters; never interpreted as HTML. */
export function cleanBody(body: string): string {
  const cleaned = stripControlCharacters(body ?? "")
    .replace(/\r\n?/g, "\n")
    .trim();
  if (cleaned === "") throw invalid("body", "Veuillez écrire votre message.");
  if (cleaned.length > MAX_BODY_LENGTH)
    throw invalid(
      "body",
      `Le message ne doit pas dépasser ${MAX_BODY_LENGTH.toLocaleString("fr-FR")} caractères.`,
    );
  return cleaned;
}

export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(email);
}

/** Lower-cased, trimmed; throws when it does not look like an address. */
export function cleanEmail(email: string): string {
  const cleaned = email.trim().toLowerCase();
  if (!isValidEmail(cleaned))
    throw invalid("email", "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).");
  return cleaned;
}

function cleanPhone(phone: string): string {
  const cleaned = collapseWhitespace(stripControlCharacters(phone));
  const digits = cleaned.replace(/\D/g, "");
  if (!/^\+?[\d\s.\-()]+$/.test(cleaned) || digits.length < 6 || digits.length > 15)
    throw invalid("phone", "Le numéro de téléphone n'est pas valide (exemple : 01 23 45 67 89).");
  return cleaned;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return value.trim() === "" ? null : value;
}

export function cleanContact(contact: {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}): CaseContact {
  const rawName = blankToNull(contact.name);
  const rawEmail = blankToNull(contact.email);
  const rawPhone = blankToNull(contact.phone);
  const name =
    rawName === null ? null : collapseWhitespace(stripControlCharacters(rawName)).slice(0, MAX_NAME_LENGTH);
  const email = rawEmail === null ? null : cleanEmail(rawEmail);
  const phone = rawPhone === null ? null : cleanPhone(rawPhone);
  if (email === null && phone === null)
    throw invalid(
      "contact",
      "Indiquez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre.",
    );
  return { name: name === "" ? null : name, email, phone };
}
