import type { ComponentChildren } from "preact";
import type { SiteContext } from "../site.ts";

export type BackofficePageProps = {
  site: SiteContext;
  title: string;
  /** Set when the page shows form errors, so the browser tab says so first. */
  hasErrors?: boolean;
  flash?: string | undefined;
  /** Extra stylesheets of one part of the back office (e.g. "/assets/charts.css"). */
  stylesheets?: string[];
  children: ComponentChildren;
};

/** Layout of the agents' area: its own header, no public search, a logout button. */
export function BackofficePage(props: BackofficePageProps) {
  const { site } = props;
  const title = `${props.hasErrors ? "Erreur : " : ""}${props.title} — Espace agents — ${site.organisation.name}`;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <link rel="stylesheet" href={`/assets/site.css?v=${site.assetVersion}`} />
        <link rel="stylesheet" href={`/assets/theme.css?v=${site.assetVersion}`} />
        {(props.stylesheets ?? []).map((href) => (
          <link rel="stylesheet" href={`${href}?v=${site.assetVersion}`} />
        ))}
      </head>
      <body class="backoffice">
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header class="site-header bo-header">
          <div class="container header-row">
            <a class="site-name" href="/admin">
              Espace agents
              <span class="site-tagline">{site.organisation.name}</span>
            </a>
            {site.agent ? (
              <div class="bo-account">
                <p>
                  Connecté en tant que <strong>{site.agent.displayName}</strong>
                </p>
                <form method="post" action="/admin/deconnexion">
                  <input type="hidden" name="_csrf" value={site.csrfToken ?? ""} />
                  <button type="submit" class="secondary">
                    Se déconnecter
                  </button>
                </form>
              </div>
            ) : null}
          </div>
          <nav class="site-nav" aria-label="Navigation de l'espace agents">
            <ul class="container">
              {site.agent ? (
                <li>
                  <a href="/admin">Tableau de bord</a>
                </li>
              ) : null}
              {site.agent && (site.agent.roles.includes("agent") || site.agent.roles.includes("admin")) ? (
                <li>
                  <a href="/admin/demandes">Demandes</a>
                </li>
              ) : null}
              {site.agent && (site.agent.roles.includes("agent") || site.agent.roles.includes("admin")) ? (
                <li>
                  <a href="/admin/temoignages">Témoignages et actions</a>
                </li>
              ) : null}
              {site.agent && (site.agent.roles.includes("agent") || site.agent.roles.includes("admin")) ? (
                <li>
                  <a href="/admin/avis/analyse">Analyse des avis</a>
                </li>
              ) : null}
              {site.agent && (site.agent.roles.includes("agent") || site.agent.roles.includes("admin")) ? (
                <li>
                  <a href="/admin/besoins">Besoins des usagers</a>
                </li>
              ) : null}
              {site.agent && (site.agent.roles.includes("editor") || site.agent.roles.includes("admin")) ? (
                <li>
                  <a href="/admin/questions-sans-reponse">Questions sans réponse</a>
                </li>
              ) : null}
              {site.agent?.roles.includes("admin") ? (
                <li>
                  <a href="/admin/resultats">Résultats publiés</a>
                </li>
              ) : null}
              {site.agent?.roles.includes("admin") ? (
                <li>
                  <a href="/admin/agents">Administration</a>
                </li>
              ) : null}
              <li>
                <a href="/">Voir le site public</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="contenu" class="container" tabindex={-1}>
          {props.flash ? (
            <div class="notice" role="status">
              <p>{props.flash}</p>
            </div>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>Espace réservé aux agents de {site.organisation.name}.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
