/**
 * Human-readable references: "<PREFIX>-<year>-<6 digits>", e.g. GU-2026-000123, numbered per
 * organisation and per year (the year of the town hall's clock, Europe/Paris), prefix set in
 * organisations.settings.casePrefix.
 */
import { sql } from "kysely";
import type { Db } from "../../shared/database.ts";

export const DEFAULT_CASE_PREFIX = "GU";
const PREFIX_PATTERN = /^[A-Z][A-Z0-9]{0,9}$/;
const REFERENCE_IN_TEXT = /(?<![A-Z0-9-])([A-Z][A-Z0-9]{0,9})-(\d{4})-(\d{6,9})(?![0-9])/gi;

export function isValidCasePrefix(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

export function casePrefixFromSettings(settings: Record<string, unknown> | null | undefined): string {
  const prefix = settings?.casePrefix;
  return typeof prefix === "string" && isValidCasePrefix(prefix) ? prefix : DEFAULT_CASE_PREFIX;
}

export function formatCaseReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

export function caseYear(date: Date, timeZone = "Europe/Paris"): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(date));
}

/** Every reference-looking token of a text (an e-mail subject), upper-cased, in order, without repeats. */
export function findReferencesInText(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(REFERENCE_IN_TEXT)) found.add(match[0].toUpperCase());
  return [...found];
}

/**
 * Takes the next number in the caller's transaction. The upsert locks the counter row until commit,
 * so concurrent opens of one organisation wait for each other and never share a number; a rolled
 * back open gives its number back.
 */
export async function nextCaseReference(
  db: Db,
  options: { organisationId: string; prefix: string; now: Date },
): Promise<string> {
  const year = caseYear(options.now);
  const counter = await db
    .insertInto("case_reference_counters")
    .values({ organisation_id: options.organisationId, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(["organisation_id", "year"]).doUpdateSet({
        last_value: sql<number>`case_reference_counters.last_value + 1`,
      }),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return formatCaseReference(options.prefix, year, counter.last_value);
}
