import type { Db } from "../../shared/database.ts";
import { getBusinessCalendar } from "./calendar-settings.ts";
import type { CommitmentMeasure } from "./commitment.ts";
import { describeSla, type SlaView } from "./describe-sla.ts";

export type CaseSla = { commitmentLabel: string; measure: CommitmentMeasure; view: SlaView };

/** The commitment a case is measured against and where it stands, for the case page (null: none). */
export async function getCaseSla(
  db: Db,
  input: {
    organisationId: string;
    commitmentId: string | null;
    dueAt: Date | null;
    met: boolean | null;
    waitingSince: Date | null;
    now: Date;
  },
): Promise<CaseSla | null> {
  if (input.commitmentId === null || input.dueAt === null) return null;
  const [commitment, calendar] = await Promise.all([
    db
      .selectFrom("service_commitments")
      .select(["label", "measure"])
      .where("organisation_id", "=", input.organisationId)
      .where("id", "=", input.commitmentId)
      .executeTakeFirst(),
    getBusinessCalendar(db, input.organisationId),
  ]);
  const view = describeSla({ ...input, calendar });
  if (!commitment || !view) return null;
  return { commitmentLabel: commitment.label, measure: commitment.measure, view };
}
