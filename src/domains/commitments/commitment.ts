/**
 * A service commitment ("engagement de service"), announced to citizens: a deadline measured on cases
 * (first reply or resolution), for a channel and/or a procedure or for every one of them; or the share
 * of phone calls answered by an agent when the caller asks for one (agent_answer: no deadline).
 */
import { AppError } from "../../shared/app-error.ts";
import type { CommitmentDelayUnit, CommitmentMeasure } from "../../shared/database.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import type { TopicKey } from "../knowledge/topics/index.ts";
import { type ProcedureField, parseProcedure } from "./commitment-procedure.ts";
import type { Delay } from "./compute-due-date.ts";

export type { CommitmentDelayUnit, CommitmentMeasure };
/** The measures that run an SLA clock on cases. */
export type CaseMeasure = Exclude<CommitmentMeasure, "agent_answer">;
/** The channels of a case (kept here so this domain does not depend on the cases domain). */
export type CommitmentChannel = "web" | "email" | "chat" | "phone" | "counter" | "api";

export const COMMITMENT_MEASURES: readonly CommitmentMeasure[] = [
  "first_reply",
  "resolution",
  "agent_answer",
];
export const COMMITMENT_DELAY_UNITS: readonly CommitmentDelayUnit[] = ["business_days", "business_hours"];
export const COMMITMENT_CHANNELS: readonly CommitmentChannel[] = [
  "web",
  "email",
  "chat",
  "phone",
  "counter",
  "api",
];
export const MAX_DELAY_AMOUNT = 1000;

type CommitmentBase = {
  id: string;
  organisationId: string;
  label: string;
  /** 0.85 = 85 % of requests handled within the delay (of calls answered, for agent_answer). */
  targetShare: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** Measured on each case opened under it: an SLA clock with a deadline. */
export type CaseCommitment = CommitmentBase & {
  measure: CaseMeasure;
  /** null: every channel. */
  channel: CommitmentChannel | null;
  /** The procedure ("démarche"): "F1342" or "local:<uuid>"; null: every procedure. */
  topic: TopicKey | null;
  delay: Delay;
};

/** Measured on phone calls (the `calls` table), never on cases: a target share, no delay. */
export type CallsCommitment = CommitmentBase & {
  measure: "agent_answer";
  channel: "phone";
  topic: null;
  delay: null;
};

export type ServiceCommitment = CaseCommitment | CallsCommitment;

export function isCaseCommitment(commitment: ServiceCommitment): commitment is CaseCommitment {
  return commitment.measure !== "agent_answer";
}

/** As typed in the admin form (strings), checked by `parseCommitmentInput`. */
export type CommitmentInput = {
  label: string;
  measure: string;
  channel: string;
  /** Ignored for agent_answer. */
  delayUnit: string;
  delayAmount: string;
  /** Percent, "85" (a comma is accepted: "85,5"). */
  targetPercent: string;
  /** One of the town's published procedures, "local:<uuid>"; "" or absent: none. */
  procedure?: string;
  /** A service-public.fr fiche: its id ("F1342") or its address; "" or absent: none. */
  fiche?: string;
};

export type CheckedCommitment = {
  label: string;
  measure: CommitmentMeasure;
  channel: CommitmentChannel | null;
  topic: TopicKey | null;
  /** The form field the procedure came from, for errors about it. */
  topicField: ProcedureField | null;
  delay: Delay | null;
  targetShare: number;
};

export function refuseCommitment(field: string, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid commitment: ${field}`,
    userMessage,
    details: { field },
  });
}

function parseDelay(input: CommitmentInput): Delay {
  const unit = COMMITMENT_DELAY_UNITS.find((u) => u === input.delayUnit);
  if (!unit)
    throw refuseCommitment("delayUnit", "Choisissez l'unité du délai : jours ouvrés ou heures ouvrées.");
  const amount = /^\d+$/.test(input.delayAmount.trim()) ? Number(input.delayAmount.trim()) : Number.NaN;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_DELAY_AMOUNT)
    throw refuseCommitment("delayAmount", `Indiquez un délai entier entre 1 et ${MAX_DELAY_AMOUNT}.`);
  return { unit, amount };
}

export function parseCommitmentInput(input: CommitmentInput): CheckedCommitment {
  const label = collapseWhitespace(stripControlCharacters(input.label)).slice(0, 200);
  if (label === "")
    throw refuseCommitment(
      "label",
      "Indiquez l'engagement tel qu'il est annoncé, par exemple « Réponse sous 5 jours ouvrés ».",
    );
  const measure = COMMITMENT_MEASURES.find((m) => m === input.measure);
  if (!measure) throw refuseCommitment("measure", "Choisissez ce que mesure l'engagement.");
  const channel = input.channel === "" ? null : COMMITMENT_CHANNELS.find((c) => c === input.channel);
  if (channel === undefined) throw refuseCommitment("channel", "Choisissez un canal ou « tous les canaux ».");
  const procedure = parseProcedure({ procedure: input.procedure ?? "", fiche: input.fiche ?? "" });
  const calls = measure === "agent_answer";
  if (calls && channel !== "phone")
    throw refuseCommitment(
      "channel",
      "Les appels décrochés par un agent se mesurent au téléphone : choisissez le canal « Téléphone ».",
    );
  if (calls && procedure)
    throw refuseCommitment(
      procedure.field,
      "Les appels décrochés par un agent se mesurent sur tous les appels : ne choisissez pas de démarche.",
    );
  // The calls commitment has no deadline: whatever was typed in the delay fields is ignored.
  const delay = calls ? null : parseDelay(input);
  const percent = Number(input.targetPercent.trim().replace(",", ".").replace(/\s*%$/, ""));
  if (input.targetPercent.trim() === "" || !Number.isFinite(percent) || percent <= 0 || percent > 100)
    throw refuseCommitment(
      "targetPercent",
      "Indiquez la part visée en pourcentage, entre 1 et 100 (par exemple 85).",
    );
  return {
    label,
    measure,
    channel,
    topic: procedure?.topic ?? null,
    topicField: procedure?.field ?? null,
    delay,
    targetShare: Math.round(percent * 10) / 1000,
  };
}
