import type { VNode } from "preact";
import { Page } from "../../../web/layout/page.tsx";
import type { SiteContext } from "../../../web/site.ts";

/** A plain page pointing to the OpenAPI document: no third-party viewer, nothing loaded from elsewhere. */
export function apiDocsView(props: {
  site: SiteContext;
  endpoints: { method: string; url: string; summary: string }[];
}): VNode {
  return (
    <Page site={props.site} title="API" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "API" }]}>
      <h1>API de {props.site.organisation.name}</h1>
      <p class="lead">
        Description OpenAPI 3 : <a href="/api/docs/openapi.json">/api/docs/openapi.json</a> (à ouvrir dans
        l'outil de votre choix).
      </p>
      <p>
        Les opérations sur les demandes demandent une clé d'API de la commune, envoyée dans l'en-tête{" "}
        <code>Authorization: Bearer gk_…</code>. Les erreurs ont la forme{" "}
        <code>{'{"error": {"code", "message", "requestId"}}'}</code>, avec un message en français.
      </p>
      <h2>Opérations</h2>
      <ul>
        {props.endpoints.map((e) => (
          <li>
            <code>
              {e.method} {e.url}
            </code>{" "}
            : {e.summary}
          </li>
        ))}
      </ul>
    </Page>
  );
}
