import type { QuestionnaireSummary } from "../../../domains/feedback/questionnaires/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import { FeedbackNav } from "../feedback/feedback-nav.tsx";
import {
  formatCount,
  KIND_LABELS,
  NEW_QUESTIONNAIRE_PATH,
  publicPathOf,
  QUESTIONNAIRES_PATH,
  questionnairePath,
  STATUS_LABELS,
} from "./labels.ts";
import { StatusButtons } from "./status-buttons.tsx";

/** Every questionnaire of the organisation: where it is, its state, its version, its answers. */
export function QuestionnairesPage(props: {
  site: SiteContext;
  questionnaires: QuestionnaireSummary[];
  flash?: string | undefined;
}) {
  return (
    <BackofficePage site={props.site} title="Questionnaires" flash={props.flash}>
      <FeedbackNav current={QUESTIONNAIRES_PATH} roles={props.site.agent?.roles} />
      <h1>Questionnaires</h1>
      <p>
        Chaque modification d'un questionnaire en crée une nouvelle version : les réponses déjà reçues restent
        rattachées à la version que l'usager a vue. Un questionnaire personnalisé est créé en brouillon et
        n'est ouvert aux usagers qu'une fois publié.
      </p>
      <p>
        <a class="button" href={NEW_QUESTIONNAIRE_PATH}>
          Créer un questionnaire
        </a>
      </p>
      <div class="table-wrap">
        <table class="desk-inbox">
          <caption>Questionnaires de l'organisation, les standards d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Questionnaire</th>
              <th scope="col">Adresse</th>
              <th scope="col">Type</th>
              <th scope="col">État</th>
              <th scope="col">Version</th>
              <th scope="col">Réponses</th>
              <th scope="col">Lien public</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.questionnaires.map((questionnaire) => (
              <tr>
                <th scope="row">{questionnaire.title}</th>
                <td>{questionnaire.slug}</td>
                <td>{KIND_LABELS[questionnaire.kind]}</td>
                <td>{STATUS_LABELS[questionnaire.status]}</td>
                <td>{questionnaire.currentVersion}</td>
                <td>{formatCount(questionnaire.answers)}</td>
                <td>
                  {questionnaire.status === "published" ? (
                    <a href={publicPathOf(questionnaire.slug)}>
                      {publicPathOf(questionnaire.slug)}
                      <span class="visually-hidden"> (site public)</span>
                    </a>
                  ) : (
                    "Non ouvert aux usagers"
                  )}
                </td>
                <td>
                  <a href={questionnairePath(questionnaire.id)}>
                    Modifier<span class="visually-hidden"> « {questionnaire.title} »</span>
                  </a>
                  <StatusButtons
                    questionnaire={questionnaire}
                    csrfToken={props.site.csrfToken}
                    back="liste"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </BackofficePage>
  );
}
