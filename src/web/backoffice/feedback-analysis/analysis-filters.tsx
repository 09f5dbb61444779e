import {
  type AnalysisParams,
  CHANNEL_LABELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  KIND_LABELS,
} from "../../../domains/feedback/analysis/index.ts";
import type { FieldError } from "../form-fields.tsx";

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

function ErrorText(props: { id: string; error: FieldError | undefined }) {
  if (props.error?.id !== props.id) return null;
  return (
    <p class="error-message" id={`${props.id}-erreur`}>
      <span class="visually-hidden">Erreur : </span>
      {props.error.message}
    </p>
  );
}

/** Period and filters, a GET form: the page's address is the analysis, shareable and bookmarkable. */
export function AnalysisFilters(props: {
  action: string;
  params: AnalysisParams;
  error?: FieldError | undefined;
}) {
  const { params, error } = props;
  const described = (id: string, hint?: string) =>
    [hint, error?.id === id ? `${id}-erreur` : undefined].filter(Boolean).join(" ") || undefined;
  const fieldClass = (id: string) => (error?.id === id ? "form-field has-error" : "form-field");
  return (
    <form method="get" action={props.action} class="desk-filters" aria-labelledby="analyse-filtres-titre">
      <h2 id="analyse-filtres-titre">Période et filtres</h2>
      <div class="desk-filters-grid">
        <div class={fieldClass("analyse-du")}>
          <label for="analyse-du">Du</label>
          <p class="form-hint" id="analyse-du-aide">
            Premier jour, au format AAAA-MM-JJ.
          </p>
          <ErrorText id="analyse-du" error={error} />
          <input
            type="date"
            id="analyse-du"
            name="du"
            value={params.du ?? ""}
            aria-describedby={described("analyse-du", "analyse-du-aide")}
          />
        </div>
        <div class={fieldClass("analyse-au")}>
          <label for="analyse-au">Au</label>
          <p class="form-hint" id="analyse-au-aide">
            Dernier jour inclus. Sans dates : les 30 derniers jours.
          </p>
          <ErrorText id="analyse-au" error={error} />
          <input
            type="date"
            id="analyse-au"
            name="au"
            value={params.au ?? ""}
            aria-describedby={described("analyse-au", "analyse-au-aide")}
          />
        </div>
        <div class={fieldClass("analyse-canal")}>
          <label for="analyse-canal">Canal</label>
          <ErrorText id="analyse-canal" error={error} />
          <select id="analyse-canal" name="canal" aria-describedby={described("analyse-canal")}>
            <option value="">Tous les canaux</option>
            {FEEDBACK_CHANNELS.map((channel) => (
              <option value={channel} selected={params.canal === channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass("analyse-questionnaire")}>
          <label for="analyse-questionnaire">Questionnaire</label>
          <ErrorText id="analyse-questionnaire" error={error} />
          <select
            id="analyse-questionnaire"
            name="questionnaire"
            aria-describedby={described("analyse-questionnaire")}
          >
            <option value="">Tous les questionnaires</option>
            {FEEDBACK_KINDS.map((kind) => (
              <option value={kind} selected={params.questionnaire === kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class={fieldClass("analyse-sujet")}>
          <label for="analyse-sujet">Démarche ou sujet</label>
          <p class="form-hint" id="analyse-sujet-aide">
            Identifiant exact (par exemple F1341) ; « - » pour les avis sans démarche.
          </p>
          <ErrorText id="analyse-sujet" error={error} />
          <input
            type="text"
            id="analyse-sujet"
            name="sujet"
            value={params.sujet ?? ""}
            aria-describedby={described("analyse-sujet", "analyse-sujet-aide")}
          />
        </div>
      </div>
      {params.theme ? <input type="hidden" name="theme" value={params.theme} /> : null}
      <p class="desk-filters-actions">
        <button type="submit">Afficher</button>
        <a href={props.action}>Revenir aux 30 derniers jours</a>
      </p>
    </form>
  );
}
