import { Page } from "../../layout/page.tsx";
import type { SiteContext } from "../../site.ts";
import { FEEDBACK_CSS } from "./feedback-page.tsx";

/** The HTML a town pastes at the end of a procedure or at the bottom of any page of its site. */
export function embedSnippet(publicUrl: string, topic: string): string {
  const href = `${publicUrl.replace(/\/+$/, "")}/avis?canal=web${topic ? `&demarche=${encodeURIComponent(topic)}` : ""}`;
  return `<a href="${href.replace(/&/g, "&amp;")}" style="display:inline-block;padding:.75rem 1.25rem;border:2px solid #000091;border-radius:4px;background:#fff;color:#000091;font-weight:700;text-decoration:none">Je donne mon avis</a>`;
}

export function FeedbackEmbedPage(props: { site: SiteContext }) {
  const base = props.site.publicUrl.replace(/\/+$/, "");
  return (
    <Page
      site={props.site}
      title="Ajouter le bouton « Je donne mon avis »"
      breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Bouton « Je donne mon avis »" }]}
      stylesheets={[FEEDBACK_CSS]}
    >
      <h1>Ajouter le bouton « Je donne mon avis »</h1>
      <p class="lead">
        Pour le service informatique : un simple lien, sans script ni cookie, à placer en fin de démarche ou
        en bas de page de votre site.
      </p>
      <h2>Le code à copier</h2>
      <p>
        Remplacez F1341 par la démarche de la page (identifiant de fiche service-public.fr ou votre propre
        nom), ou retirez le paramètre « demarche ».
      </p>
      <pre class="embed-snippet">
        <code>{embedSnippet(props.site.publicUrl, "F1341")}</code>
      </pre>
      <h2>Aperçu</h2>
      <p>
        <a class="button secondary" href={`${base}/avis?canal=web&demarche=F1341`}>
          Je donne mon avis
        </a>
      </p>
      <h2>Les paramètres</h2>
      <dl class="case-facts">
        <dt>canal</dt>
        <dd>web (site), counter (guichet), phone (téléphone), chat, email</dd>
        <dt>demarche</dt>
        <dd>la démarche ou le sujet : F1341, procedure:&lt;identifiant&gt;, ou un mot sans espace</dd>
      </dl>
      <p>
        Au guichet : la <a href="/avis/borne">page pour borne tactile</a> et un{" "}
        <a href="/avis/qr?canal=counter">code QR à imprimer</a>.
      </p>
    </Page>
  );
}
