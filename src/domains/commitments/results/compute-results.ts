/**
 * Computes the results of a period from what happened: the activity rollups (cases, conversations),
 * the commitments and the feedback rollups, for the whole period and for each of its months. Used to
 * prepare a draft; the public page never calls it (it shows a published snapshot).
 */
import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { computeIndicators } from "../../feedback/analysis/index.ts";
import { findCommitmentProcedures } from "../find-commitment-procedures.ts";
import { listCommitments } from "../list-commitments.ts";
import { readActivityFigures } from "../statistics/read-activity-figures.ts";
import { buildResultsSnapshot } from "./build-results-snapshot.ts";
import type { ResultInputs } from "./result-indicators.ts";
import { addDays, monthsOf, type ResultsPeriod } from "./results-period.ts";
import type { ResultsSnapshot } from "./results-snapshot.ts";

async function inputsOf(
  db: Db,
  organisationId: string,
  period: ResultsPeriod,
  commitments: ResultInputs["commitments"],
  procedures: ResultInputs["procedures"],
): Promise<ResultInputs> {
  const [figures, feedback] = await Promise.all([
    readActivityFigures(db, { organisationId, period }),
    // The feedback analysis counts days up to an excluded end.
    computeIndicators(db, {
      organisationId,
      period: { from: period.from, to: addDays(period.to, 1) },
      filters: {},
    }),
  ]);
  return { figures, commitments, feedback: feedback.indicators, procedures };
}

export async function computeResults(
  db: Db,
  input: { organisationId: string; period: ResultsPeriod; clock: Clock },
): Promise<ResultsSnapshot> {
  const { organisationId, period } = input;
  const [organisation, commitments] = await Promise.all([
    db.selectFrom("organisations").select("name").where("id", "=", organisationId).executeTakeFirstOrThrow(),
    listCommitments(db, { organisationId }),
  ]);
  const months = monthsOf(period);
  const procedures = await findCommitmentProcedures(db, { organisationId, commitments });
  const whole = await inputsOf(db, organisationId, period, commitments, procedures);
  const monthly =
    months.length < 2
      ? []
      : await Promise.all(
          months.map(async (month) => ({
            period: month,
            inputs: await inputsOf(db, organisationId, month, commitments, procedures),
          })),
        );
  return buildResultsSnapshot({
    organisationName: organisation.name,
    period,
    computedAt: input.clock.now(),
    inputs: whole,
    months: monthly,
  });
}
