import {
  type AnalysisParams,
  CHANNEL_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  KIND_LABELS,
} from "../../../domains/feedback/analysis/index.ts";
import { type FieldError, InputField, SelectField } from "../form-fields.tsx";

export const ANALYSIS_PATH = "/admin/avis/analyse";
export const VERBATIMS_PATH = "/admin/avis/analyse/commentaires";

const FIELD_IDS: Record<string, string> = {
  du: "analyse-du",
  au: "analyse-au",
  canal: "analyse-canal",
  questionnaire: "analyse-questionnaire",
  sujet: "analyse-sujet",
  theme: "analyse-filtres-titre",
};

/** The form error of a rejected parameter, linked to its field. */
export function analysisFieldError(field: string | undefined, message: string): FieldError {
  return { id: FIELD_IDS[field ?? "du"] ?? "analyse-du", message };
}

/** Period and filters, a GET form: the page's address is the analysis, shareable and bookmarkable. */
export function AnalysisFilters(props: {
  action: string;
  params: AnalysisParams;
  error?: FieldError | undefined;
}) {
  const { params, error } = props;
  const errorOn = (id: string) => (error?.id === id ? error.message : undefined);
  return (
    <form method="get" action={props.action} class="desk-filters" aria-labelledby="analyse-filtres-titre">
      <h2 id="analyse-filtres-titre">Période et filtres</h2>
      <div class="desk-filters-grid">
        <InputField
          id="analyse-du"
          name="du"
          type="date"
          label="Du"
          hint="Premier jour, au format AAAA-MM-JJ."
          error={errorOn("analyse-du")}
          value={params.du ?? ""}
        />
        <InputField
          id="analyse-au"
          name="au"
          type="date"
          label="Au"
          hint="Dernier jour inclus. Sans dates : les 30 derniers jours."
          error={errorOn("analyse-au")}
          value={params.au ?? ""}
        />
        <SelectField id="analyse-canal" name="canal" label="Canal" error={errorOn("analyse-canal")}>
          <option value="">Tous les canaux</option>
          {FEEDBACK_CHANNELS.map((channel) => (
            <option value={channel} selected={params.canal === channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="analyse-questionnaire"
          name="questionnaire"
          label="Questionnaire"
          error={errorOn("analyse-questionnaire")}
        >
          <option value="">Tous les questionnaires</option>
          {FEEDBACK_KINDS.map((kind) => (
            <option value={kind} selected={params.questionnaire === kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <InputField
          id="analyse-sujet"
          name="sujet"
          label="Démarche ou sujet"
          hint="Identifiant exact (par exemple F1341) ; « - » pour les avis sans démarche."
          error={errorOn("analyse-sujet")}
          value={params.sujet ?? ""}
        />
      </div>
      {params.theme ? <input type="hidden" name="theme" value={params.theme} /> : null}
      <p class="desk-filters-actions">
        <button type="submit">Afficher</button>
        <a href={props.action}>Revenir aux 30 derniers jours</a>
      </p>
    </form>
  );
}
