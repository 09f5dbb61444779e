import type { PublicAction } from "../../../domains/feedback/actions/index.ts";
import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { formatFrenchDate } from "../french-date.ts";

function ActionItem(props: { action: PublicAction }) {
  const { action } = props;
  return (
    <article class="card" aria-labelledby={`a-${action.id}`}>
      <h3 id={`a-${action.id}`}>{action.title}</h3>
      <p class="form-hint">
        {action.status === "realisee" && action.realisedAt
          ? `Réalisée le ${formatFrenchDate(action.realisedAt)}`
          : action.startedAt
            ? `En cours depuis le ${formatFrenchDate(action.startedAt)}`
            : "En cours"}
      </p>
      {action.quotes.length > 0 ? (
        <>
          <h4>Vous avez dit</h4>
          {action.quotes.map((quote) => (
            <blockquote>
              <p>« {quote} »</p>
            </blockquote>
          ))}
        </>
      ) : null}
      <h4>{action.status === "realisee" ? "Nous avons fait" : "Ce que nous faisons"}</h4>
      <p>{action.outcome || action.description}</p>
    </article>
  );
}

export function YouSaidPage(props: { site: SiteContext; actions: PublicAction[] }) {
  const realised = props.actions.filter((a) => a.status === "realisee");
  const inProgress = props.actions.filter((a) => a.status === "en_cours");
  return (
    <Page
      site={props.site}
      title="Vous avez dit, nous avons fait"
      path="/vous-avez-dit"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Vous avez dit, nous avons fait" }]}
    >
      <h1>Vous avez dit, nous avons fait</h1>
      <p class="lead">
        Vos témoignages et vos suggestions nous font avancer. Voici ce qui a changé grâce à eux, et ce qui est
        en cours.
      </p>
      <p>
        <a href="/suggestions">Proposer une idée</a> ·{" "}
        <a href="/temoignages/nouveau">Partager votre expérience</a>
      </p>
      <h2>Réalisé</h2>
      {realised.length === 0 ? (
        <p>Aucune action réalisée pour le moment.</p>
      ) : (
        realised.map((a) => <ActionItem action={a} />)
      )}
      <h2>En cours</h2>
      {inProgress.length === 0 ? (
        <p>Aucune action en cours pour le moment.</p>
      ) : (
        inProgress.map((a) => <ActionItem action={a} />)
      )}
    </Page>
  );
}
