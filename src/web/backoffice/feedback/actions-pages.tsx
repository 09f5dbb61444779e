import {
  ACTION_STATUS_LABELS,
  ACTION_TRANSITIONS,
  type ActionListEntry,
  type ActionSource,
  type ImprovementAction,
} from "../../../domains/feedback/actions/index.ts";
import type { SiteContext } from "../../site.ts";
import { BackofficePage } from "../backoffice-page.tsx";
import {
  CsrfField,
  ErrorSummary,
  type FieldError,
  InputField,
  SelectField,
  TextareaField,
} from "../form-fields.tsx";
import { FeedbackNav } from "./feedback-nav.tsx";
import { ACTIONS_PATH, actionPath, formatShort, NEW_ACTION_PATH, testimonialPath } from "./paths.ts";

export function ActionsListPage(props: {
  site: SiteContext;
  actions: ActionListEntry[];
  flash?: string | undefined;
}) {
  return (
    <BackofficePage site={props.site} title="Actions d'amélioration" flash={props.flash}>
      <h1>Actions d'amélioration</h1>
      <FeedbackNav current={ACTIONS_PATH} roles={props.site.agent?.roles} />
      <p>
        Les actions en cours et réalisées sont publiées sur la page{" "}
        <a href="/vous-avez-dit">Vous avez dit, nous avons fait</a>, avec ce que les usagers ont dit.
      </p>
      <p>
        <a href={NEW_ACTION_PATH}>Nouvelle action</a>
      </p>
      {props.actions.length === 0 ? (
        <p>Aucune action pour le moment.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {props.actions.length} action{props.actions.length > 1 ? "s" : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Statut</th>
                <th scope="col">Responsable</th>
                <th scope="col">Retours liés</th>
                <th scope="col">Mise à jour</th>
              </tr>
            </thead>
            <tbody>
              {props.actions.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={actionPath(a.id)}>{a.title}</a>
                  </th>
                  <td>
                    <span class="badge">{ACTION_STATUS_LABELS[a.status]}</span>
                  </td>
                  <td>{a.ownerName ?? "—"}</td>
                  <td>{a.sources}</td>
                  <td>{formatShort(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackofficePage>
  );
}

export type ActionFormValues = { titre: string; description: string; resultat: string; responsable: string };

export type ActionPageProps = {
  site: SiteContext;
  action?: (ImprovementAction & { sources: ActionSource[] }) | undefined;
  agents: { id: string; displayName: string }[];
  values: ActionFormValues;
  errors: FieldError[];
  flash?: string | undefined;
};

function SourceItem(props: { source: ActionSource }) {
  const s = props.source;
  return (
    <li>
      {s.kind === "testimonial" && s.testimonialId ? (
        <a href={testimonialPath(s.testimonialId)}>Témoignage</a>
      ) : s.kind === "suggestion" ? (
        "Suggestion"
      ) : (
        `Référence : ${s.reference ?? ""}`
      )}
      {s.quote ? ` — « ${s.quote} »` : ""}
    </li>
  );
}

export function ActionPage(props: ActionPageProps) {
  const { action, values, errors } = props;
  const csrf = props.site.csrfToken;
  const err = (id: string) => errors.find((e) => e.id === id)?.message;
  const title = action ? action.title : "Nouvelle action d'amélioration";
  return (
    <BackofficePage site={props.site} title={title} hasErrors={errors.length > 0} flash={props.flash}>
      <p>
        <a href={ACTIONS_PATH}>Retour aux actions</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      {action ? (
        <p>
          Statut : <span class="badge">{ACTION_STATUS_LABELS[action.status]}</span>
          {action.startedAt ? ` · commencée le ${formatShort(action.startedAt)}` : ""}
          {action.realisedAt ? ` · réalisée le ${formatShort(action.realisedAt)}` : ""}
        </p>
      ) : null}
      <form method="post" action={action ? actionPath(action.id) : ACTIONS_PATH} novalidate>
        <CsrfField token={csrf} />
        <InputField
          id="titre"
          label="Titre"
          required
          error={err("titre")}
          maxlength={150}
          value={values.titre}
        />
        <TextareaField
          id="description"
          label="Description"
          required
          hint="Ce qui est envisagé, et pourquoi."
          error={err("description")}
          rows={5}
          maxlength={4000}
          value={values.description}
        />
        <TextareaField
          id="resultat"
          label="Ce que nous avons fait"
          hint="Publié sur « Vous avez dit, nous avons fait » quand l'action est en cours ou réalisée."
          error={err("resultat")}
          rows={4}
          maxlength={4000}
          value={values.resultat}
        />
        <SelectField id="responsable" label="Responsable" hint="Facultatif." error={err("responsable")}>
          <option value="">Personne pour le moment</option>
          {props.agents.map((a) => (
            <option value={a.id} selected={a.id === values.responsable}>
              {a.displayName}
            </option>
          ))}
        </SelectField>
        <button type="submit">{action ? "Enregistrer" : "Créer l'action"}</button>
      </form>
      {action ? (
        <>
          <h2 id="statut">Changer le statut</h2>
          {ACTION_TRANSITIONS[action.status].map((to) => (
            <form method="post" action={`${actionPath(action.id)}/statut`} class="inline-form">
              <CsrfField token={csrf} />
              <input type="hidden" name="statut" value={to} />
              <button type="submit" class="secondary">
                Passer à « {ACTION_STATUS_LABELS[to]} »
              </button>
            </form>
          ))}
          <h2 id="sources">Ce que les usagers ont dit</h2>
          {action.sources.length === 0 ? (
            <p>Aucun retour lié.</p>
          ) : (
            <ul>
              {action.sources.map((s) => (
                <SourceItem source={s} />
              ))}
            </ul>
          )}
          <form method="post" action={`${actionPath(action.id)}/references`} novalidate>
            <CsrfField token={csrf} />
            <InputField
              id="reference"
              label="Ajouter une référence"
              hint="Par exemple : « Questionnaire d'accueil, mars 2026 »."
              error={err("reference")}
              maxlength={200}
            />
            <TextareaField
              id="citation"
              label="Citation (facultatif)"
              hint="Ce que les usagers ont dit, sans donnée personnelle."
              rows={2}
              maxlength={280}
            />
            <button type="submit" class="secondary">
              Ajouter la référence
            </button>
          </form>
        </>
      ) : null}
    </BackofficePage>
  );
}
