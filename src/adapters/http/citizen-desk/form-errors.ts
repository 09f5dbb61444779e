import type { AppError } from "../../../shared/app-error.ts";

// The use cases name fields in English; the public forms use French names and ids.
const FORM_FIELDS: Record<string, string> = {
  subject: "sujet",
  body: "message",
  email: "email",
  phone: "telephone",
  contact: "email",
  attachments: "documents",
  topic: "theme",
};

/** The id of the form field a use-case refusal is about (the message field when it names none). */
export function formFieldOf(error: AppError): string {
  const field = error.details?.field;
  return (typeof field === "string" && FORM_FIELDS[field]) || "message";
}
