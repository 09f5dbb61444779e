/** A service commitment ("engagement de service"): a deadline announced to citizens, measured on cases. */
import { AppError } from "../../shared/app-error.ts";
import type { CommitmentDelayUnit, CommitmentMeasure } from "../../shared/database.ts";
import { collapseWhitespace, stripControlCharacters } from "../../shared/text.ts";
import type { Delay } from "./compute-due-date.ts";

export type { CommitmentDelayUnit, CommitmentMeasure };
/** The channels of a case (kept here so this domain does not depend on the cases domain). */
export type CommitmentChannel = "web" | "email" | "chat" | "phone" | "counter" | "api";

export const COMMITMENT_MEASURES: readonly CommitmentMeasure[] = ["first_reply", "resolution"];
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

export type ServiceCommitment = {
  id: string;
  organisationId: string;
  label: string;
  measure: CommitmentMeasure;
  /** null: every channel. */
  channel: CommitmentChannel | null;
  delay: Delay;
  /** 0.85 = 85 % of requests handled within the delay. */
  targetShare: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** As typed in the admin form (strings), checked by `parseCommitmentInput`. */
export type CommitmentInput = {
  label: string;
  measure: string;
  channel: string;
  delayUnit: string;
  delayAmount: string;
  /** Percent, "85" (a comma is accepted: "85,5"). */
  targetPercent: string;
};

export type CheckedCommitment = {
  label: string;
  measure: CommitmentMeasure;
  channel: CommitmentChannel | null;
  delay: Delay;
  targetShare: number;
};

function refuse(field: keyof CommitmentInput, userMessage: string): AppError {
  return new AppError("BAD_REQUEST", {
    message: `invalid commitment: ${field}`,
    userMessage,
    details: { field },
  });
}

export function parseCommitmentInput(input: CommitmentInput): CheckedCommitment {
  const label = collapseWhitespace(stripControlCharacters(input.label)).slice(0, 200);
  if (label === "")
    throw refuse(
      "label",
      "Indiquez l'engagement tel qu'il est annoncé, par exemple « Réponse sous 5 jours ouvrés ».",
    );
  const measure = COMMITMENT_MEASURES.find((m) => m === input.measure);
  if (!measure) throw refuse("measure", "Choisissez ce que mesure l'engagement.");
  const channel = input.channel === "" ? null : COMMITMENT_CHANNELS.find((c) => c === input.channel);
  if (channel === undefined) throw refuse("channel", "Choisissez un canal ou « tous les canaux ».");
  const unit = COMMITMENT_DELAY_UNITS.find((u) => u === input.delayUnit);
  if (!unit) throw refuse("delayUnit", "Choisissez l'unité du délai : jours ouvrés ou heures ouvrées.");
  const amount = /^\d+$/.test(input.delayAmount.trim()) ? Number(input.delayAmount.trim()) : Number.NaN;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_DELAY_AMOUNT)
    throw refuse("delayAmount", `Indiquez un délai entier entre 1 et ${MAX_DELAY_AMOUNT}.`);
  const percent = Number(input.targetPercent.trim().replace(",", ".").replace(/\s*%$/, ""));
  if (input.targetPercent.trim() === "" || !Number.isFinite(percent) || percent <= 0 || percent > 100)
    throw refuse("targetPercent", "Indiquez la part visée en pourcentage, entre 1 et 100 (par exemple 85).");
  return {
    label,
    measure,
    channel,
    delay: { unit, amount },
    targetShare: Math.round(percent * 10) / 1000,
  };
}
