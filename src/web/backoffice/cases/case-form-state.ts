import type { CaseAction } from "./labels.ts";

/** What a case page form sent back when it is shown again (error, or a template applied). */
export type CaseFormState = {
  error?: { form: CaseAction; fieldId: string; message: string } | undefined;
  replyText?: string | undefined;
  replyStatus?: string | undefined;
  /** Documents cannot be kept across a refused post: the form says so when some were sent. */
  replyFilesDropped?: boolean | undefined;
  templateId?: string | undefined;
  noteText?: string | undefined;
  mergeTarget?: string | undefined;
};

/** The id of the field an error is about, so the summary links to it. */
export function errorFieldId(form: CaseAction, domainField: unknown): string {
  switch (form) {
    case "reponse":
      return domainField === "attachments" ? "reponse-documents" : "reponse-texte";
    case "note":
      return "note-texte";
    case "affectation":
      return domainField === "teamId" ? "affectation-equipe" : "affectation-agent";
    case "statut":
      return "statut-choix";
    case "fusion":
      return "fusion-cible";
  }
}
