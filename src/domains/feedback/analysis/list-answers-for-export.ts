/**
 * The answers of a period for export, oldest first, in batches read by keyset (no OFFSET: a year of a
 * million answers streams in constant memory). Never the contact e-mail nor the raw answers JSON.
 */
import { sql } from "kysely";
import type { Db, FeedbackChannel, FeedbackKind } from "../../../shared/database.ts";
import { type AnalysisPeriod, parisMidnight } from "./analysis-period.ts";
import type { AnalysisFilters } from "./rollup-sums.ts";

export type AnswerExportRow = {
  id: string;
  submittedAt: Date;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  topic: string | null;
  satisfaction: number | null;
  clarity: number | null;
  helpSought: string[] | null;
  autonomous: boolean | null;
  helpTried: number | null;
  helpReached: number | null;
  helpQuality: number | null;
  csat: number | null;
  nps: number | null;
  verbatim: string | null;
  sentiment: number | null;
  verbatimTopics: string[];
};

export async function* listAnswersForExport(
  db: Db,
  options: { organisationId: string; period: AnalysisPeriod; filters: AnalysisFilters; batchSize?: number },
): AsyncGenerator<AnswerExportRow[]> {
  const { filters } = options;
  const batchSize = options.batchSize ?? 2000;
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const cursor = after;
    const rows = await db
      .selectFrom("feedback_answers")
      .select([
        "id",
        "submitted_at",
        "kind",
        "channel",
        "topic",
        "satisfaction",
        "clarity",
        "help_sought",
        "autonomous",
        "help_tried",
        "help_reached",
        "help_quality",
        "csat",
        "nps",
        "verbatim",
        "sentiment",
        "verbatim_topics",
      ])
      .where("organisation_id", "=", options.organisationId)
      .where("submitted_at", ">=", parisMidnight(options.period.from))
      .where("submitted_at", "<", parisMidnight(options.period.to))
      .$if(filters.channel !== undefined, (q) => q.where("channel", "=", filters.channel as FeedbackChannel))
      .$if(filters.topic !== undefined, (q) => q.where("topic", "=", filters.topic as string))
      .$if(filters.kind !== undefined, (q) => q.where("kind", "=", filters.kind as FeedbackKind))
      .$if(cursor !== undefined, (q) =>
        q.where(sql<boolean>`(submitted_at, id) > (${cursor?.at ?? null}, ${cursor?.id ?? null}::uuid)`),
      )
      .orderBy("submitted_at")
      .orderBy("id")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      id: row.id,
      submittedAt: row.submitted_at,
      kind: row.kind,
      channel: row.channel,
      topic: row.topic,
      satisfaction: row.satisfaction,
      clarity: row.clarity,
      helpSought: row.help_sought,
      autonomous: row.autonomous,
      helpTried: row.help_tried,
      helpReached: row.help_reached,
      helpQuality: row.help_quality,
      csat: row.csat,
      nps: row.nps,
      verbatim: row.verbatim,
      sentiment: row.sentiment,
      verbatimTopics: row.verbatim_topics ?? [],
    }));
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    after = { at: last.submitted_at, id: last.id };
  }
}
