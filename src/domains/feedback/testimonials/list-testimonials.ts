/** Reading testimonials: the public page (published only) and the moderation queue. */
import { sql } from "kysely";
import type {
  Db,
  TestimonialChannel,
  TestimonialFeeling,
  TestimonialStatus,
} from "../../../shared/database.ts";
import { selectTestimonial, type Testimonial, testimonialNotFound } from "./testimonial.ts";
import { isTestimonialTag } from "./testimonial-labels.ts";

export const PUBLIC_PAGE_SIZE = 10;

export type PublicTestimonial = {
  id: string;
  channel: TestimonialChannel;
  title: string;
  story: string;
  feeling: TestimonialFeeling;
  tags: string[];
  reply: string | null;
  publishedAt: Date;
};

export type PublicTestimonialPage = {
  items: PublicTestimonial[];
  total: number;
  page: number;
  pageCount: number;
};

/** Published testimonials, newest first; an unknown tag filters nothing out rather than failing. */
export async function listPublishedTestimonials(
  db: Db,
  input: { organisationId: string; tag?: string | undefined; page?: number },
): Promise<PublicTestimonialPage> {
  const tag = input.tag && isTestimonialTag(input.tag) ? input.tag : undefined;
  let base = db
    .selectFrom("testimonials")
    .where("organisation_id", "=", input.organisationId)
    .where("status", "=", "publie");
  if (tag) base = base.where(sql<boolean>`${tag} = ANY(tags)`);
  const { count } = await base.select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const pageCount = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pageCount);
  const rows = await base
    .select(["id", "channel", "title", "story", "feeling", "tags", "reply", "published_at"])
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .limit(PUBLIC_PAGE_SIZE)
    .offset((page - 1) * PUBLIC_PAGE_SIZE)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      title: row.title,
      story: row.story,
      feeling: row.feeling,
      tags: row.tags,
      reply: row.reply,
      publishedAt: row.published_at as Date,
    })),
    total,
    page,
    pageCount,
  };
}

export type QueueEntry = {
  id: string;
  title: string;
  channel: TestimonialChannel;
  status: TestimonialStatus;
  flagged: boolean;
  hasDraft: boolean;
  createdAt: Date;
};

/** The moderation queue: waiting for moderation and approved-but-unpublished by default, oldest first. */
export async function listModerationQueue(
  db: Db,
  input: { organisationId: string; statuses?: TestimonialStatus[] },
): Promise<QueueEntry[]> {
  const statuses = input.statuses ?? ["a_moderer", "approuve"];
  const rows = await db
    .selectFrom("testimonials")
    .select(["id", "title", "channel", "status", "flagged_words", "reply_draft", "created_at"])
    .where("organisation_id", "=", input.organisationId)
    .where("status", "in", statuses)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    channel: row.channel,
    status: row.status,
    flagged: row.flagged_words.length > 0,
    hasDraft: row.reply_draft !== null,
    createdAt: row.created_at,
  }));
}

export type AgentTestimonialView = Testimonial & {
  drafterName: string | null;
  validatorName: string | null;
  actionTitle: string | null;
};

export async function getTestimonialForAgent(
  db: Db,
  input: { organisationId: string; testimonialId: string },
): Promise<AgentTestimonialView> {
  const testimonial = await selectTestimonial(db, input.organisationId, input.testimonialId);
  if (!testimonial) throw testimonialNotFound();
  const names = new Map<string, string>();
  const ids = [testimonial.replyDraftedBy, testimonial.replyValidatedBy].filter(
    (id): id is string => id !== null,
  );
  if (ids.length > 0) {
    const rows = await db
      .selectFrom("agents")
      .select(["id", "display_name"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "in", ids)
      .execute();
    for (const row of rows) names.set(row.id, row.display_name);
  }
  const action = testimonial.improvementActionId
    ? await db
        .selectFrom("improvement_actions")
        .select("title")
        .where("organisation_id", "=", input.organisationId)
        .where("id", "=", testimonial.improvementActionId)
        .executeTakeFirst()
    : undefined;
  return {
    ...testimonial,
    drafterName: testimonial.replyDraftedBy ? (names.get(testimonial.replyDraftedBy) ?? null) : null,
    validatorName: testimonial.replyValidatedBy ? (names.get(testimonial.replyValidatedBy) ?? null) : null,
    actionTitle: action?.title ?? null,
  };
}
