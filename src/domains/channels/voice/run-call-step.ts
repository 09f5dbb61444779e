/**
 * Runs one event of a call through the flow, performing the effects it asks for — the assistant's
 * reply, a folder's pages, the call-back case, the survey answer, a link by SMS — until the flow has
 * something to say.
 */
import { isAppError } from "../../../shared/app-error.ts";
import type { CallOutcome } from "../../../shared/database.ts";
import { postCitizenMessage } from "../../assistant/index.ts";
import { openCase } from "../../cases/index.ts";
import { submitFeedbackAnswer } from "../../feedback/index.ts";
import {
  type CallEffect,
  type CallEvent,
  type CallFacts,
  type CallNext,
  type PathEntry,
  stepCall,
} from "./call-flow.ts";
import type { CallState } from "./call-state.ts";
import { buildFolderMenu } from "./keypad-menu.ts";
import type { VoiceContext } from "./voice-context.ts";

/** An event leads to at most a few effects (folder → ask → reply); more would be a loop. */
const MAX_EFFECTS = 4;

export type CallTurn = {
  state: CallState;
  say: string[];
  next: CallNext;
  path: PathEntry[];
  outcome?: CallOutcome;
  /** The call-back case opened during this turn. */
  caseId?: string;
};

type CallRef = { id: string; organisationId: string; conversationId: string | null; caseId: string | null };

function callbackCase(state: CallState, phone: string) {
  const topic = [...state.trail]
    .reverse()
    .find((line) => line.startsWith("Réponse lue : ") || line.startsWith("Choix "));
  const subject = topic
    ? `Rappel demandé par téléphone : ${topic.replace(/^Réponse lue : |^Choix \d : /, "")}`
    : "Rappel demandé par téléphone";
  const trail =
    state.trail.length > 0 ? state.trail.map((line) => `- ${line}`).join("\n") : "- (aucun choix)";
  const body = [
    "Demande de rappel laissée à l'assistant téléphonique.",
    `Numéro à rappeler : ${phone}`,
    "",
    "Parcours de l'appel :",
    trail,
  ].join("\n");
  return { subject: subject.slice(0, 200), body };
}

async function perform(
  context: VoiceContext,
  call: CallRef,
  state: CallState,
  effect: CallEffect,
): Promise<{ event: CallEvent; caseId?: string; path?: PathEntry[] }> {
  const { assistant } = context;
  const organisationId = call.organisationId;
  switch (effect.type) {
    case "ask": {
      if (!call.conversationId) throw new Error("call without a conversation");
      const reply = await postCitizenMessage(assistant, {
        organisationId,
        conversationId: call.conversationId,
        text: effect.text,
      });
      return { event: { type: "reply", reply } };
    }
    case "cancel_handoff": {
      if (call.conversationId)
        await postCitizenMessage(assistant, {
          organisationId,
          conversationId: call.conversationId,
          text: "annuler",
        });
      return { event: { type: "handoff_cancelled" } };
    }
    case "open_folder": {
      const items = await buildFolderMenu(assistant.passages, { organisationId, folderId: effect.folderId });
      if (items.length > 0) return { event: { type: "folder", items } };
      return perform(context, call, state, { type: "ask", text: effect.query });
    }
    case "open_callback": {
      const { subject, body } = callbackCase(state, effect.phone);
      try {
        const opened = await openCase(assistant.db, {
          organisationId,
          channel: "phone",
          subject,
          contact: { phone: effect.phone },
          body,
          submissionKey: `call:${call.id}`,
          publicUrl: assistant.publicUrl,
          clock: assistant.clock,
        });
        return { event: { type: "callback_opened", reference: opened.reference }, caseId: opened.caseId };
      } catch (error) {
        if (!isAppError(error) || error.code !== "BAD_REQUEST") throw error;
        return { event: { type: "callback_failed" } };
      }
    }
    case "send_sms": {
      // The flow offers the SMS only when a gateway is configured; a failure is a result, not an error.
      const result = context.sms
        ? await context.sms.send({ to: effect.to, text: effect.text }).catch(() => null)
        : null;
      if (result?.ok) return { event: { type: "sms_sent" } };
      return { event: { type: "sms_failed", failure: result ? result.failure : "provider_error" } };
    }
    case "save_survey": {
      try {
        await submitFeedbackAnswer(assistant.db, {
          organisationId,
          clock: assistant.clock,
          questionnaireSlug: "csat",
          channel: "phone",
          conversationId: call.conversationId,
          caseId: call.caseId,
          answers: { csat: effect.score },
          submissionKey: `call:${call.id}:csat`,
        });
        return { event: { type: "survey_saved" } };
      } catch (error) {
        // No published CSAT questionnaire: the caller is thanked all the same, the path says so.
        if (!isAppError(error)) throw error;
        return { event: { type: "survey_saved" }, path: [{ step: "survey_not_saved" }] };
      }
    }
  }
}

export async function runCallStep(
  context: VoiceContext,
  call: CallRef,
  input: { state: CallState; event: CallEvent; facts: CallFacts },
): Promise<CallTurn> {
  let step = stepCall(input.state, input.event, input.facts);
  const path = [...step.path];
  let caseId: string | undefined;
  for (let i = 0; step.type === "effect"; i++) {
    if (i >= MAX_EFFECTS) throw new Error("call flow effects loop");
    const done = await perform(context, { ...call, caseId: caseId ?? call.caseId }, step.state, step.effect);
    if (done.caseId) caseId = done.caseId;
    if (done.path) path.push(...done.path);
    step = stepCall(step.state, done.event, input.facts);
    path.push(...step.path);
  }
  return {
    state: step.state,
    say: step.say,
    next: step.next,
    path,
    ...(step.outcome ? { outcome: step.outcome } : {}),
    ...(caseId ? { caseId } : {}),
  };
}
