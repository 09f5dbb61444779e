import { createAgent, findAgentByEmail } from "../domains/identity/index.ts";
import {
  changeLocalItemStatus,
  countAllLocalItems,
  createLocalItem,
} from "../domains/knowledge/local/index.ts";
import { isAppError } from "../shared/app-error.ts";
import type { Clock } from "../shared/clock.ts";
import type { RootDb } from "../shared/database.ts";
import type { Logger } from "../shared/logger.ts";
import { DEMO_EDITOR, DEMO_ITEMS } from "./demo-content.ts";
import { seedDemoActivity } from "./seed-activity.ts";
import { seedDemoCases } from "./seed-cases.ts";
import { seedDemoFeedbackAnswers } from "./seed-feedback-answers.ts";
import { seedDemoFeedbackTestimonials } from "./seed-feedback-testimonials.ts";

/**
 * Demo content for a first start: an editor account and published FAQ entries, procedures and
 * news of the fictional "Ville de Démo". Does nothing once the organisation has local content.
 */
export async function seedDemo(options: {
  db: RootDb;
  organisationId: string;
  clock: Clock;
  logger: Logger;
}): Promise<{ created: boolean }> {
  const { db, organisationId, clock, logger } = options;
  if ((await countAllLocalItems(db, { organisationId })) > 0) return { created: false };

  const existing = await findAgentByEmail(db, { organisationId, email: DEMO_EDITOR.email });
  if (!existing) {
    await createAgent(db, {
      organisationId,
      email: DEMO_EDITOR.email,
      displayName: DEMO_EDITOR.displayName,
      roles: ["editor"],
      password: DEMO_EDITOR.password,
      clock,
    }).catch((error: unknown) => {
      // Another process starting at the same moment created it first.
      if (!(isAppError(error) && error.code === "CONFLICT")) throw error;
    });
  }

  for (const demo of DEMO_ITEMS) {
    const result = await createLocalItem(db, {
      organisationId,
      kind: demo.kind,
      form: demo.form,
      actor: null,
      clock,
    });
    if (!result.ok) throw new Error(`demo item invalid: ${Object.keys(result.errors).join(", ")}`);
    await changeLocalItemStatus(db, {
      organisationId,
      kind: demo.kind,
      id: result.item.id,
      action: "publish",
      actor: null,
      clock,
    });
  }
  await seedDemoCases({ db, organisationId, clock, logger });
  await seedDemoFeedbackAnswers({ db, organisationId, clock, logger });
  await seedDemoFeedbackTestimonials({ db, organisationId, clock, logger });
  // Last: its published results read the cases, conversations and answers seeded above.
  await seedDemoActivity({ db, organisationId, clock, logger });
  logger.info(
    { items: DEMO_ITEMS.length, editor: DEMO_EDITOR.email, loginUrl: "/admin/connexion" },
    "demo content created; sign in to the back office with the demo editor account (password in the README)",
  );
  return { created: true };
}
