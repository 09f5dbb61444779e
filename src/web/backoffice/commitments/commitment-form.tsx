import {
  COMMITMENT_CHANNELS,
  COMMITMENT_DELAY_UNITS,
  type CommitmentInput,
  MAX_DELAY_AMOUNT,
  type ServiceCommitment,
} from "../../../domains/commitments/index.ts";
import { CsrfField, InputField, SelectField } from "../form-fields.tsx";
import { CHANNEL_LABELS, DELAY_UNIT_LABELS, COMMITMENT_FIELD_IDS as IDS } from "./labels.ts";
import { MEASURE_LABELS } from "./sla-labels.ts";

export function formFromCommitment(commitment: ServiceCommitment): CommitmentInput {
  return {
    label: commitment.label,
    measure: commitment.measure,
    channel: commitment.channel ?? "",
    delayUnit: commitment.delay.unit,
    delayAmount: String(commitment.delay.amount),
    targetPercent: String(Math.round(commitment.targetShare * 1000) / 10),
  };
}

export const EMPTY_COMMITMENT_FORM: CommitmentInput = {
  label: "",
  measure: "first_reply",
  channel: "",
  delayUnit: "business_days",
  delayAmount: "",
  targetPercent: "85",
};

/** Create and edit share these fields; `errorOn` gives the message of a field, if any. */
export function CommitmentForm(props: {
  action: string;
  csrfToken: string | undefined;
  form: CommitmentInput;
  submitLabel: string;
  errorOn: (id: string) => string | undefined;
}) {
  const { form, errorOn } = props;
  return (
    <form method="post" action={props.action} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <InputField
        id={IDS.label}
        name="label"
        label="Engagement, tel qu'annoncé aux usagers"
        hint="Par exemple : Réponse aux courriels sous 5 jours ouvrés."
        required
        error={errorOn(IDS.label)}
        value={form.label}
        maxlength={200}
      />
      <SelectField
        id={IDS.measure}
        name="measure"
        label="Ce qui est mesuré"
        required
        error={errorOn(IDS.measure)}
      >
        {(["first_reply", "resolution"] as const).map((measure) => (
          <option value={measure} selected={form.measure === measure}>
            {MEASURE_LABELS[measure]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={IDS.channel}
        name="channel"
        label="Canal"
        hint="Un engagement propre à un canal l'emporte sur celui de tous les canaux."
        error={errorOn(IDS.channel)}
      >
        <option value="" selected={form.channel === ""}>
          Tous les canaux
        </option>
        {COMMITMENT_CHANNELS.map((channel) => (
          <option value={channel} selected={form.channel === channel}>
            {CHANNEL_LABELS[channel]}
          </option>
        ))}
      </SelectField>
      <InputField
        id={IDS.delayAmount}
        name="delayAmount"
        type="number"
        label="Délai"
        required
        error={errorOn(IDS.delayAmount)}
        value={form.delayAmount}
        min={1}
        max={MAX_DELAY_AMOUNT}
        step={1}
        inputmode="numeric"
      />
      <SelectField
        id={IDS.delayUnit}
        name="delayUnit"
        label="Unité du délai"
        required
        error={errorOn(IDS.delayUnit)}
      >
        {COMMITMENT_DELAY_UNITS.map((unit) => (
          <option value={unit} selected={form.delayUnit === unit}>
            {DELAY_UNIT_LABELS[unit]}
          </option>
        ))}
      </SelectField>
      <InputField
        id={IDS.targetPercent}
        name="targetPercent"
        label="Part des demandes visée dans le délai (en %)"
        hint="Par exemple 85 : l'engagement est tenu si 85 % des demandes respectent le délai."
        required
        error={errorOn(IDS.targetPercent)}
        value={form.targetPercent}
        inputmode="decimal"
        maxlength={6}
      />
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
