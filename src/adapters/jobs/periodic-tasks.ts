/**
 * The periodic tasks of every organisation. The retention purges: for every organisation of the instance: closed cases past
 * RETENTION_CASES_DAYS, raw inbound e-mails and settled outbox rows past RETENTION_EMAILS_DAYS,
 * the assistant's conversations quiet for longer than RETENTION_CONVERSATIONS_DAYS, references to
 * call recordings past RETENTION_RECORDINGS_DAYS; and resolved
 * cases the citizen did not reopen are closed after CASE_AUTO_CLOSE_DAYS (then fall under the first).
 * Every few hours rather than daily, so a process restarted often still gets there.
 * The daily digest of cases at risk and the hourly refresh of the activity rollups (dashboard and
 * results page) ride along (they need the same per-organisation loop).
 */
import type { RetentionConfig } from "../../config.ts";
import { purgeExpiredConversations } from "../../domains/assistant/index.ts";
import { closeResolvedCases, purgeExpiredCases } from "../../domains/cases/index.ts";
import { purgeExpiredEmails } from "../../domains/channels/email/index.ts";
import { purgeExpiredRecordings } from "../../domains/channels/voice/index.ts";
import { refreshActivityRollups, sendRiskDigest } from "../../domains/commitments/index.ts";
import { listOrganisations } from "../../domains/identity/index.ts";
import type { Clock } from "../../shared/clock.ts";
import type { RootDb } from "../../shared/database.ts";
import type { Scheduler } from "./scheduler.ts";

export const RETENTION_PERIOD_MS = 6 * 60 * 60 * 1000;
/** Hourly: the digest itself goes out once a day, on the first run after 7:00 Paris on an open day. */
export const RISK_DIGEST_PERIOD_MS = 60 * 60 * 1000;
/** The needs dashboard is at most an hour behind. */
export const STATISTICS_PERIOD_MS = 60 * 60 * 1000;

/** Adds each organisation's counts of one purge into one report (counts only, never personal data). */
function perOrganisation(
  db: RootDb,
  purge: (organisationId: string) => Promise<Record<string, number>>,
): () => Promise<Record<string, number>> {
  return async () => {
    const report: Record<string, number> = { organisations: 0 };
    for (const organisation of await listOrganisations(db)) {
      const counts = await purge(organisation.id);
      report.organisations = (report.organisations ?? 0) + 1;
      for (const [key, value] of Object.entries(counts)) report[key] = (report[key] ?? 0) + value;
    }
    return report;
  };
}

export function registerPeriodicTasks(
  scheduler: Scheduler,
  options: { db: RootDb; clock: Clock; retention: RetentionConfig; publicUrl: string },
): void {
  const { db, clock, retention, publicUrl } = options;
  scheduler.register({
    name: "retention.cases",
    everyMs: RETENTION_PERIOD_MS,
    run: perOrganisation(db, (organisationId) =>
      purgeExpiredCases(db, { organisationId, retentionDays: retention.casesDays, clock }),
    ),
  });
  scheduler.register({
    name: "retention.emails",
    everyMs: RETENTION_PERIOD_MS,
    run: perOrganisation(db, (organisationId) =>
      purgeExpiredEmails(db, { organisationId, retentionDays: retention.emailsDays, clock }),
    ),
  });
  scheduler.register({
    name: "cases.auto_close",
    everyMs: RETENTION_PERIOD_MS,
    run: perOrganisation(db, (organisationId) =>
      closeResolvedCases(db, { organisationId, afterDays: retention.autoCloseDays, clock }),
    ),
  });
  scheduler.register({
    name: "retention.conversations",
    everyMs: RETENTION_PERIOD_MS,
    run: perOrganisation(db, (organisationId) =>
      purgeExpiredConversations(db, { organisationId, retentionDays: retention.conversationsDays, clock }),
    ),
  });
  scheduler.register({
    name: "retention.recordings",
    everyMs: RETENTION_PERIOD_MS,
    run: perOrganisation(db, (organisationId) =>
      purgeExpiredRecordings(db, { organisationId, retentionDays: retention.recordingsDays, clock }),
    ),
  });
  scheduler.register({
    name: "commitments.risk_digest",
    everyMs: RISK_DIGEST_PERIOD_MS,
    run: perOrganisation(db, (organisationId) => sendRiskDigest(db, { organisationId, publicUrl, clock })),
  });
  scheduler.register({
    name: "statistics.refresh",
    everyMs: STATISTICS_PERIOD_MS,
    run: perOrganisation(db, async (organisationId) => {
      const report = await refreshActivityRollups(db, { organisationId, clock });
      return { rows: report.rows };
    }),
  });
}
