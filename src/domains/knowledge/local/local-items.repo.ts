import type { Db, LocalItemKind, PublicationStatus } from "../../../shared/database.ts";
import type { LocalItem } from "./local-item.ts";

type LocalItemRow = {
  id: string;
  organisation_id: string;
  kind: LocalItemKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  alt_questions: string[];
  status: PublicationStatus;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const COLUMNS = [
  "id",
  "organisation_id",
  "kind",
  "slug",
  "title",
  "summary",
  "body",
  "alt_questions",
  "status",
  "published_at",
  "created_at",
  "updated_at",
] as const;

function toLocalItem(row: LocalItemRow): LocalItem {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    altQuestions: row.alt_questions,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function selectLocalItem(
  db: Db,
  organisationId: string,
  kind: LocalItemKind,
  id: string,
): Promise<LocalItem | null> {
  const row = await db
    .selectFrom("local_items")
    .select(COLUMNS)
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toLocalItem(row) : null;
}

/** Every item of the organisation, drafts included, for the back office. */
export async function selectAllLocalItems(db: Db, organisationId: string): Promise<LocalItem[]> {
  const rows = await db
    .selectFrom("local_items")
    .select(COLUMNS)
    .where("organisation_id", "=", organisationId)
    .orderBy("kind")
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(toLocalItem);
}

export async function selectSlugsLike(
  db: Db,
  organisationId: string,
  kind: LocalItemKind,
  base: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom("local_items")
    .select("slug")
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", kind)
    .where((eb) => eb.or([eb("slug", "=", base), eb("slug", "like", `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function countLocalItems(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom("local_items")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertLocalItem(
  db: Db,
  values: {
    id: string;
    organisationId: string;
    kind: LocalItemKind;
    slug: string;
    title: string;
    summary: string;
    body: string;
    altQuestions: string[];
    publishedAt: Date | null;
    actorId: string | null;
    now: Date;
  },
): Promise<LocalItem> {
  const row = await db
    .insertInto("local_items")
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      kind: values.kind,
      slug: values.slug,
      title: values.title,
      summary: values.summary,
      body: values.body,
      alt_questions: values.altQuestions,
      status: "draft",
      published_at: values.publishedAt,
      created_by: values.actorId,
      updated_by: values.actorId,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toLocalItem(row);
}

export async function updateLocalItemRow(
  db: Db,
  key: { organisationId: string; kind: LocalItemKind; id: string },
  values: {
    title?: string;
    summary?: string;
    body?: string;
    altQuestions?: string[];
    status?: PublicationStatus;
    publishedAt?: Date | null;
    actorId: string | null;
    now: Date;
  },
): Promise<LocalItem | null> {
  const row = await db
    .updateTable("local_items")
    .set({
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.summary !== undefined ? { summary: values.summary } : {}),
      ...(values.body !== undefined ? { body: values.body } : {}),
      ...(values.altQuestions !== undefined ? { alt_questions: values.altQuestions } : {}),
      ...(values.status !== undefined ? { status: values.status } : {}),
      ...(values.publishedAt !== undefined ? { published_at: values.publishedAt } : {}),
      updated_by: values.actorId,
      updated_at: values.now,
    })
    .where("organisation_id", "=", key.organisationId)
    .where("kind", "=", key.kind)
    .where("id", "=", key.id)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toLocalItem(row) : null;
}

export async function deleteLocalItemRow(
  db: Db,
  key: { organisationId: string; kind: LocalItemKind; id: string },
): Promise<LocalItem | null> {
  const row = await db
    .deleteFrom("local_items")
    .where("organisation_id", "=", key.organisationId)
    .where("kind", "=", key.kind)
    .where("id", "=", key.id)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toLocalItem(row) : null;
}
