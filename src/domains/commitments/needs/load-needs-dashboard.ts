/** The needs dashboard of a period: the rollups' figures, the pages' titles and the unanswered questions. */
import type { Db } from "../../../shared/database.ts";
import { findTopicTitles } from "../../knowledge/topics/index.ts";
import type { StatsPeriod } from "../statistics/activity-figures.ts";
import { readActivityFigures } from "../statistics/read-activity-figures.ts";
import { buildNeedsDashboard } from "./build-needs-dashboard.ts";
import type { NeedsDashboard } from "./needs-dashboard.ts";
import { summariseUnanswered } from "./summarise-unanswered.ts";

export async function loadNeedsDashboard(
  db: Db,
  input: { organisationId: string; period: StatsPeriod },
): Promise<NeedsDashboard> {
  const [figures, unanswered] = await Promise.all([
    readActivityFigures(db, input),
    summariseUnanswered(db, input),
  ]);
  const keys = new Set([...figures.topics, ...figures.statusTime].map((row) => row.topic));
  const titles = await findTopicTitles(db, { organisationId: input.organisationId, keys });
  return buildNeedsDashboard({ figures, titles, unanswered });
}
