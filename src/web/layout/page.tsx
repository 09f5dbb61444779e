import type { ComponentChildren } from "preact";
import type { SiteContext } from "../site.ts";

export type Crumb = { label: string; href?: string };

export type PageProps = {
  site: SiteContext;
  /** The page's own title; the site name is appended. */
  title: string;
  description?: string;
  breadcrumb?: Crumb[];
  /** Current path, to mark the active navigation link. */
  path?: string;
  /** Pre-filled search query. */
  query?: string;
  /** Extra stylesheets of one part of the site (e.g. "/assets/feedback.css"). */
  stylesheets?: string[];
  children: ComponentChildren;
};

const NAV: { href: string; label: string }[] = [
  { href: "/", label: "Accueil" },
  { href: "/themes", label: "Démarches par thème" },
  { href: "/faq", label: "Questions fréquentes" },
  { href: "/assistant", label: "Assistant" },
  { href: "/actualites", label: "Actualités" },
  { href: "/contact", label: "Nous écrire" },
  { href: "/suivi", label: "Suivre ma demande" },
];

export function Page(props: PageProps) {
  const { site } = props;
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${site.organisation.name}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {site.theme.name === "etat" ? (
          <link rel="stylesheet" href={`/assets/dsfr/dsfr.min.css?v=${site.assetVersion}`} />
        ) : null}
        <link rel="stylesheet" href={`/assets/site.css?v=${site.assetVersion}`} />
        <link rel="stylesheet" href={`/assets/theme.css?v=${site.assetVersion}`} />
        {(props.stylesheets ?? []).map((href) => (
          <link rel="stylesheet" href={`${href}?v=${site.assetVersion}`} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <a class="skip-link" href="#recherche">
          Aller à la recherche
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="site-name" href="/">
              {site.organisation.name}
              <span class="site-tagline">Vos démarches et services</span>
            </a>
            {/* biome-ignore lint/a11y/useSemanticElements: <search> is too recent for older assistive technologies */}
            <form
              class="header-search"
              role="search"
              aria-label="Rechercher dans le site"
              action="/recherche"
              method="get"
            >
              <label for="recherche">Rechercher une démarche</label>
              <div class="search-row">
                <input
                  id="recherche"
                  name="q"
                  type="search"
                  value={props.query ?? ""}
                  autocomplete="off"
                  maxlength={200}
                />
                <button type="submit">Rechercher</button>
              </div>
            </form>
          </div>
          <nav class="site-nav" aria-label="Navigation principale">
            <ul class="container">
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={props.path === item.href ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {props.breadcrumb && props.breadcrumb.length > 0 ? (
          <nav class="container breadcrumb" aria-label="Fil d'Ariane">
            <ol>
              {props.breadcrumb.map((crumb, index) => (
                <li>
                  {crumb.href && index < props.breadcrumb!.length - 1 ? (
                    <a href={crumb.href}>{crumb.label}</a>
                  ) : (
                    <span aria-current={index === props.breadcrumb!.length - 1 ? "page" : undefined}>
                      {crumb.label}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="contenu" class="container" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{site.organisation.name}</p>
            <ul>
              <li>
                <a href="/mentions-legales">Mentions légales</a>
              </li>
              <li>
                <a href="/accessibilite">Accessibilité : non conforme (audit en cours)</a>
              </li>
              <li>
                <a href="/temoignages">Témoignages</a>
              </li>
              <li>
                <a href="/suggestions">Boîte à idées</a>
              </li>
              <li>
                <a href="/vous-avez-dit">Vous avez dit, nous avons fait</a>
              </li>
              <li>
                <a href="/resultats">Nos résultats</a>
              </li>
              <li>
                <a href="/avis">Je donne mon avis</a>
              </li>
              <li>
                <a href="/admin">Espace agents</a>
              </li>
            </ul>
            <p class="footer-note">
              Les fiches pratiques proviennent de service-public.fr (Direction de l'information légale et
              administrative).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
