import {
  COMMITMENT_CHANNELS,
  COMMITMENT_DELAY_UNITS,
  COMMITMENT_MEASURES,
  type CommitmentInput,
  MAX_DELAY_AMOUNT,
  type ProcedureChoice,
  procedureFields,
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
    ...procedureFields(commitment.topic),
    delayUnit: commitment.delay?.unit ?? "business_days",
    delayAmount: commitment.delay ? String(commitment.delay.amount) : "",
    targetPercent: String(Math.round(commitment.targetShare * 1000) / 10),
  };
}

export const EMPTY_COMMITMENT_FORM: CommitmentInput = {
  label: "",
  measure: "first_reply",
  channel: "",
  procedure: "",
  fiche: "",
  delayUnit: "business_days",
  delayAmount: "",
  targetPercent: "85",
};

const CALLS = MEASURE_LABELS.agent_answer;

/** The town's procedures to choose from; one chosen before and unpublished since stays selectable. */
function ProcedureSelect(props: {
  form: CommitmentInput;
  choices: readonly ProcedureChoice[];
  titles: ReadonlyMap<string, string>;
  error: string | undefined;
}) {
  const chosen = props.form.procedure ?? "";
  const known = chosen === "" || props.choices.some((choice) => choice.topic === chosen);
  return (
    <SelectField
      id={IDS.procedure}
      name="procedure"
      label="Démarche de la commune"
      hint={
        props.choices.length === 0 && known
          ? "La commune n'a pas encore publié de démarche : indiquez plutôt une fiche service-public.fr."
          : undefined
      }
      error={props.error}
    >
      <option value="" selected={chosen === ""}>
        Aucune
      </option>
      {props.choices.map((choice) => (
        <option value={choice.topic} selected={chosen === choice.topic}>
          {choice.title}
        </option>
      ))}
      {known ? null : (
        <option value={chosen} selected>
          {props.titles.get(chosen) ?? "Démarche qui n'est plus publiée"}
        </option>
      )}
    </SelectField>
  );
}

/** Create and edit share these fields; `errorOn` gives the message of a field, if any. */
export function CommitmentForm(props: {
  action: string;
  csrfToken: string | undefined;
  form: CommitmentInput;
  /** The town's published procedures, and the titles of the procedures already named. */
  choices: readonly ProcedureChoice[];
  titles: ReadonlyMap<string, string>;
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
        hint={`« ${CALLS} » se mesure sur les appels reçus au téléphone, sans délai : seule la part visée compte.`}
        required
        error={errorOn(IDS.measure)}
      >
        {COMMITMENT_MEASURES.map((measure) => (
          <option value={measure} selected={form.measure === measure}>
            {MEASURE_LABELS[measure]}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={IDS.channel}
        name="channel"
        label="Canal"
        hint="Un engagement propre à un canal l'emporte sur celui de tous les canaux. Pour les appels décrochés, choisissez « Téléphone »."
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
      <fieldset aria-describedby="engagement-demarche-groupe-aide">
        <legend>Démarche (facultatif)</legend>
        <p class="form-hint" id="engagement-demarche-groupe-aide">
          Laissez vide pour toutes les démarches. Un engagement propre à une démarche l'emporte sur celui de
          son canal : démarche et canal, puis démarche sur tous les canaux, puis canal, puis tous les canaux.
          Sans objet pour les appels décrochés.
        </p>
        <ProcedureSelect
          form={form}
          choices={props.choices}
          titles={props.titles}
          error={errorOn(IDS.procedure)}
        />
        <InputField
          id={IDS.fiche}
          name="fiche"
          label="Ou fiche service-public.fr"
          hint="Son numéro ou son adresse, par exemple F1342 (carte d'identité)."
          error={errorOn(IDS.fiche)}
          value={form.fiche ?? ""}
          maxlength={300}
          spellcheck={false}
        />
      </fieldset>
      <fieldset aria-describedby="engagement-delai-groupe-aide">
        <legend>Délai</legend>
        <p class="form-hint" id="engagement-delai-groupe-aide">
          Obligatoire pour un engagement sur les demandes. Sans objet pour « {CALLS} » : le délai est alors
          ignoré.
        </p>
        <InputField
          id={IDS.delayAmount}
          name="delayAmount"
          type="number"
          label="Nombre de jours ou d'heures ouvrés"
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
          error={errorOn(IDS.delayUnit)}
        >
          {COMMITMENT_DELAY_UNITS.map((unit) => (
            <option value={unit} selected={form.delayUnit === unit}>
              {DELAY_UNIT_LABELS[unit]}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <InputField
        id={IDS.targetPercent}
        name="targetPercent"
        label="Part visée (en %)"
        hint="Par exemple 85 : l'engagement est tenu si 85 % des demandes respectent le délai (pour les appels : si 85 % des demandes à parler à un agent sont décrochées)."
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
