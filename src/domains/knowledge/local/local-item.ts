import type { LocalItemKind, PublicationStatus } from "../../../shared/database.ts";

export type { LocalItemKind, PublicationStatus };

export const LOCAL_ITEM_KINDS: readonly LocalItemKind[] = ["procedure", "faq", "news"];

/** A town's own content: a procedure ("démarche"), a FAQ entry or a news post. */
export type LocalItem = {
  id: string;
  organisationId: string;
  kind: LocalItemKind;
  slug: string;
  /** The question, for a FAQ entry. */
  title: string;
  summary: string;
  /** Plain text: blank-line separated paragraphs and "- " list items (see parseLocalBody). */
  body: string;
  /** FAQ: other ways citizens ask the same question. */
  altQuestions: string[];
  status: PublicationStatus;
  /** News: the publication date shown to readers; others: first publication. */
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function isLocalItemKind(value: string): value is LocalItemKind {
  return (LOCAL_ITEM_KINDS as readonly string[]).includes(value);
}
