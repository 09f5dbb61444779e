import type { FicheSummary } from "../../domains/knowledge/fiches/index.ts";
import { Page } from "../layout/page.tsx";
import type { SiteContext } from "../site.ts";

export function ThemesPage(props: { site: SiteContext; themes: FicheSummary[] }) {
  return (
    <Page
      site={props.site}
      title="Démarches par thème"
      path="/themes"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Démarches par thème" }]}
    >
      <h1>Démarches par thème</h1>
      {props.themes.length === 0 ? (
        <p>Les fiches pratiques ne sont pas encore chargées. Revenez dans quelques instants.</p>
      ) : (
        <ul class="link-grid">
          {props.themes.map((theme) => (
            <li>
              <a href={`/fiches/${theme.id}`}>{theme.title}</a>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
