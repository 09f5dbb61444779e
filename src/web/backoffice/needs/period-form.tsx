/** The period picker: a GET form with radio buttons, no JavaScript needed; the address is the view. */
import {
  type NeedsPeriodParams,
  type PeriodChoice,
  type PeriodField,
  recentQuarters,
} from "../../../domains/commitments/needs/index.ts";
import type { FieldError } from "../form-fields.tsx";

export const PERIOD_FIELD_IDS: Record<PeriodField, string> = {
  mois: "besoins-mois",
  trimestre: "besoins-trimestre",
  du: "besoins-du",
  au: "besoins-au",
};

function ErrorText(props: { id: string; error: FieldError | undefined }) {
  if (props.error?.id !== props.id) return null;
  return (
    <p class="error-message" id={`${props.id}-erreur`}>
      <span class="visually-hidden">Erreur : </span>
      {props.error.message}
    </p>
  );
}

function Choice(props: { value: PeriodChoice; label: string; checked: boolean }) {
  const id = `besoins-periode-${props.value}`;
  return (
    <div class="radio-field">
      <input type="radio" id={id} name="periode" value={props.value} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

export function PeriodForm(props: {
  action: string;
  choice: PeriodChoice;
  params: NeedsPeriodParams;
  today: string;
  error?: FieldError | undefined;
}) {
  const { params, error } = props;
  const described = (id: string, hint?: string) =>
    [hint, error?.id === id ? `${id}-erreur` : undefined].filter(Boolean).join(" ") || undefined;
  const fieldClass = (id: string) => (error?.id === id ? "form-field has-error" : "form-field");
  const quarters = recentQuarters(props.today);
  return (
    <form
      method="get"
      action={props.action}
      class="desk-filters needs-period"
      aria-labelledby="besoins-periode-titre"
    >
      <h2 id="besoins-periode-titre">Période</h2>
      <fieldset class="desk-filters-options">
        <legend>Afficher</legend>
        <p class="form-hint">Choisissez une option, puis précisez le mois, le trimestre ou les dates.</p>
        <Choice value="30j" label="Les 30 derniers jours" checked={props.choice === "30j"} />
        <Choice value="mois" label="Un mois" checked={props.choice === "mois"} />
        <Choice value="trimestre" label="Un trimestre" checked={props.choice === "trimestre"} />
        <Choice value="dates" label="Entre deux dates" checked={props.choice === "dates"} />
      </fieldset>
      <div class="desk-filters-grid">
        <div class={fieldClass(PERIOD_FIELD_IDS.mois)}>
          <label for={PERIOD_FIELD_IDS.mois}>Mois</label>
          <p class="form-hint" id="besoins-mois-aide">
            Au format AAAA-MM, par exemple {props.today.slice(0, 7)}.
          </p>
          <ErrorText id={PERIOD_FIELD_IDS.mois} error={error} />
          <input
            type="month"
            id={PERIOD_FIELD_IDS.mois}
            name="mois"
            value={params.mois ?? props.today.slice(0, 7)}
            aria-describedby={described(PERIOD_FIELD_IDS.mois, "besoins-mois-aide")}
          />
        </div>
        <div class={fieldClass(PERIOD_FIELD_IDS.trimestre)}>
          <label for={PERIOD_FIELD_IDS.trimestre}>Trimestre</label>
          <ErrorText id={PERIOD_FIELD_IDS.trimestre} error={error} />
          <select
            id={PERIOD_FIELD_IDS.trimestre}
            name="trimestre"
            aria-describedby={described(PERIOD_FIELD_IDS.trimestre)}
          >
            {quarters.map((quarter) => (
              <option value={quarter} selected={params.trimestre === quarter}>
                {`${quarter.slice(-1) === "1" ? "1er" : `${quarter.slice(-1)}e`} trimestre ${quarter.slice(0, 4)}`}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass(PERIOD_FIELD_IDS.du)}>
          <label for={PERIOD_FIELD_IDS.du}>Du</label>
          <p class="form-hint" id="besoins-du-aide">
            Premier jour, au format AAAA-MM-JJ.
          </p>
          <ErrorText id={PERIOD_FIELD_IDS.du} error={error} />
          <input
            type="date"
            id={PERIOD_FIELD_IDS.du}
            name="du"
            value={params.du ?? ""}
            aria-describedby={described(PERIOD_FIELD_IDS.du, "besoins-du-aide")}
          />
        </div>
        <div class={fieldClass(PERIOD_FIELD_IDS.au)}>
          <label for={PERIOD_FIELD_IDS.au}>Au</label>
          <p class="form-hint" id="besoins-au-aide">
            Dernier jour inclus.
          </p>
          <ErrorText id={PERIOD_FIELD_IDS.au} error={error} />
          <input
            type="date"
            id={PERIOD_FIELD_IDS.au}
            name="au"
            value={params.au ?? ""}
            aria-describedby={described(PERIOD_FIELD_IDS.au, "besoins-au-aide")}
          />
        </div>
      </div>
      <p class="desk-filters-actions">
        <button type="submit">Afficher</button>
        <a href={props.action}>Revenir aux 30 derniers jours</a>
      </p>
    </form>
  );
}
