/**
 * Read-only queries for the public site: only PUBLISHED local items whose publication date has
 * come. Drafts never leave the back office.
 */
import { AppError } from "../../../shared/app-error.ts";
import type { Db, LocalItemKind } from "../../../shared/database.ts";

/** What a citizen may see of a local item. */
export type PublishedItem = {
  id: string;
  kind: LocalItemKind;
  slug: string;
  title: string;
  summary: string;
  /** Plain text: blank-line separated paragraphs and "- " list items. */
  body: string;
  altQuestions: string[];
  publishedAt: Date | null;
};

const COLUMNS = ["id", "kind", "slug", "title", "summary", "body", "alt_questions", "published_at"] as const;

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;

export const PUBLISHED_ITEM_NOT_FOUND: Record<LocalItemKind, string> = {
  procedure: "Cette démarche n'existe pas ou n'est plus publiée.",
  faq: "Cette question n'existe pas ou n'est plus publiée.",
  news: "Cette actualité n'existe pas ou n'est plus publiée.",
};

function publishedQuery(db: Db, options: { organisationId: string; kind: LocalItemKind; now: Date }) {
  return db
    .selectFrom("local_items")
    .select(COLUMNS)
    .where("organisation_id", "=", options.organisationId)
    .where("kind", "=", options.kind)
    .where("status", "=", "published")
    .where((eb) => eb.or([eb("published_at", "is", null), eb("published_at", "<=", options.now)]));
}

function toPublished(row: {
  id: string;
  kind: LocalItemKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  alt_questions: string[];
  published_at: Date | null;
}): PublishedItem {
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    altQuestions: row.alt_questions,
    publishedAt: row.published_at,
  };
}

/** Newest first for news; alphabetical for procedures and FAQ. */
export async function listPublishedItems(
  db: Db,
  options: { organisationId: string; kind: LocalItemKind; now: Date; limit?: number },
): Promise<PublishedItem[]> {
  let query = publishedQuery(db, options);
  query =
    options.kind === "news"
      ? query.orderBy("published_at", "desc").orderBy("id")
      : query.orderBy("title").orderBy("id");
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map(toPublished);
}

export async function findPublishedItem(
  db: Db,
  options: { organisationId: string; kind: LocalItemKind; slug: string; now: Date },
): Promise<PublishedItem | null> {
  if (!SLUG_PATTERN.test(options.slug)) return null;
  const row = await publishedQuery(db, options).where("slug", "=", options.slug).executeTakeFirst();
  return row ? toPublished(row) : null;
}

/** Like findPublishedItem, but a missing, draft or malformed slug is a French 404. */
export async function getPublishedItem(
  db: Db,
  options: { organisationId: string; kind: LocalItemKind; slug: string; now: Date },
): Promise<PublishedItem> {
  const item = await findPublishedItem(db, options);
  if (!item) {
    throw new AppError("NOT_FOUND", {
      message: `${options.kind} ${options.slug.slice(0, 40)} not published`,
      userMessage: PUBLISHED_ITEM_NOT_FOUND[options.kind],
    });
  }
  return item;
}
