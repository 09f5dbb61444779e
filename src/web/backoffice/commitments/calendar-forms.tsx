import {
  type BusinessCalendar,
  MAX_PERIODS_PER_DAY,
  type PeriodInput,
  WEEKDAYS,
  type Weekday,
} from "../../../domains/commitments/index.ts";
import { CsrfField, Field, InputField } from "../form-fields.tsx";
import {
  CLOSURE_FIELD_IDS,
  CLOSURE_REMOVE_PATH,
  CLOSURES_PATH,
  dayText,
  HOURS_PATH,
  hourFieldId,
  REGION_FIELD_ID,
  WEEKDAY_LABELS,
} from "./labels.ts";

/** The hours as typed (kept on a refused submission), else as stored. */
export type HoursForm = { hours: Partial<Record<Weekday, PeriodInput[]>>; region: string };

export function hoursFormOf(calendar: BusinessCalendar): HoursForm {
  const hours: HoursForm["hours"] = {};
  for (const day of WEEKDAYS) hours[day] = (calendar.hours[day] ?? []).map(([from, to]) => ({ from, to }));
  return { hours, region: calendar.region };
}

const PERIOD_NAMES = ["matin", "après-midi"] as const;

export function BusinessHoursForm(props: {
  csrfToken: string | undefined;
  form: HoursForm;
  errorOn: (id: string) => string | undefined;
}) {
  const { form, errorOn } = props;
  return (
    <form method="post" action={HOURS_PATH} class="desk-form">
      <CsrfField token={props.csrfToken} />
      <p class="form-hint" id="horaires-aide">
        Heures de Paris. Laissez une plage vide si le service est fermé ; les délais « ouvrés » ne comptent
        que ces heures-là.
      </p>
      {WEEKDAYS.map((day) => (
        <fieldset class="desk-filters-options">
          <legend>{WEEKDAY_LABELS[day]}</legend>
          {Array.from({ length: MAX_PERIODS_PER_DAY }, (_, period) => {
            const value = form.hours[day]?.[period] ?? { from: "", to: "" };
            return (["from", "to"] as const).map((end) => {
              const id = hourFieldId(day, period, end);
              return (
                <Field
                  id={id}
                  label={`${WEEKDAY_LABELS[day]}, ${PERIOD_NAMES[period]} : ${end === "from" ? "ouverture" : "fermeture"}`}
                  error={errorOn(id)}
                >
                  {(describedBy) => (
                    <input
                      type="time"
                      id={id}
                      name={`h${day}_${period}_${end}`}
                      value={value[end]}
                      aria-describedby={describedBy}
                    />
                  )}
                </Field>
              );
            });
          })}
        </fieldset>
      ))}
      <fieldset class="desk-filters-options">
        <legend>Jours fériés</legend>
        {errorOn(REGION_FIELD_ID) ? (
          <p class="error-message" id={`${REGION_FIELD_ID}-erreur`}>
            <span class="visually-hidden">Erreur : </span>
            {errorOn(REGION_FIELD_ID)}
          </p>
        ) : null}
        <div class="checkbox-field">
          <input
            type="radio"
            id={REGION_FIELD_ID}
            name="region"
            value="metropole"
            checked={form.region !== "alsace-moselle"}
          />
          <label for={REGION_FIELD_ID}>Jours fériés nationaux</label>
        </div>
        <div class="checkbox-field">
          <input
            type="radio"
            id="jours-feries-alsace-moselle"
            name="region"
            value="alsace-moselle"
            checked={form.region === "alsace-moselle"}
          />
          <label for="jours-feries-alsace-moselle">
            Alsace-Moselle (avec le Vendredi saint et la Saint-Étienne)
          </label>
        </div>
      </fieldset>
      <button type="submit">Enregistrer les horaires</button>
    </form>
  );
}

export type ClosureForm = { from: string; to: string; label: string };

export function ClosuresSection(props: {
  csrfToken: string | undefined;
  closures: BusinessCalendar["closures"];
  form: ClosureForm;
  errorOn: (id: string) => string | undefined;
}) {
  const { form, errorOn } = props;
  return (
    <>
      {props.closures.length === 0 ? (
        <p>Aucune fermeture exceptionnelle.</p>
      ) : (
        <div class="table-wrap">
          <table class="desk-inbox">
            <caption>Fermetures exceptionnelles (jours inclus)</caption>
            <thead>
              <tr>
                <th scope="col">Du</th>
                <th scope="col">Au</th>
                <th scope="col">Motif</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {props.closures.map((closure) => (
                <tr>
                  <th scope="row">{dayText(closure.from)}</th>
                  <td>{dayText(closure.to)}</td>
                  <td>{closure.label ?? <span class="desk-none">Non précisé</span>}</td>
                  <td>
                    <form method="post" action={CLOSURE_REMOVE_PATH}>
                      <CsrfField token={props.csrfToken} />
                      <input type="hidden" name="from" value={closure.from} />
                      <input type="hidden" name="to" value={closure.to} />
                      <button type="submit" class="secondary small">
                        Supprimer
                        <span class="visually-hidden">
                          {" "}
                          la fermeture du {dayText(closure.from)} au {dayText(closure.to)}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={CLOSURES_PATH} class="desk-form">
        <CsrfField token={props.csrfToken} />
        <InputField
          id={CLOSURE_FIELD_IDS.from}
          name="from"
          type="date"
          label="Premier jour de fermeture"
          required
          error={errorOn(CLOSURE_FIELD_IDS.from)}
          value={form.from}
        />
        <InputField
          id={CLOSURE_FIELD_IDS.to}
          name="to"
          type="date"
          label="Dernier jour de fermeture"
          hint="Laissez vide pour une fermeture d'un seul jour."
          error={errorOn(CLOSURE_FIELD_IDS.to)}
          value={form.to}
        />
        <InputField
          id={CLOSURE_FIELD_IDS.label}
          name="label"
          label="Motif (facultatif)"
          error={errorOn(CLOSURE_FIELD_IDS.label)}
          value={form.label}
          maxlength={200}
        />
        <button type="submit">Ajouter la fermeture</button>
      </form>
    </>
  );
}
