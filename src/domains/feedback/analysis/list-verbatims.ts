/**
 * Drill-down: the free texts behind a figure (a topic, a channel, a period), newest first, a page at a
 * time. Texts were scrubbed of personal data before storage; the contact e-mail is never read here.
 */

import { sql } from "kysely";
import { AppError } from "../../../shared/app-error.ts";
import type { Db, FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";
import { isUuid } from "../../../shared/ids.ts";
import { type AnalysisPeriod, parisMidnight } from "./analysis-period.ts";
import type { AnalysisFilters } from "./rollup-sums.ts";

export type VerbatimRow = {
  id: string;
  submittedAt: Date;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  topic: string | null;
  satisfaction: number | null;
  verbatim: string;
  sentiment: number | null;
  verbatimTopics: string[];
};

export type VerbatimPage = { rows: VerbatimRow[]; nextCursor: string | null };

export const VERBATIM_PAGE_SIZE = 20;

/** "<ISO instant>_<id>" of the last row shown: the next page starts strictly after it (stable under inserts). */
function parseCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = cursor.split("_");
  const at = new Date(iso ?? "");
  if (!id || !isUuid(id) || Number.isNaN(at.getTime())) {
    throw new AppError("BAD_REQUEST", {
      message: "invalid verbatim cursor",
      userMessage: "Le lien de la page suivante n'est pas valide. Revenez à la première page.",
    });
  }
  return { at, id };
}

export async function listVerbatims(
  db: Db,
  options: {
    organisationId: string;
    period: AnalysisPeriod;
    filters: AnalysisFilters;
    verbatimTopic?: string | undefined;
    cursor?: string | undefined;
    pageSize?: number;
  },
): Promise<VerbatimPage> {
  const { filters } = options;
  const pageSize = options.pageSize ?? VERBATIM_PAGE_SIZE;
  const after = options.cursor ? parseCursor(options.cursor) : undefined;
  const rows = await db
    .selectFrom("feedback_answers")
    .select([
      "id",
      "submitted_at",
      "kind",
      "channel",
      "topic",
      "satisfaction",
      "verbatim",
      "sentiment",
      "verbatim_topics",
    ])
    .where("organisation_id", "=", options.organisationId)
    .where("submitted_at", ">=", parisMidnight(options.period.from))
    .where("submitted_at", "<", parisMidnight(options.period.to))
    .where("verbatim", "is not", null)
    .$if(filters.channel !== undefined, (q) => q.where("channel", "=", filters.channel as FeedbackChannel))
    .$if(filters.topic !== undefined, (q) => q.where("topic", "=", filters.topic as string))
    .$if(filters.kind !== undefined, (q) => q.where("kind", "=", filters.kind as FeedbackKind))
    .$if(options.verbatimTopic !== undefined, (q) =>
      q.where(sql<boolean>`verbatim_topics @> ARRAY[${options.verbatimTopic as string}]::text[]`),
    )
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("submitted_at", "<", (after as { at: Date }).at),
          eb.and([
            eb("submitted_at", "=", (after as { at: Date }).at),
            eb("id", "<", (after as { id: string }).id),
          ]),
        ]),
      ),
    )
    .orderBy("submitted_at", "desc")
    .orderBy("id", "desc")
    .limit(pageSize + 1)
    .execute();
  const page = rows.slice(0, pageSize).map((row) => ({
    id: row.id,
    submittedAt: row.submitted_at,
    kind: row.kind,
    channel: row.channel,
    topic: row.topic,
    satisfaction: row.satisfaction,
    verbatim: row.verbatim ?? "",
    sentiment: row.sentiment,
    verbatimTopics: row.verbatim_topics ?? [],
  }));
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > pageSize && last ? `${last.submittedAt.toISOString()}_${last.id}` : null,
  };
}
