import type { Clock } from "../../../shared/clock.ts";
import type { Db } from "../../../shared/database.ts";
import { getBusinessCalendar, openingPeriods, parisDayOf } from "../../commitments/index.ts";
import type { CallFacts } from "./call-flow.ts";
import type { VoiceContext } from "./voice-context.ts";

/** Whether `now` falls in one of the day's opening periods (holidays and closures have none). */
export async function isOpenNow(db: Db, organisationId: string, clock: Clock): Promise<boolean> {
  const calendar = await getBusinessCalendar(db, organisationId);
  const now = clock.now();
  return openingPeriods(parisDayOf(now), calendar).some(([open, close]) => open <= now && now < close);
}

/** The facts a call's decisions depend on, read at each event (the clock moves during a call). */
export async function callFacts(
  context: VoiceContext,
  input: { organisationId: string; callerNumber: string | null; speech: boolean },
): Promise<CallFacts> {
  return {
    organisationName: context.organisationName,
    speech: input.speech,
    transferTarget: context.transferTarget,
    callerNumber: input.callerNumber,
    sms: Boolean(context.sms),
    recordings: context.recordings === true,
    openNow: await isOpenNow(context.assistant.db, input.organisationId, context.assistant.clock),
  };
}
